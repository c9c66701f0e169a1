import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PROPOSER, callsNamed, renderPanel } from '../../test/harness';
import { NOTIFICATIONS_CHANGED, NOTIFICATION_POLL_MS, notificationsChanged } from '../../lib/notifications';
import { en } from '../../i18n/en';
import { format, type MessageKey } from '../../i18n';
import { zhTW } from '../../i18n/zh-TW';
import { internalLink, notificationText } from './messages';

const EMPTY_HACKATHONS = { Hackathons: () => ({ data: { hackathons: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }) };

function notification(id: string, type: string, parameters: Record<string, string>, read = false) {
  return {
    cursor: `c-${id}`,
    node: {
      id,
      type,
      parameters: Object.entries(parameters)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => ({ name, value })),
      link: `/proposals/${parameters.proposalId ?? 'p1'}#team`,
      createdAt: '2026-07-02T02:00:00Z',
      readAt: read ? '2026-07-02T03:00:00Z' : null,
      read,
    },
  };
}

const COMMON = { proposalId: 'p1', proposalTitle: '災害應變志工媒合', hackathonSlug: 'g0v-65' };
const LIST = [
  notification('n1', 'TEAM_JOIN_REQUEST_RECEIVED', { ...COMMON, requestId: 'jr1', requesterName: 'Rae Requester', positionSkill: 'Frontend' }),
  notification('n2', 'TEAM_JOIN_REQUEST_ACCEPTED', { ...COMMON, requestId: 'jr2', note: 'Welcome!' }),
  notification('n3', 'TEAM_INVITATION_RECEIVED', { ...COMMON, invitationId: 'i1', role: 'DESIGNER' }, true),
  notification('n4', 'JUDGING_SOMETHING_NEW', { ...COMMON }),
];
const PAGE = { data: { notifications: { edges: LIST, pageInfo: { hasNextPage: false, endCursor: 'c-n4' } } } };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('notification texts', () => {
  const t = (key: keyof typeof en, values?: Record<string, string | number>) => format(en[key], values);

  it('renders every team notification type from the catalog, with its variant and detail', () => {
    expect(notificationText('TEAM_JOIN_REQUEST_RECEIVED', LIST[0].node.parameters, t)).toEqual({
      text: 'Rae Requester asks to join the team of “災害應變志工媒合” as Frontend.',
      detail: undefined,
    });
    expect(notificationText('TEAM_JOIN_REQUEST_ACCEPTED', LIST[1].node.parameters, t)).toEqual({
      text: 'Your request to join the team of “災害應變志工媒合” was accepted. Welcome!',
      detail: 'Note: Welcome!',
    });
    expect(notificationText('TEAM_INVITATION_RECEIVED', LIST[2].node.parameters, t).text).toBe(
      'You are invited to join the team of “災害應變志工媒合” as Designer.',
    );
    const removed = notificationText('TEAM_MEMBER_REMOVED', [{ name: 'proposalTitle', value: 'X' }, { name: 'reason', value: 'Inactive' }], t);
    expect(removed).toEqual({ text: 'You were removed from the team of “X”.', detail: 'Reason: Inactive' });
    for (const type of ['TEAM_JOIN_REQUEST_DECLINED', 'TEAM_INVITATION_ACCEPTED', 'TEAM_INVITATION_DECLINED']) {
      const text = notificationText(type, [...LIST[0].node.parameters, { name: 'inviteeName', value: 'Ivy' }], t).text;
      expect(text).toContain('“災害應變志工媒合”');
      expect(text).not.toContain('{');
    }
  });

  it('renders follow-up notifications: the request to the leads and each kind of trail change', () => {
    const project = [{ name: 'projectName', value: '路平專案' }, { name: 'projectId', value: 'pr1' }];
    expect(notificationText('PROJECT_FOLLOW_UP_REQUESTED', [...project, { name: 'months', value: '6' }], t).text).toBe(
      '6 months after the event: what has become of “路平專案”? Report a milestone, or say there is nothing new.',
    );
    // A notice names its edition, in the reader's language, with the months' plural.
    const edition = [
      { name: 'hackathonName', value: '2026 總統盃黑客松' },
      { name: 'hackathonNameZhTW', value: '2026 總統盃黑客松' },
      { name: 'hackathonNameEn', value: 'Presidential Hackathon 2026' },
    ];
    expect(notificationText('PROJECT_FOLLOW_UP_REQUESTED', [...project, ...edition, { name: 'months', value: '1' }], t).text).toBe(
      'Presidential Hackathon 2026, 1 month after the event: what has become of “路平專案”? Report a milestone, or say there is nothing new.',
    );
    expect(notificationText('PROJECT_FOLLOW_UP_REQUESTED', [...project, ...edition, { name: 'months', value: '12' }], t).text).toContain(
      'Presidential Hackathon 2026, 12 months after',
    );
    const zh = (key: MessageKey, values?: Record<string, string | number>) => format(zhTW[key], values, 'zh-TW');
    expect(notificationText('PROJECT_FOLLOW_UP_REQUESTED', [...project, ...edition, { name: 'months', value: '6' }], zh, 'zh-TW').text).toBe(
      '2026 總統盃黑客松 結束 6 個月了：「路平專案」後來怎麼樣了？請回報里程碑，或告訴我們沒有新進展。',
    );
    const changed = (change: string, extra: { name: string; value: string }[] = []) =>
      notificationText('PROJECT_TRAIL_CHANGED', [...project, { name: 'change', value: change }, ...extra], t).text;
    expect(changed('MILESTONE_VERIFIED')).toBe('A milestone of “路平專案” was verified by the organizers.');
    expect(changed('STATE_CHANGED', [{ name: 'state', value: 'INTEGRATED' }])).toBe(
      '“路平專案” is now integrated into government operations.',
    );
    // A change this panel does not know yet, or a state change without its state: the general sentence.
    expect(changed('SOMETHING_NEW')).toBe('The outcome trail of “路平專案” changed.');
    expect(changed('STATE_CHANGED')).toBe('The outcome trail of “路平專案” changed.');
  });

  it('never shows a raw type name, even for a type it does not know', () => {
    expect(notificationText('JUDGING_SOMETHING_NEW', LIST[3].node.parameters, t).text).toBe('There is news about “災害應變志工媒合”.');
    expect(notificationText('OTHER_THING', [], t).text).toBe('There is news for you.');
  });

  it('follows only links inside Hacktrail', () => {
    expect(internalLink('/proposals/p1#team')).toBe('/proposals/p1#team');
    expect(internalLink('//evil.example/x')).toBeUndefined();
    expect(internalLink('https://evil.example/x')).toBeUndefined();
    expect(internalLink(null)).toBeUndefined();
  });
});

