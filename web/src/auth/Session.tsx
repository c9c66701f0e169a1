import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { postJson, ensureCsrfCookie, jsonHeaders } from '../api/http';
import { useI18n } from '../i18n';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      roles
    }
  }
`);

export type AuthOptions = {
  providers: { id: string; name: string; loginUrl: string }[];
  demo: boolean;
  personas: { id: string; displayName: string }[];
};

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

/** Who is signed in, with sign-in and sign-out controls. */
export function Session({ options }: { options: AuthOptions | undefined }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MeQuery });
  const [busy, setBusy] = useState(false);
  const loginFailed = new URLSearchParams(window.location.search).get('login') === 'failed';

  async function signOut() {
    setBusy(true);
    await ensureCsrfCookie();
    await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: jsonHeaders() });
    setBusy(false);
    refetch({ requestPolicy: 'network-only' });
  }

  if (fetching && !data) return <p role="status">{t('auth.loading')}</p>;
  if (error && !data) return <p role="alert">{t('auth.error', { message: error.message })}</p>;

  const me = data?.me;
  if (me) {
    return (
      <div className="session">
        <span className="session-user">{t('auth.signedInAs', { name: me.displayName })}</span>
        {me.roles.length > 0 && (
          <span className="session-roles">
            {t('auth.roles', { roles: me.roles.map((role) => t(`role.${role}`)).join(', ') })}
          </span>
        )}
        <button type="button" onClick={signOut} disabled={busy}>
          {t('auth.signOut')}
        </button>
      </div>
    );
  }
  return (
    <div className="session">
      {loginFailed && <p role="alert">{t('auth.failed')}</p>}
      {options && options.providers.length === 0 && !options.demo && <p>{t('auth.noProviders')}</p>}
      {options?.providers.map((provider) => (
        <a key={provider.id} className="button" href={provider.loginUrl}>
          {t('auth.signInWith', { provider: provider.name })}
        </a>
      ))}
      {options?.demo && <DemoPersonas options={options} onSignedIn={() => refetch({ requestPolicy: 'network-only' })} />}
    </div>
  );
}

function DemoPersonas({ options, onSignedIn }: { options: AuthOptions; onSignedIn: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  async function signInAs(persona: string) {
    setBusy(true);
    const response = await postJson('/api/demo/login', { persona });
    setBusy(false);
    if (response.ok) onSignedIn();
  }
  return (
    <fieldset className="personas">
      <legend>{t('demo.choose')}</legend>
      {options.personas.map((persona) => (
        <button key={persona.id} type="button" disabled={busy} onClick={() => signInAs(persona.id)}>
          {t('demo.signInAs', { name: persona.displayName })}
        </button>
      ))}
    </fieldset>
  );
}
