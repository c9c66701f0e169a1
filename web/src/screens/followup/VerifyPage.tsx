import { Link } from 'wouter';
import { useQuery } from 'urql';
import { MilestonesToVerifyDocument } from './gql/graphql';
import { problemOf } from '../../api/errors';
import { Localized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n';
import { MilestoneDecision, MilestoneDetails, formatDay, milestoneName } from './followupKit';

/**
 * Organizers' follow-up desk: milestones waiting for verification (oldest first), each with its evidence and a
 * verify / reject decision, and the way to the outcome import and the statistics.
 */
export default function VerifyPage() {
  const { t, locale } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: MilestonesToVerifyDocument, variables: { first: 50 } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const milestones = data?.outcomeMilestonesToVerify ?? [];
  return (
    <Page
      title={t('followup.verify.title')}
      actions={
        <>
          <Link className="button button-secondary" href="/organize/outcomes/import">
            {t('followup.import.title')}
          </Link>{' '}
          <Link className="button button-secondary" href="/statistics">
            {t('stats.title')}
          </Link>
        </>
      }
    >
      <p>{t('followup.verify.intro')}</p>
      {fetching && !data ? (
        <Loading />
      ) : error && !data ? (
        <ProblemNotice problem={problemOf(error)} />
      ) : milestones.length === 0 ? (
        <p>{t('followup.verify.none')}</p>
      ) : (
        <ol className="timeline">
          {milestones.map((milestone) => (
            <li key={milestone.id} className="card">
              <h2 className="card-title">
                <time dateTime={milestone.date}>{formatDay(milestone.date, locale)}</time> {t(`followup.type.${milestone.type}` as MessageKey)}
              </h2>
              <p>
                <Link href={`/projects/${milestone.projectId}`}>
                  {milestone.project ? <Localized text={milestone.project.name} /> : t('followup.verify.openProject', { name: milestoneName(milestone, t, locale) })}
                </Link>
              </p>
              <MilestoneDetails milestone={milestone} />
              <MilestoneDecision milestone={milestone} onDecided={reload} />
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}