describe('notifications page', () => {
  it('lists notifications in the reader’s language, never with their type names, each linking to the team', async () => {
    renderPanel('/notifications', PROPOSER, { Notifications: () => PAGE, UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 3 } }) }, 'zh-TW');
    const list = await screen.findByRole('list', { name: '通知' });
    const link = await within(list).findByRole('link', { name: 'Rae Requester 申請加入「災害應變志工媒合」的團隊，擔任 Frontend。' });
    expect(link.getAttribute('href')).toBe('/proposals/p1#team');
    expect(list.textContent).toContain('您加入「災害應變志工媒合」團隊的申請已被接受。歡迎！');
    expect(list.textContent).toContain('備註：Welcome!');
    expect(list.textContent).toContain('您受邀以「設計」身分加入「災害應變志工媒合」的團隊。');
    expect(list.textContent).not.toMatch(/TEAM_|JUDGING_|DESIGNER/);
    // Three unread, each with its own "mark as read"; the read one has none.
    expect(within(list).getAllByText('未讀')).toHaveLength(3);
    expect(within(list).getAllByRole('button', { name: /^標為已讀/ })).toHaveLength(3);
  });

  it('marks one notification read, then all, and tells the bell to look again', async () => {
    const changed = vi.fn();
    window.addEventListener(NOTIFICATIONS_CHANGED, changed);
    const { calls } = renderPanel('/notifications', PROPOSER, {
      Notifications: () => PAGE,
      MarkNotificationsRead: (vars) => ({
        data: { markNotificationsRead: { notifications: ((vars.input as { ids?: string[] }).ids ?? []).map((id) => ({ id, read: true, readAt: '2026-07-02T04:00:00Z' })), unreadCount: 2 } },
      }),
    });
    const list = await screen.findByRole('list', { name: 'Notifications' });
    await within(list).findByRole('link', { name: /Rae Requester asks to join/ });
    await userEvent.click(
      within(list).getByRole('button', { name: 'Mark as read: Rae Requester asks to join the team of “災害應變志工媒合” as Frontend.' }),
    );
    expect(callsNamed(calls, 'MarkNotificationsRead')[0].variables.input).toEqual({ ids: ['n1'] });
    await vi.waitFor(() => expect(within(list).getAllByRole('button', { name: /^Mark as read/ })).toHaveLength(2));
    expect(changed).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(callsNamed(calls, 'MarkNotificationsRead')[1].variables.input).toEqual({ all: true });
    expect(await screen.findByText('All your notifications are marked as read.')).toBeTruthy();
    expect(within(list).queryAllByRole('button', { name: /^Mark as read/ })).toHaveLength(0);
    expect(changed).toHaveBeenCalledTimes(2);
    window.removeEventListener(NOTIFICATIONS_CHANGED, changed);
  });

  it('marks a notification read when its link is followed', async () => {
    const { calls, location } = renderPanel('/notifications', PROPOSER, {
      Notifications: () => PAGE,
      MarkNotificationsRead: () => ({ data: { markNotificationsRead: { notifications: [{ id: 'n2', read: true, readAt: 'x' }], unreadCount: 1 } } }),
    });
    await userEvent.click(await screen.findByRole('link', { name: /Your request to join the team/ }));
    expect(callsNamed(calls, 'MarkNotificationsRead')[0].variables.input).toEqual({ ids: ['n2'] });
    expect(location.history.at(-1)).toBe('/proposals/p1#team');
  });

  it('shows only unread notifications when asked', async () => {
    const { calls } = renderPanel('/notifications', PROPOSER, { Notifications: () => PAGE });
    await userEvent.click(await screen.findByLabelText('Show unread notifications only', {}));
    expect(callsNamed(calls, 'Notifications').at(-1)!.variables).toMatchObject({ unreadOnly: true, after: null });
  });
});

