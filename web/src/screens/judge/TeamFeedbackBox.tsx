import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { MyTeamFeedbackDocument, SaveTeamFeedbackDocument } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n } from '../../i18n/judging';

/** The most characters of feedback for a team (TeamFeedbackService.MAX_TEXT). */
export const MAX_FEEDBACK = 2000;

/**
 * The judge's written feedback for the proposal's team, on a score sheet or at an expo table: apart from the sheet's
 * private comment, saved on its own, read by the team (as "Judge 1, 2…") once the round is published. Read-only when
 * the round is not open or organizers hid it.
 */
export function TeamFeedbackBox({ roundId, proposalId, editable }: { roundId: string; proposalId: string; editable: boolean }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: MyTeamFeedbackDocument, variables: { roundId, proposalId }, requestPolicy: 'cache-and-network' });
  const [saving, save] = useMutation(SaveTeamFeedbackDocument);
  const stored = data?.myTeamFeedback;
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<'saved' | 'deleted'>();
  useEffect(() => {
    if (!touched) setText(stored?.text ?? '');
  }, [stored?.text, touched]);
  const hidden = stored?.hidden;
  const canWrite = editable && !hidden;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    setDone(undefined);
    const result = await save({ input: { roundId, proposalId, text: text.trim() } });
    if (result.error) {
      setProblem(problemOf(result.error));
      return;
    }
    const saved = result.data?.saveTeamFeedback.feedback;
    // What was saved stays in the box (touched: the stored text read before no longer replaces it).
    setTouched(true);
    setText(saved?.text ?? '');
    setDone(saved ? 'saved' : 'deleted');
  }

  return (
    <section className="panel team-feedback" aria-labelledby={`feedback-${proposalId}`} data-testid="team-feedback">
      <h2 id={`feedback-${proposalId}`}>{t('judging.feedback.title')}</h2>
      {hidden && <p className="notice notice-warn">{t('judging.feedback.hidden', { reason: hidden.reason })}</p>}
      {!editable && <p className="hint">{t('judging.feedback.closed')}</p>}
      {canWrite ? (
        <form onSubmit={onSubmit}>
          <ProblemNotice problem={problem} shownFields={['text']} />
          <Field label={t('judging.feedback.label')} hint={t('judging.feedback.hint')} error={problem?.fields.text}>
            {(props) => (
              <textarea
                {...props}
                rows={4}
                maxLength={MAX_FEEDBACK}
                value={text}
                onChange={(e) => {
                  setTouched(true);
                  setDone(undefined);
                  setText(e.target.value);
                }}
              />
            )}
          </Field>
          <p className="muted small">{t('judging.feedback.count', { count: text.length, max: MAX_FEEDBACK })}</p>
          <button type="submit" disabled={saving.fetching}>
            {t('judging.feedback.save')}
          </button>
          {done && (
            <p role="status" className="notice notice-ok">
              {t(done === 'saved' ? 'judging.feedback.saved' : 'judging.feedback.deleted')}
            </p>
          )}
        </form>
      ) : (
        stored && <p className="prose">{stored.text}</p>
      )}
    </section>
  );
}
