import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { HideTeamFeedbackDocument, RoundTeamFeedbackDocument, type RoundTeamFeedbackQuery } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { useLocalized } from '../../components/Localized';
import { Loading } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n/judging';

type Feedback = RoundTeamFeedbackQuery['roundTeamFeedback'][number];

/**
 * The organizers' list of what judges wrote for the teams in a round, hidden ones with their reason, and "Hide" with a
 * written reason (hideTeamFeedback): a hidden feedback never reaches the team.
 */
export function FeedbackModerationSection({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: RoundTeamFeedbackDocument, variables: { roundId }, requestPolicy: 'cache-and-network' });
  const all = data?.roundTeamFeedback ?? [];
  return (
    <section className="panel" aria-labelledby="moderation-heading" data-testid="feedback-moderation">
      <h2 id="moderation-heading">{t('judging.moderation.title')}</h2>
      <p className="hint">{t('judging.moderation.hint')}</p>
      {fetching && !data && <Loading />}
      {error && !data && <ProblemNotice problem={problemOf(error)} />}
      {data && all.length === 0 && <p>{t('judging.moderation.none')}</p>}
      {all.length > 0 && (
        <ul className="feedback-list">
          {all.map((feedback) => (
            <FeedbackItem key={feedback.id} feedback={feedback} onHidden={() => refetch({ requestPolicy: 'network-only' })} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FeedbackItem({ feedback, onHidden }: { feedback: Feedback; onHidden: () => void }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [result, hide] = useMutation(HideTeamFeedbackDocument);
  const title = feedback.proposal ? localized(feedback.proposal.title) : feedback.proposalId;
  const judge = feedback.judge?.displayName ?? '—';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    const response = await hide({ input: { feedbackId: feedback.id, reason: reason.trim() } });
    if (response.error) {
      setProblem(problemOf(response.error));
      return;
    }
    setHiding(false);
    onHidden();
  }

  return (
    <li className="feedback-item" data-feedback={feedback.id}>
      <p>
        <strong>{title}</strong> · {judge} · {t(`judging.feedbackSource.${feedback.source}` as MessageKey)}
      </p>
      <p className="prose">{feedback.text}</p>
      {feedback.hidden ? (
        <p className="notice notice-warn">{t('judging.moderation.hiddenBecause', { reason: feedback.hidden.reason })}</p>
      ) : hiding ? (
        <form onSubmit={onSubmit} aria-label={t('judging.moderation.hideOf', { judge, title })}>
          <ProblemNotice problem={problem} shownFields={['reason']} />
          <Field label={t('judging.moderation.reason')} error={problem?.fields.reason}>
            {(props) => <textarea {...props} rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="button-row">
            <button type="submit" className="button-danger" disabled={result.fetching || !reason.trim()}>
              {t('judging.moderation.confirmHide')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setHiding(false)}>
              {t('judging.moderation.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="muted small">
            {t('judging.moderation.state')}: {t('judging.moderation.visible')}
          </p>
          <button type="button" className="button-secondary" aria-label={t('judging.moderation.hideOf', { judge, title })} onClick={() => setHiding(true)}>
            {t('judging.moderation.hide')}
          </button>
        </>
      )}
    </li>
  );
}
