import type { Locale, MessageKey } from '../../i18n';
import { formatDateTime } from '../../lib/dates';

const ROLES = new Set(['LEAD', 'DEVELOPER', 'DESIGNER', 'DATA', 'PM', 'DOMAIN_EXPERT', 'PUBLIC_SERVANT', 'OTHER']);

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export type NotificationParameter = { name: string; value: string };

/**
 * What each notification type says, from the message catalogs: `text` with the parameters filled in, and an optional
 * `detail` (a note or reason someone wrote). A variant is chosen when an optional parameter is present (e.g. the
 * position asked for). A type this panel does not know yet gets a generic sentence: a raw type name is never shown.
 */
const TEXTS: Record<
  string,
  { text: MessageKey; withSkill?: MessageKey; withEdition?: MessageKey; detail?: { parameter: string; key: MessageKey } }
> = {
  TEAM_JOIN_REQUEST_RECEIVED: { text: 'notification.joinRequestReceived', withSkill: 'notification.joinRequestReceivedFor' },
  TEAM_JOIN_REQUEST_ACCEPTED: { text: 'notification.joinRequestAccepted', detail: { parameter: 'note', key: 'notification.note' } },
  TEAM_JOIN_REQUEST_DECLINED: { text: 'notification.joinRequestDeclined', detail: { parameter: 'note', key: 'notification.note' } },
  TEAM_INVITATION_RECEIVED: { text: 'notification.invitationReceived', withSkill: 'notification.invitationReceivedFor' },
  TEAM_INVITATION_ACCEPTED: { text: 'notification.invitationAccepted' },
  TEAM_INVITATION_DECLINED: { text: 'notification.invitationDeclined', detail: { parameter: 'note', key: 'notification.note' } },
  TEAM_MEMBER_REMOVED: { text: 'notification.memberRemoved', detail: { parameter: 'reason', key: 'notification.reason' } },
  PROJECT_FOLLOW_UP_REQUESTED: { text: 'notification.followUpRequested', withEdition: 'notification.followUpRequestedAt' },
  PROJECT_TRAIL_CHANGED: { text: 'notification.trailChanged' },
  JUDGING_REMINDER: { text: 'notification.judgingReminder' },
};

/** PROJECT_TRAIL_CHANGED says what changed (its `change` parameter); an unknown change gets the general sentence. */
const TRAIL_CHANGES: Record<string, MessageKey> = {
  MILESTONE_ADDED: 'notification.trailMilestoneAdded',
  MILESTONE_CHANGED: 'notification.trailMilestoneChanged',
  MILESTONE_VERIFIED: 'notification.trailMilestoneVerified',
  MILESTONE_REJECTED: 'notification.trailMilestoneRejected',
  MILESTONES_IMPORTED: 'notification.trailImported',
  STATE_CHANGED: 'notification.trailStateChanged',
};

/** Project states a notification may name; said in the reader's language. */
const PROJECT_STATES = new Set(['ACTIVE', 'DORMANT', 'FUNDED', 'ADOPTED', 'INTEGRATED', 'DISCONTINUED']);

export function notificationText(
  type: string,
  parameters: NotificationParameter[],
  t: Translate,
  locale: Locale = 'en',
): { text: string; detail?: string } {
  const values: Record<string, string | number> = {};
  for (const parameter of parameters) values[parameter.name] = parameter.value;
  // The edition a notice is about, in the reader's language when it has a name in it.
  const edition =
    (locale === 'zh-TW' ? (values.hackathonNameZhTW ?? values.hackathonNameEn) : (values.hackathonNameEn ?? values.hackathonNameZhTW)) ??
    values.hackathonName;
  if (edition) values.edition = edition;
  // Counts go to the catalog as numbers, so that plurals pick their form.
  if (typeof values.months === 'string' && /^\d+$/.test(values.months)) values.months = Number(values.months);
  // Roles travel as enum names (DEVELOPER); say them in the reader's language.
  if (typeof values.role === 'string' && ROLES.has(values.role)) values.role = t(`teamRole.${values.role}` as MessageKey);
  const known = TEXTS[type];
  if (type === 'JUDGING_REMINDER') return judgingReminder(values, t, locale);
  if (!known) {
    return { text: values.proposalTitle ? t('notification.otherAbout', values) : t('notification.other') };
  }
  if (typeof values.state === 'string' && PROJECT_STATES.has(values.state)) values.state = t(`notification.projectState.${values.state}` as MessageKey);
  let key = known.withSkill && values.positionSkill ? known.withSkill : known.withEdition && values.edition ? known.withEdition : known.text;
  const change = String(values.change ?? '');
  if (type === 'PROJECT_TRAIL_CHANGED' && TRAIL_CHANGES[change]) {
    key = TRAIL_CHANGES[change];
    if (key === 'notification.trailStateChanged' && !values.state) key = 'notification.trailChanged';
  }
  const detailValue = known.detail ? values[known.detail.parameter] : undefined;
  return {
    text: t(key, values),
    detail: known.detail && detailValue !== undefined ? t(known.detail.key, { text: detailValue }) : undefined,
  };
}

/**
 * A reminder of judging work left (JUDGING_REMINDER): how much is left in which round, then the proposals it names
 * (`proposal1`…, with `more` beyond them) and the deadline (`closesAt`) in the event's time zone (`timeZone`).
 */
function judgingReminder(values: Record<string, string | number>, t: Translate, locale: Locale): { text: string; detail?: string } {
  const pick = (name: string) =>
    (locale === 'zh-TW' ? (values[`${name}ZhTW`] ?? values[`${name}En`]) : (values[`${name}En`] ?? values[`${name}ZhTW`])) ?? values[name] ?? '';
  const remaining = Number(values.remaining ?? 0);
  const text = t(values.method === 'PAIRWISE' ? 'notification.judgingReminderExpo' : 'notification.judgingReminder', {
    remaining: Number.isFinite(remaining) ? remaining : 0,
    round: pick('roundName'),
    edition: pick('hackathonName'),
  });
  const titles: string[] = [];
  for (let i = 1; values[`proposal${i}`] !== undefined; i++) titles.push(String(values[`proposal${i}`]));
  const lines: string[] = [];
  if (titles.length > 0) {
    const listed = titles.join(locale === 'zh-TW' ? '、' : ', ');
    const more = Number(values.more ?? 0);
    lines.push(t('notification.judgingReminderLeft', { titles: more > 0 ? t('notification.judgingReminderMore', { titles: listed, more }) : listed }));
  }
  if (typeof values.closesAt === 'string') {
    const zone = typeof values.timeZone === 'string' ? values.timeZone : 'UTC';
    let time = values.closesAt;
    try {
      time = formatDateTime(values.closesAt, zone, locale);
    } catch {
      // An unknown zone or a value that is not a time: shown as it came.
    }
    lines.push(t('notification.judgingReminderDue', { time }));
  }
  return { text, detail: lines.length > 0 ? lines.join(' ') : undefined };
}

/** A notification's link, if it is a path inside Hacktrail (never another site). */
export function internalLink(link: string | null | undefined): string | undefined {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : undefined;
}
