package org.hacktrail.judging.pairwise;

import java.util.List;

/**
 * A {@value SectorRanking#ALGORITHM_VERSION} ranking.
 *
 * @param combined the combined ranking in the shape of every pairwise ranking: each
 * line's score and variance are the weighted combination of the sectors', its comparisons
 * those in sectors with a weight above 0; its judges are every sector's judges, sector by
 * sector (a judge whose sector changed during the round appears once per sector)
 * @param sectors every sector's pass, in sector order (all four, weighted or not)
 * @param candidates every candidate's divergence and missing sectors, in id order
 */
public record SectorPairwiseResult(PairwiseResult combined, List<SectorPass> sectors,
		List<CandidateSectors> candidates) {

	public SectorPairwiseResult {
		sectors = List.copyOf(sectors);
		candidates = List.copyOf(candidates);
	}

}
