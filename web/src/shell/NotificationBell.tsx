import { useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { useQuery } from 'urql';
import { UnreadNotificationCountDocument } from './gql/graphql';
import { NOTIFICATIONS_CHANGED, NOTIFICATION_POLL_MS } from '../lib/notifications';
import { useI18n } from '../i18n';

/**
 * The header's link to /notifications with the unread count. Polled gently (once a minute, only while the page is
 * visible), again when the page becomes visible, and at once after an action that may change it.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const [location] = useLocation();
  const [{ data }, refetch] = useQuery({ query: UnreadNotificationCountDocument, requestPolicy: 'cache-and-network' });
  useEffect(() => {
    const refresh = () => refetch({ requestPolicy: 'network-only' });
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') refresh();
    }, NOTIFICATION_POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refetch]);
  const count = data?.unreadNotificationCount;
  const label =
    count === undefined ? t('bell.label') : count === 0 ? t('bell.none') : t('bell.unread', { count: count > 99 ? '99+' : count });
  return (
    <Link
      href="/notifications"
      className="bell"
      aria-label={label}
      title={label}
      aria-current={location === '/notifications' ? 'page' : undefined}
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24" className="bell-icon">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count !== undefined && count > 0 && <span className="bell-count">{count > 99 ? '99+' : count}</span>}
    </Link>
  );
}
