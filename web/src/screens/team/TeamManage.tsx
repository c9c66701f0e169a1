import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  AcceptJoinRequestDocument,
  AddTeamMemberDocument,
  AllowLateTeamMembersDocument,
  CreateTeamInviteLinkDocument,
  DeclineJoinRequestDocument,
  InviteToTeamDocument,
  OpenTeamPositionDocument,
  RemoveTeamPositionDocument,
  SetTeamPartnerAgencyDocument,
  UpdateTeamPositionDocument,
  WithdrawTeamInvitationDocument,
  WithdrawTeamInviteLinkDocument,
  type TeamRole,
} from './gql/graphql';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../lib/dates';
import { useI18n } from '../../i18n';
import {
  OutcomeNotice,
  PositionSelect,
  RoleSelect,
  TEAM_ROLES,
  TeamPart,
  roleLabel,
  useOutcome,
  useTeam,
  useTeamRun,
  type Team,
  type TeamPosition,
} from './teamKit';

/** Positions for everyone; the team's leads and organizers also open, edit and remove them. */
export function Positions() {
  const { t } = useI18n();
  const { team } = useTeam();
  const [editing, setEditing] = useState<string>();
  const [opening, setOpening] = useState(false);
  const shown = team.viewerCanManage ? team.positions : team.positions.filter((position) => position.count > 0);
  return (
    <TeamPart id="team-positions" title={t('team.positions')}>
      {shown.length === 0 ? (
        <p>{t('team.noPositions')}</p>
      ) : (
        <ul className="positions" aria-labelledby="team-positions">
          {shown.map((position) => (
            <li key={position.id} className="position">
              {editing === position.id ? (
                <PositionForm position={position} onClose={() => setEditing(undefined)} />
              ) : (
                <>
                  <p>
                    <strong>{position.skill}</strong> <span className="badge">{roleLabel(t, position.role)}</span>{' '}
                    <span className={position.openings > 0 ? 'seats seats-open' : 'seats'}>
                      {position.count === 0
                        ? t('team.positionClosed')
                        : t('team.seats', { filled: position.filled, count: position.count, openings: position.openings })}
                    </span>
                  </p>
                  {position.description && <p className="meta">{position.description}</p>}
                  {team.viewerCanManage && <PositionActions position={position} onEdit={() => setEditing(position.id)} />}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {team.viewerCanManage &&
        (opening ? (
          <PositionForm onClose={() => setOpening(false)} />
        ) : (
          <button type="button" className="button-secondary" onClick={() => setOpening(true)}>
            {t('team.openPositionToggle')}
          </button>
        ))}
    </TeamPart>
  );
}

function PositionActions({ position, onEdit }: { position: TeamPosition; onEdit: () => void }) {
  const { t } = useI18n();
  const { proposalId } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const [result, remove] = useMutation(RemoveTeamPositionDocument);
  return (
    <>
      <OutcomeNotice outcome={outcome} />
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={onEdit}>
          {t('team.editPosition', { skill: position.skill })}
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={result.fetching}
          onClick={() => {
            if (!window.confirm(t('team.removePositionConfirm', { skill: position.skill }))) return;
            void run(
              outcome,
              () => remove({ input: { proposalId, positionId: position.id } }),
              (data) => data.removeTeamPosition.team,
              t('team.positionRemoved', { skill: position.skill }),
            );
          }}
        >
          {t('team.removePosition', { skill: position.skill })}
        </button>
      </div>
    </>
  );
}

/** Opens a new position, or edits `position`. */
function PositionForm({ position, onClose }: { position?: TeamPosition; onClose: () => void }) {
  const { t } = useI18n();
  const { proposalId } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const [skill, setSkill] = useState(position?.skill ?? '');
  const [role, setRole] = useState<TeamRole | ''>(position?.role ?? 'DEVELOPER');
  const [count, setCount] = useState(String(position?.count ?? 1));
  const [description, setDescription] = useState(position?.description ?? '');
  const [opening, open] = useMutation(OpenTeamPositionDocument);
  const [updating, update] = useMutation(UpdateTeamPositionDocument);
  const min = position ? 0 : 1;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!skill.trim()) fields.skill = t('team.error.skill');
    const seats = Number(count);
    if (!/^\d+$/.test(count.trim()) || seats < min || seats > 50) fields.count = t(position ? 'team.error.seatsEdit' : 'team.error.seats');
    if (Object.keys(fields).length > 0) {
      outcome.setProblem({ kind: 'badInput', messages: [], fields });
      return;
    }
    const ok = position
      ? await run(
          outcome,
          () =>
            update({
              input: {
                proposalId,
                positionId: position.id,
                skill: skill.trim(),
                role: role || undefined,
                count: seats,
                description: description.trim(),
              },
            }),
          (data) => data.updateTeamPosition.team,
          t('team.positionSaved', { skill: skill.trim() }),
        )
      : await run(
          outcome,
          () =>
            open({
              input: { proposalId, skill: skill.trim(), role: role || undefined, count: seats, description: description.trim() || undefined },
            }),
          (data) => data.openTeamPosition.team,
          t('team.positionOpened', { skill: skill.trim() }),
        );
    if (ok) onClose();
  }

  return (
    <form className="stack form inline-form" onSubmit={submit} noValidate aria-label={position ? t('team.editPosition', { skill: position.skill }) : t('team.openPosition')}>
      <OutcomeNotice outcome={outcome} shownFields={['skill', 'count']} />
      <div className="grid-3">
        <Field label={t('team.skill')} hint={t('team.skillHint')} error={outcome.problem?.fields.skill}>
          {(props) => <input {...props} type="text" maxLength={60} value={skill} onChange={(e) => setSkill(e.target.value)} />}
        </Field>
        <RoleSelect label={t('team.role')} value={role} onChange={setRole} />
        <Field label={t('team.seatCount')} hint={position ? t('team.seatCountEditHint') : undefined} error={outcome.problem?.fields.count}>
          {(props) => (
            <input {...props} type="number" inputMode="numeric" min={min} max={50} value={count} onChange={(e) => setCount(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label={t('team.positionDescription')}>
        {(props) => <textarea {...props} rows={2} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" disabled={opening.fetching || updating.fetching}>
          {position ? t('team.savePosition') : t('team.openPosition')}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** What only the team's leads (and organizers) do: decide requests, invite (by link first), set the partner agency. */
export function LeadPanels() {
  return (
    <>
      <JoinRequests />
      <InviteLinks />
      <Invitations />
      <PartnerAgencyForm />
    </>
  );
}

function JoinRequests() {
  const { t } = useI18n();
  const { team } = useTeam();
  return (
    <TeamPart id="team-requests" title={t('team.requests')}>
      {team.joinRequests.length === 0 ? (
        <p>{t('team.noRequests')}</p>
      ) : (
        <ul className="requests" aria-labelledby="team-requests">
          {team.joinRequests.map((request) => (
            <PendingRequest key={request.id} request={request} />
          ))}
        </ul>
      )}
    </TeamPart>
  );
}

function PendingRequest({ request }: { request: Team['joinRequests'][number] }) {
  const { t, locale } = useI18n();
  const { timeZone } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const [note, setNote] = useState('');
  const [accepting, accept] = useMutation(AcceptJoinRequestDocument);
  const [declining, decline] = useMutation(DeclineJoinRequestDocument);
  const busy = accepting.fetching || declining.fetching;
  const name = request.requesterName;
  return (
    <li className="request">
      <p>
        <strong>{name}</strong>{' '}
        {request.position
          ? t('team.requestFor', { skill: request.position.skill })
          : request.role
            ? t('team.requestAsRole', { role: roleLabel(t, request.role) })
            : t('team.requestAny')}
      </p>
      <p className="meta">
        {[request.affiliation && t('team.affiliationOf', { affiliation: request.affiliation }), formatDateTime(request.createdAt, timeZone, locale)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {request.message && <blockquote className="message">{request.message}</blockquote>}
      <OutcomeNotice outcome={outcome} />
      <Field label={t('team.noteTo', { name })}>
        {(props) => <textarea {...props} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run(
              outcome,
              () => accept({ input: { requestId: request.id, note: note.trim() || undefined } }),
              (data) => data.acceptJoinRequest.team,
              t('team.accepted', { name }),
            )
          }
        >
          {t('team.accept', { name })}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() =>
            run(
              outcome,
              () => decline({ input: { requestId: request.id, note: note.trim() || undefined } }),
              (data) => data.declineJoinRequest.joinRequest.proposal?.team,
              t('team.declined', { name }),
            )
          }
        >
          {t('team.decline', { name })}
        </button>
      </div>
    </li>
  );
}

/**
 * Invitation links: make a one-use link (shown once, with a copy button and its expiry), see the open ones (without
 * their tokens, which are not stored) and withdraw one.
 */
/** How long a new invitation link may work: the server accepts 1 to 14 days. */
const LINK_DAYS = [1, 3, 7, 14];

const DEFAULT_LINK_DAYS = 7;

function InviteLinks() {
  const { t, locale } = useI18n();
  const { team, proposalId, timeZone } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const withdrawOutcome = useOutcome();
  const [role, setRole] = useState<TeamRole | ''>('');
  const [positionId, setPositionId] = useState('');
  const [message, setMessage] = useState('');
  const [validDays, setValidDays] = useState(DEFAULT_LINK_DAYS);
  const [issued, setIssued] = useState<{ url: string; expiresAt: string }>();
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  const [creating, create] = useMutation(CreateTeamInviteLinkDocument);
  const [withdrawing, withdraw] = useMutation(WithdrawTeamInviteLinkDocument);
  const linkField = useRef<HTMLInputElement>(null);
  const links = team.openInviteLinks ?? [];

  useEffect(() => {
    // The link is shown once: bring keyboard and screen-reader users to it, selected, ready to copy.
    if (issued) {
      linkField.current?.focus();
      linkField.current?.select();
    }
  }, [issued]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIssued(undefined);
    setCopied(undefined);
    const ok = await run(
      outcome,
      () =>
        create({
          input: { proposalId, role: role || undefined, positionId: positionId || undefined, message: message.trim() || undefined, validDays },
        }),
      (data) => {
        const made = data.createTeamInviteLink;
        // The link with the site's own address: the answer carries only the path (with the token).
        setIssued({ url: new URL(made.path, window.location.origin).toString(), expiresAt: made.link.expiresAt });
        return made.team;
      },
    );
    if (ok) setMessage('');
  }

  async function copy() {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.url);
      setCopied('copied');
    } catch {
      // No clipboard (an insecure page, an old browser, a refusal): the link is selected for copying by hand.
      linkField.current?.focus();
      linkField.current?.select();
      setCopied('failed');
    }
  }

  return (
    <TeamPart id="team-links" title={t('team.links')}>
      <p className="hint">{t('team.linksIntro')}</p>
      {issued && (
        <div className="notice notice-ok secret stack form">
          <p>{t('team.linkCreated')}</p>
          <Field label={t('team.linkLabel')} hint={t('team.linkExpires', { date: formatDateTime(issued.expiresAt, timeZone, locale) })}>
            {(props) => <input {...props} ref={linkField} type="text" readOnly value={issued.url} spellCheck={false} onFocus={(e) => e.target.select()} />}
          </Field>
          <div className="button-row">
            <button type="button" onClick={() => void copy()}>
              {t('team.copyLink')}
            </button>
          </div>
        </div>
      )}
      {/* Present from the start, so that screen readers announce the copy's outcome. */}
      <p aria-live="polite" className="copy-status">
        {copied === 'copied' ? t('team.linkCopied') : copied === 'failed' ? t('team.linkCopyFailed') : ''}
      </p>
      <form className="stack form" onSubmit={submit} noValidate aria-label={t('team.createLink')}>
        <OutcomeNotice outcome={outcome} />
        <div className="grid-2">
          <PositionSelect label={t('team.linkPosition')} positions={team.positions} value={positionId} onChange={setPositionId} />
          <RoleSelect label={t('team.linkRole')} value={role} onChange={setRole} empty={t('team.roleDefault')} />
        </div>
        <Field label={t('team.linkMessage')}>
          {(props) => <textarea {...props} rows={2} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} />}
        </Field>
        <Field label={t('team.linkValidity')}>
          {(props) => (
            <select {...props} value={validDays} onChange={(e) => setValidDays(Number(e.target.value))}>
              {LINK_DAYS.map((days) => (
                <option key={days} value={days}>
                  {days === 1 ? t('team.linkOneDay') : t('team.linkDays', { days: String(days) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={creating.fetching}>
          {t('team.createLink')}
        </button>
      </form>
      <h4 id="team-open-links">{t('team.openLinks')}</h4>
      <OutcomeNotice outcome={withdrawOutcome} />
      {links.length === 0 ? (
        <p>{t('team.noOpenLinks')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="team-open-links">
          {links.map((link) => {
            const created = formatDateTime(link.createdAt, timeZone, locale);
            const values = { role: roleLabel(t, link.role), name: link.createdByName, created, expires: formatDateTime(link.expiresAt, timeZone, locale) };
            return (
              <li key={link.id} className="request">
                <p>{link.position ? t('team.openLinkFor', { ...values, skill: link.position.skill }) : t('team.openLinkAs', values)}</p>
                {link.message && <blockquote className="message">{link.message}</blockquote>}
                <button
                  type="button"
                  className="button-secondary"
                  disabled={withdrawing.fetching}
                  onClick={() =>
                    run(
                      withdrawOutcome,
                      () => withdraw({ input: { linkId: link.id } }),
                      (data) => data.withdrawTeamInviteLink.team,
                      t('team.linkWithdrawn'),
                    )
                  }
                >
                  {t('team.withdrawLink', { date: created })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </TeamPart>
  );
}

function Invitations() {
  const { t, locale } = useI18n();
  const { team, proposalId, timeZone } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const withdrawOutcome = useOutcome();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<TeamRole | ''>('');
  const [positionId, setPositionId] = useState('');
  const [message, setMessage] = useState('');
  const [inviting, invite] = useMutation(InviteToTeamDocument);
  const [, withdraw] = useMutation(WithdrawTeamInvitationDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!userId.trim()) {
      outcome.setProblem({ kind: 'badInput', messages: [], fields: { userId: t('team.error.userId') } });
      return;
    }
    const ok = await run(
      outcome,
      () =>
        invite({
          input: {
            proposalId,
            userId: userId.trim(),
            role: role || undefined,
            positionId: positionId || undefined,
            message: message.trim() || undefined,
          },
        }),
      (data) => data.inviteToTeam.team,
      t('team.invited'),
    );
    if (ok) {
      setUserId('');
      setMessage('');
    }
  }

  return (
    <TeamPart id="team-invitations" title={t('team.invitations')}>
      <OutcomeNotice outcome={withdrawOutcome} />
      {team.invitations.length > 0 && (
        <ul className="plain-list" aria-label={t('team.pendingInvitations')}>
          {team.invitations.map((invitation) => (
            <li key={invitation.id} className="request">
              <p>
                {t('team.invitationPending', {
                  name: invitation.inviteeName,
                  role: roleLabel(t, invitation.role),
                  date: formatDateTime(invitation.createdAt, timeZone, locale),
                })}
              </p>
              <button
                type="button"
                className="button-secondary"
                onClick={() =>
                  run(
                    withdrawOutcome,
                    () => withdraw({ input: { invitationId: invitation.id } }),
                    (data) => data.withdrawTeamInvitation.invitation.proposal?.team,
                    t('team.invitationWithdrawn', { name: invitation.inviteeName }),
                  )
                }
              >
                {t('team.withdrawInvitation', { name: invitation.inviteeName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="stack form" onSubmit={submit} noValidate aria-label={t('team.invite')}>
        <OutcomeNotice outcome={outcome} shownFields={['userId']} />
        <Field label={t('team.userId')} hint={t('team.userIdHint')} error={outcome.problem?.fields.userId}>
          {(props) => (
            <input {...props} type="text" autoComplete="off" spellCheck={false} value={userId} onChange={(e) => setUserId(e.target.value)} />
          )}
        </Field>
        <div className="grid-2">
          <PositionSelect label={t('team.offeredPosition')} positions={team.positions} value={positionId} onChange={setPositionId} />
          <RoleSelect label={t('team.roleOffered')} value={role} onChange={setRole} empty={t('team.roleDefault')} />
        </div>
        <Field label={t('team.invitationMessage')}>
          {(props) => <textarea {...props} rows={2} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} />}
        </Field>
        <button type="submit" disabled={inviting.fetching}>
          {t('team.sendInvitation')}
        </button>
      </form>
    </TeamPart>
  );
}

function PartnerAgencyForm() {
  const { t } = useI18n();
  const { team, proposalId } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const [name, setName] = useState(team.partnerAgency?.name ?? '');
  const [department, setDepartment] = useState(team.partnerAgency?.department ?? '');
  const [result, save] = useMutation(SetTeamPartnerAgencyDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      outcome.setProblem({ kind: 'badInput', messages: [], fields: { name: t('team.error.agencyName') } });
      return;
    }
    await run(
      outcome,
      () => save({ input: { proposalId, partnerAgency: { name: name.trim(), department: department.trim() || undefined } } }),
      (data) => data.setTeamPartnerAgency.team,
      t('team.agencySaved'),
    );
  }

  return (
    <TeamPart id="team-agency" title={t('team.partnerAgency')}>
      <form className="stack form" onSubmit={submit} noValidate>
        <OutcomeNotice outcome={outcome} shownFields={['name']} />
        <p className="hint">{t('team.agencyHint')}</p>
        <div className="grid-2">
          <Field label={t('team.agencyName')} error={outcome.problem?.fields.name}>
            {(props) => <input {...props} type="text" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('team.agencyDepartment')}>
            {(props) => <input {...props} type="text" maxLength={200} value={department} onChange={(e) => setDepartment(e.target.value)} />}
          </Field>
        </div>
        <div className="button-row">
          <button type="submit" disabled={result.fetching}>
            {t('team.saveAgency')}
          </button>
          {team.partnerAgency && (
            <button
              type="button"
              className="button-secondary"
              disabled={result.fetching}
              onClick={async () => {
                const ok = await run(
                  outcome,
                  () => save({ input: { proposalId, partnerAgency: null } }),
                  (data) => data.setTeamPartnerAgency.team,
                  t('team.agencyCleared'),
                );
                if (ok) {
                  setName('');
                  setDepartment('');
                }
              }}
            >
              {t('team.clearAgency')}
            </button>
          )}
        </div>
      </form>
    </TeamPart>
  );
}

/** What organizers do beyond the leads: add a person directly, allow late members. */
export function OrganizerPanels() {
  return (
    <>
      <AddMember />
      <LateMembers />
    </>
  );
}

function AddMember() {
  const { t } = useI18n();
  const { proposalId } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<TeamRole | ''>('');
  const [affiliation, setAffiliation] = useState('');
  const [result, add] = useMutation(AddTeamMemberDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!userId.trim()) {
      outcome.setProblem({ kind: 'badInput', messages: [], fields: { userId: t('team.error.userId') } });
      return;
    }
    const ok = await run(
      outcome,
      () => add({ input: { proposalId, userId: userId.trim(), role: role || undefined, affiliation: affiliation.trim() || undefined } }),
      (data) => data.addTeamMember.team,
      t('team.memberAdded'),
    );
    if (ok) {
      setUserId('');
      setAffiliation('');
    }
  }

  return (
    <TeamPart id="team-add" title={t('team.addMember')}>
      <form className="stack form" onSubmit={submit} noValidate>
        <OutcomeNotice outcome={outcome} shownFields={['userId']} />
        <Field label={t('team.newMemberId')} hint={t('team.userIdHint')} error={outcome.problem?.fields.userId}>
          {(props) => (
            <input {...props} type="text" autoComplete="off" spellCheck={false} value={userId} onChange={(e) => setUserId(e.target.value)} />
          )}
        </Field>
        <div className="grid-2">
          <RoleSelect label={t('team.newMemberRole')} value={role} onChange={setRole} roles={TEAM_ROLES} empty={t('team.roleOther')} />
          <Field label={t('team.newMemberAffiliation')}>
            {(props) => <input {...props} type="text" maxLength={200} value={affiliation} onChange={(e) => setAffiliation(e.target.value)} />}
          </Field>
        </div>
        <button type="submit" disabled={result.fetching}>
          {t('team.addMemberButton')}
        </button>
      </form>
    </TeamPart>
  );
}

function LateMembers() {
  const { t } = useI18n();
  const { team, proposalId } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const [allowed, setAllowed] = useState(team.lateMembersAllowed);
  const [reason, setReason] = useState(team.lateMembersReason ?? '');
  const [result, save] = useMutation(AllowLateTeamMembersDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (allowed && !reason.trim()) {
      outcome.setProblem({ kind: 'badInput', messages: [], fields: { reason: t('team.error.lateReason') } });
      return;
    }
    await run(
      outcome,
      () => save({ input: { proposalId, allowed, reason: reason.trim() || undefined } }),
      (data) => data.allowLateTeamMembers.team,
      t('common.saved'),
    );
  }

  return (
    <TeamPart id="team-late" title={t('team.lateMembers')}>
      <form className="stack form" onSubmit={submit} noValidate>
        <OutcomeNotice outcome={outcome} shownFields={['reason']} />
        <label className="checkbox">
          <input type="checkbox" checked={allowed} onChange={(e) => setAllowed(e.target.checked)} />
          <span>{t('team.allowLate')}</span>
        </label>
        <Field label={t('team.lateReason')} hint={t('team.lateReasonHint')} error={outcome.problem?.fields.reason}>
          {(props) => <textarea {...props} rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" disabled={result.fetching}>
          {t('team.saveLate')}
        </button>
      </form>
    </TeamPart>
  );
}
