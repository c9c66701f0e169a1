import { Suspense, lazy, useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  CreateTeamInviteLinkDocument,
  InviteToTeamDocument,
  WithdrawTeamInvitationDocument,
  WithdrawTeamInviteLinkDocument,
  type TeamRole,
} from './gql/graphql';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../lib/dates';
import { useI18n } from '../../i18n';
import { OutcomeNotice, PositionSelect, RoleSelect, TeamPart, roleLabel, useOutcome, useTeam, useTeamRun } from './teamKit';
import { PersonSearch, type Person } from './PersonSearch';

// The QR code's drawing code loads only when a lead has made a link: nobody else downloads it.
const InviteQr = lazy(() => import('./InviteQr'));

/**
 * Invitation links: make a one-use link (shown once, with a copy button and its expiry), see the open ones (without
 * their tokens, which are not stored) and withdraw one.
 */
/** How long a new invitation link may work: the server accepts 1 to 14 days. */
const LINK_DAYS = [1, 3, 7, 14];

const DEFAULT_LINK_DAYS = 7;

export function InviteLinks() {
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
          <Suspense fallback={<p className="muted">{t('team.linkQrLoading')}</p>}>
            <InviteQr url={issued.url} label={t('team.linkQr')} hint={t('team.linkQrHint')} />
          </Suspense>
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

export function Invitations() {
  const { t, locale } = useI18n();
  const { team, proposalId, timeZone } = useTeam();
  const run = useTeamRun();
  const outcome = useOutcome();
  const withdrawOutcome = useOutcome();
  const [person, setPerson] = useState<Person>();
  const [role, setRole] = useState<TeamRole | ''>('');
  const [positionId, setPositionId] = useState('');
  const [message, setMessage] = useState('');
  const [inviting, invite] = useMutation(InviteToTeamDocument);
  const [, withdraw] = useMutation(WithdrawTeamInvitationDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!person) {
      outcome.setProblem({ kind: 'badInput', messages: [], fields: { userId: t('team.error.choosePerson') } });
      return;
    }
    const ok = await run(
      outcome,
      () =>
        invite({
          input: {
            proposalId,
            userId: person.userId,
            role: role || undefined,
            positionId: positionId || undefined,
            message: message.trim() || undefined,
          },
        }),
      (data) => data.inviteToTeam.team,
      t('team.invited'),
    );
    if (ok) {
      setPerson(undefined);
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
        <PersonSearch
          proposalId={proposalId}
          chosen={person}
          onChoose={(chosen) => {
            setPerson(chosen);
            outcome.reset();
          }}
          error={outcome.problem?.fields.userId}
        />
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

