import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery } from 'urql';
import { RoundTimetableDocument, SetRoundScheduleDocument, type RoundTimetableFieldsFragment } from './gql/graphql';
import { problemOf, type Problem } from '../../api/errors';
import { Field } from '../../components/Field';
import { useLocalized } from '../../components/Localized';
import { Loading, Page } from '../../components/Page';
import { ProblemNotice } from '../../components/ProblemNotice';
import { formatDateTime, zonedLocalToIso } from '../../lib/dates';
import { useI18n } from '../../i18n/judging';
import { roundPath } from './judgingShared';
import {
  addToOrder,
  formOfTimetable,
  hasErrors,
  moveRow,
  orderedCount,
  removeFromOrder,
  timetableErrors,
  toScheduleInput,
  type TimetableErrors,
  type TimetableForm,
  type TimetableRow,
} from './timetableForm';

/**
 * A round's timetable, as judges read it on their list: when scoring is due (typed and shown in the event's time
 * zone, which is named), the pitch order (moved with Up and Down buttons, so a phone needs no dragging) and a room
 * per proposal. Saving replaces the whole timetable with the version read: when another organizer saved in between,
 * what was typed stays as it is, and the organizer chooses to save theirs in its place or to load the other one.
 */
export default function RoundTimetable({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const [{ data, error, fetching }, refetch] = useQuery({ query: RoundTimetableDocument, variables: { roundId: params.roundId }, requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemNotice problem={problemOf(error)} />;
  const round = data?.judgingRound;
  if (!round || round.hackathon.slug !== params.slug || !round.timetable) {
    return (
      <Page title={t('error.notFoundTitle')}>
        <p>{t('judging.round.notFound')}</p>
      </Page>
    );
  }
  const timeZone = round.hackathon.timeZone;
  return (
    <Page
      title={t('judging.timetable.title', { round: localized(round.name) })}
      actions={
        <Link className="button button-secondary" href={roundPath(round.hackathon.slug, round.id)}>
          {t('judging.timetable.back')}
        </Link>
      }
    >
      <p className="hint">{t('judging.timetable.intro')}</p>
      {round.timetable.candidates == null ? (
        <p className="notice">{t('judging.timetable.noCandidates')}</p>
      ) : round.timetable.candidates.length === 0 ? (
        <p className="notice">{t('judging.timetable.none')}</p>
      ) : (
        <TimetableEditor
          key={round.id}
          roundId={round.id}
          timeZone={timeZone}
          latest={round.timetable}
          reload={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}
    </Page>
  );
}

/** The form. It is filled from the timetable once; later reads (after a conflict) never replace what was typed. */
function TimetableEditor({
  roundId,
  timeZone,
  latest,
  reload,
}: {
  roundId: string;
  timeZone: string;
  latest: RoundTimetableFieldsFragment;
  reload: () => void;
}) {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  const [form, setForm] = useState<TimetableForm>(() => formOfTimetable(latest, timeZone)!);
  // The version the form was read from, or last saved as.
  const [base, setBase] = useState(latest.version);
  const [savedAt, setSavedAt] = useState(latest.updatedAt);
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<{ proposalId: string; action: string } | null>(null);
  const deadlineRef = useRef<HTMLInputElement>(null);
  const [result, save] = useMutation(SetRoundScheduleDocument);
  const errors: TimetableErrors = checked ? timetableErrors(form, timeZone) : { rooms: new Set() };
  const count = orderedCount(form.rows);
  // The other version, once read again after a conflict (its version differs from the one the form was read from).
  const other = conflict && latest.version !== base ? latest : undefined;

  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    const row = [...document.querySelectorAll<HTMLElement>('[data-timetable-row]')].find((r) => r.dataset.timetableRow === target.proposalId);
    const button =
      row?.querySelector<HTMLButtonElement>(`button[data-action="${target.action}"]:not(:disabled)`) ??
      row?.querySelector<HTMLButtonElement>('button:not(:disabled)');
    button?.focus();
  });

  function change(rows: TimetableRow[], focus: { proposalId: string; action: string }, said: string) {
    setForm({ ...form, rows });
    setSaved(false);
    focusAfter.current = focus;
    setAnnouncement(said);
  }

  const title = (row: TimetableRow) => localized(row.title);

  function setRoom(row: TimetableRow, room: string) {
    setForm({ ...form, rows: form.rows.map((r) => (r.proposalId === row.proposalId ? { ...r, room } : r)) });
    setSaved(false);
  }

  function move(index: number, delta: -1 | 1) {
    const row = form.rows[index];
    const rows = moveRow(form.rows, index, delta);
    change(rows, { proposalId: row.proposalId, action: delta < 0 ? 'up' : 'down' }, t('judging.timetable.moved', { title: title(row), n: index + delta + 1, count }));
  }

  function add(row: TimetableRow) {
    const rows = addToOrder(form.rows, row.proposalId);
    change(rows, { proposalId: row.proposalId, action: 'up' }, t('judging.timetable.moved', { title: title(row), n: count + 1, count: count + 1 }));
  }

  function remove(row: TimetableRow) {
    change(removeFromOrder(form.rows, row.proposalId), { proposalId: row.proposalId, action: 'add' }, t('judging.timetable.removed', { title: title(row) }));
  }

  async function submit(expectedVersion: number) {
    setChecked(true);
    setSaved(false);
    setProblem(undefined);
    if (hasErrors(timetableErrors(form, timeZone))) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.timetable [aria-invalid="true"]')?.focus());
      return;
    }
    const response = await save({ input: toScheduleInput(roundId, form, timeZone, expectedVersion) });
    if (response.error) {
      const found = problemOf(response.error);
      if (found?.kind === 'conflict') {
        // Read the other version; the form keeps what was typed.
        setConflict(true);
        reload();
        requestAnimationFrame(() => document.getElementById('timetable-conflict')?.focus());
      } else setProblem(found);
      return;
    }
    const timetable = response.data?.setRoundSchedule.round.timetable;
    setConflict(false);
    setSaved(true);
    if (timetable) {
      setBase(timetable.version);
      setSavedAt(timetable.updatedAt);
    }
  }

  function loadTheirs() {
    if (!other) return;
    setForm(formOfTimetable(other, timeZone) ?? form);
    setBase(other.version);
    setSavedAt(other.updatedAt);
    setConflict(false);
    setChecked(false);
  }

  const ordered = form.rows.slice(0, count);
  const deadlineText = shownDeadline(form.deadline, timeZone, locale);
  const unordered = form.rows.slice(count);
  return (
    <form
      className="stack timetable"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit(base);
      }}
    >
      {conflict && (
        <div id="timetable-conflict" role="alert" tabIndex={-1} className="notice notice-warn" data-testid="timetable-conflict">
          <p>
            <strong>{t('judging.timetable.conflictTitle')}</strong>
          </p>
          <p>{t('judging.timetable.conflictText')}</p>
          {other?.updatedAt && <p>{t('judging.timetable.conflictSavedAt', { time: formatDateTime(other.updatedAt, timeZone, locale) })}</p>}
          <div className="button-row">
            <button type="button" disabled={!other || result.fetching} onClick={() => other && void submit(other.version)}>
              {t('judging.timetable.keepMine')}
            </button>
            <button type="button" className="button-secondary" disabled={!other} onClick={loadTheirs}>
              {t('judging.timetable.loadTheirs')}
            </button>
          </div>
        </div>
      )}
      <ProblemNotice problem={problem} onReload={reload} />
      <div className="panel">
        <Field
          label={t('judging.timetable.deadline', { zone: timeZone })}
          hint={t('judging.timetable.deadlineHint', { zone: timeZone })}
          error={errors.deadline ? t('judging.timetable.deadlineInvalid') : undefined}
        >
          {(props) => (
            <input
              {...props}
              ref={deadlineRef}
              type="datetime-local"
              name="deadline"
              value={form.deadline}
              onChange={(e) => {
                setForm({ ...form, deadline: e.target.value });
                setSaved(false);
              }}
            />
          )}
        </Field>
        <p className="muted small" data-testid="timetable-deadline-shown">
          {deadlineText ? t('judging.timetable.deadlineAs', { time: deadlineText }) : t('judging.timetable.deadlineNone')}
        </p>
        {form.deadline && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setForm({ ...form, deadline: '' });
              setSaved(false);
              // The button goes away with the deadline: the focus goes back to the field.
              deadlineRef.current?.focus();
            }}
          >
            {t('judging.timetable.deadlineClear')}
          </button>
        )}
      </div>
      <section className="panel" aria-labelledby="timetable-order-heading">
        <h2 id="timetable-order-heading">{t('judging.timetable.order')}</h2>
        <p className="hint">{t('judging.timetable.orderHint')}</p>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        {ordered.length === 0 && <p className="notice">{t('judging.timetable.orderEmpty')}</p>}
        <ol className="cards timetable-rows" aria-labelledby="timetable-order-heading">
          {ordered.map((row, index) => (
            <li key={row.proposalId} className="card timetable-row" data-timetable-row={row.proposalId}>
              <span className="timetable-place badge">{t('judging.timetable.place', { n: index + 1 })}</span>
              <strong className="timetable-title">{title(row)}</strong>
              <div className="button-row">
                <button type="button" className="button-secondary" data-action="up" disabled={index === 0} aria-label={t('judging.timetable.moveUpOf', { title: title(row) })} onClick={() => move(index, -1)}>
                  {t('judging.timetable.moveUp')}
                </button>
                <button type="button" className="button-secondary" data-action="down" disabled={index === count - 1} aria-label={t('judging.timetable.moveDownOf', { title: title(row) })} onClick={() => move(index, 1)}>
                  {t('judging.timetable.moveDown')}
                </button>
                <button type="button" className="button-secondary" data-action="remove" aria-label={t('judging.timetable.removeOf', { title: title(row) })} onClick={() => remove(row)}>
                  {t('judging.timetable.remove')}
                </button>
              </div>
              <RoomInput row={row} invalid={errors.rooms.has(row.proposalId)} onChange={(room) => setRoom(row, room)} />
            </li>
          ))}
        </ol>
        {unordered.length > 0 && (
          <>
            <h3 id="timetable-unordered-heading">{t('judging.timetable.unordered')}</h3>
            <ul className="cards timetable-rows" aria-labelledby="timetable-unordered-heading">
              {unordered.map((row) => (
                <li key={row.proposalId} className="card timetable-row" data-timetable-row={row.proposalId}>
                  <strong className="timetable-title">{title(row)}</strong>
                  <div className="button-row">
                    <button type="button" className="button-secondary" data-action="add" aria-label={t('judging.timetable.addOf', { title: title(row) })} onClick={() => add(row)}>
                      {t('judging.timetable.add')}
                    </button>
                  </div>
                  <RoomInput row={row} invalid={errors.rooms.has(row.proposalId)} onChange={(room) => setRoom(row, room)} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {saved && (
        <p role="status" className="notice notice-ok">
          {t('judging.timetable.saved')}
        </p>
      )}
      {savedAt && <p className="muted small">{t('judging.timetable.lastSaved', { time: formatDateTime(savedAt, timeZone, locale) })}</p>}
      <div className="button-row">
        <button type="submit" disabled={result.fetching}>
          {t('judging.timetable.save')}
        </button>
      </div>
    </form>
  );
}

/** A typed wall-clock time in the event's zone, shown with the zone's short name ("30 Nov 2026, 18:00 GMT+8"). */
function shownDeadline(local: string, timeZone: string, locale: string): string | undefined {
  const iso = local.trim() ? zonedLocalToIso(local, timeZone) : undefined;
  return iso ? formatDateTime(iso, timeZone, locale) : undefined;
}

function RoomInput({ row, invalid, onChange }: { row: TimetableRow; invalid: boolean; onChange: (room: string) => void }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const id = `room-${row.proposalId}`;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{t('judging.timetable.room')}</label>
      <input
        id={id}
        type="text"
        aria-label={t('judging.timetable.roomOf', { title: localized(row.title) })}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        value={row.room}
        onChange={(e) => onChange(e.target.value)}
      />
      {invalid && (
        <span id={`${id}-error`} className="field-error">
          {t('judging.timetable.roomTooLong')}
        </span>
      )}
    </div>
  );
}