describe('the bell in the header', () => {
  it('shows the unread count to signed-in people only, and links to the notifications', async () => {
    renderPanel('/', PROPOSER, { ...EMPTY_HACKATHONS, UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 3 } }) });
    const bell = await screen.findByRole('link', { name: 'Notifications: 3 unread' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(bell.textContent).toBe('3');
    cleanup();

    renderPanel('/', null, EMPTY_HACKATHONS);
    await screen.findByRole('heading', { name: 'Hackathons', level: 1 });
    expect(screen.queryByRole('link', { name: /^Notifications/ })).toBeNull();
  });

  it('asks again once a minute while the page is visible, and at once after an action', async () => {
    const timers: { callback: () => void; ms: number }[] = [];
    vi.spyOn(window, 'setInterval').mockImplementation(((callback: () => void, ms: number) => {
      timers.push({ callback, ms });
      return 0;
    }) as unknown as typeof window.setInterval);
    let count = 1;
    const { calls } = renderPanel('/', PROPOSER, { ...EMPTY_HACKATHONS, UnreadNotificationCount: () => ({ data: { unreadNotificationCount: count } }) });
    await screen.findByRole('link', { name: 'Notifications: 1 unread' });
    const poll = timers.find((timer) => timer.ms === NOTIFICATION_POLL_MS);
    expect(poll).toBeTruthy();
    const before = callsNamed(calls, 'UnreadNotificationCount').length;

    count = 2;
    act(() => poll!.callback());
    expect(await screen.findByRole('link', { name: 'Notifications: 2 unread' })).toBeTruthy();
    expect(callsNamed(calls, 'UnreadNotificationCount').length).toBe(before + 1);

    count = 0;
    act(() => notificationsChanged());
    expect(await screen.findByRole('link', { name: 'Notifications: none unread' })).toBeTruthy();
    expect(callsNamed(calls, 'UnreadNotificationCount').length).toBe(before + 2);
  });
});
