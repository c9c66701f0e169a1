import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import { AcceptJudgeInvitationDocument, JudgeHomeDocument, type JudgeHomeQuery } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { useSession } from '../../auth/Session';
import { Localized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { ProgressBar } from '../../components/Progress';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { PendingInvitation } from './PendingInvitation';
import { hasLocalDraft } from './sheet';
import { inPitchOrder } from './pitchOrder';
import { formatDateTime } from '../../lib/dates';

/** Performance mark set once the judge's list is on screen and usable; read by the panel benchmark. */
export const JUDGE_LIST_READY = 'judge-list-ready';

type Work = JudgeHomeQuery['myJudging'][number];
type Invitation = JudgeHomeQuery['myJudgeInvitations'][number];
type ExpoWork = JudgeHomeQuery['myExpoRounds'][number];

/** Where a judge stands with one proposal: no sheet yet, a draft, submitted, or void (conflict of interest). */
export type SheetProgress = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'VOIDED';

export function sheetProgress(sheet: { status: string } | null | undefined): SheetProgress {
  return sheet ? (sheet.status as SheetProgress) : 'NOT_STARTED';
}

/**
 * The judge's home: every round with proposals assigned to them, across hackathons, each with a progress bar
 * (submitted / assigned) and the state of each sheet; pending judge invitations to accept. One request.
 */
export default function JudgeHome() {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: JudgeHomeDocument, requestPolicy: 'cache-and-network' });
  const ready = !!data;
  useEffect(() => {
    if (ready && performance.getEntriesByName(JUDGE_LIST_READY).length === 0) performance.mark(JUDGE_LIST_READY);
  }, [ready]);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const work = data?.myJudging ?? [];
  const invitations = data?.myJudgeInvitations ?? [];
  const expo = data?.myExpoRounds ?? [];
  return (
    <Page title={t('judge.title')}>
      {invitations.length > 0 && <Invitations invitations={invitations} onAccepted={() => refetch({ requestPolicy: 'network-only' })} />}
      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">{t('judge.assignments')}</h2>
        <div data-testid="judge-list">
          {work.length === 0 && expo.length === 0 ? (
            <p className="notice">{t('judge.none')}</p>
          ) : (
            <>
              {expo.map((item) => <ExpoRoundWork key={item.round.id} work={item} />)}
              {work.map((item) => <RoundWork key={item.round.id} work={item} />)}
            </>
          )}
        </div>
      </section>
    </Page>
  );
}

/** "Pitch 2 · Room 201", or either half alone. */
function slotText(t: ReturnType<typeof useI18n>['t'], slot: Work['slots'][number]): string {
  const parts: string[] = [];
  if (slot.pitchOrder != null) parts.push(t('judging.home.pitchOrder', { n: slot.pitchOrder }));
  if (slot.room) parts.push(t('judging.home.room', { room: slot.room }));
  return parts.join(' · ');
}

function RoundWork({ work }: { work: Work }) {
  const { t, locale } = useI18n();
  const round = work.round;
  const headingId = `round-${round.id}`;
  const progressLabel = t('judging.home.progress', { submitted: work.submitted, assigned: work.assigned });
  return (
    <section className="panel round-work" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Localized text={round.hackathon.name} /> · <Localized text={round.name} />
      </h3>
      <p className="round-meta">
        <span className={`badge round-${round.status.toLowerCase()}`}>{t(`judging.roundStatus.${round.status}` as MessageKey)}</span>{' '}
        <span className="muted">{t(`judging.sector.${work.judge.sector}` as MessageKey)}</span>
      </p>
      {round.closesAt && (
        <p className="round-deadline">{t('judging.home.due', { time: formatDateTime(round.closesAt, round.hackathon.timeZone, locale) })}</p>
      )}
      <p className="progress-line">
        <ProgressBar value={work.assigned > 0 ? work.submitted / work.assigned : 0} label={progressLabel} />{' '}
        <span>{progressLabel}</span>
      </p>
      <ul className="cards assigned-list" aria-label={t('judging.home.listLabel')}>
        {inPitchOrder(work.proposals, work.slots).map((item) => {
          const progress = sheetProgress(item.sheet);
          const local = progress !== 'SUBMITTED' && hasLocalDraft(round.id, item.proposalId);
          const slot = work.slots.find((s) => s.proposalId === item.proposalId);
          return (
            <li key={item.proposalId} className="card assigned">
              <Link href={`/judge/rounds/${round.id}/proposals/${item.proposalId}`} className="card-link">
                <Localized text={item.proposal.title} />
              </Link>
              <span className="muted small">{item.proposal.proposerName}</span>
              {slot && <span className="small slot">{slotText(t, slot)}</span>}
              <span className={`badge sheet-${progress.toLowerCase()}`}>{t(`judging.progress.${progress}` as MessageKey)}</span>
              {local && <span className="badge sheet-local">{t('judging.home.unsaved')}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** An expo (PAIRWISE) round: no list of proposals, a walk from table to table. */
function ExpoRoundWork({ work }: { work: ExpoWork }) {
  const { t } = useI18n();
  const round = work.round;
  const headingId = `round-${round.id}`;
  return (
    <section className="panel round-work expo-round" aria-labelledby={headingId} data-testid="expo-round">
      <h3 id={headingId}>
        <Localized text={round.hackathon.name} /> · <Localized text={round.name} />
      </h3>
      <p className="round-meta">
        <span className="badge">{t('judging.method.badge')}</span>{' '}
        <span className={`badge round-${round.status.toLowerCase()}`}>{t(`judging.roundStatus.${round.status}` as MessageKey)}</span>{' '}
        <span className="muted">{t(`judging.sector.${work.judge.sector}` as MessageKey)}</span>
      </p>
      <p className="progress-line">{t('judging.expo.homeProgress', { answered: work.answered, tables: work.tables })}</p>
      {round.status === 'OPEN' && (
        <Link className="button" href={`/judge/rounds/${round.id}/expo`}>
          {t('judging.expo.walk')}
        </Link>
      )}
    </section>
  );
}

function Invitations({ invitations, onAccepted }: { invitations: Invitation[]; onAccepted: () => void }) {
  const { t } = useI18n();
  const { changed } = useSession();
  const [result, accept] = useMutation(AcceptJudgeInvitationDocument);
  const [problem, setProblem] = useState<Problem>();

  async function acceptOne(id: string) {
    setProblem(undefined);
    const response = await accept({ input: { invitationId: id } });
    if (response.error) setProblem(problemOf(response.error));
    else {
      // The account now has the JUDGE role for this hackathon: read who I am and my work again.
      changed();
      onAccepted();
    }
  }

  return (
    <section aria-labelledby="invitations-heading" className="panel">
      <h2 id="invitations-heading">{t('judging.invite.pendingTitle')}</h2>
      <ProblemNotice problem={problem} />
      <ul className="plain-list">
        {invitations.map((invitation) => (
          <PendingInvitation key={invitation.id} invitation={invitation} disabled={result.fetching} onAccept={() => void acceptOne(invitation.id)} />
        ))}
      </ul>
    </section>
  );
}
