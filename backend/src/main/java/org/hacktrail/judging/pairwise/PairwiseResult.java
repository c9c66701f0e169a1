package org.hacktrail.judging.pairwise;

import java.util.List;

/**
 * A pairwise ranking with its uncertainty.
 *
 * @param algorithmVersion {@value PairwiseRanking#ALGORITHM_VERSION}
 * @param ranking every candidate, by rank, then candidate id
 * @param judges every judge with a comparison, in id order
 * @param comparisonsCounted comparisons applied (retried answers counted once)
 * @param judgeUpdatesKept comparisons after which the judge's (α, β) were kept because
 * the moment matching gave no valid Beta (0 in ordinary rounds)
 */
public record PairwiseResult(String algorithmVersion, List<RankedCandidate> ranking, List<JudgeReliability> judges,
		int comparisonsCounted, int judgeUpdatesKept) {

	public PairwiseResult {
		ranking = List.copyOf(ranking);
		judges = List.copyOf(judges);
	}

}
