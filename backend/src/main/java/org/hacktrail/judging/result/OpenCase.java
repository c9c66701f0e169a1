package org.hacktrail.judging.result;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One thing the ranking reports that a person should look at before the results are
 * published: the organizers see them all before publishing ({@code publicationPreview}),
 * and publishing with any not resolved needs their explicit confirmation.
 *
 * @param kind what it is
 * @param proposalIds the proposals concerned (empty for a case about a judge)
 * @param judgeId the judge record concerned, for a case about a judge
 * @param message what it is and what it means, in words
 * @param resolved whether the selection already answers it with a written reason (a tie
 * at the cut resolved, or an override)
 */
public record OpenCase(Kind kind, List<String> proposalIds, @Nullable String judgeId, String message,
		boolean resolved) {

	public OpenCase {
		proposalIds = List.copyOf(proposalIds);
	}

	/**
	 * The kinds of open case. A new indicator of the ranking becomes one more constant
	 * here and one more method in {@link OpenCases}; the API, the refusal and the panel
	 * list cases of any kind the same way.
	 */
	public enum Kind {

		/**
		 * Proposals share a rank across the cut: which of them are selected is a
		 * decision.
		 */
		TIE_AT_CUT,

		/** A proposal's rank interval contains ranks on both sides of the cut. */
		STRADDLES_CUT,

		/**
		 * The public and private sectors disagree on a proposal (divergence above 1;
		 * hacktrail-pairwise-2: above 2).
		 */
		DIVERGENT_SECTORS,

		/** A sector with a weight above 0 has no sheet on a proposal. */
		MISSING_SECTORS,

		/**
		 * A judge gave every sheet the same total: their sheets carry no ranking
		 * information.
		 */
		NO_SPREAD,

		/** A proposal of the round has no final score. */
		UNRANKED,

		/**
		 * A proposal has fewer sheets than the round's k, or a sector below its minimum
		 * (method 2): it is ranked but not proposed for the top N.
		 */
		INSUFFICIENT_EVIDENCE,

		/**
		 * The round has too few proposals scored twice by one sector to measure how much
		 * judges differ (method 2): every rank interval and P(top N) is unknown.
		 */
		UNKNOWN_UNCERTAINTY

	}

}
