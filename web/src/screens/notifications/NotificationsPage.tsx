import { useState } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import { MarkNotificationsReadDocument, NotificationsDocument, type NotificationFieldsFragment } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { ChunkPlaceholder, CursorList, useChunkPage, type ChunkProps } from '../../components/CursorList';
import { Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { formatDateTime, readerTimeZone } from '../../lib/dates';
import { notificationsChanged } from '../../lib/notifications';
import { useI18n } from '../../i18n';
import { internalLink, notificationText } from './messages';

const PAGE_SIZE = 25;

/** The reader's own time zone: a notification belongs to no one hackathon. */
/** My notifications, newest first, in my language; mark one or all read; each links to where to act on it. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [read, setRead] = useState<Set<string>>(() => new Set());
  const [allRead, setAllRead] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [status, setStatus] = useState<string>();
  const [marking, mark] = useMutation(MarkNotificationsReadDocument);

  async function markRead(ids: string[] | 'all') {
    setProblem(undefined);
    setStatus(undefined);
    const response = await mark({ input: ids === 'all' ? { all: true } : { ids } });
    if (response.error) {
      setProblem(problemOf(response.error));
      return;
    }
    if (ids === 'all') {
      setAllRead(true);
      setStatus(t('notifications.allMarked'));
    } else {
      setRead((previous) => new Set([...previous, ...ids]));
    }
    notificationsChanged();
  }

  return (
    <Page
      title={t('notifications.title')}
      actions={
        <button type="button" className="button-secondary" disabled={marking.fetching} onClick={() => markRead('all')}>
          {t('notifications.markAll')}
        </button>
      }
    >
      <ProblemNotice problem={problem} />
      {status && (
        <p role="status" className="notice notice-ok">
          {status}
        </p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
        <span>{t('notifications.unreadOnly')}</span>
      </label>
      <CursorList
        key={String(unreadOnly)}
        label={t('notifications.title')}
        empty={unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}
        chunk={(props) => (
          <NotificationChunk
            {...props}
            unreadOnly={unreadOnly}
            isRead={(notification) => allRead || notification.read || read.has(notification.id)}
            onMarkRead={(id) => markRead([id])}
            busy={marking.fetching}
          />
        )}
      />
    </Page>
  );
}

function NotificationChunk({
  after,
  onPage,
  focusFirst,
  unreadOnly,
  isRead,
  onMarkRead,
  busy,
}: ChunkProps & {
  unreadOnly: boolean;
  isRead: (notification: NotificationFieldsFragment) => boolean;
  onMarkRead: (id: string) => void;
  busy: boolean;
}) {
  const { t, locale } = useI18n();
  const [{ data, error, fetching }] = useQuery({
    query: NotificationsDocument,
    variables: { first: PAGE_SIZE, after, unreadOnly },
  });
  const page = data?.notifications;
  const ref = useChunkPage(page, { after, onPage, focusFirst });
  if (error) return <ChunkPlaceholder error={error} />;
  if (fetching && !page) return <ChunkPlaceholder />;
  const zone = readerTimeZone();
  return (
    <>
      {page?.edges.map(({ node }, index) => {
        const { text, detail } = notificationText(node.type, node.parameters, t, locale);
        const read = isRead(node);
        const link = internalLink(node.link);
        return (
          <li key={node.id} className={read ? 'card notification' : 'card notification unread'}>
            <div ref={index === 0 ? ref : undefined}>
              <p className="notification-text">
                {!read && <span className="badge badge-unread">{t('notifications.unread')}</span>}{' '}
                {link ? (
                  <Link href={link} onClick={() => !read && onMarkRead(node.id)}>
                    {text}
                  </Link>
                ) : (
                  text
                )}
              </p>
              {detail && <p className="prose">{detail}</p>}
              <p className="meta">{formatDateTime(node.createdAt, zone, locale)}</p>
              {!read && (
                <button type="button" className="button-secondary" disabled={busy} onClick={() => onMarkRead(node.id)}>
                  {t('notifications.markRead')}
                  <span className="visually-hidden">: {text}</span>
                </button>
              )}
            </div>
          </li>
        );
      })}
    </>
  );
}
