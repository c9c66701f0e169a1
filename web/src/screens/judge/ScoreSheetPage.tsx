import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link } from 'wouter';
import { useClient, useMutation, useQuery } from 'urql';
import {
  DeclareConflictDocument,
  ScoreSheetPageDocument,
  SubmitScoreSheetDocument,
  type ConflictReason,
  type JudgeSheetFragment,
  type ScoreSheetPageQuery,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { useSession } from '../../auth/Session';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Localized, useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { formatDateTime } from '../../lib/dates';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { CriterionControl } from './CriterionControl';
import {
  draftKey,
  missingScores,
  plainNumber,
  scoreErrors,
  scoreInputs,
  weightShares,
  weightedTotal,
  type SheetForm,
} from './sheet';
import { useSheetAutosave, type SaveState } from './useSheetAutosave';
import { inPitchOrder } from './pitchOrder';
import { TeamFeedbackBox } from './TeamFeedbackBox';

type Work = ScoreSheetPageQuery['myAssignments'];
type Proposal = NonNullable<ScoreSheetPageQuery['proposal']>;
type CriterionData = Work['round']['criteria'][number];

const REASONS: ConflictReason[] = ['PROFESSIONAL', 'PERSONAL', 'FINANCIAL', 'OTHER'];

/** The judge's page for one assigned proposal: what it is (summary, links, team) beside the score sheet. */
export default function ScoreSheetPage({ params }: { params: Record<string, string> }) {
  // A new proposal is a new sheet: its own state, draft and autosave.
  return <SheetScreen key={`${params.round}/${params.proposal}`} roundId={params.round} proposalId={params.proposal} />;
}

function SheetScreen({ roundId, proposalId }: { roundId: string; proposalId: string }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const variables = { roundId, proposalId };
  const [{ data, error, fetching }] = useQuery({ query: ScoreSheetPageDocument, variables });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const work = data?.myAssignments;
  const proposal = data?.proposal;
  if (!work || !proposal) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('proposal.notFound')}</p>
        <BackLink />
      </Page>
    );
  }
  const assigned = work.proposals.find((item) => item.proposalId === proposalId);
  const round = work.round;
  const context = (
    <p className="muted">
      <Localized text={round.hackathon.name} /> · <Localized text={round.name} />
    </p>
  );
  if (!assigned) {
    const conflict = work.judge.conflicts.find((c) => c.proposalId === proposalId && c.status === 'ACTIVE');
    return (
      <Page title={localized(proposal.title)} actions={<BackLink />}>
        {context}
        <p className="notice" role="status">
          {conflict ? t('judging.sheet.conflicted') : t('judging.sheet.notAssigned')}
        </p>
      </Page>
    );
  }
  return (
    <Page title={localized(proposal.title)} actions={<BackLink />}>
      {context}
      <div className="judging-layout">
        <ProposalFacts proposal={proposal} />
        <SheetPanel work={work} sheet={assigned.sheet} roundId={roundId} proposalId={proposalId} variables={variables} />
      </div>
      <TeamFeedbackBox roundId={roundId} proposalId={proposalId} editable={round.status === 'OPEN'} />
      {round.status === 'OPEN' && assigned.sheet?.status !== 'SUBMITTED' && (
        <DeclareConflict hackathonId={round.hackathon.id} roundId={roundId} proposalId={proposalId} title={localized(proposal.title)} />
      )}
    </Page>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Link className="button button-secondary" href="/judge">
      {t('judging.sheet.back')}
    </Link>
  );
}

/**
 * Where the proposal's facts stand beside the sheet (`.judging-layout`'s two columns, from 56rem) they are open; on a
 * narrower screen they stand above it and would push the first score below the fold (on a phone, by the height of a
 * long summary): there they start folded, one tap away, and nothing is left out.
 */
const SIDE_BY_SIDE = '(min-width: 56rem)';

