import { useQuery } from 'urql';
import { ProposalFeedbackDocument } from './gql/graphql';
import { useLocalized } from '../../components/Localized';
import { formatDateTime } from '../../lib/dates';
import { useI18n, type MessageKey } from '../../i18n/judging';

/**
 * The judges' written feedback on a proposal, for its team (members and proposer) and organizers: nothing but a note
 * before the results are published, then each published round's feedback with the judges numbered, never named.
 * Anyone else is refused by the API, and sees nothing here.
 */
export default function ProposalFeedbackSection({ proposalId, timeZone }: { proposalId: string; timeZone: string }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const [{ data }] = useQuery({ query: ProposalFeedbackDocument, variables: { proposalId }, requestPolicy: 'cache-and-network' });
  const feedback = data?.proposalFeedback;
  if (!feedback) return null;
  return (
    <section className="panel" aria-labelledby="judges-feedback-heading" data-testid="judges-feedback">
      <h2 id="judges-feedback-heading">{t('judging.teamFeedback.title')}</h2>
      {!feedback.published ? (
        <p className="hint">{t('judging.teamFeedback.notYet')}</p>
      ) : feedback.rounds.length === 0 ? (
        <p>{t('judging.teamFeedback.none')}</p>
      ) : (
        feedback.rounds.map((round) => (
          <div key={round.round.id} className="feedback-round">
            <h3>
              {t('judging.teamFeedback.round', {
                round: localized(round.round.name),
                time: round.publishedAt ? formatDateTime(round.publishedAt, timeZone, locale) : '—',
              })}
            </h3>
            <ul className="feedback-list">
              {round.entries.map((entry) => (
                <li key={entry.judgeNumber}>
                  <p>
                    <strong>{t('judging.teamFeedback.judge', { n: entry.judgeNumber })}</strong> ·{' '}
                    {t(`judging.feedbackSource.${entry.source}` as MessageKey)}
                  </p>
                  <p className="prose">{entry.text}</p>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
