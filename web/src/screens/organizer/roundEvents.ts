import type { Locale } from '../../i18n';
import type { MessageKey } from '../../i18n/judging';
import { messageValues, type MessageArg } from '../../lib/messages';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

type RoundEventView = { action: string; detail?: string | null; args: MessageArg[]; reason?: string | null; coded: boolean };

/**
 * What a round event says beyond its label, from the catalog and the event's values (the API's `detail` says it in
 * English); an event kept before events had values shows its detail as it is.
 */
export function roundEventDetail(event: RoundEventView, t: Translate, locale: Locale): string {
  if (!event.coded) return event.detail ?? '';
  const values = messageValues(event.args, locale);
  const raw = (name: string) => event.args.find((arg) => arg.name === name)?.value ?? '';
  let text = '';
  switch (event.action) {
    case 'ASSIGNED':
      text = t('judging.eventDetail.ASSIGNED', {
        ...values,
        seed: raw('seed'),
        cause: t(`judging.planReason.${raw('cause')}` as MessageKey, values),
      });
      break;
    case 'CLOSED':
      if ('notSubmitted' in values) text = t('judging.eventDetail.CLOSED', values);
      break;
    case 'SELECTED':
    case 'PUBLISHED':
      text = t(`judging.eventDetail.${event.action}` as MessageKey, {
        ...values,
        quotaOverride: raw('quotaOverride'),
        kind: t(`judging.selectionKind.${raw('kind')}` as MessageKey),
      });
      break;
    case 'PLAN_DISCARDED':
    case 'TABLES_CHANGED':
      text = t(`judging.eventDetail.${event.action}` as MessageKey, values);
      break;
    default:
      break;
  }
  return [text, event.reason ?? ''].filter((part) => part).join(' — ');
}
