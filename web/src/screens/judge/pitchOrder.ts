// The order a judge meets their proposals in: the round's pitch order where the organizers' timetable sets one, then
// the proposals without a place in the order of the judge's list. The list and "Next proposal" (ScoreSheetPage's
// nextToScore, given the proposals in this order) both follow it.

type Slot = { proposalId: string; pitchOrder?: number | null };

/**
 * The proposals in pitch order (by `pitchOrder`, from 1), then those without a place as they came. `slots` may be
 * left out (no timetable): the proposals then keep their order.
 */
export function inPitchOrder<P extends { proposalId: string }>(proposals: readonly P[], slots: readonly Slot[] | null | undefined): P[] {
  const place = new Map<string, number>();
  for (const slot of slots ?? []) {
    if (slot.pitchOrder != null) place.set(slot.proposalId, slot.pitchOrder);
  }
  const placed = proposals.filter((p) => place.has(p.proposalId)).sort((a, b) => place.get(a.proposalId)! - place.get(b.proposalId)!);
  return [...placed, ...proposals.filter((p) => !place.has(p.proposalId))];
}
