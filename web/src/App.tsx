import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Route, Router, Switch, useLocation, type BaseLocationHook, type BaseSearchHook } from 'wouter';
import { Provider, type Client } from 'urql';
import { createClient } from './api/client';
import { RETURN_TO_KEY, SessionProvider, useSession } from './auth/Session';
import { ErrorBoundary } from './components/ErrorBoundary';
import { FocusRequest, Loading, Page } from './components/Page';
import { LOCALES, useI18n, type Locale } from './i18n';
import { NAV, ROUTES, allowed, enabled, type RouteDef } from './routes';
import { NotificationBell } from './shell/NotificationBell';

/**
 * The whole panel: a GraphQL client (replaced after every sign-in or sign-out so that nothing cached for one person
 * is shown to the next), the session, and the shell. `makeClient` and `location` are for tests.
 */
export function Root({
  makeClient = createClient,
  location,
}: {
  makeClient?: () => Client;
  location?: { hook: BaseLocationHook; searchHook: BaseSearchHook };
}) {
  const [client, setClient] = useState(makeClient);
  const renew = useCallback(() => setClient(makeClient()), [makeClient]);
  return (
    <Provider value={client}>
      <SessionProvider onChange={renew}>
        <Router hook={location?.hook} searchHook={location?.searchHook}>
          <App />
        </Router>
      </SessionProvider>
    </Provider>
  );
}

export function App() {
  const { t } = useI18n();
  const { options } = useSession();
  const [location] = useLocation();
  const pendingFocus = useRef(false);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    pendingFocus.current = true;
    window.scrollTo?.(0, 0);
  }, [location]);
  const focus = useMemo(
    () => ({
      consume: () => {
        const pending = pendingFocus.current;
        pendingFocus.current = false;
        return pending;
      },
    }),
    [],
  );
  useReturnAfterSignIn();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {options?.demo && (
        <div className="demo-banner" role="note">
          {t('demo.banner')}
        </div>
      )}
      <Header />
      <main id="main" tabIndex={-1}>
        <FocusRequest.Provider value={focus}>
          <ErrorBoundary
            resetKey={location}
            fallback={() => (
              <div role="alert" className="notice notice-error">
                <h1>{t('error.screenTitle')}</h1>
                <p>{t('error.screen')}</p>
                <button type="button" onClick={() => window.location.reload()}>
                  {t('error.reloadPage')}
                </button>
              </div>
            )}
          >
            <Suspense fallback={<Loading />}>
              <Switch>
                {ROUTES.filter((route) => enabled(route.feature)).map((route) => (
                  <Route key={route.path} path={route.path}>
                    {(params) => <Guarded route={route} params={params as Record<string, string>} />}
                  </Route>
                ))}
                <Route>
                  <NotFound />
                </Route>
              </Switch>
            </Suspense>
          </ErrorBoundary>
        </FocusRequest.Provider>
      </main>
      <footer className="app-footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </>
  );
}

/** After an OAuth2 sign-in the server lands on "/": go back to where the person asked to sign in. */
function useReturnAfterSignIn() {
  const { me } = useSession();
  const [, navigate] = useLocation();
  useEffect(() => {
    if (!me) return;
    const target = sessionStorage.getItem(RETURN_TO_KEY);
    if (target) {
      sessionStorage.removeItem(RETURN_TO_KEY);
      if (target.startsWith('/') && !target.startsWith('//')) navigate(target, { replace: true });
    }
  }, [me, navigate]);
}

function Guarded({ route, params }: { route: RouteDef; params: Record<string, string> }) {
  const { t } = useI18n();
  const { me, loading, hasRole } = useSession();
  const [location] = useLocation();
  if (route.access !== 'public') {
    if (loading) return <Loading />;
    if (!me) {
      return (
        <Page title={t('auth.required')}>
          <p>{t('auth.requiredText')}</p>
          <Link className="button" href={`/sign-in?next=${encodeURIComponent(location)}`}>
            {t('auth.signIn')}
          </Link>
        </Page>
      );
    }
    if (!allowed(route.access, true, hasRole)) {
      return (
        <Page title={t('error.forbiddenTitle')}>
          <p>{t('error.forbidden')}</p>
        </Page>
      );
    }
  }
  const Screen = route.component;
  return <Screen params={params} />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('error.notFoundTitle')}>
      <p>{t('error.notFoundPage')}</p>
      <Link href="/">{t('nav.home')}</Link>
    </Page>
  );
}

/**
 * The header. On a wide screen: the name, the language, the bell, who is signed in and the navigation, all in view.
 * On a phone (up to 37.5rem, see `.app-header` in styles.css) only the name, the bell (or "Sign in") and a menu button
 * stay in view: the rest sits behind the button, a disclosure (`aria-expanded`, `aria-controls`) that opens in the
 * page's flow, right after the button in the focus order. Escape closes it and puts the focus back on the button; so
 * do a click outside the header and the focus leaving the header; going to another page closes it. On a wide screen
 * the button is not shown and the menu's content is laid out in the header as before.
 */
function Header() {
  const { t, locale, setLocale } = useI18n();
  const { me, hasRole, signOut } = useSession();
  const [location] = useLocation();
  const [open, setOpen] = useState(false);
  const headerRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const entries = NAV.filter((entry) => enabled(entry.feature) && allowed(entry.access, !!me, hasRole));
  const current = currentEntry(location, entries.map((entry) => entry.href));
  useEffect(() => setOpen(false), [location]);
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!headerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const menuId = 'app-menu';
  return (
    <header
      ref={headerRef}
      className={open ? 'app-header menu-open' : 'app-header'}
      onKeyDown={(event) => {
        if (open && event.key === 'Escape') {
          event.stopPropagation();
          setOpen(false);
          toggleRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (open && next && !headerRef.current?.contains(next)) setOpen(false);
      }}
    >
      <div className="app-bar">
        <Link href="/" className="app-name">
          {t('app.name')}
        </Link>
        <div className="app-quick">
          {me && enabled('teams') && <NotificationBell />}
          {!me && location !== '/sign-in' && (
            <Link className="button button-light" href={`/sign-in?next=${encodeURIComponent(location)}`}>
              {t('auth.signIn')}
            </Link>
          )}
        </div>
        <button
          ref={toggleRef}
          type="button"
          className="menu-toggle button-light"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true" className="menu-icon">
            {open ? '\u2715' : '\u2630'}
          </span>{' '}
          {t('nav.menu')}
        </button>
        <div id={menuId} className="app-menu">
          <div className="app-tools">
            <label className="locale">
              <span>{t('lang.label')}</span>
              <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
                {LOCALES.map((option) => (
                  <option key={option.id} value={option.id} lang={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
            {me && (
              <span className="session">
                <span className="session-user">{t('auth.signedInAs', { name: me.displayName })}</span>
                <button type="button" className="button-light" onClick={signOut}>
                  {t('auth.signOut')}
                </button>
              </span>
            )}
          </div>
          <nav aria-label={t('nav.label')} className="app-nav">
            <ul>
              {entries.map((entry) => (
                <li key={entry.href}>
                  <Link href={entry.href} aria-current={entry.href === current ? 'page' : undefined}>
                    {t(entry.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}

/** The navigation entry for the current page: the longest entry that is the location or a prefix of it. */
export function currentEntry(location: string, hrefs: string[]): string | undefined {
  return hrefs
    .filter((href) => location === href || location.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}
