import { useQuery } from 'urql';
import { RoundDiagnosticsDocument, type RoundDiagnosticsQuery } from './gql/graphql';
import { problemOf } from '../../api/errors';
import { useLocalized } from '../../components/Localized';
import { Loading } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { TableScroll } from '../../components/TableScroll';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { num } from './judgingShared';

type Diagnostics = RoundDiagnosticsQuery['roundDiagnostics'];

/**
 * How far to trust a round's ranking (docs/judging-method.md, "Diagnostics for organizers"): each judge's leniency
 * and spread with what normalisation did to their sheets, agreement between judges, and where the sectors disagree.
 */
export function RoundDiagnosticsSection({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({
    query: RoundDiagnosticsDocument,
    variables: { roundId },
    requestPolicy: 'cache-and-network',
  });
  return (
    <section aria-labelledby="diagnostics-heading" className="panel">
      <h2 id="diagnostics-heading">{t('judging.diagnostics.title')}</h2>
      <p className="hint">{t('judging.diagnostics.intro')}</p>
      {fetching && !data && <Loading />}
      {error && !data && <ProblemNotice problem={problemOf(error)} />}
      {data && <DiagnosticsTables diagnostics={data.roundDiagnostics} />}
    </section>
  );
}

function DiagnosticsTables({ diagnostics }: { diagnostics: Diagnostics }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const criterionName = (id: string) => {
    const criterion = diagnostics.round.criteria.find((c) => c.id === id);
    return criterion ? localized(criterion.name) : id;
  };
  const percent = (share: number) => `${num(share * 100, locale, 0)} %`;
  if (diagnostics.judges.length === 0) return <p>{t('judging.diagnostics.empty')}</p>;
  return (
    <>
      <h3>{t('judging.diagnostics.agreement')}</h3>
      <p className="hint">{t('judging.diagnostics.agreementMeaning')}</p>
      <TableScroll label={t('judging.diagnostics.agreement')}>
        <table>
          <caption>{t('judging.diagnostics.agreement')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('judging.invite.sector')}</th>
              <th scope="col">{t('judging.diagnostics.scoredTwice')}</th>
              <th scope="col">ICC</th>
              <th scope="col">{t('judging.diagnostics.reading')}</th>
            </tr>
          </thead>
          <tbody>
            {diagnostics.agreement.map((row) => (
              <tr key={row.sector ?? 'round'}>
                <th scope="row">{row.sector ? t(`judging.sector.${row.sector}` as MessageKey) : t('judging.diagnostics.wholeRound')}</th>
                <td>{row.proposalCount}</td>
                <td>{row.icc == null ? t('judging.ranking.unknown') : num(row.icc, locale)}</td>
                <td>
                  {row.icc == null
                    ? t('judging.diagnostics.level.UNKNOWN')
                    : t(`judging.diagnostics.level.${row.level}` as MessageKey, { share: percent(Math.max(0, row.icc)) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h3>{t('judging.diagnostics.judges')}</h3>
      <TableScroll label={t('judging.diagnostics.judges')}>
        <table>
          <caption>{t('judging.diagnostics.judges')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('judging.log.judge')}</th>
              <th scope="col">{t('judging.invite.sector')}</th>
              <th scope="col">{t('judging.diagnostics.sheets')}</th>
              <th scope="col">{t('judging.diagnostics.mean')}</th>
              <th scope="col">{t('judging.diagnostics.spread')}</th>
              <th scope="col">{t('judging.diagnostics.leniency')}</th>
              <th scope="col">{t('judging.diagnostics.treatment')}</th>
            </tr>
          </thead>
          <tbody>
            {diagnostics.judges.map((row) => (
              <tr key={row.judgeId} className={row.treatment === 'NO_SPREAD' ? 'row-warning' : undefined}>
                <th scope="row">{row.judge?.displayName ?? row.judgeId}</th>
                <td>{t(`judging.sector.${row.sector}` as MessageKey)}</td>
                <td>{row.sheetCount}</td>
                <td>{num(row.meanTotal, locale)}</td>
                <td>{num(row.spread, locale)}</td>
                <td>{leniencyText(row.leniency, t, locale)}</td>
                <td>{t(`judging.diagnostics.treatment.${row.treatment}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h3>{t('judging.diagnostics.criteria')}</h3>
      <p className="hint">{t('judging.diagnostics.criteriaMeaning')}</p>
      <TableScroll label={t('judging.diagnostics.criteria')}>
        <table>
          <caption>{t('judging.diagnostics.criteria')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('judging.diagnostics.criterion')}</th>
              <th scope="col">{t('judging.diagnostics.compared')}</th>
              <th scope="col">{t('judging.diagnostics.gap')}</th>
            </tr>
          </thead>
          <tbody>
            {diagnostics.criteria.map((row) => (
              <tr key={row.criterionId}>
                <th scope="row">{criterionName(row.criterionId)}</th>
                <td>{row.proposalCount}</td>
                <td>{row.meanGap == null ? t('judging.ranking.unknown') : percent(row.meanGap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h3>{t('judging.diagnostics.divergent')}</h3>
      {diagnostics.divergentProposals.length === 0 ? (
        <p>{t('judging.diagnostics.noDivergent')}</p>
      ) : (
        <ul className="plain-list">
          {diagnostics.divergentProposals.map((row) => {
            const worst = row.criteria[0];
            return (
              <li key={row.proposalId}>
                <strong>{localized(row.proposal.title)}</strong>{' '}
                {t('judging.diagnostics.divergence', { value: num(row.divergence, locale) })}
                {worst && (
                  <>
                    {' '}
                    {t('judging.diagnostics.worstCriterion', {
                      criterion: criterionName(worst.criterionId),
                      gap: percent(worst.gap),
                      means: worst.sectorMeans
                        .map((m) => `${t(`judging.sector.${m.sector}` as MessageKey)} ${num(m.mean, locale)}`)
                        .join(' · '),
                    })}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function leniencyText(
  leniency: number | null | undefined,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  locale: string,
): string {
  if (leniency == null) return t('judging.ranking.unknown');
  const value = num(Math.abs(leniency), locale);
  if (Math.abs(leniency) < 0.05) return t('judging.diagnostics.leniencyNone');
  return leniency > 0 ? t('judging.diagnostics.lenient', { value }) : t('judging.diagnostics.strict', { value });
}
