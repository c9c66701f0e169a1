import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import {
  NextExpoVisitDocument,
  RecordExpoComparisonDocument,
  SkipExpoVisitDocument,
  type ExpoSkipReason,
  type ExpoWinner,
  type NextExpoVisitMutation,
  type RecordExpoComparisonInput,
  type SkipExpoVisitInput,
} from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';

/** Pause before a failed answer is sent again (the same answer, with the same client id). Tests shorten it. */
export const EXPO_RETRY = { ms: 4000 };

export type NextVisit = NextExpoVisitMutation['nextExpoVisit'];

/**
 * An answer the server has not acknowledged yet, kept in localStorage under {@link pendingKey} from the tap until the
 * server's reply: a reload, a closed tab or a lost connection sends exactly this again (same client id, which the API
 * stores once), so an answer is neither lost nor recorded twice.
 */
export type PendingAnswer = (
  | { kind: 'compare'; visitId: string; input: RecordExpoComparisonInput }
  | { kind: 'skip'; visitId: string; input: SkipExpoVisitInput }
) & {
  /** The answer as the judge read it on the button ("Table 4: the previous one is better"), shown while it waits. */
  said?: string;
};

export function pendingKey(userId: string, roundId: string): string {
  return `hacktrail.expo.pending.${userId}.${roundId}`;
}

export function readPending(key: string): PendingAnswer | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as PendingAnswer) : null;
  } catch {
    return null;
  }
}

function writePending(key: string, pending: PendingAnswer | null) {
  try {
    if (pending) localStorage.setItem(key, JSON.stringify(pending));
    else localStorage.removeItem(key);
  } catch {
    // Storage refused (private mode, full): the answer still lives in memory until the server has it.
  }
}

/** A client id for one answer: crypto.randomUUID where the browser has it (secure contexts), else random hex. */
export function newClientId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type WalkState =
  | { kind: 'loading' }
  /** The last nextExpoVisit answer: a visit, "wait" (null visit, not done) or done. */
  | { kind: 'ready'; next: NextVisit }
  | { kind: 'sending'; pending: PendingAnswer }
  /** The server was not reached (or failed): the answer waits on this device and is sent again. */
  | { kind: 'retrying'; pending: PendingAnswer; problem: Problem }
  /** The session ended: the answer waits on this device until the judge signs in again. */
  | { kind: 'unauthenticated'; pending: PendingAnswer; problem: Problem }
  /** nextExpoVisit failed. */
  | { kind: 'failed'; problem: Problem };

/** Problems after which sending the same answer again may succeed. */
const RETRYABLE = new Set(['network', 'unavailable', 'other']);

/**
 * A judge's walk through an expo round: asks the API for the next table, sends each answer once (whatever the taps,
 * reloads or lost connections), and asks for the next table once the server has the answer. `refused` is the
 * server's refusal of the last answer (it was not recorded, e.g. the round closed or the visit was skipped for a
 * conflict meanwhile), shown beside the next table.
 */
export function useExpoWalk(roundId: string, userId: string | undefined, session: object | null | undefined) {
  const [, executeNext] = useMutation(NextExpoVisitDocument);
  const [, executeCompare] = useMutation(RecordExpoComparisonDocument);
  const [, executeSkip] = useMutation(SkipExpoVisitDocument);
  const key = userId ? pendingKey(userId, roundId) : null;
  const [state, setState] = useState<WalkState>({ kind: 'loading' });
  const [refused, setRefused] = useState<Problem>();
  const pending = useRef<PendingAnswer | null>(null);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);

  const loadNext = useCallback(async () => {
    setState({ kind: 'loading' });
    const result = await executeNext({ roundId });
    if (!alive.current) return;
    if (result.error || !result.data) setState({ kind: 'failed', problem: problemOf(result.error) ?? { kind: 'other', messages: [], fields: {} } });
    else setState({ kind: 'ready', next: result.data.nextExpoVisit });
  }, [executeNext, roundId]);

  const send = useCallback(async () => {
    const answer = pending.current;
    if (!answer || inFlight.current || !key) return;
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    inFlight.current = true;
    setState({ kind: 'sending', pending: answer });
    const result =
      answer.kind === 'compare'
        ? await executeCompare({ input: answer.input })
        : await executeSkip({ input: answer.input });
    inFlight.current = false;
    if (!alive.current) return;
    if (result.error) {
      const problem = problemOf(result.error)!;
      if (problem.kind === 'unauthenticated') {
        setState({ kind: 'unauthenticated', pending: answer, problem });
        return;
      }
      if (RETRYABLE.has(problem.kind)) {
        setState({ kind: 'retrying', pending: answer, problem });
        timer.current = setTimeout(() => void send(), EXPO_RETRY.ms);
        return;
      }
      // Refused for good (the answer cannot be recorded as it is): say so, and go on from where the server is.
      setRefused(problem);
    } else {
      setRefused(undefined);
    }
    pending.current = null;
    writePending(key, null);
    await loadNext();
  }, [executeCompare, executeSkip, key, loadNext]);

  // Start: an answer left from before a reload goes first (with its client id); then the next table.
  useEffect(() => {
    alive.current = true;
    if (!key) return;
    pending.current = readPending(key);
    if (pending.current) void send();
    else void loadNext();
    return () => {
      alive.current = false;
      if (timer.current !== undefined) clearTimeout(timer.current);
    };
  }, [key, send, loadNext]);

  // Back online, or signed in again: send what waits now rather than at the next timer.
  useEffect(() => {
    const online = () => void send();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [send]);
  const sessionSeen = useRef(session);
  useEffect(() => {
    if (sessionSeen.current !== session && session) void send();
    sessionSeen.current = session;
  }, [session, send]);

  /** Stores the answer on this device, then sends it. A second tap while one answer waits does nothing. */
  const answer = useCallback(
    (make: (clientId: string) => PendingAnswer) => {
      if (pending.current || inFlight.current || !key) return;
      const next = make(newClientId());
      pending.current = next;
      writePending(key, next);
      void send();
    },
    [key, send],
  );

  const compare = useCallback(
    (visit: { id: string; proposalId: string }, previousProposalId: string | null, winner: ExpoWinner | null, said?: string) =>
      answer((clientId) => ({
        kind: 'compare',
        visitId: visit.id,
        said,
        input: {
          roundId,
          clientId,
          currentProposalId: visit.proposalId,
          ...(previousProposalId ? { previousProposalId, winner } : {}),
        },
      })),
    [answer, roundId],
  );

  const skip = useCallback(
    (visit: { id: string; proposalId: string }, reason: ExpoSkipReason, said?: string) =>
      answer((clientId) => ({ kind: 'skip', visitId: visit.id, said, input: { roundId, clientId, proposalId: visit.proposalId, reason } })),
    [answer],
  );

  return { state, refused, compare, skip, retryNow: () => void send(), askAgain: () => void loadNext() };
}
