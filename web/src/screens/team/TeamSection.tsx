import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import {
  AcceptTeamInvitationDocument,
  DeclineTeamInvitationDocument,
  LeaveTeamDocument,
  ProposalTeamDocument,
  RemoveTeamMemberDocument,
  RequestToJoinTeamDocument,
  WithdrawJoinRequestDocument,
  type TeamRole,
} from './gql/graphql';
import { problemOf } from '../../api/errors';
import { useSession } from '../../auth/Session';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { formatDateTime } from '../../lib/dates';
import { notificationsChanged } from '../../lib/notifications';
import { useI18n, type MessageKey } from '../../i18n';
import {
  OutcomeNotice,
  PositionSelect,
  RoleSelect,
  TeamContext,
  TeamPart,
  newerTeam,
  roleLabel,
  useOutcome,
  useTeam,
  useTeamRun,
  type Team,
  type TeamContextValue,
} from './teamKit';
import { LeadPanels, OrganizerPanels, Positions } from './TeamManage';

/**
 * The team of a proposal, on its page (anchor #team, where notifications link): members with roles and
 * affiliations, open positions with seats, partner agency; asking to join and withdrawing; invitations to you; leaving
 * (with a hand-over when you are the last lead); for the team's leads and organizers, managing it.
 */
export default function TeamSection({
  proposalId,
  proposerId,
  timeZone,
}: {
  proposalId: string;
  proposerId: string | null | undefined;
  timeZone: string;
}) {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProposalTeamDocument, variables: { proposalId } });
  const [latest, setLatest] = useState<Team>();
  const team = newerTeam(data?.team, latest);
  const apply = useCallback((next: Team) => setLatest((previous) => newerTeam(previous, next) ?? next), []);
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const [announcement, announce] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = !!team;
  useEffect(() => {
    // A notification links to /proposals/ID#team: bring the team into view once it is on screen. Deferred: when the
    // team comes from the cache it is on screen in the very commit of the navigation, and the shell's own effect
    // (scroll to the top, runs after its children's) would undo it.
    if (!ready || window.location.hash !== '#team') return;
    const timer = window.setTimeout(() => {
      heading.current?.scrollIntoView?.();
      heading.current?.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [ready]);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The control that acted often goes away with its success (an accepted request leaves the list): focus would
    // fall to the page's start. Move it to the announcement instead, which also brings it into view.
    if (announcement && (!document.activeElement || document.activeElement === document.body)) status.current?.focus();
  }, [announcement]);
  const context = useMemo<TeamContextValue | null>(
    () => (team ? { team, proposalId, proposerId, timeZone, apply, reload, announce } : null),
    [team, proposalId, proposerId, timeZone, apply, reload],
  );
  return (
    <section id="team" aria-labelledby="team-heading" className="panel team">
      <h2 id="team-heading" ref={heading} tabIndex={-1}>
        {t('team.title')}
      </h2>
      {/* Present from the start, so screen readers announce what is put into it. */}
      <div role="status" className="team-status">
        {announcement && (
          <p ref={status} tabIndex={-1} className="notice notice-ok">
            {announcement}
          </p>
        )}
      </div>
      {fetching && !data && <Loading />}
      {error && !data && <ProblemNotice problem={problemOf(error)} />}
      {data && !team && <p>{t('team.none')}</p>}
      {context && (
        <TeamContext.Provider value={context}>
          <TeamBody />
        </TeamContext.Provider>
      )}
    </section>
  );
}

