package org.hacktrail.judging.pairwise;

import org.jspecify.annotations.Nullable;

/**
 * Where a judge goes next.
 *
 * @param candidateId the candidate, or null when none is eligible (every candidate seen,
 * conflicted or at its bound of judges): the judge waits or is done
 * @param reason why this one
 * @param expectedGain its expected information gain; null for a first visit, an
 * exploration or no choice
 * @param eligible how many candidates were eligible
 */
public record NextChoice(@Nullable String candidateId, Reason reason, @Nullable Double expectedGain, int eligible) {

	public enum Reason {

		/** Nothing eligible. */
		NONE,

		/** No current candidate to compare with: a uniformly random eligible one. */
		FIRST_VISIT,

		/** Gavel's ε-greedy exploration: a uniformly random eligible one. */
		EXPLORATION,

		/**
		 * The highest expected information gain, which was also the nearest close one.
		 */
		BEST_GAIN,

		/** A nearer candidate whose gain is within the tolerance of the best. */
		NEARBY

	}

}
