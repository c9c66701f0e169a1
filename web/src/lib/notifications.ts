// The header's bell refreshes its unread count when something may have changed it: after marking notifications
// read, and after any team action (which may notify the person acting, e.g. an organizer who also leads a team).
// A plain DOM event keeps the bell (in the first-screen chunk) free of imports from the lazily loaded screens.

export const NOTIFICATIONS_CHANGED = 'hacktrail:notifications-changed';

/** How often the bell asks for the unread count while the page is visible. */
export const NOTIFICATION_POLL_MS = 60_000;

export function notificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
