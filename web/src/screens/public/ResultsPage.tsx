import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useQuery } from 'urql';
import { HackathonResultsDocument, PublishedRankingDocument, type HackathonResultsQuery, type PublishedRankingQuery } from './gql/graphql';
import { problemOf } from '../../api/errors';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { SpreadsheetCsvLink } from '../../components/SpreadsheetCsvLink';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime } from '../../lib/dates';
import { criterionMeans, num, sectorColumns, type OpenDataRound } from '../../lib/judging';
import { useI18n, type MessageKey } from '../../i18n';

type Round = HackathonResultsQuery['judgingRounds'][number];
type Means = ReturnType<typeof criterionMeans>;

/** Where the open data of a hackathon's published results is downloaded. */
export function openDataUrl(slug: string, format: 'json' | 'csv'): string {
  return `/api/hackathons/${encodeURIComponent(slug)}/results.${format}`;
}

/**
 * A hackathon's published judging results, round by round: the ranking with per-sector means, uncertainty and ties,
 * the selection with any published justification, per-criterion means from the open data, and the download links
 * with how to recompute the ranking. Rounds with an open public vote link to their ballot.
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
        <p className="notice">{t('results.none')}</p>
      ) : (
        <>
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
          {published.map((round) => (
            <PublishedRound key={round.id} round={round} timeZone={hackathon.timeZone} means={means?.[round.id]} />
          ))}
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
        setMeans(Object.fromEntries(body.rounds.map((round) => [round.id, criterionMeans(round)])));
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
          <RankingTable ranking={ranking} selected={selected} chosenLabel={chosenLabel} />
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
                    <Localized text={item.proposal.title} />: <span className="muted">{item.reason}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {means && round.criteria.length > 0 && (
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
            {t('results.method', {
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

function RankingTable({
  ranking,
  selected,
  chosenLabel,
}: {
  ranking: PublishedRankingQuery['roundRanking'];
  selected: Set<string>;
  chosenLabel: string;
}) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const columns = sectorColumns(ranking);
  const hasVote = !!ranking.publicVote;
  const cut = ranking.outstandingQuota;
  return (
    <TableScroll label={t('results.rankingCaption')}>
      <table className="ranking">
        <caption>{t('results.rankingCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('judging.ranking.rank')}</th>
            <th scope="col">{t('judging.log.proposal')}</th>
            <th scope="col">{t('judging.ranking.final')}</th>
            {columns.map((sector) => (
              <th key={sector} scope="col">
                {t(`judging.sector.${sector}` as MessageKey)}
              </th>
            ))}
            {hasVote && <th scope="col">{t('judging.ranking.vote')}</th>}
            <th scope="col">{t('judging.ranking.divergence')}</th>
            <th scope="col">{t('judging.ranking.interval')}</th>
            <th scope="col">{t('judging.ranking.pTop', { n: cut })}</th>
            <th scope="col">{t('results.result')}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.lines.map((line) => (
            <tr key={line.proposalId} className={selected.has(line.proposalId) ? 'in-top' : undefined}>
              <td>
                {line.rank}
                {line.tied && <span className="muted small"> {t('judging.ranking.flag.tied')}</span>}
              </td>
              <th scope="row">
                <Link href={`/proposals/${line.proposalId}`}>{localized(line.proposal.title)}</Link>
              </th>
              <td>{num(line.finalScore, locale)}</td>
              {columns.map((sector) => {
                const score = line.sectorScores.find((s) => s.sector === sector);
                return <td key={sector}>{score ? num(score.mean, locale) : '—'}</td>;
              })}
              {hasVote && <td>{line.voteTotal != null ? num(line.voteTotal, locale) : '—'}</td>}
              <td>
                {line.divergence != null ? num(line.divergence, locale) : '—'}
                {line.divergent && <span className="badge flag"> {t('judging.ranking.divergent')}</span>}
              </td>
              <td>{line.rankLow === line.rankHigh ? line.rankLow : `${line.rankLow}–${line.rankHigh}`}</td>
              <td>{num(line.probabilityTopN * 100, locale, 0)} %</td>
              <td>{selected.has(line.proposalId) ? <strong>{chosenLabel}</strong> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
