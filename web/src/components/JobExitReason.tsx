import { useI18n } from '../i18n';
import { formatReaderDateTime } from '../lib/dates';
import { CodedText, type Coded } from './CodedText';

/**
 * Why a batch run failed or stopped early (`JobRun.exitReason`), said from the catalog (`jobs.exit.*`) with its
 * values, the time a rate limit ends in the reader's format; a failure without a code as "The job failed; details
 * (English): …", the English marked as such and cut at `max` characters.
 */
export function JobExitReason({ reason, max = 300 }: { reason: Coded; max?: number }) {
  const { locale } = useI18n();
  const until = reason.args?.find((arg) => arg.name === 'until')?.value;
  const message = reason.message.length > max ? `${reason.message.slice(0, max)}…` : reason.message;
  return (
    <CodedText
      prefix="jobs.exit"
      text={{ ...reason, message }}
      values={until ? { until: formatReaderDateTime(until, locale) } : undefined}
    />
  );
}
