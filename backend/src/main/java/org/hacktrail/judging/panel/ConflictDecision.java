package org.hacktrail.judging.panel;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded decision about a conflict of interest. Decisions are only ever appended,
 * in the same write as the change they record.
 *
 * @param by the user who made it; null for a conflict Hacktrail found by itself
 * @param actor in which capacity
 * @param reason the declared or added reason (null when clearing)
 * @param comment the person's words; for FOUND, which affiliation matched what
 */
public record ConflictDecision(Instant at, @Nullable String by, Actor actor, Action action,
		@Nullable ConflictReason reason, @Nullable String comment) {

	/** In which capacity a decision was made. */
	public enum Actor {

		JUDGE, ORGANIZER, SYSTEM

	}

	/** What was decided. */
	public enum Action {

		/**
		 * The judge declared the conflict (or declared it again after it was cleared).
		 */
		DECLARED,

		/** Hacktrail found an affiliation match. */
		FOUND,

		/** An organizer added the conflict (or reinstated a cleared one). */
		ADDED,

		/** An organizer cleared it. */
		CLEARED

	}

}
