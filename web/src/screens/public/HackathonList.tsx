import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useQuery } from 'urql';
import {
  HackathonsDocument,
  type HackathonKind,
  type HackathonPhase,
  type HackathonsQuery,
  type HackathonsQueryVariables,
} from './gql/graphql';
import { ChunkPlaceholder, CursorList, useChunkPage, type ChunkProps } from '../../components/CursorList';
import { Localized, useLocalized } from '../../components/Localized';
import { Page } from '../../components/Page';
import { formatRange } from '../../lib/dates';
import { useI18n, type MessageKey } from '../../i18n';
import { PhaseTimeline, PUBLIC_PHASES, RUNNING_PHASES } from './PhaseTimeline';

export type HackathonSummary = HackathonsQuery['hackathons']['edges'][number]['node'];

const PAGE_SIZE = 20;

/** What the list is narrowed to; kept in the address (`?q=…&kind=…&phase=…&year=…`), so a filtered list can be shared. */
export type HackathonFilters = { search?: string; kind?: HackathonKind; phase?: HackathonPhase; year?: number };

const KINDS: HackathonKind[] = ['COMMUNITY', 'PRESIDENTIAL', 'OTHER'];
const FIRST_YEAR = 2012;

export function filtersOf(search: string): HackathonFilters {
  const params = new URLSearchParams(search);
  const filters: HackathonFilters = {};
  const text = params.get('q')?.trim();
  if (text) filters.search = text.slice(0, 100);
  const kind = params.get('kind');
  if (kind && (KINDS as string[]).includes(kind)) filters.kind = kind as HackathonKind;
  const phase = params.get('phase');
  if (phase && (PUBLIC_PHASES as readonly string[]).includes(phase)) filters.phase = phase as HackathonPhase;
  const year = Number(params.get('year'));
  if (Number.isInteger(year) && year >= FIRST_YEAR && year <= 2100) filters.year = year;
  return filters;
}

export function searchOf(filters: HackathonFilters): string {
  const params = new URLSearchParams();
  if (filters.search) params.set('q', filters.search);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.phase) params.set('phase', filters.phase);
  if (filters.year) params.set('year', String(filters.year));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The home page: a short "what is this" for newcomers, the editions running now and the next ones with their phase
 * timeline, then every edition (latest first) with search and filters by kind, phase and year.
 */
export default function HackathonList() {
  const { t } = useI18n();
  const search = useSearch();
  const filters = filtersOf(search);
  const filtered = Object.keys(filters).length > 0;
  return (
    <Page title={t('hackathons.title')}>
      <p className="lead">{t('hackathons.intro')}</p>
      {!filtered && (
        <>
          <section className="panel stack" aria-labelledby="home-about">
            <h2 id="home-about">{t('home.about.title')}</h2>
            <p>{t('home.about.text')}</p>
            <p>
              <Link href="/statistics">{t('home.about.statistics')}</Link>
            </p>
          </section>
          <NowAndNext />
        </>
      )}
      <section className="stack" aria-labelledby="home-all">
        <h2 id="home-all">{t('home.all.title')}</h2>
        <FilterForm filters={filters} />
        <CursorList
          key={searchOf(filters)}
          label={t('hackathons.title')}
          empty={filtered ? t('home.filter.none') : t('hackathons.empty')}
          chunk={(props) => <HackathonChunk {...props} filters={filters} href={(h) => `/hackathons/${h.slug}`} />}
        />
      </section>
    </Page>
  );
}

function FilterForm({ filters }: { filters: HackathonFilters }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [text, setText] = useState(filters.search ?? '');
  const years: number[] = [];
  for (let year = new Date().getFullYear() + 1; year >= FIRST_YEAR; year--) years.push(year);

  function apply(next: HackathonFilters) {
    navigate(`/${searchOf(next)}`, { replace: true });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    apply({ ...filters, search: text.trim() || undefined });
  }
  return (
    <form role="search" className="filters" onSubmit={submit}>
      <div className="filter-search">
        <label>
          {t('home.search.label')}
          <input
            type="search"
            value={text}
            maxLength={100}
            aria-describedby="home-search-hint"
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <small id="home-search-hint" className="muted">
          {t('home.search.hint')}
        </small>
      </div>
      <AnySelect
        label={t('home.filter.kind')}
        value={filters.kind}
        options={KINDS.map((kind) => [kind, t(`kind.${kind}` as MessageKey)])}
        onChange={(value) => apply({ ...filters, kind: value as HackathonKind | undefined })}
      />
      <AnySelect
        label={t('home.filter.phase')}
        value={filters.phase}
        options={PUBLIC_PHASES.map((phase) => [phase, t(`phase.${phase}` as MessageKey)])}
        onChange={(value) => apply({ ...filters, phase: value as HackathonPhase | undefined })}
      />
      <AnySelect
        label={t('home.filter.year')}
        value={filters.year?.toString()}
        options={years.map((year) => [String(year), String(year)])}
        onChange={(value) => apply({ ...filters, year: value ? Number(value) : undefined })}
      />
      <div className="filter-actions">
        <button type="submit">{t('home.filter.apply')}</button>
        {Object.keys(filters).length > 0 && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setText('');
              apply({});
            }}
          >
            {t('home.filter.clear')}
          </button>
        )}
      </div>
    </form>
  );
}

