// The organizers' timetable form, apart from the screen: rows built from the saved timetable, the moves of the pitch
// order, the check before saving and the setRoundSchedule input.
import type { LocalizedText } from '../../components/Localized';
import { isoToZonedLocal, zonedLocalToIso } from '../../lib/dates';
import type { RoundTimetableFieldsFragment, SetRoundScheduleInput } from './gql/graphql';

/** The longest room the API takes (RoundSchedules.MAX_ROOM), in characters. */
export const MAX_ROOM = 100;

/** One candidate: whether it is in the pitch order, and its room as typed. */
export type TimetableRow = { proposalId: string; title: LocalizedText; inOrder: boolean; room: string };

/** The rows keep the pitch order first (in order), then the candidates without a place (in id order). */
export type TimetableForm = { deadline: string; rows: TimetableRow[] };

export type TimetableErrors = { deadline?: true; rooms: Set<string> };

/** The form of a saved timetable, in the event's zone; null while the candidates cannot be known. */
export function formOfTimetable(timetable: RoundTimetableFieldsFragment, timeZone: string): TimetableForm | null {
  if (!timetable.candidates) return null;
  const slots = new Map(timetable.slots.map((slot) => [slot.proposalId, slot]));
  const rows = timetable.candidates.map((proposal) => {
    const slot = slots.get(proposal.id);
    return { proposalId: proposal.id, title: proposal.title, inOrder: slot?.pitchOrder != null, room: slot?.room ?? '', order: slot?.pitchOrder };
  });
  const ordered = rows.filter((row) => row.inOrder).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const rest = rows.filter((row) => !row.inOrder);
  return {
    deadline: timetable.closesAt ? isoToZonedLocal(timetable.closesAt, timeZone) : '',
    rows: [...ordered, ...rest].map(({ order: _order, ...row }) => row),
  };
}

/** How many rows are in the pitch order (they come first). */
export function orderedCount(rows: TimetableRow[]): number {
  return rows.filter((row) => row.inOrder).length;
}

/** The rows with the ordered row at `index` swapped with its neighbour (`-1` up, `1` down); unchanged at an end. */
export function moveRow(rows: TimetableRow[], index: number, delta: -1 | 1): TimetableRow[] {
  const target = index + delta;
  if (!rows[index]?.inOrder || target < 0 || target >= orderedCount(rows)) return rows;
  const next = [...rows];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** The rows with a candidate put last in the pitch order. */
export function addToOrder(rows: TimetableRow[], proposalId: string): TimetableRow[] {
  const row = rows.find((r) => r.proposalId === proposalId);
  if (!row || row.inOrder) return rows;
  const others = rows.filter((r) => r !== row);
  const count = orderedCount(others);
  return [...others.slice(0, count), { ...row, inOrder: true }, ...others.slice(count)];
}

/** The rows with a candidate taken out of the pitch order: first of those without a place. */
export function removeFromOrder(rows: TimetableRow[], proposalId: string): TimetableRow[] {
  const row = rows.find((r) => r.proposalId === proposalId);
  if (!row || !row.inOrder) return rows;
  const others = rows.filter((r) => r !== row);
  const count = orderedCount(others);
  return [...others.slice(0, count), { ...row, inOrder: false }, ...others.slice(count)];
}

/** What the API would refuse: a deadline that is not a date and time, a room over 100 characters. */
export function timetableErrors(form: TimetableForm, timeZone: string): TimetableErrors {
  const errors: TimetableErrors = { rooms: new Set() };
  if (form.deadline.trim() !== '' && !zonedLocalToIso(form.deadline, timeZone)) errors.deadline = true;
  for (const row of form.rows) {
    if ([...row.room.trim()].length > MAX_ROOM) errors.rooms.add(row.proposalId);
  }
  return errors;
}

export function hasErrors(errors: TimetableErrors): boolean {
  return !!errors.deadline || errors.rooms.size > 0;
}

/** The whole timetable as setRoundSchedule takes it (it replaces the saved one), checked against `expectedVersion`. */
export function toScheduleInput(roundId: string, form: TimetableForm, timeZone: string, expectedVersion: number): SetRoundScheduleInput {
  let place = 0;
  const slots = form.rows
    .map((row) => ({ proposalId: row.proposalId, pitchOrder: row.inOrder ? ++place : null, room: row.room.trim() || null }))
    .filter((slot) => slot.pitchOrder !== null || slot.room !== null);
  return {
    roundId,
    closesAt: form.deadline.trim() ? (zonedLocalToIso(form.deadline, timeZone) ?? null) : null,
    slots,
    expectedVersion,
  };
}
