package org.hacktrail.judging.pairwise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hacktrail.judging.SplitMix64;

/**
 * The expo ranking, method {@value #ALGORITHM_VERSION}: Bradley–Terry scores with judge
 * reliability, estimated online by Crowd-BT (Chen et al. 2013) exactly as Gavel does,
 * then a seeded parametric bootstrap from each candidate's normal approximation N(μ, σ²)
 * for rank intervals and P(top N). The full method, with the order of every operation, is
 * in {@code docs/judging-method-pairwise.md}; in short:
 * <ol>
 * <li>every candidate starts at N(μ₀, σ₀²), every judge at Beta(α₀, β₀);</li>
 * <li>the comparisons are applied one by one in canonical order (sequence, then id), each
 * with {@link CrowdBt#update} on the values before it;</li>
 * <li>candidates are ranked by μ (ties at 10⁻⁹ share a rank);</li>
 * <li>B replicates draw every candidate's score from N(μ, σ²) (Box–Muller on a
 * {@link SplitMix64} stream seeded with the round's seed) and rank them; the 5th and 95th
 * percentiles of a candidate's ranks give its 90 % rank interval and (count of rank ≤ N,
 * plus 1) / (B + 2) its P(top N).</li>
 * </ol>
 * Cost: O(C) for the pass (C comparisons) and O(B · P log P) for the bootstrap (P
 * candidates); 500 candidates, 10,000 comparisons and B = 1,000 take well under a second.
 */
public final class PairwiseRanking {

	public static final String ALGORITHM_VERSION = "hacktrail-pairwise-1";

	/** Scores are compared as floor(μ × 10⁹ + 0.5): equal keys are a tie. */
	public static final double TIE_SCALE = 1e9;

	public static final int LOW_PERCENTILE = 5;

	public static final int HIGH_PERCENTILE = 95;

	/** 2^-53, the spacing of the uniform draws. */
	private static final double UNIT = 0x1.0p-53;

	private PairwiseRanking() {
	}

