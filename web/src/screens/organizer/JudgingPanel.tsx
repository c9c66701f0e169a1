import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import {
  ClearConflictDocument,
  ConflictLogDocument,
  DetectConflictsDocument,
  DropJudgeDocument,
  InviteJudgeDocument,
  JudgingPanelDocument,
  RevokeJudgeInvitationDocument,
  type DropJudgeMutation,
  type JudgingPanelQuery,
  type Sector,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime } from '../../lib/dates';
import { splitList } from '../../lib/links';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { SECTORS, isWrittenReason, roundPath } from './judgingShared';

type Data = JudgingPanelQuery;
type Hackathon = NonNullable<Data['hackathon']>;
type Judge = Data['judges'][number];

/** A hackathon's judging: its rounds, judge invitations, the panel with conflicts, and the conflict log. */
export default function JudgingPanel({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }, refetch] = useQuery({ query: JudgingPanelDocument, variables: { slug: params.slug } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const hackathon = data?.hackathon;
  if (!data || !hackathon) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('hackathon.notFound')}</p>
      </Page>
    );
  }
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page
      title={t('judging.panel.title', { name: localized(hackathon.name) })}
      actions={
        <Link className="button button-secondary" href={`/organize/hackathons/${hackathon.slug}`}>
          {t('judging.panel.setUp')}
        </Link>
      }
    >
      <RoundsTable hackathon={hackathon} rounds={data.judgingRounds} />
      <InviteForm hackathon={hackathon} onInvited={reload} />
      <InvitationsTable hackathon={hackathon} invitations={data.judgeInvitations} onChanged={reload} />
      <JudgesTable hackathon={hackathon} judges={data.judges} rounds={data.judgingRounds} onChanged={reload} />
      <ConflictLogSection slug={hackathon.slug} timeZone={hackathon.timeZone} />
    </Page>
  );
}

