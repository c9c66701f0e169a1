import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { MeDocument, type MeQuery, type Role } from './gql/graphql';
import { ensureCsrfCookie, jsonHeaders, postJson } from '../api/http';
import { useI18n } from '../i18n';

/** Where to go after a provider sign-in, which leaves the page and comes back to "/". */
export const RETURN_TO_KEY = 'hacktrail.returnTo';

export type AuthOptions = {
  providers: { id: string; name: string; loginUrl: string }[];
  demo: boolean;
  personas: { id: string; displayName: string }[];
};

export type Me = NonNullable<MeQuery['me']>;

type SessionValue = {
  me: Me | null;
  /** True until the first answer to "who am I". */
  loading: boolean;
  error: string | undefined;
  options: AuthOptions | undefined;
  hasRole: (role: Role) => boolean;
  /** After signing in or out: fresh client (no cached data of the previous person) and a fresh `me`. */
  changed: () => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

export function useAuthOptions(): AuthOptions | undefined {
  const [options, setOptions] = useState<AuthOptions>();
  useEffect(() => {
    let cancelled = false;
    fetch('/api/auth/options', { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((body: AuthOptions | undefined) => {
        if (!cancelled && body) setOptions(body);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return options;
}

/** Who is signed in. `onChange` is called after a sign-in or sign-out (the root then starts a new GraphQL client). */
export function SessionProvider({ children, onChange }: { children: ReactNode; onChange: () => void }) {
  const options = useAuthOptions();
  const [{ data, fetching, error }] = useQuery({ query: MeDocument });
  const me = data?.me ?? null;
  const signOut = useCallback(async () => {
    await ensureCsrfCookie();
    await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: jsonHeaders() });
    onChange();
  }, [onChange]);
  const value = useMemo<SessionValue>(
    () => ({
      me,
      loading: fetching && !data,
      error: error && !data ? error.message : undefined,
      options,
      hasRole: (role) => !!me?.roles.includes(role),
      changed: onChange,
      signOut,
    }),
    [me, fetching, data, error, options, onChange, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** The ways to sign in this server offers: configured providers, and demo personas in demo mode. */
export function SignInOptions({ onSignedIn }: { onSignedIn?: () => void }) {
  const { t } = useI18n();
  const { options, changed } = useSession();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const loginFailed = new URLSearchParams(window.location.search).get('login') === 'failed';

  async function signInAs(persona: string) {
    setBusy(true);
    setFailed(false);
    const response = await postJson('/api/demo/login', { persona }).catch(() => undefined);
    setBusy(false);
    if (response?.ok) {
      changed();
      onSignedIn?.();
    } else {
      setFailed(true);
    }
  }

  if (!options) return <p role="status">{t('auth.loading')}</p>;
  return (
    <div className="sign-in-options">
      {(loginFailed || failed) && <p role="alert">{t('auth.failed')}</p>}
      {options.providers.length === 0 && !options.demo && <p>{t('auth.noProviders')}</p>}
      {options.providers.length > 0 && (
        <ul className="plain-list">
          {options.providers.map((provider) => (
            <li key={provider.id}>
              <a className="button" href={provider.loginUrl}>
                {t('auth.signInWith', { provider: provider.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {options.demo && (
        <fieldset className="personas">
          <legend>{t('demo.choose')}</legend>
          {options.personas.map((persona) => (
            <button key={persona.id} type="button" disabled={busy} onClick={() => signInAs(persona.id)}>
              {t('demo.signInAs', { name: persona.displayName })}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