	/** Steps 1–2: the online pass over the comparisons. */
	public static PairwiseEstimate estimate(PairwiseInput input) {
		PairwisePriors priors = input.priors();
		List<String> candidates = input.candidateIds();
		int size = candidates.size();
		Map<String, Integer> index = new HashMap<>(size * 2);
		for (String candidate : candidates) {
			index.put(candidate, index.size());
		}
		double[] mu = new double[size];
		double[] sigmaSquared = new double[size];
		int[] counts = new int[size];
		Arrays.fill(mu, priors.mu());
		Arrays.fill(sigmaSquared, priors.sigmaSquared());
		// Judges in a sorted map: the output lists them in id order whatever the input.
		Map<String, double[]> judges = new TreeMap<>();
		int kept = 0;
		for (Comparison comparison : input.comparisons()) {
			int winner = index.get(comparison.winnerId());
			int loser = index.get(comparison.loserId());
			double[] judge = judges.computeIfAbsent(comparison.judgeId(),
					id -> new double[] { priors.alpha(), priors.beta(), 0 });
			CrowdBt.Step step = CrowdBt.update(judge[0], judge[1], mu[winner], sigmaSquared[winner], mu[loser],
					sigmaSquared[loser], priors.kappa());
			judge[0] = step.alpha();
			judge[1] = step.beta();
			judge[2] += 1;
			if (!step.judgeUpdated()) {
				kept++;
			}
			mu[winner] = step.muWinner();
			sigmaSquared[winner] = step.sigmaSquaredWinner();
			mu[loser] = step.muLoser();
			sigmaSquared[loser] = step.sigmaSquaredLoser();
			counts[winner]++;
			counts[loser]++;
		}
		List<CandidateEstimate> estimates = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			estimates.add(new CandidateEstimate(candidates.get(i), mu[i], sigmaSquared[i], counts[i]));
		}
		List<JudgeReliability> reliabilities = new ArrayList<>(judges.size());
		judges.forEach((id, judge) -> reliabilities.add(new JudgeReliability(id, judge[0], judge[1], (int) judge[2])));
		return new PairwiseEstimate(priors, input.minimumComparisons(), estimates, reliabilities,
				input.comparisons().size(), kept);
	}

	/** The whole method: the pass, ranks, the bootstrap. Same input → equal result. */
	public static PairwiseResult rank(PairwiseInput input) {
		PairwiseEstimate estimate = estimate(input);
		List<CandidateEstimate> candidates = estimate.candidates();
		int size = candidates.size();
		String[] ids = new String[size];
		double[] scores = new double[size];
		double[] variances = new double[size];
		int[] comparisons = new int[size];
		boolean[] sufficient = new boolean[size];
		for (int i = 0; i < size; i++) {
			CandidateEstimate candidate = candidates.get(i);
			ids[i] = candidate.candidateId();
			scores[i] = candidate.mu();
			variances[i] = candidate.sigmaSquared();
			comparisons[i] = candidate.comparisons();
			sufficient[i] = candidate.comparisons() >= input.minimumComparisons();
		}
		int[][] draws = bootstrap(candidates, input.bootstrapReplicates(), input.seed());
		List<RankedCandidate> lines = lines(ids, scores, variances, comparisons, sufficient, draws,
				input.outstandingQuota(), input.bootstrapReplicates());
		return new PairwiseResult(ALGORITHM_VERSION, lines, estimate.judges(), estimate.comparisonsCounted(),
				estimate.judgeUpdatesKept());
	}

	/**
	 * P3 and P4 from the scores and the replicate ranks: ranks, ties, top N, the rank
	 * intervals and P(top N), every array in candidate id order. Shared by
	 * {@value #ALGORITHM_VERSION} and {@link SectorRanking}; {@code draws} is sorted in
	 * place.
	 */
	static List<RankedCandidate> lines(String[] ids, double[] scores, double[] variances, int[] comparisons,
			boolean[] sufficient, int[][] draws, int quota, int replicates) {
		int size = ids.length;
		long[] keys = new long[size];
		for (int i = 0; i < size; i++) {
			keys[i] = tieKey(scores[i]);
		}
		int[] rank = ranks(keys);
		long[] sufficientKeys = new long[size];
		int sufficientCount = 0;
		for (int i = 0; i < size; i++) {
			if (sufficient[i]) {
				sufficientKeys[sufficientCount++] = keys[i];
			}
		}
		long[] sortedSufficient = Arrays.copyOf(sufficientKeys, sufficientCount);
		Arrays.sort(sortedSufficient);
		int[] rankCount = new int[size + 2];
		for (int r : rank) {
			rankCount[r]++;
		}
		int low = (int) Math.ceil(LOW_PERCENTILE * (double) replicates / 100);
		int high = (int) Math.ceil(HIGH_PERCENTILE * (double) replicates / 100);
		List<RankedCandidate> lines = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			int[] ranksOfI = draws[i];
			Arrays.sort(ranksOfI);
			int inside = 0;
			for (int r : ranksOfI) {
				if (r <= quota) {
					inside++;
				}
			}
			int p5 = ranksOfI[Math.max(low, 1) - 1];
			int p95 = ranksOfI[Math.max(high, 1) - 1];
			int rankLow = Math.min(p5, rank[i]);
			int rankHigh = Math.max(p95, rank[i]);
			boolean inTopN = sufficient[i] && 1 + countAbove(sortedSufficient, keys[i]) <= quota;
			lines.add(new RankedCandidate(ids[i], rank[i], scores[i], variances[i], comparisons[i], sufficient[i],
					rankCount[rank[i]] > 1, inTopN, rankLow, rankHigh, p5, p95, (inside + 1.0) / (replicates + 2.0),
					rankLow <= quota && quota < rankHigh));
		}
		lines.sort((a, b) -> (a.rank() != b.rank()) ? Integer.compare(a.rank(), b.rank())
				: a.candidateId().compareTo(b.candidateId()));
		return lines;
	}

	/** floor(μ × 10⁹ + 0.5), the value compared for ranks and ties. */
	static long tieKey(double score) {
		return (long) Math.floor(score * TIE_SCALE + 0.5);
	}

	/**
	 * A standard normal draw by Box–Muller from two outputs of the generator: u₁ = ((x₁
	 * >>> 11) + 1) · 2⁻⁵³ in (0, 1], u₂ = (x₂ >>> 11) · 2⁻⁵³ in [0, 1), z = √(−2 ln u₁) ·
	 * cos(2π u₂), with fdlibm's log and cos ({@link StrictMath}).
	 */
	static double standardNormal(SplitMix64 random) {
		double u1 = ((random.nextLong() >>> 11) + 1) * UNIT;
		double u2 = (random.nextLong() >>> 11) * UNIT;
		return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
	}

	/** The replicate ranks, [candidate][replicate]. */
	private static int[][] bootstrap(List<CandidateEstimate> candidates, int replicates, long seed) {
		int size = candidates.size();
		SplitMix64 random = new SplitMix64(seed);
		int[][] draws = new int[size][replicates];
		double[] sigma = new double[size];
		for (int i = 0; i < size; i++) {
			sigma[i] = StrictMath.sqrt(candidates.get(i).sigmaSquared());
		}
		long[] keys = new long[size];
		for (int b = 0; b < replicates; b++) {
			for (int i = 0; i < size; i++) {
				keys[i] = tieKey(candidates.get(i).mu() + sigma[i] * standardNormal(random));
			}
			int[] rank = ranks(keys);
			for (int i = 0; i < size; i++) {
				draws[i][b] = rank[i];
			}
		}
		return draws;
	}

	/** Competition ranks: 1 + the number of keys strictly greater. */
	static int[] ranks(long[] keys) {
		long[] sorted = keys.clone();
		Arrays.sort(sorted);
		int[] rank = new int[keys.length];
		for (int i = 0; i < keys.length; i++) {
			rank[i] = 1 + countAbove(sorted, keys[i]);
		}
		return rank;
	}

	/** The number of values in the ascending array strictly greater than key. */
	private static int countAbove(long[] ascending, long key) {
		int lo = 0;
		int hi = ascending.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (ascending[mid] <= key) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return ascending.length - lo;
	}

}
