import { Fragment, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useQuery } from 'urql';
import {
  HackathonDetailDocument,
  HackathonProposalsDocument,
  type HackathonPhase,
  type ProposalFilter,
  type ProposalStatus,
} from './gql/graphql';
import { problemOf } from '../../api/errors';
import { useSession } from '../../auth/Session';
import { ChunkPlaceholder, CursorList, useChunkPage, type ChunkProps } from '../../components/CursorList';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { FEATURES } from '../../features';
import { formatDateTime, formatRange } from '../../lib/dates';
import { PROPOSAL_STATUSES, acceptsProposals } from '../../lib/status';
import { useI18n, type MessageKey } from '../../i18n';

const PAGE_SIZE = 25;

/** Phases in which a round may have published results or an open public vote. */
const RESULT_PHASES: HackathonPhase[] = ['JUDGING', 'RESULTS_PUBLISHED', 'FOLLOW_UP', 'ARCHIVED'];

export type FilterForm = { status: string; tag: string; need: string; text: string };

const NO_FILTER: FilterForm = { status: '', tag: '', need: '', text: '' };

/** The form's fields as the API's ProposalFilter; empty fields are left out. */
export function toProposalFilter(form: FilterForm): ProposalFilter | undefined {
  const filter: ProposalFilter = {};
  if (form.status) filter.status = [form.status as ProposalStatus];
  if (form.tag) filter.tag = form.tag;
  if (form.need.trim()) filter.need = form.need.trim();
  if (form.text.trim()) filter.text = form.text.trim();
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/** A hackathon and its proposals, with filters (status, tag, needed skill, text) and "load more". */
export default function HackathonPage({ params }: { params: Record<string, string> }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const { me, hasRole } = useSession();
  const [{ data, error, fetching }] = useQuery({ query: HackathonDetailDocument, variables: { slug: params.slug } });
  const [form, setForm] = useState<FilterForm>(NO_FILTER);
  const [applied, setApplied] = useState<FilterForm>(NO_FILTER);

  if (fetching && !data) return <Loading />;
  if (error) return <ProblemNotice problem={problemOf(error)} />;
  const hackathon = data?.hackathon;
  if (!hackathon) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('hackathon.notFound')}</p>
      </Page>
    );
  }
  const tags = data?.proposalTags ?? [];
  const organizer = hasRole('ORGANIZER');
  const canPropose = organizer ? hackathon.phase !== 'ARCHIVED' : acceptsProposals(hackathon.phase);

  function submit(event: FormEvent) {
    event.preventDefault();
    setApplied(form);
  }

  return (
    <Page
      title={localized(hackathon.name)}
      actions={
        <>
          {canPropose && (
            <Link className="button" href={me ? `/hackathons/${hackathon.slug}/propose` : `/sign-in?next=/hackathons/${hackathon.slug}/propose`}>
              {t('hackathon.propose')}
            </Link>
          )}
          {FEATURES.judging && RESULT_PHASES.includes(hackathon.phase) && (
            <Link className="button button-secondary" href={`/hackathons/${hackathon.slug}/results`}>
              {t('results.link')}
            </Link>
          )}
          {organizer && (
            <Link className="button button-secondary" href={`/organize/hackathons/${hackathon.slug}`}>
              {t('hackathon.manage')}
            </Link>
          )}
        </>
      }
    >
      <dl className="facts">
        <dt>{t('hackathon.phase')}</dt>
        <dd>
          <span className={`badge phase-${hackathon.phase.toLowerCase()}`}>{t(`phase.${hackathon.phase}` as MessageKey)}</span>
        </dd>
        <dt>{t('hackathon.kind')}</dt>
        <dd>
          {t(`kind.${hackathon.kind}` as MessageKey)}
          {hackathon.edition != null && <> · {t('hackathon.edition', { edition: hackathon.edition })}</>}
        </dd>
        <dt>{t('hackathon.when')}</dt>
        <dd>
          {formatRange(hackathon.startsAt, hackathon.endsAt, hackathon.timeZone, locale)}{' '}
          <span className="muted">({hackathon.timeZone})</span>
        </dd>
        {hackathon.plannedDeadlines &&
          (
            [
              ['setup.deadline.proposalDeadline', hackathon.plannedDeadlines.proposalDeadline],
              ['setup.deadline.teamFormation', hackathon.plannedDeadlines.teamFormation],
              ['setup.deadline.judgingDeadline', hackathon.plannedDeadlines.judging],
            ] as const
          ).map(
            ([label, at]) =>
              at && (
                <Fragment key={label}>
                  <dt>{t(label, { zone: hackathon.timeZone })}</dt>
                  <dd>{formatDateTime(at, hackathon.timeZone, locale)}</dd>
                </Fragment>
              ),
          )}
        {hackathon.location && (
          <>
            <dt>{t('hackathon.location')}</dt>
            <dd>{hackathon.location}</dd>
          </>
        )}
        {hackathon.rounds.length > 0 && (
          <>
            <dt>{t('hackathon.rounds')}</dt>
            <dd>
              {hackathon.rounds.map((round, index) => (
                <span key={round.id}>
                  {index > 0 && ' → '}
                  <Localized text={round.name} /> ({t(`roundKind.${round.kind}` as MessageKey)})
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t('proposals.title')}</h2>
        {FEATURES.teams && (
          <p>
            <Link href={`/hackathons/${hackathon.slug}/skills`}>{t('skills.link')}</Link>
          </p>
        )}
        <form className="filters" onSubmit={submit} role="search" aria-label={t('proposals.filters')}>
          <label>
            <span>{t('proposals.filter.status')}</span>
            <select value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
              <option value="">{t('common.any')}</option>
              {PROPOSAL_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('proposals.filter.tag')}</span>
            <select value={form.tag} onChange={(e) => setForm({ ...form, tag: e.target.value })}>
              <option value="">{t('common.any')}</option>
              {tags.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {locale === 'zh-TW' ? tag.zhTW : tag.en}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('proposals.filter.need')}</span>
            <input type="text" value={form.need} onChange={(e) => setForm({ ...form, need: e.target.value })} />
          </label>
          <label>
            <span>{t('proposals.filter.text')}</span>
            <input type="search" value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />
          </label>
          <div className="filter-actions">
            <button type="submit">{t('proposals.filter.apply')}</button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setForm(NO_FILTER);
                setApplied(NO_FILTER);
              }}
            >
              {t('proposals.filter.clear')}
            </button>
          </div>
        </form>
        <CursorList
          key={JSON.stringify(applied)}
          label={t('proposals.title')}
          empty={t('proposals.empty')}
          chunk={(props) => <ProposalChunk {...props} slug={hackathon.slug} filter={toProposalFilter(applied)} />}
        />
      </section>
    </Page>
  );
}

function ProposalChunk({ after, onPage, focusFirst, slug, filter }: ChunkProps & { slug: string; filter?: ProposalFilter }) {
  const { t, locale } = useI18n();
  const [{ data, error, fetching }] = useQuery({
    query: HackathonProposalsDocument,
    variables: { slug, filter, first: PAGE_SIZE, after },
  });
  const page = data?.proposals;
  const ref = useChunkPage(page, { after, onPage, focusFirst });
  if (error) return <ChunkPlaceholder error={error} />;
  if (fetching && !page) return <ChunkPlaceholder />;
  return (
    <>
      {page?.edges.map(({ node }, index) => (
        <li key={node.id} className="card">
          <div ref={index === 0 ? ref : undefined}>
            <h3 className="card-title">
              <Link href={`/proposals/${node.id}`}>
                <Localized text={node.title} />
              </Link>
            </h3>
            <p className="meta">
              <span className={`badge status-${node.status.toLowerCase()}`}>{t(`status.${node.status}` as MessageKey)}</span>{' '}
              {t('proposal.by', { name: node.proposerName })}
              {node.channel && <> · {node.channel}</>}
              {node.teamSize > 0 && <> · {t('proposal.teamSize', { count: node.teamSize })}</>}
            </p>
            {node.tags.length > 0 && (
              <p className="chips">
                {node.tags.map((tag) => (
                  <span key={tag.id} className="chip">
                    {locale === 'zh-TW' ? tag.zhTW : tag.en}
                  </span>
                ))}
              </p>
            )}
            {node.needs.length > 0 && <p className="meta">{t('proposal.needsList', { needs: node.needs.join(', ') })}</p>}
          </div>
        </li>
      ))}
    </>
  );
}
