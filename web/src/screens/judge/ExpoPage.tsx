import { useState } from 'react';
import { Link } from 'wouter';
import { useQuery } from 'urql';
import { ExpoRoundPageDocument, type ExpoSkipReason, type ExpoVisitViewFragment } from './gql/graphql';
import { problemOf } from '../../api/errors';
import { useSession } from '../../auth/Session';
import { useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { ProgressBar } from '../../components/Progress';
import { useI18n, type MessageKey } from '../../i18n/judging';
import { useExpoWalk, type NextVisit } from './useExpoWalk';
import { TeamFeedbackBox } from './TeamFeedbackBox';

const SKIP_REASONS: ExpoSkipReason[] = ['ABSENT', 'CONFLICT'];

/** The key under which the visit the judge said they reached is kept, so a reload stays at the table. */
const arrivedKey = (roundId: string) => `hacktrail.expo.arrived.${roundId}`;

/**
 * A judge's expo round on a phone: "go to table 12: …", then at the table "better than the previous one?" (this one
 * / the previous one, both named) or skip (team absent, conflict of interest); the first table has nothing to
 * compare. Answers go through useExpoWalk, which keeps each one on the device until the server has it.
 */
export default function ExpoPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const { me } = useSession();
  const [{ data, error, fetching }] = useQuery({ query: ExpoRoundPageDocument, requestPolicy: 'cache-and-network' });
  const work = data?.myExpoRounds.find((item) => item.round.id === params.round);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  if (!work) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('judging.expo.notFound')}</p>
        <Link href="/judge">{t('judging.expo.back')}</Link>
      </Page>
    );
  }
  const round = work.round;
  return (
    <Page title={t('judging.expo.title', { round: `${localized(round.hackathon.name)} · ${localized(round.name)}` })}>
      <p>
        <Link href="/judge">{t('judging.expo.back')}</Link>
      </p>
      {round.status !== 'OPEN' ? (
        <p className="notice">{t('judging.expo.notOpen', { status: t(`judging.roundStatus.${round.status}` as MessageKey) })}</p>
      ) : (
        me && <Walk roundId={round.id} userId={me.id} session={me} />
      )}
    </Page>
  );
}

function Walk({ roundId, userId, session }: { roundId: string; userId: string; session: object }) {
  const { t } = useI18n();
  const walk = useExpoWalk(roundId, userId, session);
  const { state } = walk;
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <ProblemNotice problem={state.problem} onReload={walk.askAgain} />;
  if (state.kind !== 'ready') {
    return (
      <section className="panel expo-walk" aria-live="polite">
        {state.pending.said && <p data-testid="expo-kept">{t('judging.expo.kept', { answer: state.pending.said })}</p>}
        {state.kind === 'sending' && (
          <p role="status" className="loading">
            {t('judging.expo.sending')}
          </p>
        )}
        {state.kind === 'retrying' && (
          <>
            <p role="status" className="notice">
              {t('judging.expo.retrying')}
            </p>
            <button type="button" className="expo-choice" onClick={walk.retryNow}>
              {t('judging.expo.retryNow')}
            </button>
          </>
        )}
        {state.kind === 'unauthenticated' && (
          <>
            <p role="status" className="notice">
              {t('judging.expo.signIn')}
            </p>
            <ProblemNotice problem={state.problem} />
          </>
        )}
      </section>
    );
  }
  const next = state.next;
  return (
    <section className="panel expo-walk" aria-live="polite">
      {walk.refused && (
        <div className="notice" role="alert">
          <p>{t('judging.expo.refused')}</p>
          <ProblemNotice problem={walk.refused} />
        </div>
      )}
      <WalkProgress next={next} />
      {next.visit ? (
        <Visit
          key={next.visit.id}
          roundId={roundId}
          visit={next.visit}
          previous={next.previous ?? null}
          onCompare={(winner, said) => walk.compare(next.visit!, next.previous?.proposalId ?? null, winner, said)}
          onSkip={(reason, said) => walk.skip(next.visit!, reason, said)}
        />
      ) : next.done ? (
        <div className="expo-done" data-testid="expo-done">
          <p className="notice notice-ok">{t('judging.expo.done')}</p>
          <p>{t('judging.expo.doneSummary', { answered: next.answered })}</p>
        </div>
      ) : (
        <>
          <p className="notice">{t('judging.expo.wait')}</p>
          <button type="button" onClick={walk.askAgain}>
            {t('judging.expo.askAgain')}
          </button>
        </>
      )}
    </section>
  );
}

