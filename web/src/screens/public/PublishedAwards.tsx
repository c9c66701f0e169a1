import { Link } from 'wouter';
import { useQuery } from 'urql';
import { RoundPublishedAwardsDocument } from './gql/graphql';
import { Localized } from '../../components/Localized';
import { useI18n } from '../../i18n/judging';

/**
 * The awards a published round gave, track by track (docs/award-tracks.md): each track's name, who gives it, its
 * winners (a proposal can win several tracks) and any published justification. Nothing while it loads, or when the
 * round awarded nothing (a REVIEW round's shortlist).
 */
export function PublishedAwards({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: RoundPublishedAwardsDocument, variables: { roundId } });
  const awards = data?.judgingRound?.publishedAwards ?? [];
  if (awards.length === 0) return null;
  const headingId = `awards-${roundId}`;
  return (
    <section aria-labelledby={headingId} className="awards">
      <h3 id={headingId}>{t('awards.results.title')}</h3>
      <ul className="award-list">
        {awards.map((award) => (
          <li key={award.track.id} data-testid={`award-${award.track.slug}`}>
            <strong>
              <Localized text={award.name} />
            </strong>
            {award.sponsor && <span className="muted"> · {t('awards.results.givenBy', { sponsor: award.sponsor })}</span>}
            {award.winners.length === 0 ? (
              <p>{t('awards.results.noWinner')}</p>
            ) : (
              <ul>
                {award.winners.map((winner) => (
                  <li key={winner.id}>
                    <Link href={`/proposals/${winner.id}`}>
                      <Localized text={winner.title} />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {award.selection.kind === 'OVERRIDE' && award.selection.justification && (
              <p className="notice">
                <strong>{t('awards.results.override')}</strong> {award.selection.justification}
              </p>
            )}
            {award.selection.kind === 'TIE_RESOLVED' && award.selection.tieResolution && (
              <p className="notice">
                <strong>{t('awards.results.tieResolved')}</strong> {award.selection.tieResolution}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
