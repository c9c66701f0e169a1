import { useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { ChangeRoundStatusDocument, type JudgingRoundStatus } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n/judging';

export { SECTORS, num } from '../../lib/judging';

/** The fewest characters of a written reason (justification, tie resolution, closing incomplete): WrittenReason. */
export const WRITTEN_REASON_MIN = 20;

/** Whether a text is a written reason by the backend's rule (20 or more characters once trimmed). */
export function isWrittenReason(text: string): boolean {
  return text.trim().length >= WRITTEN_REASON_MIN;
}

/** One sheet a close would leave out, from a ROUND_INCOMPLETE refusal's `extensions.unsubmitted`. */
export type UnsubmittedSheet = { judgeId: string; judgeName: string; proposalId: string; proposalTitle: string; status: string };

/** The details of the first GraphQL error whose `extensions.rule` is `rule`, or undefined. */
export function refusalDetails(error: CombinedError | undefined, rule: string): Record<string, unknown> | undefined {
  const refusal = error?.graphQLErrors.find((e) => e.extensions?.rule === rule);
  return refusal?.extensions as Record<string, unknown> | undefined;
}

export function roundPath(slug: string, roundId: string): string {
  return `/organize/hackathons/${slug}/judging/rounds/${roundId}`;
}

/**
 * The round's status and the moves an organizer makes: open (DRAFT → OPEN), close (OPEN → CLOSED, after a
 * confirmation: judges can no longer save), reopen (CLOSED → OPEN, with a reason kept in the round's history). A close
 * the backend refuses because sheets are not submitted (ROUND_INCOMPLETE) lists those sheets and offers to close
 * anyway with a written reason.
 */
export function RoundStatusActions({
  round,
  onChanged,
}: {
  round: { id: string; status: JudgingRoundStatus; version: number };
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [result, change] = useMutation(ChangeRoundStatusDocument);
  const [problem, setProblem] = useState<Problem>();
  const [confirming, setConfirming] = useState<JudgingRoundStatus>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [unsubmitted, setUnsubmitted] = useState<UnsubmittedSheet[]>();
  const [closeReason, setCloseReason] = useState('');
  const [closeReasonError, setCloseReasonError] = useState<string>();

  async function move(to: JudgingRoundStatus, why?: string, confirmIncomplete?: boolean) {
    setProblem(undefined);
    const response = await change({
      input: { roundId: round.id, to, reason: why, confirmIncomplete, expectedVersion: round.version },
    });
    setConfirming(undefined);
    const incomplete = refusalDetails(response.error, 'ROUND_INCOMPLETE');
    if (incomplete && !confirmIncomplete) {
      setUnsubmitted((incomplete.unsubmitted as UnsubmittedSheet[] | undefined) ?? []);
      requestAnimationFrame(() => document.getElementById('round-incomplete-heading')?.focus());
    } else if (response.error) setProblem(problemOf(response.error));
    else {
      setReason('');
      setCloseReason('');
      setUnsubmitted(undefined);
      onChanged();
    }
  }

  function closeAnyway(event: FormEvent) {
    event.preventDefault();
    if (!isWrittenReason(closeReason)) {
      setCloseReasonError(t('judging.status.incompleteReasonRequired'));
      return;
    }
    setCloseReasonError(undefined);
    void move('CLOSED', closeReason.trim(), true);
  }

  function reopen(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('judging.status.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    void move('OPEN', reason.trim());
  }

  return (
    <section aria-labelledby="round-status-heading" className="panel">
      <h2 id="round-status-heading">{t('judging.status.title')}</h2>
      <p>
        {t('judging.status.current')}{' '}
        <strong className={`badge round-${round.status.toLowerCase()}`}>{t(`judging.roundStatus.${round.status}` as MessageKey)}</strong>
      </p>
      <p className="muted">{t(`judging.status.explain.${round.status}` as MessageKey)}</p>
      <ProblemNotice problem={problem} onReload={onChanged} shownFields={['reason']} />
      {round.status === 'DRAFT' && (
        <button type="button" disabled={result.fetching} onClick={() => setConfirming('OPEN')}>
          {t('judging.status.open')}
        </button>
      )}
      {round.status === 'OPEN' && !unsubmitted && (
        <button type="button" disabled={result.fetching} onClick={() => setConfirming('CLOSED')}>
          {t('judging.status.close')}
        </button>
      )}
      {round.status === 'OPEN' && unsubmitted && (
        <form className="stack round-incomplete" onSubmit={closeAnyway} noValidate>
          <h3 id="round-incomplete-heading" tabIndex={-1}>
            {t('judging.status.incompleteTitle', { n: unsubmitted.length })}
          </h3>
          <p>{t('judging.status.incompleteText')}</p>
          <ul>
            {unsubmitted.map((sheet) => (
              <li key={`${sheet.judgeId}:${sheet.proposalId}`}>
                {t('judging.status.incompleteSheet', {
                  judge: sheet.judgeName,
                  proposal: sheet.proposalTitle,
                  status: t(`judging.sheetState.${sheet.status}` as MessageKey),
                })}
              </li>
            ))}
          </ul>
          <Field
            label={t('judging.status.incompleteReason')}
            hint={t('judging.status.incompleteHint')}
            error={closeReasonError ?? problem?.fields.reason}
          >
            {(props) => <textarea {...props} rows={2} value={closeReason} onChange={(e) => setCloseReason(e.target.value)} />}
          </Field>
          <div className="button-row">
            <button type="submit" disabled={result.fetching}>
              {t('judging.status.closeAnyway')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setUnsubmitted(undefined)}>
              {t('judging.status.keepOpen')}
            </button>
          </div>
        </form>
      )}
      {round.status === 'CLOSED' && (
        <form className="stack" onSubmit={reopen} noValidate>
          <Field label={t('judging.status.reopenReason')} error={reasonError ?? problem?.fields.reason}>
            {(props) => <input {...props} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" className="button-secondary" disabled={result.fetching}>
            {t('judging.status.reopen')}
          </button>
        </form>
      )}
      <ConfirmDialog
        open={confirming !== undefined}
        title={confirming === 'OPEN' ? t('judging.status.openTitle') : t('judging.status.closeTitle')}
        confirmLabel={confirming === 'OPEN' ? t('judging.status.open') : t('judging.status.close')}
        cancelLabel={t('common.cancel')}
        busy={result.fetching}
        onConfirm={() => confirming && void move(confirming)}
        onCancel={() => setConfirming(undefined)}
      >
        <p>{confirming === 'OPEN' ? t('judging.status.openText') : t('judging.status.closeText')}</p>
      </ConfirmDialog>
    </section>
  );
}
