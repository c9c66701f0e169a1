package org.hacktrail.judging.panel;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What becomes of a dropped judge's work in each round that is not published. Implemented
 * by the sheets ({@code judging.sheet}), which see both the plans and the sheets; the
 * panel asks through this interface, since those packages depend on it.
 *
 * <p>
 * A submitted sheet is kept (it counts, and its proposal keeps the judge in the plan)
 * unless the organizer voids it with a reason. Every other proposal of the judge — no
 * sheet, a draft, or a sheet just voided — goes to other judges while the round is DRAFT
 * or OPEN; a CLOSED round's plan no longer changes.
 */
public interface DroppedJudgeWork {

	/** Settles the judge's work in every round of the hackathon that is not published. */
	List<RoundOutcome> settle(JudgeDropped drop);

	/**
	 * What happened in one round where the judge had work.
	 *
	 * @param roundId the round
	 * @param kept proposals whose submitted sheet is kept and counts
	 * @param voided proposals whose submitted sheet was voided now
	 * @param reassigned proposals given to other judges
	 * @param notReassigned proposals of the judge without a counting sheet that stay
	 * unscored by them because the round is CLOSED (its plan no longer changes)
	 */
	record RoundOutcome(String roundId, List<String> kept, List<String> voided, List<Reassigned> reassigned,
			List<String> notReassigned) {

		public RoundOutcome {
			kept = List.copyOf(kept);
			voided = List.copyOf(voided);
			reassigned = List.copyOf(reassigned);
			notReassigned = List.copyOf(notReassigned);
		}

	}

	/**
	 * One proposal moved to other judges.
	 *
	 * @param proposalId the proposal
	 * @param toJudgeUserIds the judges (user ids) it went to; empty when nobody could
	 * take it (the plan's problems say why)
	 * @param droppedSheet the dropped judge's sheet on it: null for none, DRAFT or VOIDED
	 */
	record Reassigned(String proposalId, List<String> toJudgeUserIds, @Nullable String droppedSheet) {

		public Reassigned {
			toJudgeUserIds = List.copyOf(toJudgeUserIds);
		}

	}

}
