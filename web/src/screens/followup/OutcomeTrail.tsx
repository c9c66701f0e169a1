import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  AnswerFollowUpRequestDocument,
  FollowProjectDocument,
  ProjectTrailDocument,
  UnfollowProjectDocument,
  type ProjectTrailQuery,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { useSession } from '../../auth/Session';
import { Field } from '../../components/Field';
import { Localized } from '../../components/Localized';
import { Loading } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useI18n, type MessageKey } from '../../i18n';
import { MilestoneDecision, MilestoneDetails, StateBadge, formatDay } from './followupKit';
import { MilestoneForm } from './MilestoneForm';

type Project = NonNullable<ProjectTrailQuery['project']>;

/**
 * A project's outcome trail, on its public page: the derived state, the dated milestones (newest first) with their
 * source, verification and evidence; following for signed-in people; reporting (team leads) and recording and
 * verifying (organizers); the project's follow-up requests for those who may answer them.
 */
export function OutcomeTrail({ projectId }: { projectId: string }) {
  const { t, locale } = useI18n();
  const { me, hasRole } = useSession();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProjectTrailDocument, variables: { id: projectId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const organizer = hasRole('ORGANIZER');
  if (fetching && !data) return <Loading />;
  if (error && !data) {
    return (
      <section aria-labelledby="trail-heading">
        <h2 id="trail-heading">{t('followup.trail.title')}</h2>
        <ProblemNotice problem={problemOf(error)} />
      </section>
    );
  }
  const project = data?.project;
  if (!project) return null;
  const followUp = project.followUp;
  return (
    <section aria-labelledby="trail-heading" className="outcome-trail">
      <h2 id="trail-heading">{t('followup.trail.title')}</h2>
      <dl className="facts">
        <dt>{t('followup.trail.state')}</dt>
        <dd>
          <StateBadge state={followUp.state} />
          {followUp.dormant && followUp.state !== 'DORMANT' && <span className="muted"> {t('followup.trail.dormantToo')}</span>}
        </dd>
        <dt>{t('followup.trail.service')}</dt>
        <dd>
          {t(`followup.service.${followUp.serviceStatus}` as MessageKey, {
            date: followUp.serviceSince ? formatDay(followUp.serviceSince, locale) : '',
          })}
        </dd>
        <dt>{t('followup.trail.team')}</dt>
        <dd>{t(`followup.team.${followUp.teamActivity}` as MessageKey)}</dd>
        {followUp.stateIncludingPending && followUp.stateIncludingPending !== followUp.state && (
          <>
            <dt>{t('followup.trail.stateWithPending')}</dt>
            <dd>
              <StateBadge state={followUp.stateIncludingPending} />
            </dd>
          </>
        )}
        {followUp.lastSignOfLife && (
          <>
            <dt>{t('followup.trail.lastSignOfLife')}</dt>
            <dd>{formatDay(followUp.lastSignOfLife, locale)}</dd>
          </>
        )}
        {typeof followUp.pendingCount === 'number' && followUp.pendingCount > 0 && (
          <>
            <dt>{t('followup.trail.pending')}</dt>
            <dd>{followUp.pendingCount}</dd>
          </>
        )}
        <dt>{t('followup.trail.followers')}</dt>
        <dd>{followUp.followerCount}</dd>
      </dl>
      {me && <FollowButton project={project} />}
      {project.outcomes.length === 0 ? (
        <p>{t('followup.trail.empty')}</p>
      ) : (
        <ol className="timeline trail">
          {project.outcomes.map((milestone) => (
            <li key={milestone.id} className="card">
              <h3 className="card-title">
                <time dateTime={milestone.date}>{formatDay(milestone.date, locale)}</time>{' '}
                {t(`followup.type.${milestone.type}` as MessageKey)}
              </h3>
              <MilestoneDetails milestone={milestone} />
              {organizer && <MilestoneDecision milestone={milestone} onDecided={reload} />}
            </li>
          ))}
        </ol>
      )}
      {followUp.requests.length > 0 && <FollowUpRequests project={project} onAnswered={reload} />}
      {followUp.canRecord && <MilestoneForm projectId={project.id} organizer={organizer} onRecorded={reload} />}
    </section>
  );
}

function FollowButton({ project }: { project: Project }) {
  const { t } = useI18n();
  const [follow, doFollow] = useMutation(FollowProjectDocument);
  const [unfollow, doUnfollow] = useMutation(UnfollowProjectDocument);
  const [problem, setProblem] = useState<Problem>();
  const [status, setStatus] = useState<string>();
  const following = project.followUp.followedByMe;

  async function toggle() {
    setProblem(undefined);
    const input = { projectId: project.id };
    const response = following ? await doUnfollow({ input }) : await doFollow({ input });
    if (response.error) {
      setProblem(problemOf(response.error));
      return;
    }
    setStatus(t(following ? 'followup.follow.stopped' : 'followup.follow.started'));
  }

  return (
    <div className="follow">
      <ProblemNotice problem={problem} />
      <button type="button" aria-pressed={following} disabled={follow.fetching || unfollow.fetching} onClick={toggle}>
        {t(following ? 'followup.follow.unfollow' : 'followup.follow.follow')}
      </button>{' '}
      <span className="muted">{t('followup.follow.hint')}</span>
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}

function FollowUpRequests({ project, onAnswered }: { project: Project; onAnswered: () => void }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="requests-heading">
      <h3 id="requests-heading">{t('followup.requests.title')}</h3>
      <ul className="plain-list">
        {project.followUp.requests.map((request) => (
          <li key={request.id} className="card">
            <p>
              <strong>{t('followup.requests.months', { months: request.months })}</strong> ·{' '}
              <Localized text={request.hackathon.name} /> · {t('followup.requests.due', { date: formatDay(request.dueOn, locale) })} ·{' '}
              <span className="badge">{t(`followup.requests.status.${request.status}` as MessageKey)}</span>
            </p>
            {request.answer && <p className="prose">{request.answer}</p>}
            {request.status === 'OPEN' && <AnswerForm requestId={request.id} months={request.months} onAnswered={onAnswered} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerForm({ requestId, months, onAnswered }: { requestId: string; months: number; onAnswered: () => void }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState('');
  const [result, send] = useMutation(AnswerFollowUpRequestDocument);
  const [problem, setProblem] = useState<Problem>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    const response = await send({ input: { id: requestId, answer: answer.trim() || null } });
    if (response.error) setProblem(problemOf(response.error));
    else onAnswered();
  }

  return (
    <form className="stack" onSubmit={submit}>
      <ProblemNotice problem={problem} shownFields={['answer']} />
      <Field label={t('followup.requests.answer', { months })} hint={t('followup.requests.answerHint')} error={problem?.fields.answer}>
        {(props) => <textarea {...props} rows={2} maxLength={1000} value={answer} onChange={(e) => setAnswer(e.target.value)} />}
      </Field>
      <button type="submit" disabled={result.fetching}>
        {t('followup.requests.send')}
      </button>
    </form>
  );
}

