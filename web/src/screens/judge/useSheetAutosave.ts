import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { SaveScoreSheetDocument, type JudgeSheetFragment } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { useDraft } from '../../lib/draft';
import { draftKey, formOfSheet, sameValues, scoreErrors, scoreInputs, type Criterion, type SheetForm } from './sheet';

/** Debounce of the autosave and pause before retrying a failed one. Tests shorten them. */
export const AUTOSAVE = { delayMs: 1200, retryMs: 5000 };

export type SaveState =
  /** Nothing typed since the sheet was read. */
  | { kind: 'clean' }
  /** Typed; a save follows shortly. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** A value is not a number or outside its scale: nothing is sent until it is fixed. */
  | { kind: 'invalid' }
  /** The server could not be reached (or failed): kept on this device and tried again. */
  | { kind: 'retrying'; problem: Problem }
  /** The session ended: kept on this device; saved once the judge signs in again. */
  | { kind: 'unauthenticated'; problem: Problem }
  /** Saved elsewhere (another window or device) since these values were read. */
  | { kind: 'conflict'; problem: Problem }
  /** The server refused the values (e.g. the round closed): kept on this device, not tried again. */
  | { kind: 'refused'; problem: Problem };

/**
 * The judge's sheet as typed, saved as a draft a moment after each change with the version it was based on. Until
 * the server has it, the input lives in sessionStorage (lib/draft.ts): a reload or a sign-in round trip restores
 * it and the save is tried again. A CONFLICT stops saving: the page offers the latest version and keeps these values
 * beside it (`mine`), so nothing typed is lost.
 */
