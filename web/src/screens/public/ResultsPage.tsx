import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useQuery } from 'urql';
import { HackathonResultsDocument, PublishedRankingDocument, type HackathonResultsQuery } from './gql/graphql';
import { problemOf } from '../../api/errors';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { SpreadsheetCsvLink } from '../../components/SpreadsheetCsvLink';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime } from '../../lib/dates';
import { criterionMeans, num, type OpenDataRound } from '../../lib/judging';
import { useI18n } from '../../i18n/judging';
import { RankingTable } from '../shared/RankingTable';
import { UnrankedReason } from '../shared/judgingText';
import { PublishedAwards } from './PublishedAwards';

type Round = HackathonResultsQuery['judgingRounds'][number];
type Means = ReturnType<typeof criterionMeans>;

/** Phases after judging: an edition in one of them with no published round here was judged elsewhere. */
const PAST_JUDGING: readonly string[] = ['RESULTS_PUBLISHED', 'FOLLOW_UP', 'ARCHIVED'];

/** Where the open data of a hackathon's published results is downloaded. */
export function openDataUrl(slug: string, format: 'json' | 'csv'): string {
  return `/api/hackathons/${encodeURIComponent(slug)}/results.${format}`;
}

/**
 * A hackathon's published judging results, round by round: the ranking with per-sector means, uncertainty and ties,
 * the selection with any published justification, per-criterion means from the open data, and the download links
 * with how to recompute the ranking. A pairwise (expo) round shows its hacktrail-pairwise-1 ranking instead: strength,
 * rank interval, P(top N) and each proposal's comparisons, with the round's comparison count; it has no criteria. Rounds with an open public vote link to their ballot.
 */
