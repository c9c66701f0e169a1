package org.hacktrail.judging.pairwise;

import java.util.List;

import org.hacktrail.judging.Sector;

/**
 * One sector's Crowd-BT pass in {@value SectorRanking#ALGORITHM_VERSION}: P2 of
 * {@code hacktrail-pairwise-1} on the comparisons made by judges of that sector only.
 *
 * @param sector the sector
 * @param weight W_s, the round's weight of the sector
 * @param candidates every candidate of the round, in id order, with its score in this
 * sector (the prior N(μ₀, σ₀²) and 0 comparisons when none of the sector's comparisons
 * names it)
 * @param judges the sector's judges, in id order
 * @param comparisonsCounted the sector's comparisons
 * @param judgeUpdatesKept of those, the ones after which the judge's (α, β) were kept
 */
public record SectorPass(Sector sector, double weight, List<CandidateEstimate> candidates,
		List<JudgeReliability> judges, int comparisonsCounted, int judgeUpdatesKept) {

	public SectorPass {
		candidates = List.copyOf(candidates);
		judges = List.copyOf(judges);
	}

}
