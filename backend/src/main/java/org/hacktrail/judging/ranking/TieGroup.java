package org.hacktrail.judging.ranking;

import java.util.List;

/**
 * Proposals whose final scores are equal at {@link RubricRanking#TIE_PRECISION}. They
 * share a rank and are never silently broken; the organizer resolves a tie that matters
 * with a recorded reason.
 *
 * @param rank the shared rank
 * @param proposalIds the tied proposals, by id
 * @param acrossCut the cut N falls inside the group (rank ≤ N &lt; rank + size − 1):
 * selecting exactly N outstanding proposals needs a decision
 */
public record TieGroup(int rank, List<String> proposalIds, boolean acrossCut) {

	public TieGroup {
		proposalIds = List.copyOf(proposalIds);
	}

}
