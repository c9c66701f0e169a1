package org.hacktrail.judging.pairwise;

import static org.hacktrail.judging.InputChecks.nonBlank;
import static org.hacktrail.judging.InputChecks.present;
import static org.hacktrail.judging.InputChecks.require;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one pairwise ranking depends on. The constructor checks the input and puts
 * it in canonical order — candidates by id; comparisons by sequence, then comparison id;
 * a comparison id given more than once with the same content counted once (a retried
 * answer) — so two inputs that differ only in order, or in retried answers, are equal
 * records and give bit-identical results.
 *
 * @param candidateIds every candidate of the round
 * @param comparisons the judges' answers
 * @param priors the method's constants
 * @param outstandingQuota N, the cut for P(top N) and the proposed top N
 * @param minimumComparisons a candidate in fewer comparisons has insufficient evidence
 * @param bootstrapReplicates B, between 1 and {@value #MAX_BOOTSTRAP_REPLICATES}
 * @param seed the round's seed for the bootstrap (and the next-project choice)
 */
public record PairwiseInput(List<String> candidateIds, List<Comparison> comparisons, PairwisePriors priors,
		int outstandingQuota, int minimumComparisons, int bootstrapReplicates, long seed) {

	public static final int DEFAULT_MINIMUM_COMPARISONS = 3;

	public static final int DEFAULT_BOOTSTRAP_REPLICATES = 1000;

	public static final int MAX_BOOTSTRAP_REPLICATES = 10_000;

	/** Canonical order of comparisons: sequence ascending, then comparison id. */
	public static final Comparator<Comparison> CANONICAL_ORDER = Comparator.comparingLong(Comparison::sequence)
		.thenComparing(Comparison::comparisonId);

	public PairwiseInput {
		candidateIds = canonicalCandidates(present(candidateIds, "candidate ids"));
		comparisons = canonicalComparisons(present(comparisons, "comparisons"), candidateIds);
		present(priors, "priors");
		require(outstandingQuota >= 1, "outstanding quota N must be at least 1, got " + outstandingQuota);
		require(minimumComparisons >= 1, "minimum comparisons must be at least 1, got " + minimumComparisons);
		require(bootstrapReplicates >= 1 && bootstrapReplicates <= MAX_BOOTSTRAP_REPLICATES,
				"bootstrap replicates B must be between 1 and " + MAX_BOOTSTRAP_REPLICATES + ", got "
						+ bootstrapReplicates);
	}

	/** Gavel's priors, the default minimum and B. */
	public static PairwiseInput of(List<String> candidateIds, List<Comparison> comparisons, int outstandingQuota,
			long seed) {
		return new PairwiseInput(candidateIds, comparisons, PairwisePriors.gavel(), outstandingQuota,
				DEFAULT_MINIMUM_COMPARISONS, DEFAULT_BOOTSTRAP_REPLICATES, seed);
	}

	private static List<String> canonicalCandidates(List<String> candidateIds) {
		List<String> sorted = new ArrayList<>(candidateIds.size());
		Set<String> seen = new HashSet<>();
		for (String candidate : candidateIds) {
			nonBlank(candidate, "candidate id");
			require(seen.add(candidate), "duplicate candidate id '" + candidate + "'");
			sorted.add(candidate);
		}
		Collections.sort(sorted);
		return List.copyOf(sorted);
	}

	private static List<Comparison> canonicalComparisons(List<Comparison> comparisons, List<String> candidates) {
		Set<String> known = new HashSet<>(candidates);
		Map<String, Comparison> byId = new HashMap<>();
		List<Comparison> kept = new ArrayList<>(comparisons.size());
		for (Comparison comparison : comparisons) {
			present(comparison, "a comparison");
			require(known.contains(comparison.winnerId()), "comparison '" + comparison.comparisonId()
					+ "' names candidate '" + comparison.winnerId() + "', which is not among the round's candidates");
			require(known.contains(comparison.loserId()), "comparison '" + comparison.comparisonId()
					+ "' names candidate '" + comparison.loserId() + "', which is not among the round's candidates");
			Comparison earlier = byId.putIfAbsent(comparison.comparisonId(), comparison);
			if (earlier == null) {
				kept.add(comparison);
			}
			else {
				require(earlier.equals(comparison), "comparison id '" + comparison.comparisonId()
						+ "' is given twice with different content: " + earlier + " and " + comparison);
			}
		}
		kept.sort(CANONICAL_ORDER);
		return List.copyOf(kept);
	}

}