function ProposalFacts({ proposal }: { proposal: Proposal }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const hasSummary = !!(proposal.summary.zhTW || proposal.summary.en);
  const [open, setOpen] = useState(() => window.matchMedia?.(SIDE_BY_SIDE).matches ?? true);
  return (
    <details className="panel about" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h2 id="about-heading">{t('judging.sheet.about')}</h2>
      </summary>
      <dl className="facts">
        <dt>{t('proposal.proposer')}</dt>
        <dd>{proposal.proposerName}</dd>
        {proposal.channel && (
          <>
            <dt>{t('proposal.channel')}</dt>
            <dd>{proposal.channel}</dd>
          </>
        )}
        {proposal.tags.length > 0 && (
          <>
            <dt>{t('proposal.tags')}</dt>
            <dd>{proposal.tags.map((tag) => localized(tag)).join(', ')}</dd>
          </>
        )}
        {proposal.needs.length > 0 && (
          <>
            <dt>{t('proposal.needs')}</dt>
            <dd>{proposal.needs.join(', ')}</dd>
          </>
        )}
      </dl>
      {hasSummary && (
        <>
          <h3>{t('proposal.summary')}</h3>
          <div className="prose">
            <Localized text={proposal.summary} />
          </div>
        </>
      )}
      <h3>{t('proposal.links')}</h3>
      {proposal.links.length === 0 ? (
        <p className="muted">{t('judging.sheet.noLinks')}</p>
      ) : (
        <ul>
          {proposal.links.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noopener noreferrer">
                {t(`link.${link.type}` as MessageKey)}
              </a>{' '}
              <span className="muted small">{hostOf(link.url)}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('judging.sheet.team')}</h3>
      {!proposal.team || proposal.team.members.length === 0 ? (
        <p className="muted">{t('judging.sheet.noTeam')}</p>
      ) : (
        <ul>
          {proposal.team.members.map((member) => (
            <li key={member.userId}>
              {member.displayName} · {t(`judging.teamRole.${member.role}` as MessageKey)}
              {member.affiliation && <span className="muted"> · {member.affiliation}</span>}
            </li>
          ))}
        </ul>
      )}
      {proposal.team?.partnerAgency && (
        <p>
          {t('judging.sheet.partner')}: {proposal.team.partnerAgency.name}
          {proposal.team.partnerAgency.department && <> · {proposal.team.partnerAgency.department}</>}
        </p>
      )}
    </details>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function SheetPanel({
  work,
  sheet: loaded,
  roundId,
  proposalId,
  variables,
}: {
  work: Work;
  sheet: JudgeSheetFragment | null | undefined;
  roundId: string;
  proposalId: string;
  variables: { roundId: string; proposalId: string };
}) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const { me } = useSession();
  const client = useClient();
  const round = work.round;
  const criteria = round.criteria;
  const timeZone = round.hackathon.timeZone;
  const [submittedSheet, setSubmittedSheet] = useState<JudgeSheetFragment>();
  const sheet = submittedSheet ?? loaded;
  const editable = round.status === 'OPEN' && (!sheet || sheet.status === 'DRAFT');
  const autosave = useSheetAutosave({ roundId, proposalId, criteria, sheet: loaded, editable, session: me });
  const { form } = autosave;
  const [, executeSubmit] = useMutation(SubmitScoreSheetDocument);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [checkedErrors, setCheckedErrors] = useState<string>();
  const [submitProblem, setSubmitProblem] = useState<Problem>();
  const [loadingLatest, setLoadingLatest] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const errors = scoreErrors(criteria, form);
  const shares = weightShares(criteria);
  const total = weightedTotal(criteria, form);
  const name = (id: string) => localized(criteria.find((c) => c.id === id)?.name ?? {});

  async function loadLatest() {
    setLoadingLatest(true);
    const result = await client.query(ScoreSheetPageDocument, variables, { requestPolicy: 'network-only' }).toPromise();
    setLoadingLatest(false);
    const latest = result.data?.myAssignments.proposals.find((item) => item.proposalId === proposalId)?.sheet;
    if (result.error && !result.data) {
      autosave.fail(problemOf(result.error)!);
      return;
    }
    autosave.takeLatest(latest);
  }

  function askToSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitProblem(undefined);
    const missing = missingScores(criteria, form);
    const invalid = Object.keys(errors);
    if (missing.length > 0 || invalid.length > 0) {
      setCheckedErrors(
        missing.length > 0 ? t('judging.sheet.missing', { criteria: missing.map(name).join(', ') }) : t('judging.sheet.fixScores'),
      );
      const first = invalid[0] ?? missing[0];
      requestAnimationFrame(() => document.getElementById(`score-${first}`)?.focus());
      return;
    }
    setCheckedErrors(undefined);
    setConfirming(true);
  }

  async function submit() {
    setSubmitting(true);
    await autosave.flush();
    const result = await executeSubmit({
      input: {
        roundId,
        proposalId,
        scores: scoreInputs(criteria, form),
        comment: form.comment,
        expectedVersion: form.base ?? undefined,
      },
    });
    setSubmitting(false);
    setConfirming(false);
    const saved = result.data?.submitScoreSheet.sheet;
    if (!saved) {
      const problem = problemOf(result.error) ?? { kind: 'other' as const, messages: [], fields: {} };
      if (problem.kind === 'conflict' || problem.kind === 'unauthenticated') autosave.fail(problem);
      else setSubmitProblem(problem);
      return;
    }
    autosave.submitted(saved);
    setSubmittedSheet(saved);
  }

  return (
    <section aria-labelledby="sheet-heading" className="panel sheet">
      <h2 id="sheet-heading">{t('judging.sheet.title')}</h2>
      {editable && <SaveStatus state={autosave.state} sheet={sheet} timeZone={timeZone} />}
      <SaveProblem state={autosave.state} onLoadLatest={loadLatest} loadingLatest={loadingLatest} onRetry={autosave.retry} />
      {autosave.mine && (
        <KeptValues
          mine={autosave.mine}
          criteria={criteria}
          editable={editable}
          onApply={autosave.applyMine}
          onDismiss={autosave.dismissMine}
        />
      )}
      {!editable ? (
        <>
          <ReadOnlySheet sheet={sheet} criteria={criteria} roundStatus={round.status} timeZone={timeZone} doneRef={doneRef} />
          {sheet?.status === 'SUBMITTED' && <NextProposal work={work} proposalId={proposalId} />}
        </>
      ) : (
        <form className="stack form" onSubmit={askToSubmit} noValidate>
          {criteria.map((criterion) => (
            <CriterionControl
              key={criterion.id}
              criterion={criterion}
              share={shares[criterion.id]}
              value={form.scores[criterion.id] ?? ''}
              error={errors[criterion.id]}
              onChange={(text) => autosave.setScore(criterion.id, text)}
            />
          ))}
          <Field label={t('judging.sheet.comment')} hint={t('judging.sheet.commentHint')}>
            {(props) => <textarea {...props} rows={4} maxLength={5000} value={form.comment} onChange={(e) => autosave.setComment(e.target.value)} />}
          </Field>
          <p className="total">
            {total === undefined
              ? t('judging.sheet.totalPending')
              : t('judging.sheet.total', { total: plainNumber(total, locale) })}
          </p>
          {checkedErrors && (
            <p role="alert" className="notice notice-error">
              {checkedErrors}
            </p>
          )}
          <ProblemNotice problem={submitProblem} />
          <div className="button-row">
            <button type="submit" disabled={submitting}>
              {t('judging.sheet.submit')}
            </button>
          </div>
          <p className="hint">{t('judging.sheet.submitHint')}</p>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('judging.sheet.confirmTitle')}
        confirmLabel={t('judging.sheet.confirm')}
        cancelLabel={t('common.cancel')}
        busy={submitting}
        onConfirm={() => void submit()}
        onCancel={() => setConfirming(false)}
        returnFocus={() => doneRef.current ?? document.getElementById('sheet-heading')}
      >
        <p>{t('judging.sheet.confirmText')}</p>
        <ul>
          {criteria.map((criterion) => (
            <li key={criterion.id}>
              {localized(criterion.name)}: {form.scores[criterion.id]}
            </li>
          ))}
        </ul>
        {total !== undefined && <p className="total">{t('judging.sheet.total', { total: plainNumber(total, locale) })}</p>}
      </ConfirmDialog>
    </section>
  );
}

/**
 * After a submitted sheet: the way on to the next proposal of the round not submitted yet (the first after this one
 * in pitch order, then the judge's list, wrapping around), or word that the round's work is done.
 */
function NextProposal({ work, proposalId }: { work: Work; proposalId: string }) {
  const { t } = useI18n();
  const next = nextToScore(inPitchOrder(work.proposals, work.slots), proposalId);
  const left = work.proposals.filter((item) => item.proposalId !== proposalId && item.sheet?.status !== 'SUBMITTED' && item.sheet?.status !== 'VOIDED').length;
  if (!next) {
    return (
      <p className="notice" role="status">
        {t('judging.sheet.allSubmitted')}
      </p>
    );
  }
  return (
    <div className="button-row next-proposal">
      <Link className="button" href={`/judge/rounds/${work.round.id}/proposals/${next}`}>
        {t('judging.sheet.next')}
      </Link>
      <span className="muted">{t('judging.sheet.left', { n: left })}</span>
    </div>
  );
}

/** The next proposal in list order after `current` whose sheet is neither submitted nor void; undefined when none. */
export function nextToScore(proposals: Work['proposals'], current: string): string | undefined {
  const index = proposals.findIndex((item) => item.proposalId === current);
  const ordered = [...proposals.slice(index + 1), ...proposals.slice(0, Math.max(index, 0))];
  return ordered.find((item) => item.proposalId !== current && item.sheet?.status !== 'SUBMITTED' && item.sheet?.status !== 'VOIDED')?.proposalId;
}

function SaveStatus({ state, sheet, timeZone }: { state: SaveState; sheet: JudgeSheetFragment | null | undefined; timeZone: string }) {
  const { t, locale } = useI18n();
  let text: string;
  switch (state.kind) {
    case 'clean':
      text = sheet ? t('judging.save.savedAt', { time: formatDateTime(sheet.updatedAt, timeZone, locale) }) : t('judging.save.empty');
      break;
    case 'saved':
      text = t('judging.save.savedAt', { time: formatDateTime(state.at, timeZone, locale) });
      break;
    case 'pending':
      text = t('judging.save.pending');
      break;
    case 'saving':
      text = t('judging.save.saving');
      break;
    case 'invalid':
      text = t('judging.save.invalid');
      break;
    default:
      text = t('judging.save.notSaved');
  }
  // Only something actually saved is good news: an untouched sheet is neutral.
  const tone = state.kind === 'saved' || (state.kind === 'clean' && sheet) ? 'ok' : state.kind === 'clean' ? 'idle' : state.kind === 'pending' || state.kind === 'saving' ? 'busy' : 'bad';
  return (
    <p className={`save-state save-${tone}`} role="status" data-state={state.kind}>
      {text}
    </p>
  );
}

function SaveProblem({
  state,
  onLoadLatest,
  loadingLatest,
  onRetry,
}: {
  state: SaveState;
  onLoadLatest: () => void;
  loadingLatest: boolean;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  switch (state.kind) {
    case 'conflict':
      return (
        <div role="alert" className="notice notice-warn">
          <p>{t('judging.save.conflict')}</p>
          <button type="button" disabled={loadingLatest} onClick={onLoadLatest}>
            {t('error.reload')}
          </button>
        </div>
      );
    case 'unauthenticated':
      return (
        <>
          <p className="notice notice-warn">{t('judging.save.sessionEnded')}</p>
          <ProblemNotice problem={state.problem} />
        </>
      );
    case 'retrying':
      return (
        <div role="alert" className="notice notice-warn">
          <p>{t('judging.save.retrying')}</p>
          <button type="button" className="button-secondary" onClick={onRetry}>
            {t('judging.save.retryNow')}
          </button>
        </div>
      );
    case 'refused':
      return <ProblemNotice problem={state.problem} />;
    default:
      return null;
  }
}

/** The judge's own values, kept in view after loading the latest version (or after the sheet was locked). */
function KeptValues({
  mine,
  criteria,
  editable,
  onApply,
  onDismiss,
}: {
  mine: SheetForm;
  criteria: CriterionData[];
  editable: boolean;
  onApply: () => void;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  const id = useId();
  return (
    <section className="notice notice-warn kept" aria-labelledby={`${id}-kept`}>
      <h3 id={`${id}-kept`}>{t('judging.kept.title')}</h3>
      <p>{t('judging.kept.text')}</p>
      <dl className="facts">
        {criteria.map((criterion) => (
          <div key={criterion.id} className="fact-pair">
            <dt>{localized(criterion.name)}</dt>
            <dd>{mine.scores[criterion.id] || t('judging.sheet.notScored')}</dd>
          </div>
        ))}
        <div className="fact-pair">
          <dt>{t('judging.sheet.comment')}</dt>
          <dd className="prose">{mine.comment || '—'}</dd>
        </div>
      </dl>
      <div className="button-row">
        {editable && (
          <button type="button" onClick={onApply}>
            {t('judging.kept.apply')}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={onDismiss}>
          {t('judging.kept.dismiss')}
        </button>
      </div>
    </section>
  );
}

function ReadOnlySheet({
  sheet,
  criteria,
  roundStatus,
  timeZone,
  doneRef,
}: {
  sheet: JudgeSheetFragment | null | undefined;
  criteria: CriterionData[];
  roundStatus: string;
  timeZone: string;
  doneRef: RefObject<HTMLParagraphElement | null>;
}) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const values: Record<string, number> = {};
  for (const score of sheet?.scores ?? []) values[score.criterionId] = score.value;
  let status: string;
  if (sheet?.status === 'SUBMITTED') {
    status = t('judging.sheet.submittedAt', { time: formatDateTime(sheet.submittedAt ?? sheet.updatedAt, timeZone, locale) });
  } else if (sheet?.status === 'VOIDED') {
    status = t('judging.sheet.voided');
  } else {
    status = t('judging.sheet.roundNotOpen', { status: t(`judging.roundStatus.${roundStatus}` as MessageKey) });
  }
  const reopened = [...(sheet?.history ?? [])].reverse().find((event) => event.to === 'DRAFT' && event.reason);
  return (
    <>
      <p ref={doneRef} tabIndex={-1} className={sheet?.status === 'SUBMITTED' ? 'notice notice-ok' : 'notice'}>
        {status}
      </p>
      {reopened && sheet?.status !== 'DRAFT' && <p className="muted">{reopened.reason}</p>}
      <dl className="facts">
        {criteria.map((criterion) => (
          <div key={criterion.id} className="fact-pair">
            <dt>{localized(criterion.name)}</dt>
            <dd>{criterion.id in values ? plainNumber(values[criterion.id], locale) : t('judging.sheet.notScored')}</dd>
          </div>
        ))}
        <div className="fact-pair">
          <dt>{t('judging.sheet.comment')}</dt>
          <dd className="prose">{sheet?.comment || '—'}</dd>
        </div>
      </dl>
    </>
  );
}

function DeclareConflict({ hackathonId, roundId, proposalId, title }: { hackathonId: string; roundId: string; proposalId: string; title: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState<ConflictReason | ''>('');
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [result, declare] = useMutation(DeclareConflictDocument);
  const reasonError = checked && !reason ? t('judging.conflict.reasonRequired') : undefined;
  const commentError = checked && reason === 'OTHER' && !comment.trim() ? t('judging.conflict.commentRequired') : problem?.fields.comment;

  function ask(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setProblem(undefined);
    if (!reason || (reason === 'OTHER' && !comment.trim())) return;
    setConfirming(true);
  }

  async function confirm() {
    if (!reason) return;
    const response = await declare({ input: { hackathonId, proposalId, reason, comment: comment.trim() || undefined } });
    setConfirming(false);
    if (response.error) {
      setProblem(problemOf(response.error));
      return;
    }
    // The sheet no longer counts and the proposal leaves the judge's list: nothing typed here is worth keeping.
    try {
      sessionStorage.removeItem(draftKey(roundId, proposalId));
      sessionStorage.removeItem(`${draftKey(roundId, proposalId)}.mine`);
    } catch {
      // Storage refused: nothing was kept there either.
    }
  }

  return (
    <details className="panel conflict-declare">
      <summary>{t('judging.conflict.title')}</summary>
      <p>{t('judging.conflict.intro')}</p>
      <form className="stack" onSubmit={ask} noValidate>
        <ProblemNotice problem={problem} shownFields={['comment']} />
        <Field label={t('judging.conflict.reason')} error={reasonError}>
          {(props) => (
            <select {...props} value={reason} onChange={(e) => setReason(e.target.value as ConflictReason | '')}>
              <option value="">{t('common.choose')}</option>
              {REASONS.map((option) => (
                <option key={option} value={option}>
                  {t(`judging.reason.${option}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('judging.conflict.comment')} hint={t('judging.conflict.commentHint')} error={commentError}>
          {(props) => <textarea {...props} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
        <button type="submit" className="button-danger" disabled={result.fetching}>
          {t('judging.conflict.declare')}
        </button>
      </form>
      <ConfirmDialog
        open={confirming}
        danger
        title={t('judging.conflict.confirmTitle')}
        confirmLabel={t('judging.conflict.confirm')}
        cancelLabel={t('common.cancel')}
        busy={result.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('judging.conflict.confirmText', { title })}</p>
      </ConfirmDialog>
    </details>
  );
}
