package org.hacktrail.judging.ranking;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.hacktrail.judging.Sector;

/**
 * One line of the ranking.
 *
 * @param proposalId the proposal
 * @param rank competition rank by F: 1 + the number of proposals with a strictly higher F
 * (after rounding to {@link RubricRanking#TIE_PRECISION}); tied proposals share a rank
 * @param finalScore F = Σ W_g · mean_g / Σ W_g over the groups present
 * @param sectorScores the sectors present on this proposal, in sector order
 * @param voteTotal the proposal's public-vote total (0 when it received none), or null
 * without a public vote
 * @param voteScore the vote total mapped onto the rubric scale (see {@link PublicVote}),
 * or null
 * @param missingSectors sectors with a weight above 0 that have no sheet on this proposal
 * @param divergence |mean_PUBLIC − mean_PRIVATE| / σ_n, or null unless both sectors are
 * present
 * @param divergent divergence above {@link RubricRanking#DIVERGENCE_THRESHOLD}
 * @param tied whether another proposal shares this rank
 * @param inTopN in the proposed top N. Method 1: rank ≤ N (with a tie across the cut,
 * more than N proposals can be in the top N). Method 2: sufficient evidence and rank ≤ N
 * among the proposals with sufficient evidence
 * @param rankLow low end of the reported 90 % rank interval, min(bootstrapRankP5, rank);
 * null when the uncertainty is unknown ({@link Uncertainty#known()})
 * @param rankHigh high end of the reported 90 % rank interval, max(bootstrapRankP95,
 * rank); null when unknown
 * @param bootstrapRankP5 5th percentile (nearest rank) of the bootstrap ranks; null when
 * unknown
 * @param bootstrapRankP95 95th percentile (nearest rank) of the bootstrap ranks; null
 * when unknown
 * @param probabilityTopN share of bootstrap replicates in which the proposal's rank is ≤
 * N; null when unknown (never reported as 0 or 1 without evidence of spread)
 * @param straddlesCut rankLow ≤ N &lt; rankHigh: the data cannot say on which side of the
 * cut it belongs; null when unknown
 * @param evidence the proposal's evidence coverage (method 2; null for method 1)
 */
public record RankedProposal(String proposalId, int rank, double finalScore, List<SectorScore> sectorScores,
		@Nullable Double voteTotal, @Nullable Double voteScore, List<Sector> missingSectors,
		@Nullable Double divergence, boolean divergent, boolean tied, boolean inTopN, @Nullable Integer rankLow,
		@Nullable Integer rankHigh, @Nullable Integer bootstrapRankP5, @Nullable Integer bootstrapRankP95,
		@Nullable Double probabilityTopN, @Nullable Boolean straddlesCut, @Nullable EvidenceCoverage evidence) {

	public RankedProposal {
		sectorScores = List.copyOf(sectorScores);
		missingSectors = List.copyOf(missingSectors);
	}

}