function TeamBody() {
  const { t } = useI18n();
  const { me, hasRole } = useSession();
  const { team, proposalId } = useTeam();
  const organizer = hasRole('ORGANIZER');
  const member = !!team.viewerMembership;
  return (
    <>
      <dl className="facts">
        <dt>{t('team.size')}</dt>
        <dd>{t('team.sizeValue', { count: team.size })}</dd>
        <dt>{t('team.partnerAgency')}</dt>
        <dd>
          {team.partnerAgency
            ? team.partnerAgency.department
              ? t('team.agencyWithDepartment', { name: team.partnerAgency.name, department: team.partnerAgency.department })
              : team.partnerAgency.name
            : t('team.noAgency')}
        </dd>
        {team.lateMembersAllowed && (
          <>
            <dt>{t('team.lateMembers')}</dt>
            <dd>
              {t('team.lateMembersAllowed')}
              {team.lateMembersReason && <> ({team.lateMembersReason})</>}
            </dd>
          </>
        )}
      </dl>
      <Members />
      <Positions />
      {me && !member && <JoinPanel />}
      {!me && (
        <p>
          <Link className="button" href={`/sign-in?next=${encodeURIComponent(`/proposals/${proposalId}#team`)}`}>
            {t('team.signInToJoin')}
          </Link>
        </p>
      )}
      {team.viewerCanManage && <LeadPanels />}
      {organizer && <OrganizerPanels />}
      {member && <LeavePanel />}
    </>
  );
}

function Members() {
  const { t, locale } = useI18n();
  const { me, hasRole } = useSession();
  const { team, proposerId, timeZone } = useTeam();
  const [removing, setRemoving] = useState<string>();
  return (
    <TeamPart id="team-members" title={t('team.members')}>
      {team.members.length === 0 ? (
        <p>{t('team.noMembers')}</p>
      ) : (
        <ul className="members" aria-labelledby="team-members">
          {team.members.map((member) => {
            const removable =
              team.viewerCanManage && member.userId !== me?.id && (member.userId !== proposerId || hasRole('ORGANIZER'));
            return (
              <li key={member.userId} className="member">
                <p>
                  <strong>{member.displayName}</strong>
                  {member.userId === me?.id && <> {t('team.you')}</>}{' '}
                  <span className="badge">{roleLabel(t, member.role)}</span>
                </p>
                <p className="meta">
                  {[
                    member.affiliation && t('team.affiliationOf', { affiliation: member.affiliation }),
                    member.position && t('team.forPosition', { skill: member.position.skill }),
                    t(`joinedVia.${member.joinedVia}` as MessageKey, {
                      date: formatDateTime(member.joinedAt, timeZone, locale),
                    }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {removable &&
                  (removing === member.userId ? (
                    <RemoveMember userId={member.userId} name={member.displayName} onClose={() => setRemoving(undefined)} />
                  ) : (
                    <button type="button" className="button-danger" onClick={() => setRemoving(member.userId)}>
                      {t('team.remove', { name: member.displayName })}
                    </button>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </TeamPart>
  );
}

function RemoveMember({ userId, name, onClose }: { userId: string; name: string; onClose: () => void }) {
  const { t } = useI18n();
  const { proposalId } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const [reason, setReason] = useState('');
  const [result, remove] = useMutation(RemoveTeamMemberDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(
      outcome,
      () => remove({ input: { proposalId, userId, reason: reason.trim() || undefined } }),
      (data) => data.removeTeamMember.team,
      t('team.memberRemoved', { name }),
    );
    if (ok) onClose();
  }
  return (
    <form className="stack inline-form" onSubmit={submit}>
      <OutcomeNotice outcome={outcome} />
      <Field label={t('team.removeReason', { name })}>
        {(props) => <textarea {...props} rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button-danger" disabled={result.fetching}>
          {t('team.confirmRemove', { name })}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** For a signed-in person who is not a member: their pending request, their invitations, or the form to ask. */
function JoinPanel() {
  const { t } = useI18n();
  const { me } = useSession();
  const { team } = useTeam();
  const mine = team.joinRequests.find((request) => request.requesterId === me?.id);
  const invitations = team.invitations.filter((invitation) => invitation.inviteeId === me?.id);
  return (
    <TeamPart id="team-join" title={t('team.join')}>
      {invitations.map((invitation) => (
        <InvitationToMe key={invitation.id} invitation={invitation} />
      ))}
      {mine ? <MyPendingRequest request={mine} /> : <AskToJoin />}
    </TeamPart>
  );
}

function MyPendingRequest({ request }: { request: Team['joinRequests'][number] }) {
  const { t, locale } = useI18n();
  const { timeZone } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const [result, withdraw] = useMutation(WithdrawJoinRequestDocument);
  return (
    <div className="stack">
      <OutcomeNotice outcome={outcome} />
      <p className="notice">
        {request.position
          ? t('team.myRequestFor', { skill: request.position.skill, date: formatDateTime(request.createdAt, timeZone, locale) })
          : t('team.myRequest', { date: formatDateTime(request.createdAt, timeZone, locale) })}
      </p>
      {request.message && <blockquote className="message">{request.message}</blockquote>}
      <button
        type="button"
        className="button-secondary"
        disabled={result.fetching}
        onClick={() =>
          run(
            outcome,
            () => withdraw({ input: { requestId: request.id } }),
            (data) => data.withdrawJoinRequest.joinRequest.proposal?.team,
            t('team.requestWithdrawn'),
          )
        }
      >
        {t('team.withdrawRequest')}
      </button>
    </div>
  );
}

function AskToJoin() {
  const { t } = useI18n();
  const { team, proposalId } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const [positionId, setPositionId] = useState('');
  const [role, setRole] = useState<TeamRole | ''>('');
  const [affiliation, setAffiliation] = useState('');
  const [message, setMessage] = useState('');
  const [result, request] = useMutation(RequestToJoinTeamDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(
      outcome,
      () =>
        request({
          input: {
            proposalId,
            positionId: positionId || undefined,
            role: !positionId && role ? role : undefined,
            affiliation: affiliation.trim() || undefined,
            message: message.trim() || undefined,
          },
        }),
      (data) => data.requestToJoinTeam.joinRequest.proposal?.team,
      t('team.requestSent'),
    );
    if (ok) setMessage('');
  }
  return (
    <form className="stack form" onSubmit={submit}>
      <OutcomeNotice outcome={outcome} />
      <p className="hint">{t('team.joinIntro')}</p>
      <PositionSelect label={t('team.wantedPosition')} positions={team.positions} value={positionId} onChange={setPositionId} />
      {!positionId && (
        <RoleSelect label={t('team.offeredRole')} value={role} onChange={setRole} empty={t('common.choose')} />
      )}
      <Field label={t('team.yourAffiliation')} hint={t('team.yourAffiliationHint')}>
        {(props) => <input {...props} type="text" maxLength={200} value={affiliation} onChange={(e) => setAffiliation(e.target.value)} />}
      </Field>
      <Field label={t('team.messageToLeads')} hint={t('team.messageToLeadsHint')}>
        {(props) => <textarea {...props} rows={3} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} />}
      </Field>
      <button type="submit" disabled={result.fetching}>
        {t('team.askToJoin')}
      </button>
    </form>
  );
}

function InvitationToMe({ invitation }: { invitation: Team['invitations'][number] }) {
  const { t } = useI18n();
  const { reload, announce } = useTeam();
  const outcome = useOutcome();
  const [affiliation, setAffiliation] = useState('');
  const [accepting, accept] = useMutation(AcceptTeamInvitationDocument);
  const [declining, decline] = useMutation(DeclineTeamInvitationDocument);
  async function answer(yes: boolean) {
    outcome.reset();
    const result = yes
      ? await accept({ input: { invitationId: invitation.id, affiliation: affiliation.trim() || undefined } })
      : await decline({ input: { invitationId: invitation.id } });
    if (result.error) outcome.setProblem(problemOf(result.error));
    else {
      reload();
      announce(yes ? t('team.invitationAccepted') : t('team.invitationDeclined'));
      notificationsChanged();
    }
  }
  return (
    <div className="stack notice">
      <OutcomeNotice outcome={outcome} />
      <p>
        {invitation.position
          ? t('team.invitedAsPosition', { role: roleLabel(t, invitation.role), skill: invitation.position.skill })
          : t('team.invitedAs', { role: roleLabel(t, invitation.role) })}
      </p>
      {invitation.message && <blockquote className="message">{invitation.message}</blockquote>}
      <Field label={t('team.yourAffiliation')} hint={t('team.yourAffiliationHint')}>
        {(props) => <input {...props} type="text" maxLength={200} value={affiliation} onChange={(e) => setAffiliation(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="button" disabled={accepting.fetching || declining.fetching} onClick={() => answer(true)}>
          {t('team.acceptInvitation')}
        </button>
        <button type="button" className="button-secondary" disabled={accepting.fetching || declining.fetching} onClick={() => answer(false)}>
          {t('team.declineInvitation')}
        </button>
      </div>
    </div>
  );
}

/** Leaving; the team's last lead names who takes over. */
function LeavePanel() {
  const { t } = useI18n();
  const { me } = useSession();
  const { team, proposalId } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const [handOverTo, setHandOverTo] = useState('');
  const [result, leave] = useMutation(LeaveTeamDocument);
  const leads = team.members.filter((member) => member.role === 'LEAD');
  const lastLead = team.viewerMembership?.role === 'LEAD' && leads.length === 1;
  const others = team.members.filter((member) => member.userId !== me?.id);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (lastLead && !handOverTo) {
      outcome.setProblem({ kind: 'badInput', messages: [], fields: { handOverTo: t('team.handOverRequired') } });
      return;
    }
    if (!window.confirm(t('team.leaveConfirm'))) return;
    await run(
      outcome,
      () => leave({ input: { proposalId, handOverTo: handOverTo || undefined } }),
      (data) => data.leaveTeam.team,
      t('team.left'),
    );
  }
  return (
    <TeamPart id="team-leave" title={t('team.leave')}>
      <form className="stack form" onSubmit={submit} noValidate>
        <OutcomeNotice outcome={outcome} shownFields={['handOverTo']} />
        {lastLead && others.length === 0 ? (
          <p>{t('team.onlyMember')}</p>
        ) : (
          <>
            {lastLead && (
              <Field label={t('team.handOverTo')} hint={t('team.handOverHint')} error={outcome.problem?.fields.handOverTo}>
                {(props) => (
                  <select {...props} value={handOverTo} onChange={(e) => setHandOverTo(e.target.value)}>
                    <option value="">{t('common.choose')}</option>
                    {others.map((member) => (
                      <option key={member.userId} value={member.userId}>
                        {member.displayName}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <button type="submit" className="button-danger" disabled={result.fetching}>
              {lastLead ? t('team.handOverAndLeave') : t('team.leaveButton')}
            </button>
          </>
        )}
      </form>
    </TeamPart>
  );
}
