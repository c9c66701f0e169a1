import { useQuery } from 'urql';
import { ExpoRankingDocument, type ExpoRankingQuery } from './gql/graphql';
import { problemOf } from '../../api/errors';
import { useLocalized } from '../../components/Localized';
import { Loading } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { TableScroll } from '../../components/TableScroll';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { num } from './judgingShared';

type Ranking = ExpoRankingQuery['expoRanking'];
type Line = Ranking['lines'][number];

/**
 * A PAIRWISE round's ranking on the answers so far (hacktrail-pairwise-1), in the rubric ranking's terms: rank, the
 * 90 % rank interval and P(top N), with the strength and its spread, the comparisons each proposal took part in
 * against the minimum m, and the flags. A proposal with few comparisons has a wide interval and P(top N) near the
 * prior, and is marked "insufficient evidence": it never looks certain. Then each judge's reliability.
 * A round ranked by sector (hacktrail-pairwise-2) also shows each sector's strength (with its comparisons) and flags
 * the proposals on which the public and private sectors diverge, or that a weighted sector never compared.
 */
export function ExpoRankingSection({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ExpoRankingDocument, variables: { roundId }, requestPolicy: 'cache-and-network' });
  return (
    <section aria-labelledby="expo-ranking-heading" className="panel" data-testid="expo-ranking">
      <h2 id="expo-ranking-heading">{t('judging.expoRanking.title')}</h2>
      {fetching && !data && <Loading />}
      {error && !data && <ProblemNotice problem={problemOf(error)} onReload={() => refetch({ requestPolicy: 'network-only' })} />}
      {data && <ExpoRankingView ranking={data.expoRanking} />}
    </section>
  );
}

export function ExpoRankingView({ ranking }: { ranking: Ranking }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const n = ranking.outstandingQuota;
  const m = ranking.minimumComparisons;
  const caption = t('judging.expoRanking.caption', { n });
  return (
    <>
      <p>{t('judging.expoRanking.method', { method: ranking.algorithmVersion, b: ranking.bootstrapReplicates, seed: ranking.seed })}</p>
      <p data-testid="expo-counts">
        {t('judging.expoRanking.counts', {
          comparisons: ranking.comparisonsCounted,
          first: ranking.firstVisits,
          skipped: ranking.skippedVisits,
          open: ranking.openVisits,
        })}
      </p>
      {ranking.comparisonsCounted === 0 && <p className="notice">{t('judging.expoRanking.none')}</p>}
      <p className="hint">{t('judging.expoRanking.insufficientNote', { m })}</p>
      {ranking.bySector && (
        <p className="hint" data-testid="expo-sector-note">
          {t('judging.expoRanking.bySectorNote', {
            weights: ranking.sectorWeights
              .filter((w) => w.weight > 0)
              .map((w) => `${t(`judging.sector.${w.sector}` as MessageKey)} ${num(w.weight, locale)}`)
              .join(' · '),
            threshold: num(ranking.divergenceThreshold ?? 2, locale),
          })}
        </p>
      )}
      <TableScroll label={caption}>
        <table className="ranking">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('judging.ranking.rank')}</th>
              <th scope="col">{t('judging.log.proposal')}</th>
              <th scope="col">{t('judging.expoRanking.table')}</th>
              <th scope="col">{t('judging.expoRanking.score')}</th>
              {ranking.bySector && <th scope="col">{t('judging.expoRanking.sectors')}</th>}
              <th scope="col">{t('judging.ranking.interval')}</th>
              <th scope="col">{t('judging.ranking.pTop', { n })}</th>
              <th scope="col">{t('judging.expoRanking.comparisons')}</th>
              <th scope="col">{t('judging.expoRanking.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.lines.map((line) => (
              <tr key={line.proposalId} className={line.inTopN ? 'in-top' : undefined}>
                <td>{line.rank}</td>
                <th scope="row">{line.proposal ? localized(line.proposal.title) : line.proposalId}</th>
                <td>{line.table?.label ?? '—'}</td>
                <td>
                  {num(line.score, locale)} <span className="muted small">± {num(Math.sqrt(line.variance), locale)}</span>
                </td>
                {ranking.bySector && (
                  <td>
                    <SectorScores line={line} />
                  </td>
                )}
                <td>{line.rankLow === line.rankHigh ? line.rankLow : `${line.rankLow}–${line.rankHigh}`}</td>
                <td>{`${num(line.probabilityTopN * 100, locale, 0)} %`}</td>
                <td>
                  {t('judging.expoRanking.evidence', { n: line.comparisons, m })}
                  {!line.sufficientEvidence && <span className="badge flag"> {t('judging.ranking.insufficient')}</span>}
                </td>
                <td>
                  <Flags line={line} bySector={ranking.bySector} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>{t('judging.expoRanking.judges')}</h3>
      {ranking.judges.length === 0 ? (
        <p>{t('judging.expoRanking.noJudges')}</p>
      ) : (
        <TableScroll label={t('judging.expoRanking.judgesCaption')}>
          <table>
            <caption>{t('judging.expoRanking.judgesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('judging.log.judge')}</th>
                <th scope="col">{t('judging.invite.sector')}</th>
                <th scope="col">{t('judging.expoRanking.reliability')}</th>
                <th scope="col">{t('judging.expoRanking.comparisons')}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.judges.map((judge) => (
                <tr key={`${judge.sector ?? ''}/${judge.judgeId}`}>
                  <th scope="row">{judge.displayName ?? judge.judgeId}</th>
                  <td>{judge.sector ? t(`judging.sector.${judge.sector}` as MessageKey) : '—'}</td>
                  <td>
                    {`${num(judge.reliability * 100, locale, 0)} %`}{' '}
                    <span className="muted small">
                      (α {num(judge.alpha, locale)}, β {num(judge.beta, locale)})
                    </span>
                  </td>
                  <td>{judge.comparisons}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

/** Each sector's strength of a line, in sector order, with its comparisons ("no comparison": the sector's prior). */
function SectorScores({ line }: { line: Line }) {
  const { t, locale } = useI18n();
  return (
    <ul className="plain small">
      {line.sectorScores.map((score) => (
        <li key={score.sector}>
          {t(`judging.sector.${score.sector}` as MessageKey)}{' '}
          {score.comparisons === 0 ? (
            <span className="muted">{t('judging.expoRanking.sectorNone')}</span>
          ) : (
            <>
              {num(score.score, locale)} <span className="muted">({t('judging.expoRanking.sectorComparisons', { n: score.comparisons })})</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Flags({ line, bySector }: { line: Line; bySector: boolean }) {
  const { t, locale } = useI18n();
  const flags: string[] = [];
  if (line.inTopN) flags.push(t('judging.ranking.flag.top'));
  if (line.tied) flags.push(t('judging.ranking.flag.tied'));
  if (line.straddlesCut) flags.push(t('judging.ranking.flag.straddles'));
  if (bySector && line.divergent && line.divergence != null) flags.push(t('judging.expoRanking.flagDivergent', { d: num(line.divergence, locale) }));
  if (bySector && line.missingSectors.length > 0)
    flags.push(t('judging.expoRanking.flagMissing', { sectors: line.missingSectors.map((s) => t(`judging.sector.${s}` as MessageKey)).join(', ') }));
  return flags.length === 0 ? <>—</> : <>{flags.join(' · ')}</>;
}
