package org.hacktrail.judging.pairwise;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.judging.SplitMix64;
import org.hacktrail.judging.pairwise.NextChoice.Reason;
import org.jspecify.annotations.Nullable;

/**
 * The next table for a judge, as Gavel chooses it ({@code gavel/controllers/judge.py},
 * {@code choose_next}) with the rules an expo hall needs. In order:
 * <ol>
 * <li><b>Eligible</b>: candidates (in id order) the judge has not seen or skipped, is not
 * at, has no conflict with, and that fewer than {@code maxJudgesPerTable} other judges
 * are visiting. None: {@link Reason#NONE}.</li>
 * <li><b>Pool</b>: the eligible candidates with fewer than the minimum comparisons
 * (Gavel's {@code MIN_VIEWS}: evidence first where it is missing), or all eligible ones
 * when there are none.</li>
 * <li><b>Random numbers</b>: one {@link SplitMix64} stream per choice, seeded with
 * mix64(mix64(seed XOR fnv1a64(judge id)) + number of candidates the judge has seen); its
 * first output gives u = (x &gt;&gt;&gt; 11) · 2⁻⁵³.</li>
 * <li>No current candidate (first visit): a uniform pick from the pool
 * ({@link Reason#FIRST_VISIT}); u &lt; ε: a uniform pick from the pool
 * ({@link Reason#EXPLORATION}); a uniform pick is the pool's element
 * {@code nextInt(pool size)} of the same stream.</li>
 * <li>Otherwise the expected information gain g of comparing the current candidate with
 * each in the pool ({@link CrowdBt#expectedInformationGain}, the judge's α, β); the close
 * ones have g ≥ best − tolerance · best; among them the nearest to the current
 * candidate's table, then the higher g, then the smaller id.</li>
 * </ol>
 * The choice depends only on the estimate (so on the history) and the request: replaying
 * a round replays every choice.
 */
public final class NextProject {

	private static final double UNIT = 0x1.0p-53;

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private NextProject() {
	}

	public static NextChoice choose(PairwiseEstimate estimate, NextProjectRequest request) {
		String judge = request.judgeId();
		String current = request.currentCandidateId();
		@Nullable CandidateEstimate here = (current != null) ? estimate.candidate(current) : null;
		Set<String> conflicted = request.conflicts().getOrDefault(judge, Set.of());
		Map<String, Integer> visitors = new HashMap<>();
		request.visiting().forEach((otherJudge, candidate) -> {
			if (!otherJudge.equals(judge)) {
				visitors.merge(candidate, 1, Integer::sum);
			}
		});
		List<CandidateEstimate> eligible = new ArrayList<>();
		for (CandidateEstimate candidate : estimate.candidates()) {
			String id = candidate.candidateId();
			if (!id.equals(current) && !request.seenCandidateIds().contains(id) && !conflicted.contains(id)
					&& visitors.getOrDefault(id, 0) < request.maxJudgesPerTable()) {
				eligible.add(candidate);
			}
		}
		if (eligible.isEmpty()) {
			return new NextChoice(null, Reason.NONE, null, 0);
		}
		List<CandidateEstimate> pool = new ArrayList<>();
		for (CandidateEstimate candidate : eligible) {
			if (candidate.comparisons() < estimate.minimumComparisons()) {
				pool.add(candidate);
			}
		}
		if (pool.isEmpty()) {
			pool = eligible;
		}
		SplitMix64 random = new SplitMix64(choiceSeed(request.seed(), judge, request.seenCandidateIds().size()));
		double u = (random.nextLong() >>> 11) * UNIT;
		if (here == null) {
			return new NextChoice(pool.get(random.nextInt(pool.size())).candidateId(), Reason.FIRST_VISIT, null,
					eligible.size());
		}
		if (u < request.exploration()) {
			return new NextChoice(pool.get(random.nextInt(pool.size())).candidateId(), Reason.EXPLORATION, null,
					eligible.size());
		}
		JudgeReliability reliability = estimate.judge(judge);
		PairwisePriors priors = estimate.priors();
		double[] gains = new double[pool.size()];
		double best = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < gains.length; i++) {
			CandidateEstimate other = pool.get(i);
			gains[i] = CrowdBt.expectedInformationGain(reliability.alpha(), reliability.beta(), here.mu(),
					here.sigmaSquared(), other.mu(), other.sigmaSquared(), priors.kappa(), priors.gamma());
			best = Math.max(best, gains[i]);
		}
		double threshold = best - request.gainTolerance() * best;
		@Nullable Location from = request.locations().get(current);
		int chosen = -1;
		double chosenDistance = 0;
		for (int i = 0; i < gains.length; i++) {
			if (gains[i] < threshold) {
				continue;
			}
			double distance = distance(from, request.locations().get(pool.get(i).candidateId()));
			// Pool order is id order, so a later candidate wins only when strictly nearer
			// or, as near, strictly more informative.
			if (chosen < 0 || distance < chosenDistance || (distance == chosenDistance && gains[i] > gains[chosen])) {
				chosen = i;
				chosenDistance = distance;
			}
		}
		return new NextChoice(pool.get(chosen).candidateId(),
				(gains[chosen] >= best) ? Reason.BEST_GAIN : Reason.NEARBY, gains[chosen], eligible.size());
	}

	/** mix64(mix64(seed XOR fnv1a64(judgeId)) + visits). */
	static long choiceSeed(long seed, String judgeId, int visits) {
		return SplitMix64.mix64(SplitMix64.mix64(seed ^ fnv1a64(judgeId)) + visits);
	}

	/** FNV-1a, 64 bits, over the id's UTF-8 bytes. */
	static long fnv1a64(String text) {
		long hash = FNV_OFFSET;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xFF);
			hash *= FNV_PRIME;
		}
		return hash;
	}

	private static double distance(@Nullable Location from, @Nullable Location to) {
		return (from == null || to == null) ? Double.POSITIVE_INFINITY : from.squaredDistance(to);
	}

}
