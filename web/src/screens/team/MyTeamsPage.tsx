import { useState } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import {
  AcceptTeamInvitationDocument,
  DeclineTeamInvitationDocument,
  MyTeamsDocument,
  WithdrawMyJoinRequestDocument,
  type JoinRequestStatus,
  type MyTeamsQuery,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { formatDateTime } from '../../lib/dates';
import { notificationsChanged } from '../../lib/notifications';
import { useI18n, type MessageKey } from '../../i18n';
import { roleLabel } from './teamKit';

type Data = MyTeamsQuery;
type Summary = Data['myTeams'][number]['proposal'];

/** "My teams": the teams I am in, my join requests and the invitations to me (accept or decline here). */
export default function MyTeamsPage() {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: MyTeamsDocument });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const pendingInvitations = data?.myTeamInvitations.filter((invitation) => invitation.status === 'PENDING') ?? [];
  const pastInvitations = data?.myTeamInvitations.filter((invitation) => invitation.status !== 'PENDING') ?? [];
  return (
    <Page title={t('myTeams.title')}>
      <section aria-labelledby="my-invitations">
        <h2 id="my-invitations">{t('myTeams.invitations')}</h2>
        {pendingInvitations.length === 0 ? (
          <p>{t('myTeams.noInvitations')}</p>
        ) : (
          <ul className="cards" aria-labelledby="my-invitations">
            {pendingInvitations.map((invitation) => (
              <Invitation key={invitation.id} invitation={invitation} onAnswered={reload} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-teams">
        <h2 id="my-teams">{t('myTeams.teams')}</h2>
        {data?.myTeams.length === 0 ? (
          <p>{t('myTeams.noTeams')}</p>
        ) : (
          <ul className="cards" aria-labelledby="my-teams">
            {data?.myTeams.map((team) => (
              <li key={team.id} className="card">
                <ProposalTitle proposal={team.proposal} />
                <p className="meta">
                  {[
                    team.viewerMembership && t('myTeams.yourRole', { role: roleLabel(t, team.viewerMembership.role) }),
                    t('team.sizeValue', { count: team.size }),
                    team.openPositions.length > 0 &&
                      t('myTeams.openPositions', { skills: team.openPositions.map((position) => position.skill).join(', ') }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {team.viewerCanManage && team.joinRequests.length > 0 && team.proposal && (
                  <p>
                    <Link href={`/proposals/${team.proposal.id}#team`}>
                      {t('myTeams.pendingRequests', { count: team.joinRequests.length })}
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-requests">
        <h2 id="my-requests">{t('myTeams.requests')}</h2>
        {data?.myJoinRequests.length === 0 ? (
          <p>{t('myTeams.noRequests')}</p>
        ) : (
          <ul className="cards" aria-labelledby="my-requests">
            {data?.myJoinRequests.map((request) => (
              <MyRequest key={request.id} request={request} onChanged={reload} />
            ))}
          </ul>
        )}
      </section>

      {pastInvitations.length > 0 && (
        <section aria-labelledby="past-invitations">
          <h2 id="past-invitations">{t('myTeams.pastInvitations')}</h2>
          <ul className="cards" aria-labelledby="past-invitations">
            {pastInvitations.map((invitation) => (
              <li key={invitation.id} className="card">
                <ProposalTitle proposal={invitation.proposal} />
                <p className="meta">
                  <StatusBadge status={invitation.status} /> {roleLabel(t, invitation.role)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

function ProposalTitle({ proposal }: { proposal: Summary | null | undefined }) {
  const { t } = useI18n();
  if (!proposal) return <h3 className="card-title">{t('myTeams.hiddenProposal')}</h3>;
  return (
    <>
      <h3 className="card-title">
        <Link href={`/proposals/${proposal.id}#team`}>
          <Localized text={proposal.title} />
        </Link>
      </h3>
      <p className="meta">
        <Localized text={proposal.hackathon.name} />
      </p>
    </>
  );
}

function StatusBadge({ status }: { status: JoinRequestStatus }) {
  const { t } = useI18n();
  return <span className={`badge request-${status.toLowerCase()}`}>{t(`requestStatus.${status}` as MessageKey)}</span>;
}

function MyRequest({ request, onChanged }: { request: Data['myJoinRequests'][number]; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const [problem, setProblem] = useState<Problem>();
  const [result, withdraw] = useMutation(WithdrawMyJoinRequestDocument);
  const zone = request.proposal?.hackathon.timeZone ?? 'UTC';
  const title = request.proposal ? localized(request.proposal.title) : t('myTeams.hiddenProposal');
  return (
    <li className="card">
      <ProposalTitle proposal={request.proposal} />
      <p className="meta">
        <StatusBadge status={request.status} />{' '}
        {[
          request.position ? t('team.forPosition', { skill: request.position.skill }) : request.role && roleLabel(t, request.role),
          t('myTeams.askedOn', { date: formatDateTime(request.createdAt, zone, locale) }),
          request.decidedAt && t('myTeams.decidedOn', { date: formatDateTime(request.decidedAt, zone, locale) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {request.decisionNote && <p>{t('myTeams.leadNote', { note: request.decisionNote })}</p>}
      <ProblemNotice problem={problem} />
      {request.status === 'PENDING' && (
        <button
          type="button"
          className="button-secondary"
          disabled={result.fetching}
          onClick={async () => {
            setProblem(undefined);
            const response = await withdraw({ input: { requestId: request.id } });
            if (response.error) setProblem(problemOf(response.error));
            else onChanged();
          }}
        >
          {t('myTeams.withdraw', { title })}
        </button>
      )}
    </li>
  );
}

function Invitation({ invitation, onAnswered }: { invitation: Data['myTeamInvitations'][number]; onAnswered: () => void }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const title = invitation.proposal ? localized(invitation.proposal.title) : t('myTeams.hiddenProposal');
  const [problem, setProblem] = useState<Problem>();
  const [affiliation, setAffiliation] = useState('');
  const [note, setNote] = useState('');
  const [accepting, accept] = useMutation(AcceptTeamInvitationDocument);
  const [declining, decline] = useMutation(DeclineTeamInvitationDocument);
  const busy = accepting.fetching || declining.fetching;
  async function answer(yes: boolean) {
    setProblem(undefined);
    const response = yes
      ? await accept({ input: { invitationId: invitation.id, affiliation: affiliation.trim() || undefined } })
      : await decline({ input: { invitationId: invitation.id, note: note.trim() || undefined } });
    if (response.error) setProblem(problemOf(response.error));
    else {
      notificationsChanged();
      onAnswered();
    }
  }
  return (
    <li className="card">
      <ProposalTitle proposal={invitation.proposal} />
      <p>
        {invitation.position
          ? t('team.invitedAsPosition', { role: roleLabel(t, invitation.role), skill: invitation.position.skill })
          : t('team.invitedAs', { role: roleLabel(t, invitation.role) })}
      </p>
      {invitation.message && <blockquote className="message">{invitation.message}</blockquote>}
      <ProblemNotice problem={problem} />
      <fieldset>
        <legend>{t('myTeams.answer', { title })}</legend>
        <div className="grid-2">
          <Field label={t('team.yourAffiliation')} hint={t('team.yourAffiliationHint')}>
            {(props) => <input {...props} type="text" maxLength={200} value={affiliation} onChange={(e) => setAffiliation(e.target.value)} />}
          </Field>
          <Field label={t('myTeams.declineNote')}>
            {(props) => <input {...props} type="text" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
        </div>
        <div className="button-row">
          <button type="button" disabled={busy} onClick={() => answer(true)}>
            {t('myTeams.accept', { title })}
          </button>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => answer(false)}>
            {t('myTeams.decline', { title })}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
