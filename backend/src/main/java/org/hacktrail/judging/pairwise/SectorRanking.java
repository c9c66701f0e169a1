package org.hacktrail.judging.pairwise;

import java.util.ArrayList;
import java.util.List;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.SplitMix64;
import org.jspecify.annotations.Nullable;

/**
 * The expo ranking with sectors, method {@value #ALGORITHM_VERSION}
 * ({@code docs/judging-method-pairwise.md}, "P7. Sectors"): the Crowd-BT pass of
 * {@code hacktrail-pairwise-1} run separately on each sector's comparisons (the sector of
 * the judge when the comparison was made), then per candidate, over the sectors with W_s
 * &gt; 0 in {@link Sector} order:
 * <ul>
 * <li>score = (Σ W_s · μ_s) / (Σ W_s), variance = (Σ (W_s · W_s) · σ_s²) / ((Σ W_s) · (Σ
 * W_s)), each sum accumulated from 0 in sector order;</li>
 * <li>a weighted sector that never compared the candidate contributes its prior N(μ₀,
 * σ₀²) (the pass leaves it there), is listed as missing, and the candidate has
 * insufficient evidence: it is never more certain than the evidence;</li>
 * <li>sufficient evidence: at least one comparison in every weighted sector and at least
 * m in the weighted sectors together;</li>
 * <li>divergence |μ_PUBLIC − μ_PRIVATE| / √(σ²_PUBLIC + σ²_PRIVATE) when both sectors
 * compared the candidate, flagged strictly above {@value #DIVERGENCE_THRESHOLD};</li>
 * <li>ranks, ties, top N, rank intervals and P(top N) as P3–P4, the bootstrap drawing
 * every weighted sector's score of every candidate from its N(μ_s, σ_s²) and combining
 * the draws as the scores are combined.</li>
 * </ul>
 */
public final class SectorRanking {

	public static final String ALGORITHM_VERSION = "hacktrail-pairwise-2";

	/** Divergence strictly above this is flagged. */
	public static final double DIVERGENCE_THRESHOLD = 2.0;

	private SectorRanking() {
	}

	/** Every sector's pass, in sector order. */
	public static List<SectorPass> passes(SectorPairwiseInput input) {
		List<SectorPass> passes = new ArrayList<>();
		for (Sector sector : Sector.values()) {
			PairwiseEstimate estimate = PairwiseRanking.estimate(input.of(sector));
			passes.add(new SectorPass(sector, input.weight(sector), estimate.candidates(), estimate.judges(),
					estimate.comparisonsCounted(), estimate.judgeUpdatesKept()));
		}
		return passes;
	}

	/** The whole method. Same input → equal result. */
	public static SectorPairwiseResult rank(SectorPairwiseInput input) {
		PairwiseInput pairwise = input.pairwise();
		List<SectorPass> passes = passes(input);
		List<SectorPass> weighted = passes.stream().filter((p) -> p.weight() > 0).toList();
		List<String> ids = pairwise.candidateIds();
		int size = ids.size();
		double denominator = 0;
		for (SectorPass pass : weighted) {
			denominator += pass.weight();
		}
		String[] names = ids.toArray(new String[0]);
		double[] scores = new double[size];
		double[] variances = new double[size];
		int[] comparisons = new int[size];
		boolean[] sufficient = new boolean[size];
		List<CandidateSectors> candidates = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			double numerator = 0;
			double variance = 0;
			int count = 0;
			List<Sector> missing = new ArrayList<>();
			for (SectorPass pass : weighted) {
				CandidateEstimate estimate = pass.candidates().get(i);
				double w = pass.weight();
				numerator += w * estimate.mu();
				variance += (w * w) * estimate.sigmaSquared();
				count += estimate.comparisons();
				if (estimate.comparisons() == 0) {
					missing.add(pass.sector());
				}
			}
			scores[i] = numerator / denominator;
			variances[i] = variance / (denominator * denominator);
			comparisons[i] = count;
			sufficient[i] = missing.isEmpty() && count >= pairwise.minimumComparisons();
			Double divergence = divergence(passes.get(Sector.PUBLIC.ordinal()).candidates().get(i),
					passes.get(Sector.PRIVATE.ordinal()).candidates().get(i));
			candidates.add(new CandidateSectors(names[i], divergence,
					divergence != null && divergence > DIVERGENCE_THRESHOLD, missing));
		}
		int[][] draws = bootstrap(weighted, denominator, size, pairwise.bootstrapReplicates(), pairwise.seed());
		List<RankedCandidate> lines = PairwiseRanking.lines(names, scores, variances, comparisons, sufficient, draws,
				pairwise.outstandingQuota(), pairwise.bootstrapReplicates());
		List<JudgeReliability> judges = new ArrayList<>();
		int counted = 0;
		int kept = 0;
		for (SectorPass pass : passes) {
			judges.addAll(pass.judges());
			counted += pass.comparisonsCounted();
			kept += pass.judgeUpdatesKept();
		}
		PairwiseResult combined = new PairwiseResult(ALGORITHM_VERSION, lines, judges, counted, kept);
		return new SectorPairwiseResult(combined, passes, candidates);
	}

	/**
	 * |μ_PUBLIC − μ_PRIVATE| / √(σ²_PUBLIC + σ²_PRIVATE), null unless both sectors
	 * compared the candidate.
	 */
	static @Nullable Double divergence(CandidateEstimate publicSector, CandidateEstimate privateSector) {
		if (publicSector.comparisons() == 0 || privateSector.comparisons() == 0) {
			return null;
		}
		return Math.abs(publicSector.mu() - privateSector.mu())
				/ StrictMath.sqrt(publicSector.sigmaSquared() + privateSector.sigmaSquared());
	}

	/**
	 * The replicate ranks, [candidate][replicate]: one SplitMix64 stream seeded with the
	 * round's seed; per replicate, per candidate in id order, per weighted sector in
	 * sector order, one standard normal draw z (P4's Box–Muller) and the term W_s · (μ_s
	 * + √σ_s² · z) added to the candidate's numerator; the draw is numerator / Σ W_s.
	 */
	private static int[][] bootstrap(List<SectorPass> weighted, double denominator, int size, int replicates,
			long seed) {
		SplitMix64 random = new SplitMix64(seed);
		int sectors = weighted.size();
		double[][] mu = new double[sectors][size];
		double[][] sigma = new double[sectors][size];
		double[] weight = new double[sectors];
		for (int s = 0; s < sectors; s++) {
			SectorPass pass = weighted.get(s);
			weight[s] = pass.weight();
			for (int i = 0; i < size; i++) {
				CandidateEstimate estimate = pass.candidates().get(i);
				mu[s][i] = estimate.mu();
				sigma[s][i] = StrictMath.sqrt(estimate.sigmaSquared());
			}
		}
		int[][] draws = new int[size][replicates];
		long[] keys = new long[size];
		for (int b = 0; b < replicates; b++) {
			for (int i = 0; i < size; i++) {
				double numerator = 0;
				for (int s = 0; s < sectors; s++) {
					numerator += weight[s] * (mu[s][i] + sigma[s][i] * PairwiseRanking.standardNormal(random));
				}
				keys[i] = PairwiseRanking.tieKey(numerator / denominator);
			}
			int[] rank = PairwiseRanking.ranks(keys);
			for (int i = 0; i < size; i++) {
				draws[i][b] = rank[i];
			}
		}
		return draws;
	}

}
