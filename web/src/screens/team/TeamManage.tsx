import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  AcceptJoinRequestDocument,
  AddTeamMemberDocument,
  AllowLateTeamMembersDocument,
  DeclineJoinRequestDocument,
  OpenTeamPositionDocument,
  RemoveTeamPositionDocument,
  SetTeamPartnerAgencyDocument,
  UpdateTeamPositionDocument,
  type TeamRole,
} from './gql/graphql';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../lib/dates';
import { useI18n } from '../../i18n';
import {
  OutcomeNotice,
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
import { InviteLinks, Invitations } from './TeamInvites';

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
