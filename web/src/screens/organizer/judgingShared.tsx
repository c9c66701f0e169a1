import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ChangeRoundStatusDocument, type JudgingRoundStatus } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n/judging';

export { SECTORS, num } from '../../lib/judging';

export function roundPath(slug: string, roundId: string): string {
  return `/organize/hackathons/${slug}/judging/rounds/${roundId}`;
}

/**
 * The round's status and the moves an organizer makes: open (DRAFT → OPEN), close (OPEN → CLOSED, after a
 * confirmation: judges can no longer save), reopen (CLOSED → OPEN, with a reason kept in the round's history).
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

  async function move(to: JudgingRoundStatus, why?: string) {
    setProblem(undefined);
    const response = await change({ input: { roundId: round.id, to, reason: why, expectedVersion: round.version } });
    setConfirming(undefined);
    if (response.error) setProblem(problemOf(response.error));
    else {
      setReason('');
      onChanged();
    }
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
      {round.status === 'OPEN' && (
        <button type="button" disabled={result.fetching} onClick={() => setConfirming('CLOSED')}>
          {t('judging.status.close')}
        </button>
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