export function useSheetAutosave({
  roundId,
  proposalId,
  criteria,
  sheet,
  editable,
  session,
}: {
  roundId: string;
  proposalId: string;
  criteria: Criterion[];
  sheet: JudgeSheetFragment | null | undefined;
  editable: boolean;
  /** Who is signed in: a new value (a new sign-in) sends what waited for an ended session. */
  session: object | null | undefined;
}) {
  const key = draftKey(roundId, proposalId);
  const mineKey = `${key}.mine`;
  const [form, setForm, clearDraft, restored] = useDraft<SheetForm>(key, () => formOfSheet(criteria, sheet));
  const [state, setState] = useState<SaveState>({ kind: 'clean' });
  const [mine, setMineState] = useState<SheetForm | null>(() => readMine(mineKey));
  const [, executeSave] = useMutation(SaveScoreSheetDocument);

  const formRef = useRef(form);
  formRef.current = form;
  const revision = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const stopped = useRef(false);
  const editableRef = useRef(editable);
  editableRef.current = editable;
  const saveRef = useRef<() => Promise<void>>(async () => undefined);

  const clearTimer = () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
  };
  const schedule = useCallback((delay: number) => {
    clearTimer();
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  const setMine = useCallback(
    (value: SheetForm | null) => {
      setMineState(value);
      try {
        if (value) sessionStorage.setItem(mineKey, JSON.stringify(value));
        else sessionStorage.removeItem(mineKey);
      } catch {
        // Storage refused: the values stay on screen for this page.
      }
    },
    [mineKey],
  );

  /** Reacts to a failed save or submission; true when it was handled as a state of the sheet. */
  const fail = useCallback(
    (problem: Problem) => {
      switch (problem.kind) {
        case 'conflict':
          stopped.current = true;
          setState({ kind: 'conflict', problem });
          break;
        case 'unauthenticated':
          stopped.current = true;
          setState({ kind: 'unauthenticated', problem });
          break;
        case 'network':
        case 'unavailable':
        case 'other':
          setState({ kind: 'retrying', problem });
          schedule(AUTOSAVE.retryMs);
          break;
        default:
          setState({ kind: 'refused', problem });
      }
    },
    [schedule],
  );

  const save = useCallback(async (): Promise<void> => {
    clearTimer();
    if (!editableRef.current || stopped.current) return;
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const current = formRef.current;
    const sent = revision.current;
    if (Object.keys(scoreErrors(criteria, current)).length > 0) {
      setState({ kind: 'invalid' });
      return;
    }
    setState({ kind: 'saving' });
    const run = (async () => {
      const result = await executeSave(
        {
          input: {
            roundId,
            proposalId,
            scores: scoreInputs(criteria, current),
            comment: current.comment,
            expectedVersion: current.base ?? undefined,
          },
        },
      );
      const saved = result.data?.saveScoreSheet.sheet;
      if (!saved) {
        fail(problemOf(result.error) ?? { kind: 'other', messages: [], fields: {} });
        return;
      }
      // Later edits go on from the version just written (formRef is the source of truth between renders).
      formRef.current = { ...formRef.current, base: saved.version };
      setForm(formRef.current);
      if (revision.current === sent) {
        // Everything typed has reached the server: nothing left to keep on this device.
        clearDraft();
        setState({ kind: 'saved', at: saved.updatedAt });
      } else {
        setState({ kind: 'pending' });
        again.current = true;
      }
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
    if (again.current) {
      again.current = false;
      if (!stopped.current) schedule(AUTOSAVE.delayMs);
    }
  }, [criteria, roundId, proposalId, executeSave, fail, setForm, clearDraft, schedule]);
  saveRef.current = save;

  const edit = useCallback(
    (change: (previous: SheetForm) => SheetForm) => {
      revision.current++;
      const next = change(formRef.current);
      formRef.current = next;
      setForm(next);
      if (stopped.current) return;
      if (Object.keys(scoreErrors(criteria, next)).length > 0) {
        clearTimer();
        setState({ kind: 'invalid' });
        return;
      }
      setState({ kind: 'pending' });
      schedule(AUTOSAVE.delayMs);
    },
    [criteria, setForm, schedule],
  );

  const setScore = useCallback((criterionId: string, text: string) => edit((previous) => ({ ...previous, scores: { ...previous.scores, [criterionId]: text } })), [edit]);
  const setComment = useCallback((comment: string) => edit((previous) => ({ ...previous, comment })), [edit]);

  // Input restored from this device after a reload: save it now, unless the server already has exactly these values.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!restored) return;
    const server = formOfSheet(criteria, sheet);
    if (sameValues(form, server) && form.base === server.base) {
      clearDraft();
      return;
    }
    if (!editable) {
      // The sheet was locked (submitted, or the round closed) before these values reached the server.
      setMine(form);
      clearDraft();
      setForm(server);
      clearDraft();
      return;
    }
    revision.current++;
    setState({ kind: 'pending' });
    void save();
    // Once, on the first render only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Signed in again after the session ended: send what waited.
  const signedIn = useRef(session);
  useEffect(() => {
    const before = signedIn.current;
    signedIn.current = session;
    if (session && session !== before && state.kind === 'unauthenticated') {
      stopped.current = false;
      void save();
    }
  }, [session, state.kind, save]);

  // Back online: try again at once rather than at the next retry.
  useEffect(() => {
    const online = () => {
      if (!stopped.current && state.kind === 'retrying') void save();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [state.kind, save]);

  useEffect(() => clearTimer, []);

  return {
    form,
    state,
    mine,
    setScore,
    setComment,
    /** Saves now (the "Try again" button). */
    retry: useCallback(() => {
      stopped.current = false;
      void save();
    }, [save]),
    /** Waits until no save is pending or running, so that a submission is based on the latest version. */
    flush: useCallback(async () => {
      clearTimer();
      if (inFlight.current) await inFlight.current;
      again.current = false;
      clearTimer();
    }, []),
    fail,
    /** After a CONFLICT: show the latest saved sheet and keep the judge's values beside it. */
    takeLatest: useCallback(
      (latest: JudgeSheetFragment | null | undefined) => {
        clearTimer();
        const server = formOfSheet(criteria, latest);
        if (!sameValues(formRef.current, server)) setMine({ ...formRef.current });
        stopped.current = false;
        formRef.current = server;
        setForm(server);
        clearDraft();
        setState({ kind: 'clean' });
      },
      [criteria, setForm, clearDraft, setMine],
    ),
    /** Puts the judge's kept values back into the sheet (on top of the latest version) and saves them. */
    applyMine: useCallback(() => {
      if (!mine) return;
      const base = formRef.current.base;
      setMine(null);
      edit(() => ({ ...mine, base }));
    }, [mine, edit, setMine]),
    dismissMine: useCallback(() => setMine(null), [setMine]),
    /** The sheet was submitted: nothing is left to save. */
    submitted: useCallback(
      (sheetNow: JudgeSheetFragment) => {
        clearTimer();
        stopped.current = true;
        const server = formOfSheet(criteria, sheetNow);
        formRef.current = server;
        setForm(server);
        clearDraft();
        setState({ kind: 'saved', at: sheetNow.updatedAt });
      },
      [criteria, setForm, clearDraft],
    ),
  };
}

function readMine(key: string): SheetForm | null {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as SheetForm) : null;
  } catch {
    return null;
  }
}