export default function ResultsPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }] = useQuery({ query: HackathonResultsDocument, variables: { slug: params.slug } });
  const hackathon = data?.hackathon;
  const published = (data?.judgingRounds ?? []).filter((round) => round.status === 'PUBLISHED');
  const means = useOpenData(hackathon && published.length > 0 ? hackathon.slug : undefined);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  if (!data || !hackathon) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('hackathon.notFound')}</p>
      </Page>
    );
  }
  const voting = data.judgingRounds.filter((round) => round.status === 'OPEN' && round.publicVote.mode !== 'NONE');
  return (
    <Page
      title={t('results.title', { name: localized(hackathon.name) })}
      actions={
        <Link className="button button-secondary" href={`/hackathons/${hackathon.slug}`}>
          {t('results.backToHackathon')}
        </Link>
      }
    >
      {voting.length > 0 && (
        <section aria-labelledby="vote-heading" className="panel">
          <h2 id="vote-heading">{t('results.voteTitle')}</h2>
          <ul>
            {voting.map((round) => (
              <li key={round.id}>
                <Link href={`/hackathons/${hackathon.slug}/vote/${round.id}`}>{t('results.voteIn', { round: localized(round.name) })}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {published.length === 0 ? (
        <p className="notice">
          {/* An edition past its judging without results here was judged outside Hacktrail: say so rather than "not yet". */}
          {PAST_JUDGING.includes(hackathon.phase) ? (
            <>
              {t('results.noneRecorded')} <Link href="/statistics">{t('results.seeStatistics')}</Link>
            </>
          ) : (
            t('results.none')
          )}
        </p>
      ) : (
        <>
          {/* Winners first: the rounds and their selections, then the files to check them with. */}
          {published.map((round) => (
            <PublishedRound key={round.id} round={round} timeZone={hackathon.timeZone} means={means?.[round.id]} />
          ))}
          <section aria-labelledby="open-data-heading" className="panel">
            <h2 id="open-data-heading">{t('results.openData')}</h2>
            <p>{t('results.openDataText')}</p>
            <ul>
              <li>
                <a href={openDataUrl(hackathon.slug, 'json')}>{t('results.downloadJson')}</a>
              </li>
              <li>
                <a href={openDataUrl(hackathon.slug, 'csv')}>{t('results.downloadCsv')}</a>
              </li>
              <li>
                <SpreadsheetCsvLink
                  href={openDataUrl(hackathon.slug, 'csv')}
                  label={t('results.downloadCsvSpreadsheet')}
                  hint={t('results.downloadCsvSpreadsheetHint')}
                />
              </li>
            </ul>
            <p>
              {t('results.recompute')} <code>scripts/recompute-ranking results.json</code>
            </p>
          </section>
        </>
      )}
    </Page>
  );
}

/** Per-criterion means of every published round, read from results.json (undefined until it arrives or if it fails). */
function useOpenData(slug: string | undefined): Record<string, Means> | undefined {
  const [means, setMeans] = useState<Record<string, Means>>();
  useEffect(() => {
    if (!slug) return undefined;
    let cancelled = false;
    fetch(openDataUrl(slug, 'json'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((body: { rounds?: OpenDataRound[] } | undefined) => {
        if (cancelled || !body?.rounds) return;
        // Only rubric rounds have sheets: a pairwise (expo) round publishes comparisons, and has no criteria to average.
        const rubric = body.rounds.filter((round) => Array.isArray(round.sheets));
        setMeans(Object.fromEntries(rubric.map((round) => [round.id, criterionMeans(round)])));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [slug]);
  return means;
}

function PublishedRound({ round, timeZone, means }: { round: Round; timeZone: string; means: Means | undefined }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }] = useQuery({ query: PublishedRankingDocument, variables: { roundId: round.id } });
  const headingId = `published-${round.id}`;
  const ranking = data?.roundRanking;
  const selected = new Set(ranking?.selection?.proposalIds ?? []);
  const chosenLabel = round.kind === 'FINAL' ? t('results.outstanding') : t('results.shortlisted');
  const pairwise = round.method === 'PAIRWISE';
  const title = (id: string) => {
    const line = ranking?.lines.find((l) => l.proposalId === id);
    return line ? localized(line.proposal.title) : id;
  };
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>
        <Localized text={round.name} />
      </h2>
      {round.publishedAt && <p className="muted">{t('results.publishedAt', { time: formatDateTime(round.publishedAt, timeZone, locale) })}</p>}
      {fetching && !data && <Loading />}
      {error && !data && <ProblemNotice problem={problemOf(error)} />}
      {/* The awards per track first: who won what (a proposal can win several tracks). */}
      <PublishedAwards roundId={round.id} />
      {ranking && (
        <>
          {ranking.selection && (
            <div className="selection-summary">
              <p>
                <strong>{chosenLabel}:</strong> {ranking.selection.proposalIds.map(title).join(', ')}
              </p>
              {ranking.selection.kind === 'OVERRIDE' && ranking.selection.justification && (
                <p className="notice">
                  <strong>{t('results.override')}</strong> {ranking.selection.justification}
                </p>
              )}
              {ranking.selection.kind === 'TIE_RESOLVED' && ranking.selection.tieResolution && (
                <p className="notice">
                  <strong>{t('results.tieResolved')}</strong> {ranking.selection.tieResolution}
                </p>
              )}
            </div>
          )}
          {pairwise && <p>{t('judging.expoResults.note')}</p>}
          {pairwise && ranking.algorithmVersion === 'hacktrail-pairwise-2' && <p data-testid="expo-sector-results">{t('judging.expoResults.sectorNote')}</p>}
          <RankingTable
            ranking={ranking}
            caption={pairwise ? t('judging.expoResults.caption') : t('results.rankingCaption')}
            pairwise={pairwise}
            chosen={(line) => selected.has(line.proposalId)}
            trailing={{ header: t('results.result'), cell: (line) => (selected.has(line.proposalId) ? <strong>{chosenLabel}</strong> : '—') }}
            markTies
            linkProposals
          />
          {ranking.ties.length > 0 && (
            <ul>
              {ranking.ties.map((tie) => (
                <li key={tie.rank}>{t('judging.ranking.tie', { rank: tie.rank, titles: tie.proposalIds.map(title).join(', ') })}</li>
              ))}
            </ul>
          )}
          {ranking.unranked.length > 0 && (
            <>
              <h3>{t('judging.ranking.unranked')}</h3>
              <ul>
                {ranking.unranked.map((item) => (
                  <li key={item.proposalId}>
                    <Localized text={item.proposal.title} />:{' '}
                    <span className="muted">
                      <UnrankedReason item={item} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {!pairwise && means && round.criteria.length > 0 && (
            <TableScroll label={t('results.criteriaCaption')}>
              <table>
                <caption>{t('results.criteriaCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('judging.log.proposal')}</th>
                    {round.criteria.map((criterion) => (
                      <th key={criterion.id} scope="col">
                        <Localized text={criterion.name} />{' '}
                        <span className="muted small">
                          ({num(criterion.scaleMin, locale)}–{num(criterion.scaleMax, locale)})
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ranking.lines.map((line) => (
                    <tr key={line.proposalId}>
                      <th scope="row">{localized(line.proposal.title)}</th>
                      {round.criteria.map((criterion) => {
                        const mean = means[line.proposalId]?.[criterion.id];
                        return <td key={criterion.id}>{mean ? num(mean.mean, locale) : '—'}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <p className="muted small">
            {pairwise
              ? t('judging.expoResults.method', {
                  algorithm: ranking.algorithmVersion,
                  b: ranking.summary.bootstrapReplicates,
                  seed: ranking.summary.seed,
                  // A pairwise ranking's summary counts comparisons where a rubric one counts sheets; m is every line's.
                  comparisons: ranking.summary.sheetCount,
                  judges: ranking.summary.judgeCount,
                  m: ranking.lines[0]?.evidence?.sheetsRequired ?? 0,
                })
              : t('results.method', {
                  algorithm: ranking.algorithmVersion,
                  b: ranking.summary.bootstrapReplicates,
                  seed: ranking.summary.seed,
                  sheets: ranking.summary.sheetCount,
                  judges: ranking.summary.judgeCount,
                })}
          </p>
        </>
      )}
    </section>
  );
}
