import { useEffect } from 'react';
import { useLocation, useSearch } from 'wouter';
import { RETURN_TO_KEY, SignInOptions, useSession } from '../auth/Session';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';

/** Sign in with a configured provider or a demo persona, then go back to `next`. */
export default function SignInPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const search = useSearch();
  const [, navigate] = useLocation();
  const raw = new URLSearchParams(search).get('next') ?? '/';
  const next = raw.startsWith('/') && !raw.startsWith('//') && raw !== '/sign-in' ? raw : '/';
  useEffect(() => {
    // A provider sign-in leaves the page and comes back to "/"; remember where to return.
    if (!me) sessionStorage.setItem(RETURN_TO_KEY, next);
  }, [me, next]);
  useEffect(() => {
    if (me) {
      sessionStorage.removeItem(RETURN_TO_KEY);
      navigate(next, { replace: true });
    }
  }, [me, next, navigate]);
  return (
    <Page title={t('auth.signIn')}>
      <SignInOptions />
    </Page>
  );
}
