import { useState } from 'react';
import { useMutation } from 'urql';
import { VerifyMilestonesDocument } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n } from '../../i18n';

/**
 * One decision for many milestones: the organizer ticks the ones whose evidence they checked (or all shown), adds one
 * note, confirms the count, and the server verifies exactly those (refusing the whole decision if one of them was
 * rejected or is unknown).
 */
export function BulkVerifyBar({
  shownIds,
  selected,
  onSelect,
  onDone,
}: {
  shownIds: string[];
  selected: string[];
  onSelect: (ids: string[]) => void;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [{ fetching }, verify] = useMutation(VerifyMilestonesDocument);
  const count = selected.length;
  const submit = async () => {
    setProblem(null);
    const response = await verify({ input: { ids: selected, note: note.trim() || undefined } });
    setConfirming(false);
    if (response.error) {
      setProblem(problemOf(response.error) ?? null);
      return;
    }
    const result = response.data?.verifyOutcomeMilestones;
    if (result) {
      const message =
        result.unchangedIds.length > 0
          ? t('followup.bulk.doneSome', { verified: result.verifiedCount, unchanged: result.unchangedIds.length })
          : t(result.verifiedCount === 1 ? 'followup.bulk.doneOne' : 'followup.bulk.done', { verified: result.verifiedCount });
      setNote('');
      onSelect([]);
      onDone(message);
    }
  };
  return (
    <section aria-labelledby="bulk-verify-heading" className="panel">
      <h2 id="bulk-verify-heading">{t('followup.bulk.title')}</h2>
      <p className="hint">{t('followup.bulk.hint')}</p>
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onSelect(count === shownIds.length ? [] : shownIds)}
          disabled={shownIds.length === 0}
        >
          {count === shownIds.length && count > 0 ? t('followup.bulk.selectNone') : t('followup.bulk.selectAll', { n: shownIds.length })}
        </button>{' '}
        <span role="status">{t('followup.bulk.selected', { n: count })}</span>
      </p>
      <Field label={t('followup.bulk.note')} hint={t('followup.bulk.noteHint')}>
        {(props) => <textarea {...props} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="button" className="button" disabled={count === 0 || fetching} onClick={() => setConfirming(true)}>
        {t(count === 1 ? 'followup.bulk.verifyOne' : 'followup.bulk.verifyMany', { n: count })}
      </button>
      {problem && <ProblemNotice problem={problem} />}
      <ConfirmDialog
        open={confirming}
        title={t(count === 1 ? 'followup.bulk.verifyOne' : 'followup.bulk.verifyMany', { n: count })}
        confirmLabel={t('followup.bulk.confirm')}
        cancelLabel={t('followup.bulk.cancel')}
        busy={fetching}
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
      >
        <p>{t(count === 1 ? 'followup.bulk.confirmTextOne' : 'followup.bulk.confirmText', { n: count })}</p>
      </ConfirmDialog>
    </section>
  );
}
