import { Link } from 'wouter';
import { useQuery } from 'urql';
import { ProjectDetailDocument } from './gql/graphql';
import { problemOf } from '../../api/errors';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useSession } from '../../auth/Session';
import { formatDate } from '../../lib/dates';
import { useI18n, type MessageKey } from '../../i18n';
import { FEATURES } from '../../features';
import { OutcomeTrail } from '../followup/OutcomeTrail';
import { MetadataUpdates } from '../followup/MetadataUpdates';

/** A project's identity across editions: its links, issue areas, and every proposal of it you may see. */
export default function ProjectPage({ params }: { params: Record<string, string> }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const { me, hasRole } = useSession();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProjectDetailDocument, variables: { id: params.id } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const project = data?.project;
  if (!project) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('project.notFound')}</p>
      </Page>
    );
  }
  // The server lets organizers and the proposers of the project's proposals edit it.
  const mayEdit = hasRole('ORGANIZER') || (!!me && project.proposals.some((proposal) => proposal.proposerId === me.id));
  return (
    <Page
      title={localized(project.name)}
      actions={
        mayEdit && (
          <Link className="button button-secondary" href={`/projects/${project.id}/edit`}>
            {t('linking.editProject')}
          </Link>
        )
      }
    >
      {project.description && (project.description.zhTW || project.description.en) && (
        <p className="project-description">
          <Localized text={project.description} />
        </p>
      )}
      <dl className="facts">
        {project.repositoryUrl && (
          <>
            <dt>{t('link.REPOSITORY')}</dt>
            <dd>
              <a href={project.repositoryUrl} rel="noopener noreferrer nofollow">
                {project.repositoryUrl}
              </a>
            </dd>
          </>
        )}
        {project.websiteUrl && (
          <>
            <dt>{t('link.WEBSITE')}</dt>
            <dd>
              <a href={project.websiteUrl} rel="noopener noreferrer nofollow">
                {project.websiteUrl}
              </a>
            </dd>
          </>
        )}
        {project.thumbnailUrl && (
          <>
            <dt>{t('project.thumbnail')}</dt>
            <dd>
              <a href={project.thumbnailUrl} rel="noopener noreferrer nofollow">
                {project.thumbnailUrl}
              </a>
            </dd>
          </>
        )}
        {project.issueAreas.length > 0 && (
          <>
            <dt>{t('proposal.tags')}</dt>
            <dd>{project.issueAreas.map((area) => localized(area)).join(', ')}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="editions-heading">
        <h2 id="editions-heading">{t('project.proposals')}</h2>
        {project.proposals.length === 0 ? (
          <p>{t('proposals.empty')}</p>
        ) : (
          <ol className="timeline">
            {project.proposals.map((proposal) => (
              <li key={proposal.id} className="card">
                <h3 className="card-title">
                  <Link href={`/proposals/${proposal.id}`}>
                    <Localized text={proposal.title} />
                  </Link>
                </h3>
                <p className="meta">
                  <Link href={`/hackathons/${proposal.hackathon.slug}`}>
                    <Localized text={proposal.hackathon.name} />
                  </Link>{' '}
                  · {formatDate(proposal.hackathon.startsAt, proposal.hackathon.timeZone, locale)} ·{' '}
                  <span className={`badge status-${proposal.status.toLowerCase()}`}>{t(`status.${proposal.status}` as MessageKey)}</span>{' '}
                  · {t('proposal.by', { name: proposal.proposerName })}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {FEATURES.followUp && (
        <MetadataUpdates projectId={project.id} onApplied={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      {FEATURES.followUp && <OutcomeTrail projectId={project.id} />}
    </Page>
  );
}
