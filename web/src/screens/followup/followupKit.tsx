import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  RejectMilestoneDocument,
  VerifyMilestoneDocument,
  type MilestoneFieldsFragment,
  type MilestoneType,
  type ProjectOutcomeState,
} from './gql/graphql';
import { problemOf, type Problem, type FieldError } from '../../api/errors';
import { Field } from '../../components/Field';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n';

export const MILESTONE_TYPES: MilestoneType[] = [
  'FUNDING_APPLIED',
  'FUNDED',
  'PILOT',
  'ADOPTED',
  'INTEGRATED_INTO_OPERATIONS',
  'SERVICE_RETIRED',
  'DISCONTINUED',
  'ACTIVITY',
];

/** A calendar date from the API ("2021-03-04") as the reader writes dates; a date has no time zone. */
export function formatDay(date: string, locale: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(parsed);
}

/** An exact decimal amount from the API with its ISO 4217 code, in the reader's format; the text as sent if odd. */
export function formatMoney(amount: string, currency: string, locale: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
  } catch {
    return `${new Intl.NumberFormat(locale).format(value)} ${currency}`;
  }
}

export function StateBadge({ state }: { state: ProjectOutcomeState }) {
  const { t } = useI18n();
  return <span className={`badge outcome-state state-${state.toLowerCase()}`}>{t(`followup.state.${state}` as MessageKey)}</span>;
}

export function VerificationBadge({ milestone }: { milestone: Pick<MilestoneFieldsFragment, 'verification'> }) {
  const { t } = useI18n();
  return (
    <span className={`badge verification-${milestone.verification.toLowerCase()}`}>
      {t(`followup.verification.${milestone.verification}` as MessageKey)}
    </span>
  );
}

/** "Funded · 3 Mar 2021": names a milestone in buttons and headings, so that each control's name is unique. */
export function milestoneName(milestone: Pick<MilestoneFieldsFragment, 'type' | 'date'>, t: ReturnType<typeof useI18n>['t'], locale: string) {
  return `${t(`followup.type.${milestone.type}` as MessageKey)} · ${formatDay(milestone.date, locale)}`;
}

/** What a milestone says: who, how much, where the evidence is, where it came from and whether it was checked. */
export function MilestoneDetails({ milestone }: { milestone: MilestoneFieldsFragment }) {
  const { t, locale } = useI18n();
  return (
    <>
      <dl className="facts">
        {milestone.agency && (
          <>
            <dt>{t(milestone.type === 'FUNDED' || milestone.type === 'FUNDING_APPLIED' ? 'followup.field.funder' : 'followup.field.agency')}</dt>
            <dd>
              {milestone.agency}
              {milestone.level && ` (${t(`followup.level.${milestone.level}` as MessageKey)})`}
            </dd>
          </>
        )}
        {milestone.programme && (
          <>
            <dt>{t('followup.field.programme')}</dt>
            <dd>{milestone.programme}</dd>
          </>
        )}
        {milestone.amount && (
          <>
            <dt>{t('followup.field.amount')}</dt>
            <dd>{formatMoney(milestone.amount, milestone.currency ?? '', locale)}</dd>
          </>
        )}
        <dt>{t('followup.field.source')}</dt>
        <dd>{t(`followup.source.${milestone.source}` as MessageKey)}</dd>
        <dt>{t('followup.field.verification')}</dt>
        <dd>
          <VerificationBadge milestone={milestone} />
          {milestone.verificationReason && <span className="muted"> {milestone.verificationReason}</span>}
        </dd>
        {milestone.evidenceUrl && (
          <>
            <dt>{t('followup.field.evidence')}</dt>
            <dd>
              <a href={milestone.evidenceUrl} rel="noopener noreferrer nofollow">
                {milestone.evidenceUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      {milestone.note && <p className="prose">{milestone.note}</p>}
    </>
  );
}

/**
 * An organizer's decision on a milestone: verify it, or reject it with a reason the team reads. The version read is
 * sent along, so a decision on a milestone changed meanwhile is refused (CONFLICT) instead of overwriting.
 */
export function MilestoneDecision({
  milestone,
  onDecided,
}: {
  milestone: MilestoneFieldsFragment;
  onDecided: (milestone: MilestoneFieldsFragment) => void;
}) {
  const { t, locale } = useI18n();
  const [, verify] = useMutation(VerifyMilestoneDocument);
  const [, reject] = useMutation(RejectMilestoneDocument);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<FieldError>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const name = milestoneName(milestone, t, locale);

  async function doVerify() {
    setProblem(undefined);
    setBusy(true);
    const response = await verify({ input: { id: milestone.id, expectedVersion: milestone.version } });
    setBusy(false);
    if (response.error) setProblem(problemOf(response.error));
    else if (response.data) onDecided(response.data.verifyOutcomeMilestone.milestone);
  }

  async function doReject(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    if (!reason.trim()) {
      setReasonError(t('followup.decide.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    setBusy(true);
    const response = await reject({ input: { id: milestone.id, reason: reason.trim(), expectedVersion: milestone.version } });
    setBusy(false);
    if (response.error) {
      const found = problemOf(response.error);
      setProblem(found);
      if (found?.fields.reason) setReasonError(found.fields.reason);
      return;
    }
    if (response.data) {
      setRejecting(false);
      setReason('');
      onDecided(response.data.rejectOutcomeMilestone.milestone);
    }
  }

  return (
    <div className="decision">
      <ProblemNotice problem={problem} shownFields={['reason']} onReload={() => onDecided(milestone)} />
      <div className="button-row">
        {milestone.verification !== 'VERIFIED' && (
          <button type="button" disabled={busy} onClick={doVerify}>
            {t('followup.decide.verify', { name })}
          </button>
        )}
        {milestone.verification !== 'REJECTED' && !rejecting && (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => setRejecting(true)}>
            {t('followup.decide.reject', { name })}
          </button>
        )}
      </div>
      {rejecting && (
        <form className="stack" onSubmit={doReject}>
          <Field label={t('followup.decide.reason', { name })} hint={t('followup.decide.reasonHint')} error={reasonError}>
            {(props) => <textarea {...props} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="button-row">
            <button type="submit" disabled={busy}>
              {t('followup.decide.confirmReject')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
