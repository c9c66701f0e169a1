import type { MessageKey } from '../../i18n';

const ROLES = new Set(['LEAD', 'DEVELOPER', 'DESIGNER', 'DATA', 'PM', 'DOMAIN_EXPERT', 'PUBLIC_SERVANT', 'OTHER']);

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export type NotificationParameter = { name: string; value: string };

/**
 * What each notification type says, from the message catalogs: `text` with the parameters filled in, and an optional
 * `detail` (a note or reason someone wrote). A variant is chosen when an optional parameter is present (e.g. the
 * position asked for). A type this panel does not know yet gets a generic sentence: a raw type name is never shown.
 */
const TEXTS: Record<string, { text: MessageKey; withSkill?: MessageKey; detail?: { parameter: string; key: MessageKey } }> = {
  TEAM_JOIN_REQUEST_RECEIVED: { text: 'notification.joinRequestReceived', withSkill: 'notification.joinRequestReceivedFor' },
  TEAM_JOIN_REQUEST_ACCEPTED: { text: 'notification.joinRequestAccepted', detail: { parameter: 'note', key: 'notification.note' } },
  TEAM_JOIN_REQUEST_DECLINED: { text: 'notification.joinRequestDeclined', detail: { parameter: 'note', key: 'notification.note' } },
  TEAM_INVITATION_RECEIVED: { text: 'notification.invitationReceived', withSkill: 'notification.invitationReceivedFor' },
  TEAM_INVITATION_ACCEPTED: { text: 'notification.invitationAccepted' },
  TEAM_INVITATION_DECLINED: { text: 'notification.invitationDeclined', detail: { parameter: 'note', key: 'notification.note' } },
  TEAM_MEMBER_REMOVED: { text: 'notification.memberRemoved', detail: { parameter: 'reason', key: 'notification.reason' } },
};

export function notificationText(
  type: string,
  parameters: NotificationParameter[],
  t: Translate,
): { text: string; detail?: string } {
  const values: Record<string, string> = {};
  for (const parameter of parameters) values[parameter.name] = parameter.value;
  // Roles travel as enum names (DEVELOPER); say them in the reader's language.
  if (values.role && ROLES.has(values.role)) values.role = t(`teamRole.${values.role}` as MessageKey);
  const known = TEXTS[type];
  if (!known) {
    return { text: values.proposalTitle ? t('notification.otherAbout', values) : t('notification.other') };
  }
  const key = known.withSkill && values.positionSkill ? known.withSkill : known.text;
  const detailValue = known.detail ? values[known.detail.parameter] : undefined;
  return {
    text: t(key, values),
    detail: known.detail && detailValue ? t(known.detail.key, { text: detailValue }) : undefined,
  };
}

/** A notification's link, if it is a path inside Hacktrail (never another site). */
export function internalLink(link: string | null | undefined): string | undefined {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : undefined;
}
