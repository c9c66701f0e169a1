import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useQuery } from 'urql';
import { ProposalsNeedingSkillDocument, SkillSearchHackathonDocument } from './gql/graphql';
import { problemOf } from '../../api/errors';
import { ChunkPlaceholder, CursorList, useChunkPage, type ChunkProps } from '../../components/CursorList';
import { Field } from '../../components/Field';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n';
import { roleLabel } from './teamKit';

const PAGE_SIZE = 25;

/**
 * "Projects that need skill S" at a hackathon (`proposalsNeedingSkill`: an open position for the skill or a role of
 * that name, or the skill among the proposal's needs). The skill is in the address (?skill=…), so a search can be
 * shared and survives a reload.
 */
export default function SkillSearchPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const search = useSearch();
  const [, navigate] = useLocation();
  const skill = (new URLSearchParams(search).get('skill') ?? '').trim();
  const [typed, setTyped] = useState(skill);
  useEffect(() => setTyped(skill), [skill]);
  const [{ data, error, fetching }] = useQuery({ query: SkillSearchHackathonDocument, variables: { slug: params.slug } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const hackathon = data?.hackathon;
  if (!hackathon) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('hackathon.notFound')}</p>
      </Page>
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const next = typed.trim();
    navigate(`/hackathons/${params.slug}/skills${next ? `?skill=${encodeURIComponent(next)}` : ''}`, { replace: true });
  }
  return (
    <Page title={t('skills.title', { hackathon: localized(hackathon.name) })}>
      <p>
        <Link href={`/hackathons/${hackathon.slug}`}>{t('skills.back', { hackathon: localized(hackathon.name) })}</Link>
      </p>
      <form className="filters filters-single" role="search" aria-label={t('skills.search')} onSubmit={submit}>
        <Field label={t('skills.skill')} hint={t('skills.skillHint')}>
          {(props) => <input {...props} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />}
        </Field>
        <div className="filter-actions">
          <button type="submit">{t('skills.find')}</button>
        </div>
      </form>
      {skill ? (
        <section aria-labelledby="skill-results">
          <h2 id="skill-results">{t('skills.results', { skill })}</h2>
          <CursorList
            key={skill}
            label={t('skills.results', { skill })}
            empty={t('skills.empty', { skill })}
            chunk={(props) => <SkillChunk {...props} slug={hackathon.slug} skill={skill} />}
          />
        </section>
      ) : (
        <p>{t('skills.prompt')}</p>
      )}
    </Page>
  );
}

function SkillChunk({ after, onPage, focusFirst, slug, skill }: ChunkProps & { slug: string; skill: string }) {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({
    query: ProposalsNeedingSkillDocument,
    variables: { slug, skill, first: PAGE_SIZE, after },
  });
  const page = data?.proposalsNeedingSkill;
  const ref = useChunkPage(page, { after, onPage, focusFirst });
  if (error) return <ChunkPlaceholder error={error} />;
  if (fetching && !page) return <ChunkPlaceholder />;
  return (
    <>
      {page?.edges.map(({ node }, index) => {
        const open = node.team?.openPositions ?? [];
        return (
          <li key={node.id} className="card">
            <div ref={index === 0 ? ref : undefined}>
              <h3 className="card-title">
                <Link href={`/proposals/${node.id}#team`}>
                  <Localized text={node.title} />
                </Link>
              </h3>
              <p className="meta">
                <span className={`badge status-${node.status.toLowerCase()}`}>{t(`status.${node.status}` as MessageKey)}</span>{' '}
                {t('proposal.by', { name: node.proposerName })} · {t('proposal.teamSize', { count: node.teamSize })}
              </p>
              {open.length > 0 && (
                <p>
                  {t('skills.openPositions')}{' '}
                  {open
                    .map((position) => t('skills.position', { skill: position.skill, role: roleLabel(t, position.role), openings: position.openings }))
                    .join(', ')}
                </p>
              )}
              {node.needs.length > 0 && <p className="meta">{t('proposal.needsList', { needs: node.needs.join(', ') })}</p>}
            </div>
          </li>
        );
      })}
    </>
  );
}