function RoundsTable({ hackathon, rounds }: { hackathon: Hackathon; rounds: Data['judgingRounds'] }) {
  const { t } = useI18n();
  const localized = useLocalized();
  return (
    <section aria-labelledby="judged-rounds-heading" className="panel">
      <h2 id="judged-rounds-heading">{t('judging.panel.rounds')}</h2>
      {rounds.length === 0 ? (
        <p>{t('judging.panel.noRounds')}</p>
      ) : (
        <TableScroll labelledBy="judged-rounds-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('judging.panel.round')}</th>
                <th scope="col">{t('judging.panel.status')}</th>
                <th scope="col">{t('judging.panel.rubric')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id}>
                  <th scope="row">
                    <Localized text={round.name} /> <span className="muted">({t(`roundKind.${round.kind}` as MessageKey)})</span>
                  </th>
                  <td>
                    <span className={`badge round-${round.status.toLowerCase()}`}>{t(`judging.roundStatus.${round.status}` as MessageKey)}</span>
                  </td>
                  <td>{round.configured ? t('judging.panel.criteriaCount', { n: round.criteria.length }) : t('judging.panel.notSetUp')}</td>
                  <td className="actions">
                    <Link href={roundPath(hackathon.slug, round.id)} aria-label={t('judging.panel.setUpRound', { round: localized(round.name) })}>
                      {t('judging.panel.setUpShort')}
                    </Link>{' '}
                    ·{' '}
                    <Link href={`${roundPath(hackathon.slug, round.id)}/ranking`} aria-label={t('judging.panel.rankingOf', { round: localized(round.name) })}>
                      {t('judging.panel.rankingShort')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

type InviteFormState = { email: string; sector: Sector | ''; affiliations: string; expertise: string; maxLoad: string };
const EMPTY_INVITE: InviteFormState = { email: '', sector: '', affiliations: '', expertise: '', maxLoad: '' };

function InviteForm({ hackathon, onInvited }: { hackathon: Hackathon; onInvited: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<InviteFormState>(EMPTY_INVITE);
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [issued, setIssued] = useState<{ email: string; link: string }>();
  const [result, invite] = useMutation(InviteJudgeDocument);
  const maxLoad = form.maxLoad.trim() ? Number(form.maxLoad) : undefined;
  const errors = {
    email: checked && !/^[^@\s]+@[^@\s]+$/.test(form.email.trim()) ? t('judging.invite.emailInvalid') : problem?.fields.email,
    sector: checked && !form.sector ? t('judging.invite.sectorRequired') : problem?.fields.sector,
    maxLoad: checked && maxLoad !== undefined && !(Number.isInteger(maxLoad) && maxLoad > 0) ? t('judging.invite.maxLoadInvalid') : problem?.fields.maxLoad,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setProblem(undefined);
    setIssued(undefined);
    const email = form.email.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || !form.sector || (maxLoad !== undefined && !(Number.isInteger(maxLoad) && maxLoad > 0))) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.invite-form [aria-invalid="true"]')?.focus());
      return;
    }
    const affiliations = splitList(form.affiliations);
    const response = await invite({
      input: {
        hackathonId: hackathon.id,
        email,
        sector: form.sector,
        affiliations: affiliations.length > 0 ? affiliations : undefined,
        expertise: splitList(form.expertise),
        maxLoad,
      },
    });
    const payload = response.data?.inviteJudge;
    if (!payload) {
      setProblem(problemOf(response.error));
      return;
    }
    setIssued({ email, link: new URL(payload.acceptPath, window.location.origin).toString() });
    setForm(EMPTY_INVITE);
    setChecked(false);
    onInvited();
  }

  return (
    <section aria-labelledby="invite-heading" className="panel">
      <h2 id="invite-heading">{t('judging.invite.title')}</h2>
      {issued && <IssuedLink email={issued.email} link={issued.link} />}
      <form className="stack form invite-form" onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} shownFields={['email', 'sector', 'maxLoad']} />
        <div className="grid-2">
          <Field label={t('judging.invite.email')} error={errors.email}>
            {(props) => <input {...props} type="email" autoComplete="off" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
          </Field>
          <Field label={t('judging.invite.sector')} error={errors.sector}>
            {(props) => (
              <select {...props} value={form.sector} onChange={(e) => setForm({ ...form, sector: e.target.value as Sector | '' })}>
                <option value="">{t('common.choose')}</option>
                {SECTORS.map((sector) => (
                  <option key={sector} value={sector}>
                    {t(`judging.sector.${sector}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('judging.invite.affiliations')} hint={t('judging.invite.affiliationsHint')}>
          {(props) => <textarea {...props} rows={2} value={form.affiliations} onChange={(e) => setForm({ ...form, affiliations: e.target.value })} />}
        </Field>
        <div className="grid-2">
          <Field label={t('judging.invite.expertise')} hint={t('judging.invite.expertiseHint')}>
            {(props) => <input {...props} type="text" value={form.expertise} onChange={(e) => setForm({ ...form, expertise: e.target.value })} />}
          </Field>
          <Field label={t('judging.invite.maxLoad')} hint={t('judging.invite.maxLoadHint')} error={errors.maxLoad}>
            {(props) => <input {...props} type="number" min={1} inputMode="numeric" value={form.maxLoad} onChange={(e) => setForm({ ...form, maxLoad: e.target.value })} />}
          </Field>
        </div>
        <button type="submit" disabled={result.fetching}>
          {t('judging.invite.send')}
        </button>
      </form>
    </section>
  );
}

/** The invitation link, shown once (its token is not stored in clear): copy it and send it to the judge. */
function IssuedLink({ email, link }: { email: string; link: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="notice notice-ok secret">
      <p>{t('judging.invite.issued', { email })}</p>
      <code>{link}</code>
      <div className="button-row">
        <button
          type="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(link);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {t('judging.invite.copy')}
        </button>
        {copied && <span>{t('tokens.copied')}</span>}
      </div>
    </div>
  );
}

function InvitationsTable({ hackathon, invitations, onChanged }: { hackathon: Hackathon; invitations: Data['judgeInvitations']; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [, revoke] = useMutation(RevokeJudgeInvitationDocument);
  const [, invite] = useMutation(InviteJudgeDocument);
  const [problem, setProblem] = useState<Problem>();
  const [issued, setIssued] = useState<{ email: string; link: string }>();

  async function renew(invitation: Data['judgeInvitations'][number]) {
    setProblem(undefined);
    const response = await invite({
      input: {
        hackathonId: hackathon.id,
        email: invitation.email,
        sector: invitation.sector,
        affiliations: invitation.affiliations ?? undefined,
        expertise: invitation.expertise,
        maxLoad: invitation.maxLoad ?? undefined,
      },
    });
    const payload = response.data?.inviteJudge;
    if (!payload) setProblem(problemOf(response.error));
    else {
      setIssued({ email: invitation.email, link: new URL(payload.acceptPath, window.location.origin).toString() });
      onChanged();
    }
  }

  async function revokeOne(id: string) {
    setProblem(undefined);
    const response = await revoke({ input: { invitationId: id } });
    if (response.error) setProblem(problemOf(response.error));
    else onChanged();
  }

  return (
    <section aria-labelledby="invitations-heading" className="panel">
      <h2 id="invitations-heading">{t('judging.invitations.title')}</h2>
      <ProblemNotice problem={problem} onReload={onChanged} />
      {issued && <IssuedLink email={issued.email} link={issued.link} />}
      {invitations.length === 0 ? (
        <p>{t('judging.invitations.none')}</p>
      ) : (
        <TableScroll labelledBy="invitations-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('judging.invite.email')}</th>
                <th scope="col">{t('judging.invite.sector')}</th>
                <th scope="col">{t('judging.invitations.status')}</th>
                <th scope="col">{t('judging.invitations.invitedAt')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>{t(`judging.sector.${invitation.sector}` as MessageKey)}</td>
                  <td>{t(`judging.invitationStatus.${invitation.status}` as MessageKey)}</td>
                  <td>{formatDateTime(invitation.invitedAt, hackathon.timeZone, locale)}</td>
                  <td className="actions">
                    {invitation.status !== 'ACCEPTED' && (
                      <button type="button" className="button-secondary" onClick={() => void renew(invitation)}>
                        {t('judging.invitations.newLink', { email: invitation.email })}
                      </button>
                    )}{' '}
                    {invitation.status === 'PENDING' && (
                      <button type="button" className="button-danger" onClick={() => void revokeOne(invitation.id)}>
                        {t('judging.invitations.revoke', { email: invitation.email })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function JudgesTable({
  hackathon,
  judges,
  rounds,
  onChanged,
}: {
  hackathon: Hackathon;
  judges: Judge[];
  rounds: Data['judgingRounds'];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<Problem>();
  const [found, setFound] = useState<number>();
  const [detect, runDetect] = useMutation(DetectConflictsDocument);

  async function detectConflicts() {
    setProblem(undefined);
    const response = await runDetect({ input: { hackathonId: hackathon.id } });
    if (response.error) setProblem(problemOf(response.error));
    else {
      setFound(response.data?.detectConflicts.found ?? 0);
      onChanged();
    }
  }

  return (
    <section aria-labelledby="judges-heading" className="panel">
      <h2 id="judges-heading">{t('judging.judges.title')}</h2>
      <ProblemNotice problem={problem} />
      <div className="button-row">
        <button type="button" className="button-secondary" disabled={detect.fetching} onClick={() => void detectConflicts()}>
          {t('judging.judges.detect')}
        </button>
        {found !== undefined && (
          <span role="status">{t('judging.judges.detected', { n: found })}</span>
        )}
      </div>
      {judges.length === 0 ? (
        <p>{t('judging.judges.none')}</p>
      ) : (
        <ul className="cards">
          {judges.map((judge) => (
            <JudgeCard key={judge.id} judge={judge} judges={judges} rounds={rounds} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

type DropOutcome = DropJudgeMutation['dropJudge']['rounds'];

function JudgeCard({
  judge,
  judges,
  rounds,
  onChanged,
}: {
  judge: Judge;
  judges: Judge[];
  rounds: Data['judgingRounds'];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [voidSheets, setVoidSheets] = useState(false);
  const [voidReason, setVoidReason] = useState('');
  const [voidReasonError, setVoidReasonError] = useState<string>();
  const [outcome, setOutcome] = useState<DropOutcome>();
  const [problem, setProblem] = useState<Problem>();
  const [drop, runDrop] = useMutation(DropJudgeDocument);
  const [clearing, setClearing] = useState<string>();
  const [clearComment, setClearComment] = useState('');
  const [, runClear] = useMutation(ClearConflictDocument);
  const active = judge.status === 'ACTIVE';

  async function confirmDrop() {
    const response = await runDrop({
      input: {
        judgeId: judge.id,
        reason: reason.trim(),
        voidSubmittedSheets: voidSheets ? true : undefined,
        voidReason: voidSheets ? voidReason.trim() : undefined,
      },
    });
    setDropping(false);
    const payload = response.data?.dropJudge;
    if (!payload) setProblem(problemOf(response.error));
    else {
      setProblem(undefined);
      setOutcome(payload.rounds);
      setVoidSheets(false);
      setVoidReason('');
      onChanged();
    }
  }

  function askToDrop(event: FormEvent) {
    event.preventDefault();
    const missingReason = !reason.trim();
    const missingVoidReason = voidSheets && !isWrittenReason(voidReason);
    setReasonError(missingReason ? t('judging.judges.dropReasonRequired') : undefined);
    setVoidReasonError(missingVoidReason ? t('judging.judges.voidReasonRequired') : undefined);
    if (!missingReason && !missingVoidReason) setDropping(true);
  }

  async function clear(event: FormEvent, proposalId: string) {
    event.preventDefault();
    if (!clearComment.trim()) {
      setProblem({ kind: 'badInput', messages: [t('judging.judges.clearCommentRequired')], fields: {} });
      return;
    }
    setProblem(undefined);
    const response = await runClear({ input: { judgeId: judge.id, proposalId, comment: clearComment.trim() } });
    if (response.error) setProblem(problemOf(response.error));
    else {
      setClearing(undefined);
      setClearComment('');
      onChanged();
    }
  }

  return (
    <li className="card judge-card">
      <h3 className="card-title">
        {judge.displayName} <span className="badge">{t(`judging.sector.${judge.sector}` as MessageKey)}</span>{' '}
        {!active && <span className="badge">{t('judging.judges.dropped')}</span>}
      </h3>
      <p>
        <strong>{t('judging.judges.affiliations')}:</strong> {judge.affiliations.length > 0 ? judge.affiliations.join('; ') : '—'}
      </p>
      {judge.expertise.length > 0 && (
        <p>
          <strong>{t('judging.invite.expertise')}:</strong> {judge.expertise.join(', ')}
        </p>
      )}
      {judge.maxLoad != null && <p>{t('judging.judges.maxLoad', { n: judge.maxLoad })}</p>}
      {judge.dropReason && <p className="muted">{t('judging.judges.dropReason', { reason: judge.dropReason })}</p>}
      <ProblemNotice problem={problem} />
      {judge.conflicts.length > 0 && (
        <>
          <p>
            <strong>{t('judging.judges.conflicts', { n: judge.conflicts.filter((c) => c.status === 'ACTIVE').length })}</strong>
          </p>
          <ul>
            {judge.conflicts.map((conflict) => (
              <li key={conflict.proposalId}>
                <Localized text={conflict.proposal.title} />: {t(`judging.conflictStatus.${conflict.status}` as MessageKey)} ·{' '}
                {t(`judging.conflictSource.${conflict.source}` as MessageKey)}
                {conflict.reason && <> · {t(`judging.reason.${conflict.reason}` as MessageKey)}</>}
                {conflict.matchedSource ? (
                  <span className="muted"> — {conflictMatch(conflict, t)}</span>
                ) : (
                  conflict.matchedWith && <span className="muted"> ({conflict.matchedWith})</span>
                )}
                {/* An active EXPO_SKIP conflict's comment is the server's English note of the table: its source says it. */}
                {conflict.comment &&
                  !(conflict.matchedSource && conflict.history.at(-1)?.action === 'FOUND') &&
                  !(conflict.source === 'EXPO_SKIP' && conflict.status === 'ACTIVE') && (
                  <span className="muted"> — {conflict.comment}</span>
                )}
                {conflict.status === 'ACTIVE' && clearing !== conflict.proposalId && (
                  <>
                    {' '}
                    <button type="button" className="button-secondary" onClick={() => setClearing(conflict.proposalId)}>
                      {t('judging.judges.clear', { title: localized(conflict.proposal.title) })}
                    </button>
                  </>
                )}
                {clearing === conflict.proposalId && (
                  <form className="stack" onSubmit={(event) => void clear(event, conflict.proposalId)}>
                    <Field label={t('judging.judges.clearComment')}>
                      {(props) => <input {...props} type="text" value={clearComment} onChange={(e) => setClearComment(e.target.value)} />}
                    </Field>
                    <div className="button-row">
                      <button type="submit">{t('judging.judges.clearConfirm')}</button>
                      <button type="button" className="button-secondary" onClick={() => setClearing(undefined)}>
                        {t('common.cancel')}
                      </button>
                    </div>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome && <DropOutcomeNotice outcome={outcome} judges={judges} rounds={rounds} />}
      {active && (
        <form className="stack drop-judge" onSubmit={askToDrop} noValidate>
          <Field label={t('judging.judges.dropReasonLabel', { name: judge.displayName })} error={reasonError}>
            {(props) => <input {...props} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <Field label={t('judging.judges.voidSheets')} hint={t('judging.judges.voidSheetsHint')}>
            {(props) => <input {...props} type="checkbox" checked={voidSheets} onChange={(e) => setVoidSheets(e.target.checked)} />}
          </Field>
          {voidSheets && (
            <Field label={t('judging.judges.voidReason')} hint={t('judging.judges.voidReasonHint')} error={voidReasonError}>
              {(props) => <textarea {...props} rows={2} value={voidReason} onChange={(e) => setVoidReason(e.target.value)} />}
            </Field>
          )}
          <button type="submit" className="button-danger">
            {t('judging.judges.drop', { name: judge.displayName })}
          </button>
        </form>
      )}
      <ConfirmDialog
        open={dropping}
        danger
        title={t('judging.judges.dropTitle', { name: judge.displayName })}
        confirmLabel={t('judging.judges.dropConfirm')}
        cancelLabel={t('common.cancel')}
        busy={drop.fetching}
        onConfirm={() => void confirmDrop()}
        onCancel={() => setDropping(false)}
      >
        <p>{voidSheets ? t('judging.judges.dropTextVoid') : t('judging.judges.dropText')}</p>
      </ConfirmDialog>
    </li>
  );
}

/** What a drop did, round by round: submitted sheets kept or voided, proposals reassigned (to whom) or not. */
function DropOutcomeNotice({ outcome, judges, rounds }: { outcome: DropOutcome; judges: Judge[]; rounds: Data['judgingRounds'] }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const roundName = (id: string) => {
    const round = rounds.find((r) => r.id === id);
    return round ? localized(round.name) : id;
  };
  const judgeName = (id: string) => judges.find((j) => j.id === id)?.displayName ?? id;
  const titles = (items: { proposal: { title: { zhTW?: string | null; en?: string | null } } }[]) =>
    items.map((item) => localized(item.proposal.title)).join(', ');
  return (
    <div role="status" className="notice notice-ok drop-outcome">
      {outcome.length === 0 ? (
        <p>{t('judging.judges.droppedNoWork')}</p>
      ) : (
        outcome.map((round) => (
          <div key={round.roundId}>
            <p>
              <strong>{roundName(round.roundId)}</strong>
            </p>
            <ul>
              {round.kept.length > 0 && <li>{t('judging.judges.kept', { n: round.kept.length, titles: titles(round.kept) })}</li>}
              {round.voided.length > 0 && <li>{t('judging.judges.voided', { n: round.voided.length, titles: titles(round.voided) })}</li>}
              {round.reassigned.map((item) => (
                <li key={item.proposalId}>
                  {item.toJudgeIds.length > 0
                    ? t('judging.judges.reassigned', { title: localized(item.proposal.title), judges: item.toJudgeIds.map(judgeName).join(', ') })
                    : t('judging.judges.reassignedNobody', { title: localized(item.proposal.title) })}
                  {item.droppedSheet && <> ({t(`judging.sheetState.${item.droppedSheet}` as MessageKey)})</>}
                </li>
              ))}
              {round.notReassigned.length > 0 && (
                <li>{t('judging.judges.notReassigned', { n: round.notReassigned.length, titles: titles(round.notReassigned) })}</li>
              )}
            </ul>
          </div>
        ))
      )}
    </div>
  );
}

function ConflictLogSection({ slug, timeZone }: { slug: string; timeZone: string }) {
  const { t, locale } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: ConflictLogDocument, variables: { slug }, requestPolicy: 'cache-and-network' });
  const entries = data?.conflictLog ?? [];
  return (
    <section aria-labelledby="conflict-log-heading" className="panel">
      <h2 id="conflict-log-heading">{t('judging.log.title')}</h2>
      {fetching && !data && <Loading />}
      {error && !data && <ProblemNotice problem={problemOf(error)} />}
      {data && entries.length === 0 && <p>{t('judging.log.none')}</p>}
      {entries.length > 0 && (
        <TableScroll labelledBy="conflict-log-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('judging.log.judge')}</th>
                <th scope="col">{t('judging.log.proposal')}</th>
                <th scope="col">{t('judging.log.decision')}</th>
                <th scope="col">{t('history.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={index}>
                  <td>{formatDateTime(entry.decision.at, timeZone, locale)}</td>
                  <td>{entry.judge.displayName}</td>
                  <td>
                    <Localized text={entry.proposal.title} />
                  </td>
                  <td>
                    {t(`judging.conflictAction.${entry.decision.action}` as MessageKey)} ({t(`judging.conflictActor.${entry.decision.actor}` as MessageKey)})
                  </td>
                  <td>
                    {entry.decision.reason && t(`judging.reason.${entry.decision.reason}` as MessageKey)}
                    {entry.decision.action === 'FOUND' && entry.conflict?.matchedSource ? (
                      <span className="muted"> {conflictMatch(entry.conflict, t)}</span>
                    ) : (
                      entry.decision.comment && <span className="muted"> {entry.decision.comment}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

type ConflictMatch = {
  matchedSource?: string | null;
  matchedAffiliation?: string | null;
  matchedPerson?: string | null;
  matchedOrganisation?: string | null;
};

/** What Hacktrail matched for a conflict it found, from the catalog (the API's comment says it in English). */
function conflictMatch(conflict: ConflictMatch, t: (key: MessageKey, values?: Record<string, string | number>) => string): string {
  return t(`judging.conflictMatch.${conflict.matchedSource}` as MessageKey, {
    affiliation: conflict.matchedAffiliation ?? '',
    person: conflict.matchedPerson ?? '',
    organisation: conflict.matchedOrganisation ?? '',
  });
}
