package org.hacktrail.judging.pairwise;

/**
 * One line of the pairwise ranking.
 *
 * @param candidateId the candidate
 * @param rank competition rank by μ: 1 + the number of candidates with a strictly higher
 * tie key floor(μ · 10⁹ + 0.5)
 * @param score μ, the Bradley–Terry log-strength
 * @param variance σ², its variance
 * @param comparisons the comparisons the candidate took part in
 * @param sufficientEvidence at least {@link PairwiseInput#minimumComparisons()}
 * comparisons; a candidate without sufficient evidence keeps its rank but is never in the
 * proposed top N
 * @param tied another candidate shares this rank
 * @param inTopN sufficient evidence and rank ≤ N among the candidates with sufficient
 * evidence
 * @param rankLow low end of the reported 90 % rank interval, min(rankP5, rank)
 * @param rankHigh high end, max(rankP95, rank)
 * @param rankP5 5th percentile (nearest rank) of the bootstrap ranks
 * @param rankP95 95th percentile (nearest rank) of the bootstrap ranks
 * @param probabilityTopN (replicates with rank ≤ N, plus 1) / (B + 2): strictly between 0
 * and 1, since a finite simulation never proves certainty
 * @param straddlesCut rankLow ≤ N &lt; rankHigh
 */
public record RankedCandidate(String candidateId, int rank, double score, double variance, int comparisons,
		boolean sufficientEvidence, boolean tied, boolean inTopN, int rankLow, int rankHigh, int rankP5, int rankP95,
		double probabilityTopN, boolean straddlesCut) {
}
