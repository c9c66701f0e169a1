import { Suspense, lazy, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useQuery } from 'urql';
import {
  OutcomeStatisticsDocument,
  StatisticsFiltersDocument,
  type FunnelFieldsFragment,
  type GroupFieldsFragment,
  type HackathonKind,
  type OutcomeStatisticsFilter,
  type OutcomeStatisticsQuery,
  type StatisticsView,
} from './gql/graphql';
import { problemOf } from '../../api/errors';
import { useSession } from '../../auth/Session';
import { Field } from '../../components/Field';
import { useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { SpreadsheetCsvLink } from '../../components/SpreadsheetCsvLink';
import { useI18n, type MessageKey } from '../../i18n';
import { formatMoney } from './followupKit';
import { TableScroll } from '../../components/TableScroll';
import { TrackAwardsTable } from './TrackAwardsTable';
import { formatReaderDateTime } from '../../lib/dates';

// Chart.js is its own chunk, fetched only when statistics are on screen.
const BarChart = lazy(() => import('./charts'));

const KINDS: HackathonKind[] = ['PRESIDENTIAL', 'COMMUNITY', 'OTHER'];

// Colours with at least 3:1 contrast against white (WCAG 1.4.11, non-text contrast).
/**
 * Stages that are a subset of the stage before them (a team forms around a proposal, a shortlisted proposal has a
 * team, ...). Funded, adopted and integrated count every proposal with that outcome, selected or not: a rate "of the
 * previous stage" would mix two populations (and exceed 100% where projects that were not selected got funded).
 */
const COLORS = { funnel: '#1f6f5c', funded: '#8a5a00', adopted: '#2457a6', integrated: '#6b3fa0' };

export type StatisticsForm = { kind: string; fromYear: string; toYear: string; issueArea: string; view: string };

const NO_FILTER: StatisticsForm = { kind: '', fromYear: '', toYear: '', issueArea: '', view: '' };

/** The form as the API's filter; blanks left out. Years that are not whole numbers are field messages, not a request. */
export function toStatisticsFilter(form: StatisticsForm): {
  filter?: OutcomeStatisticsFilter;
  errors: Partial<Record<'fromYear' | 'toYear', MessageKey>>;
} {
  const filter: OutcomeStatisticsFilter = {};
  const errors: Partial<Record<'fromYear' | 'toYear', MessageKey>> = {};
  if (form.kind) filter.kind = form.kind as HackathonKind;
  for (const field of ['fromYear', 'toYear'] as const) {
    const text = form[field].trim();
    if (!text) continue;
    if (/^\d{4}$/.test(text)) filter[field] = Number(text);
    else errors[field] = 'stats.filter.yearFormat';
  }
  if (filter.fromYear && filter.toYear && filter.fromYear > filter.toYear) errors.toYear = 'stats.filter.yearOrder';
  if (form.issueArea) filter.issueArea = form.issueArea;
  return { filter: Object.keys(filter).length > 0 ? filter : undefined, errors };
}

/**
 * Adoption statistics, for organizers and the public (the API decides what each sees): filters, the funnel and
 * adoption by year as charts, each followed by a table of the same figures, rates, funding per currency, median time
 * to adoption, awards per award track, outstanding teams against finalists not selected; and the open-data downloads with their licence.
 */
export default function StatisticsPage() {
  const { t } = useI18n();
  const localized = useLocalized();
  const { hasRole } = useSession();
  const organizer = hasRole('ORGANIZER');
  const [form, setForm] = useState<StatisticsForm>(NO_FILTER);
  const [applied, setApplied] = useState<{ filter?: OutcomeStatisticsFilter; view?: StatisticsView }>({});
  const [formErrors, setFormErrors] = useState<Partial<Record<'fromYear' | 'toYear', MessageKey>>>({});
  const [filters] = useQuery({ query: StatisticsFiltersDocument });
  const [{ data, error, fetching }] = useQuery({
    query: OutcomeStatisticsDocument,
    variables: { filter: applied.filter ?? null, view: applied.view ?? null },
  });
  const set = (field: keyof StatisticsForm) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { filter, errors } = toStatisticsFilter(form);
    setFormErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setApplied({ filter, view: (form.view || undefined) as StatisticsView | undefined });
  }

  const statistics = data?.outcomeStatistics;
  return (
    <Page title={t('stats.title')}>
      <p>{t('stats.intro')}</p>
      <form className="filters panel" onSubmit={submit} aria-labelledby="stats-filter-heading">
        <h2 id="stats-filter-heading" className="visually-hidden">
          {t('stats.filter.title')}
        </h2>
        <Field label={t('stats.filter.kind')}>
          {(props) => (
            <select {...props} value={form.kind} onChange={set('kind')}>
              <option value="">{t('common.any')}</option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('stats.filter.fromYear')} error={formErrors.fromYear && t(formErrors.fromYear)}>
          {(props) => <input {...props} type="text" inputMode="numeric" maxLength={4} value={form.fromYear} onChange={set('fromYear')} />}
        </Field>
        <Field label={t('stats.filter.toYear')} error={formErrors.toYear && t(formErrors.toYear)}>
          {(props) => <input {...props} type="text" inputMode="numeric" maxLength={4} value={form.toYear} onChange={set('toYear')} />}
        </Field>
        <Field label={t('stats.filter.issueArea')}>
          {(props) => (
            <select {...props} value={form.issueArea} onChange={set('issueArea')}>
              <option value="">{t('common.any')}</option>
              {(filters.data?.proposalTags ?? []).map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {localized(tag)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {organizer && (
          <Field label={t('stats.filter.view')} hint={t('stats.filter.viewHint')}>
            {(props) => (
              <select {...props} value={form.view} onChange={set('view')}>
                <option value="">{t('stats.view.ORGANIZER')}</option>
                <option value="PUBLIC">{t('stats.view.PUBLIC')}</option>
              </select>
            )}
          </Field>
        )}
        <div className="filter-actions">
          <button type="submit">{t('stats.filter.apply')}</button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setForm(NO_FILTER);
              setFormErrors({});
              setApplied({});
            }}
          >
            {t('stats.filter.clear')}
          </button>
        </div>
      </form>
      {fetching && !data ? (
        <Loading />
      ) : error && !data ? (
        <ProblemNotice problem={problemOf(error)} />
      ) : statistics ? (
        <Figures statistics={statistics} organizer={organizer} />
      ) : null}
      <OpenData licence={filters.data?.openDataLicence} />
    </Page>
  );
}

type Statistics = OutcomeStatisticsQuery['outcomeStatistics'];

function Figures({ statistics, organizer }: { statistics: Statistics; organizer: boolean }) {
  const { t, locale } = useI18n();
  const total = statistics.total;
  const percent = useMemo(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }), [locale]);
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const rate = (value: number | null | undefined) => (typeof value === 'number' ? percent.format(value) : '—');
  const stageLabel = (name: string) => t(`stats.stage.${name}` as MessageKey);
  const funnelLabels = useMemo(() => total.stages.map((stage) => t(`stats.stage.${stage.name}` as MessageKey)), [total.stages, t]);
  const funnelSeries = useMemo(
    () => [{ label: t('stats.funnel.count'), values: total.stages.map((stage) => stage.count), color: COLORS.funnel }],
    [total.stages, t],
  );
  const years = statistics.byYear;
  const yearLabels = useMemo(() => years.map((entry) => String(entry.year)), [years]);
  const yearSeries = useMemo(
    () => [
      { label: t('stats.stage.funded'), values: years.map((entry) => entry.funnel.funded), color: COLORS.funded },
      { label: t('stats.stage.adopted'), values: years.map((entry) => entry.funnel.adopted), color: COLORS.adopted },
      { label: t('stats.stage.integrated'), values: years.map((entry) => entry.funnel.integrated), color: COLORS.integrated },
    ],
    [years, t],
  );
  const computed = statistics.computedAt
    ? formatReaderDateTime(statistics.computedAt, locale)
    : undefined;

  return (
    <>
      <p className="muted">
        {t(`stats.view.about.${statistics.view}` as MessageKey)}{' '}
        {computed ? t('stats.computedAt', { time: computed }) : t('stats.notComputed')}{' '}
        {organizer && <Link href="/organize/jobs">{t('stats.runRollup')}</Link>}
      </p>
      {total.proposals === 0 ? (
        <p>{t('stats.empty')}</p>
      ) : (
        <>
          <section aria-labelledby="stats-summary-heading" className="stats-summary">
            <h2 id="stats-summary-heading">{t('stats.summary')}</h2>
            <dl className="facts">
              <dt>{t('stats.proposals')}</dt>
              <dd>{number.format(total.proposals)}</dd>
              <dt>{t('stats.rate.funded')}</dt>
              <dd>{rate(total.stages.find((s) => s.name === 'funded')?.rateOfProposals)}</dd>
              <dt>{t('stats.rate.adopted')}</dt>
              <dd>{rate(total.stages.find((s) => s.name === 'adopted')?.rateOfProposals)}</dd>
              <dt>{t('stats.rate.integrated')}</dt>
              <dd>{rate(total.stages.find((s) => s.name === 'integrated')?.rateOfProposals)}</dd>
              <dt>{t('stats.medianMonths')}</dt>
              <dd>
                {typeof total.medianMonthsToAdoption === 'number'
                  ? t('stats.months', { n: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(total.medianMonthsToAdoption) })
                  : '—'}
              </dd>
              <dt>{t('stats.fundingTotals')}</dt>
              <dd>
                {total.fundingTotals.length === 0 ? (
                  '—'
                ) : (
                  <ul className="plain-list">
                    {total.fundingTotals.map((money) => (
                      <li key={money.currency}>{formatMoney(money.amount, money.currency, locale)}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          </section>
          <section aria-labelledby="stats-funnel-heading">
            <h2 id="stats-funnel-heading">{t('stats.funnel.title')}</h2>
            <Suspense fallback={<Loading />}>
              <BarChart labels={funnelLabels} series={funnelSeries} horizontal label={t('stats.funnel.chartLabel')} />
            </Suspense>
            <TableScroll label={t('stats.funnel.caption')}>
              <table>
                <caption>{t('stats.funnel.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('stats.funnel.stage')}</th>
                    <th scope="col">{t('stats.funnel.count')}</th>
                    <th scope="col">{t('stats.funnel.ofProposals')}</th>
                    <th scope="col">{t('stats.funnel.within')}</th>
                  </tr>
                </thead>
                <tbody>
                  {total.stages.map((stage) => (
                    <tr key={stage.name}>
                      <th scope="row">{stageLabel(stage.name)}</th>
                      <td>{number.format(stage.count)}</td>
                      <td>{rate(stage.rateOfProposals)}</td>
                      <td>
                        {stage.within
                          ? t('stats.funnel.withinCell', { rate: rate(stage.rateWithin), stage: stageLabel(stage.within) })
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p className="muted">{t('stats.funnel.outcomesNote')}</p>
          </section>
          <section aria-labelledby="stats-years-heading">
            <h2 id="stats-years-heading">{t('stats.years.title')}</h2>
            {years.length > 0 && (
              <Suspense fallback={<Loading />}>
                <BarChart labels={yearLabels} series={yearSeries} label={t('stats.years.chartLabel')} />
              </Suspense>
            )}
            <TableScroll label={t('stats.years.caption')}>
              <table>
                <caption>{t('stats.years.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('stats.years.year')}</th>
                    <th scope="col">{t('stats.stage.proposals')}</th>
                    <th scope="col">{t('stats.stage.outstanding')}</th>
                    <th scope="col">{t('stats.years.awards')}</th>
                    <th scope="col">{t('stats.stage.funded')}</th>
                    <th scope="col">{t('stats.stage.adopted')}</th>
                    <th scope="col">{t('stats.stage.integrated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {years.map((entry) => (
                    <tr key={entry.year}>
                      <th scope="row">{entry.year}</th>
                      <td>{number.format(entry.funnel.proposals)}</td>
                      <td>{number.format(entry.funnel.outstanding)}</td>
                      <td>{number.format(entry.funnel.awards)}</td>
                      <td>{number.format(entry.funnel.funded)}</td>
                      <td>{number.format(entry.funnel.adopted)}</td>
                      <td>{number.format(entry.funnel.integrated)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
          <TrackAwardsTable funnel={total} />
          <Comparison funnel={total} rate={rate} />
        </>
      )}
    </>
  );
}

function Comparison({ funnel, rate }: { funnel: FunnelFieldsFragment; rate: (value: number | null | undefined) => string }) {
  const { t } = useI18n();
  const rows: [MessageKey, GroupFieldsFragment][] = [
    ['stats.compare.outstanding', funnel.outstandingVsNotSelected.outstanding],
    ['stats.compare.notSelected', funnel.outstandingVsNotSelected.notSelected],
  ];
  return (
    <section aria-labelledby="stats-compare-heading">
      <h2 id="stats-compare-heading">{t('stats.compare.title')}</h2>
      <TableScroll label={t('stats.compare.caption')}>
        <table>
          <caption>{t('stats.compare.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.compare.group')}</th>
              <th scope="col">{t('stats.compare.count')}</th>
              <th scope="col">{t('stats.stage.funded')}</th>
              <th scope="col">{t('stats.stage.adopted')}</th>
              <th scope="col">{t('stats.stage.integrated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, group]) => (
              <tr key={label}>
                <th scope="row">{t(label)}</th>
                <td>{group.count}</td>
                <td>{t('stats.compare.cell', { n: group.funded, rate: rate(group.fundedRate) })}</td>
                <td>{t('stats.compare.cell', { n: group.adopted, rate: rate(group.adoptedRate) })}</td>
                <td>{t('stats.compare.cell', { n: group.integrated, rate: rate(group.integratedRate) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function OpenData({
  licence,
}: {
  licence?: { licence: string; url?: string | null; attribution: string; attributionConfigured?: boolean } | null;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="opendata-heading" className="panel">
      <h2 id="opendata-heading">{t('stats.openData.title')}</h2>
      <p>{t('stats.openData.intro')}</p>
      <ul>
        <li>
          <a href="/api/opendata/projects.csv" download>
            {t('stats.openData.csv')}
          </a>
        </li>
        <li>
          <SpreadsheetCsvLink
            href="/api/opendata/projects.csv"
            label={t('stats.openData.csvSpreadsheet')}
            hint={t('stats.openData.csvSpreadsheetHint')}
          />
        </li>
        <li>
          <a href="/api/opendata/projects.json">{t('stats.openData.json')}</a>
        </li>
      </ul>
      {licence && (
        <p>
          {t('stats.openData.licence')}{' '}
          {licence.url ? (
            <a href={licence.url} rel="license noopener noreferrer">
              {licence.licence}
            </a>
          ) : (
            licence.licence
          )}
          {' · '}
          {t('stats.openData.attribution', {
            name: licence.attributionConfigured === false ? t('stats.openData.attributionDefault') : licence.attribution,
          })}
        </p>
      )}
    </section>
  );
}
