package org.hacktrail.judging.ranking;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.hacktrail.judging.Sector;

/**
 * Round-level figures of a ranking, and the parameters it used.
 *
 * @param proposalCount proposals in the round
 * @param rankedCount proposals with a final score
 * @param sheetCount submitted sheets
 * @param judgeCount judges with at least one sheet
 * @param mean μ, mean of all sheet totals r
 * @param standardDeviation σ, population standard deviation of all sheet totals r
 * @param normalisedStandardDeviation σ_n, population standard deviation of all normalised
 * totals n (the σ of the divergence)
 * @param normalised whether judge normalisation was on
 * @param sectorWeights W_g for every sector
 * @param voteWeight the public vote's weight, or null without a public vote
 * @param outstandingQuota N
 * @param bootstrapReplicates B
 * @param seed the bootstrap seed
 */
public record RoundSummary(int proposalCount, int rankedCount, int sheetCount, int judgeCount, double mean,
		double standardDeviation, double normalisedStandardDeviation, boolean normalised,
		Map<Sector, Double> sectorWeights, @Nullable Double voteWeight, int outstandingQuota, int bootstrapReplicates,
		long seed) {
}