/** A filter's select: "Any" (no value) or one of the options, given as [value, label]. */
function AnySelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: [string, string][];
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{t('home.filter.any')}</option>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The editions running now (with their phase timeline) and the next ones to start, from the latest editions. */
function NowAndNext() {
  const { t, locale } = useI18n();
  const [{ data }] = useQuery({ query: HackathonsDocument, variables: { first: 20 } });
  const name = useLocalized();
  const editions = data?.hackathons.edges.map((edge) => edge.node) ?? [];
  if (!data) return null;
  const now = Date.now();
  const running = editions.filter((h) => RUNNING_PHASES.includes(h.phase));
  const next = editions
    .filter((h) => !RUNNING_PHASES.includes(h.phase) && Date.parse(h.startsAt) > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, 3);
  return (
    <div className="stack">
      <section aria-labelledby="home-now" className="stack">
        <h2 id="home-now">{t('home.now.title')}</h2>
        {running.length === 0 && <p className="muted">{t('home.now.none')}</p>}
        <ul className="cards">
          {running.map((h) => (
            <li key={h.id} className="card">
              <h3 className="card-title">
                <Link href={`/hackathons/${h.slug}`}>
                  <Localized text={h.name} />
                </Link>
              </h3>
              <p className="meta">
                {formatRange(h.startsAt, h.endsAt, h.timeZone, locale)}
                {h.location && <> · {h.location}</>}
              </p>
              <PhaseTimeline phase={h.phase} name={name(h.name)} />
            </li>
          ))}
        </ul>
      </section>
      {next.length > 0 && (
        <section aria-labelledby="home-next" className="stack">
          <h2 id="home-next">{t('home.next.title')}</h2>
          <ul className="cards">
            {next.map((h) => (
              <li key={h.id} className="card">
                <h3 className="card-title">
                  <Link href={`/hackathons/${h.slug}`}>
                    <Localized text={h.name} />
                  </Link>
                </h3>
                <p className="meta">
                  {t('home.startsIn', { days: Math.max(0, Math.floor((Date.parse(h.startsAt) - now) / 86_400_000)) })} ·{' '}
                  {formatRange(h.startsAt, h.endsAt, h.timeZone, locale)}
                  {h.location && <> · {h.location}</>}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function HackathonChunk({
  after,
  onPage,
  focusFirst,
  href,
  filters = {},
}: ChunkProps & { href: (hackathon: HackathonSummary) => string; filters?: HackathonFilters }) {
  const { t, locale } = useI18n();
  const name = useLocalized();
  const variables: HackathonsQueryVariables = { first: PAGE_SIZE, after, ...filters };
  const [{ data, error, fetching }] = useQuery({ query: HackathonsDocument, variables });
  const page = data?.hackathons;
  const ref = useChunkPage(page, { after, onPage, focusFirst });
  if (error) return <ChunkPlaceholder error={error} />;
  if (fetching && !page) return <ChunkPlaceholder />;
  return (
    <>
      {page?.edges.map(({ node }, index) => (
        <li key={node.id} className="card">
          <div ref={index === 0 ? ref : undefined}>
            <h2 className="card-title">
              <Link href={href(node)}>
                <Localized text={node.name} />
              </Link>
            </h2>
            <p className="meta">
              <span className={`badge phase-${node.phase.toLowerCase()}`}>{t(`phase.${node.phase}` as MessageKey)}</span>{' '}
              {t(`kind.${node.kind}` as MessageKey)}
              {node.edition != null && <> · {t('hackathon.edition', { edition: node.edition })}</>}
            </p>
            <p className="meta">
              {formatRange(node.startsAt, node.endsAt, node.timeZone, locale)}
              {node.location && <> · {node.location}</>}
            </p>
            <PhaseTimeline phase={node.phase} name={name(node.name)} compact />
          </div>
        </li>
      ))}
    </>
  );
}
