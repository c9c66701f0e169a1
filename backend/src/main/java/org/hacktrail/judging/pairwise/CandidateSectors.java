package org.hacktrail.judging.pairwise;

import java.util.List;

import org.hacktrail.judging.Sector;
import org.jspecify.annotations.Nullable;

/**
 * What the sectors say about one candidate in {@value SectorRanking#ALGORITHM_VERSION},
 * beyond its combined line.
 *
 * @param candidateId the candidate
 * @param divergence |μ_PUBLIC − μ_PRIVATE| / √(σ²_PUBLIC + σ²_PRIVATE), or null unless
 * both sectors compared the candidate at least once
 * @param divergent divergence strictly above {@link SectorRanking#DIVERGENCE_THRESHOLD}
 * @param missingSectors sectors with a weight above 0 and no comparison of the candidate,
 * in sector order: there the candidate counts with the prior, and it has insufficient
 * evidence
 */
public record CandidateSectors(String candidateId, @Nullable Double divergence, boolean divergent,
		List<Sector> missingSectors) {

	public CandidateSectors {
		missingSectors = List.copyOf(missingSectors);
	}

}
