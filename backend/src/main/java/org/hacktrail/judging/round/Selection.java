package org.hacktrail.judging.round;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The organizers' choice of the proposals a round selects (the shortlist of a REVIEW
 * round, the outstanding proposals of a FINAL round), published with the results.
 *
 * @param proposalIds the selected proposals, by id
 * @param kind whether it is the ranking's top N, a resolved tie or an override
 * @param justification the written justification of an override (required for any
 * difference from the top N)
 * @param tieResolution the organizer's reason for choosing among proposals tied across
 * the cut
 * @param topN the ranking's top N when the selection was made (more than N with a tie
 * across the cut)
 * @param inputFingerprint SHA-256 of the ranking input the selection was made on:
 * publishing recomputes it, and a different one (a sheet changed since) means the
 * selection must be made again
 */
public record Selection(List<String> proposalIds, Kind kind, @Nullable String justification,
		@Nullable String tieResolution, List<String> topN, String inputFingerprint, String by, Instant at) {

	public Selection {
		proposalIds = List.copyOf(proposalIds);
		topN = List.copyOf(topN);
	}

	public enum Kind {

		/** Exactly the ranking's top N. */
		TOP_N,

		/**
		 * The top N, with a tie across the cut resolved by the organizer (reason
		 * recorded).
		 */
		TIE_RESOLVED,

		/** Different from the top N; the justification is published. */
		OVERRIDE

	}

}