/** Visits answered and tables left, as the server counts them; the bar is answered / (answered + left). */
function WalkProgress({ next }: { next: NextVisit }) {
  const { t } = useI18n();
  const label = t('judging.expo.progress', { answered: next.answered, remaining: next.remaining });
  const whole = next.answered + next.remaining;
  return (
    <p className="progress-line" data-testid="expo-progress">
      <ProgressBar value={whole > 0 ? next.answered / whole : 1} label={label} /> <span>{label}</span>
    </p>
  );
}

/** "Table 12" in the judge's language when the table has a number; the organizers' label otherwise. */
export function useTableName() {
  const { t } = useI18n();
  const localized = useLocalized();
  return (visit: ExpoVisitViewFragment) => {
    const title = visit.proposal ? localized(visit.proposal.title) : visit.proposalId;
    const heading =
      visit.table.tableNumber != null
        ? t('judging.expo.goTo', { number: visit.table.tableNumber, title })
        : t('judging.expo.goToLabel', { label: visit.table.label, title });
    return { title, heading, table: visit.table.label };
  };
}

function Visit({
  roundId,
  visit,
  previous,
  onCompare,
  onSkip,
}: {
  roundId: string;
  visit: ExpoVisitViewFragment;
  previous: ExpoVisitViewFragment | null;
  onCompare: (winner: 'CURRENT' | 'PREVIOUS' | null, said: string) => void;
  onSkip: (reason: ExpoSkipReason, said: string) => void;
}) {
  const { t } = useI18n();
  const name = useTableName();
  const here = name(visit);
  const before = previous ? name(previous) : null;
  const [arrived, setArrived] = useState(() => sessionStorage.getItem(arrivedKey(roundId)) === visit.id);
  const arrive = () => {
    try {
      sessionStorage.setItem(arrivedKey(roundId), visit.id);
    } catch {
      // Storage refused: the step lives in memory.
    }
    setArrived(true);
  };
  return (
    <div className="expo-visit" data-testid="expo-visit" data-visit={visit.number}>
      <h2 className="expo-goto">{here.heading}</h2>
      {visit.table.tableNumber != null && <p className="muted">{visit.table.label}</p>}
      {visit.proposal && <p className="muted small">{t('judging.expo.proposer', { name: visit.proposal.proposerName })}</p>}
      {!arrived ? (
        <button type="button" className="expo-choice" onClick={arrive}>
          {t('judging.expo.arrived')}
        </button>
      ) : before ? (
        <fieldset className="expo-question">
          <legend>{t('judging.expo.question')}</legend>
          <p className="muted">{t('judging.expo.previousWas', { title: before.title, table: before.table })}</p>
          <div className="expo-choices">
            <button type="button" className="expo-choice" data-winner="CURRENT" onClick={() => onCompare('CURRENT', `${here.table}: ${t('judging.expo.current')} (${here.title})`)}>
              <span>{t('judging.expo.current')}</span>{' '}
              <span className="expo-choice-name">{here.title}</span>
            </button>
            <button type="button" className="expo-choice" data-winner="PREVIOUS" onClick={() => onCompare('PREVIOUS', `${here.table}: ${t('judging.expo.previous')} (${before.title})`)}>
              <span>{t('judging.expo.previous')}</span>{' '}
              <span className="expo-choice-name">{before.title}</span>
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="expo-question">
          <h3>{t('judging.expo.firstTitle')}</h3>
          <p className="hint">{t('judging.expo.firstHint')}</p>
          <button type="button" className="expo-choice" data-winner="FIRST" onClick={() => onCompare(null, `${here.table}: ${t('judging.expo.firstDone')}`)}>
            {t('judging.expo.firstDone')}
          </button>
        </div>
      )}
      {arrived && <TeamFeedbackBox roundId={roundId} proposalId={visit.proposalId} editable />}
      {arrived && (
        <fieldset className="expo-skip">
          <legend>{t('judging.expo.skipTitle')}</legend>
          <p className="hint">{t('judging.expo.skipConflictHint')}</p>
          <div className="button-row">
            {SKIP_REASONS.map((reason) => (
              <button key={reason} type="button" className="button-secondary" data-skip={reason} onClick={() => onSkip(reason, `${here.table}: ${t(`judging.expo.skip${reason}` as MessageKey)}`)}>
                {t(`judging.expo.skip${reason}` as MessageKey)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
