package org.hacktrail.followup;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a milestone's history: who did what, when, with which verification state
 * as a result, and why.
 *
 * @param by the user who acted; null for an import or a job nobody triggered
 */
public record MilestoneEvent(Instant at, @Nullable String by, Action action, VerificationState verification,
		@Nullable String reason) {

	public enum Action {

		/** Reported by a team lead. */
		REPORTED,

		/** Recorded by an organizer. */
		RECORDED,

		/** Read from an import file. */
		IMPORTED,

		/** Observed by the activity check. */
		OBSERVED,

		/** Its content changed (evidence, amount, note...). */
		CHANGED,

		/** An organizer checked the evidence and accepted it. */
		VERIFIED,

		/** An organizer rejected it, with a reason. */
		REJECTED

	}

}
