import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { RankingFieldsFragment } from './gql/graphql';
import { useLocalized } from '../../components/Localized';
import { TableScroll } from '../../components/TableScroll';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { num, sectorColumns } from '../../lib/judging';

export type RankingLine = RankingFieldsFragment['lines'][number];

/** A column of one screen's own: its header, and the content of its cell for a line (given the proposal's title). */
export type RankingColumn = { header: string; cell: (line: RankingLine, title: string) => ReactNode };

/**
 * A round's ranking, as organizers (RoundResults) and the public (ResultsPage) read it: rank, proposal, final score,
 * the mean of each sector that counts, the public vote if there is one, divergence, rank interval and P(top N) ("unknown"
 * when the round has too few between-judge residuals to measure the spread), the evidence coverage (sheets against k,
 * and "insufficient evidence", for hacktrail-rubric-2 rankings), then the screen's own last column. What only one of them shows comes in as props.
 * A PAIRWISE round's ranking (`pairwise`) has the strength, rank interval, P(top N) and comparisons against m instead.
 */
export function RankingTable({
  ranking,
  caption,
  chosen,
  leading,
  trailing,
  detailed = false,
  markTies = false,
  linkProposals = false,
  pairwise = false,
}: {
  ranking: RankingFieldsFragment;
  caption: string;
  /** Rows shown as chosen: the ranking's top N for organizers, the published selection for the public. */
  chosen: (line: RankingLine) => boolean;
  /** A column before the rank (organizers: a checkbox per proposal while they select). */
  leading?: RankingColumn;
  /** The last column (organizers: the line's flags; the public: the published result). */
  trailing: RankingColumn;
  /** How many sheets each sector mean is of, and the vote's score beside its total (organizers). */
  detailed?: boolean;
  /** "tied" beside a tied line's rank (the public, who have no flags column). */
  markTies?: boolean;
  /** Each proposal's title links to its public page. */
  linkProposals?: boolean;
  /**
   * A PAIRWISE (expo) round's ranking (hacktrail-pairwise-1): the score is the Crowd-BT strength, the evidence is the
   * comparisons a proposal took part in against the minimum m, and there are no sector means, vote or divergence —
   * unless it is ranked by sector (hacktrail-pairwise-2): then each sector's strength, with its comparisons, and the
   * divergence between the public and private sectors.
   */
  pairwise?: boolean;
}) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  // A pairwise round ranked by sector (hacktrail-pairwise-2) has sector strengths and divergence as a rubric round has.
  const bySector = pairwise && ranking.algorithmVersion === 'hacktrail-pairwise-2';
  const columns = pairwise && !bySector ? [] : sectorColumns(ranking);
  const hasVote = !pairwise && !!ranking.publicVote;
  const hasEvidence = ranking.lines.some((line) => line.evidence != null);
  const cut = ranking.outstandingQuota;
  return (
    <>
    {ranking.uncertainty && !ranking.uncertainty.known && (
      <p className="notice">{t('judging.ranking.uncertaintyUnknown', { n: ranking.uncertainty.residualCount })}</p>
    )}
    <TableScroll label={caption}>
      <table className="ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {leading && <th scope="col">{leading.header}</th>}
            <th scope="col">{t('judging.ranking.rank')}</th>
            <th scope="col">{t('judging.log.proposal')}</th>
            <th scope="col">{pairwise ? t('judging.expoRanking.strength') : t('judging.ranking.final')}</th>
            {columns.map((sector) => (
              <th key={sector} scope="col">
                {t(`judging.sector.${sector}` as MessageKey)}
              </th>
            ))}
            {hasVote && <th scope="col">{t('judging.ranking.vote')}</th>}
            {(!pairwise || bySector) && <th scope="col">{t('judging.ranking.divergence')}</th>}
            <th scope="col">{t('judging.ranking.interval')}</th>
            <th scope="col">{t('judging.ranking.pTop', { n: cut })}</th>
            {hasEvidence && <th scope="col">{pairwise ? t('judging.expoRanking.comparisons') : t('judging.ranking.evidence')}</th>}
            <th scope="col">{trailing.header}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.lines.map((line) => {
            const title = localized(line.proposal.title);
            return (
              <tr key={line.proposalId} className={chosen(line) ? 'in-top' : undefined}>
                {leading && <td>{leading.cell(line, title)}</td>}
                <td>
                  {line.rank}
                  {markTies && line.tied && <span className="muted small"> {t('judging.ranking.flag.tied')}</span>}
                </td>
                <th scope="row">{linkProposals ? <Link href={`/proposals/${line.proposalId}`}>{title}</Link> : title}</th>
                <td>{num(line.finalScore, locale)}</td>
                {columns.map((sector) => {
                  const score = line.sectorScores.find((s) => s.sector === sector);
                  if (!score) return <td key={sector}>—</td>;
                  return (
                    <td key={sector}>
                      {num(score.mean, locale)}
                      {bySector && (
                        <>
                          {' '}
                          <span className="muted small">({t('judging.expoRanking.sectorComparisons', { n: score.sheetCount })})</span>
                        </>
                      )}
                      {detailed && !bySector && (
                        <>
                          {' '}
                          <span className="muted small">({t(score.sheetCount === 1 ? 'judging.ranking.sheetOne' : 'judging.ranking.sheets', { n: score.sheetCount })})</span>
                        </>
                      )}
                    </td>
                  );
                })}
                {hasVote && (
                  <td>
                    {line.voteTotal == null ? '—' : detailed ? `${num(line.voteTotal, locale)} → ${num(line.voteScore ?? 0, locale)}` : num(line.voteTotal, locale)}
                  </td>
                )}
                {(!pairwise || bySector) && (
                  <td>
                    {line.divergence != null ? num(line.divergence, locale) : '—'}
                    {line.divergent && <span className="badge flag"> {t('judging.ranking.divergent')}</span>}
                  </td>
                )}
                <td>
                  {line.rankLow == null || line.rankHigh == null
                    ? t('judging.ranking.unknown')
                    : line.rankLow === line.rankHigh
                      ? line.rankLow
                      : `${line.rankLow}–${line.rankHigh}`}
                </td>
                <td>{line.probabilityTopN == null ? t('judging.ranking.unknown') : `${num(line.probabilityTopN * 100, locale, 0)} %`}</td>
                {hasEvidence && (
                  <td>
                    {!line.evidence
                      ? '—'
                      : pairwise
                        ? t('judging.expoRanking.evidence', { n: line.evidence.sheetCount, m: line.evidence.sheetsRequired })
                        : t('judging.ranking.evidenceValue', { n: line.evidence.sheetCount, k: line.evidence.sheetsRequired })}
                    {line.evidence && !line.evidence.sufficient && <span className="badge flag"> {t('judging.ranking.insufficient')}</span>}
                  </td>
                )}
                <td>{trailing.cell(line, title)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
    </>
  );
}
