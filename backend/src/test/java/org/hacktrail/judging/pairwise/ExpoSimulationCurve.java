package org.hacktrail.judging.pairwise;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hacktrail.judging.SplitMix64;

/**
 * The simulated expo of {@code scripts/bench expo}: how well the ranking recovers the
 * true order as comparisons accumulate, for three ways of choosing a judge's next table.
 *
 * <p>
 * Candidates have hidden qualities drawn from a standard normal distribution (seeded) and
 * stand at tables on a grid of ten columns. Judges take turns (as in
 * {@link ExpoSimulation}); eight in ten answer by the Bradley–Terry model of the true
 * qualities, one in ten at random, one in ten always the wrong way round. After every
 * answer the estimate is the method's online pass ({@link PairwiseRanking#estimate}) over
 * every answer so far, and the next table is chosen from it by:
 * <ul>
 * <li><b>Hacktrail</b>: {@link NextProject} with its defaults (two judges per table,
 * nearest of the tables within 10 % of the best expected information gain, ε =
 * 0.25);</li>
 * <li><b>Gavel's rule</b>: the same with Gavel's {@code choose_next}: no tables, no bound
 * on judges per table, the single best gain, ε = 0.25;</li>
 * <li><b>random tables</b>: ε = 1, a uniformly random table (candidates below the minimum
 * of comparisons first, as in both others).</li>
 * </ul>
 * At each checkpoint (comparisons per candidate, C / N) the Spearman correlation between
 * the order of the estimated scores μ and the true order is recorded. Gavel's own
 * deployment is the reference point: HackMIT 2015 ran 1,351 comparisons from 108 judges
 * on 195 projects, 6.9 per project (Athalye, "Implementing a Scalable Judging System",
 * 2015); Gavel published no accuracy figure, so its rule is simulated here beside ours.
 */
public final class ExpoSimulationCurve {

	/** The cut the second figure looks at: the true top ten, found in the estimate's. */
	static final int TOP = 10;

	/** Gavel's HackMIT 2015 budget: 1,351 comparisons on 195 projects. */
	static final double GAVEL_HACKMIT_2015 = 1351.0 / 195;

	enum Policy {

		HACKTRAIL("Hacktrail"), GAVEL("Gavel's rule"), RANDOM("random tables");

		final String label;

		Policy(String label) {
			this.label = label;
		}

	}

	enum Judge {

		RELIABLE, RANDOM, ADVERSARIAL

	}

	private ExpoSimulationCurve() {
	}

	/** Prints the two settings: 100 candidates over five seeds, then 500 over one. */
	public static void print(PrintStream out) {
		out.println("-- simulation (no store; Spearman ρ of the estimated order with the true order)");
		curve(out, 100, 20, new double[] { 1, 2, 3, 5, GAVEL_HACKMIT_2015, 10, 15 }, new long[] { 1, 2, 3, 4, 5 });
		curve(out, 500, 100, new double[] { 1, 2, 3, 5, GAVEL_HACKMIT_2015, 10, 15, 20 }, new long[] { 2026 });
	}

	static void curve(PrintStream out, int candidates, int judges, double[] perCandidate, long[] seeds) {
		long started = System.nanoTime();
		Map<Policy, double[][]> rho = new HashMap<>();
		Map<Policy, double[][]> top = new HashMap<>();
		for (Policy policy : Policy.values()) {
			double[][] bySeed = new double[seeds.length][];
			double[][] topBySeed = new double[seeds.length][];
			for (int s = 0; s < seeds.length; s++) {
				double[][] run = run(policy, candidates, judges, perCandidate, seeds[s]);
				bySeed[s] = run[0];
				topBySeed[s] = run[1];
			}
			rho.put(policy, bySeed);
			top.put(policy, topBySeed);
		}
		out.printf(Locale.ROOT,
				"%d candidates (quality N(0, 1)), %d judges (%d by the Bradley–Terry model, %d at random, %d always "
						+ "wrong), %d seed%s: ρ (mean, and min–max over seeds) · of the true top %d, how many the "
						+ "estimate's top %d holds (mean); %.1f s:%n",
				candidates, judges, judges - 2 * (judges / 10), judges / 10, judges / 10, seeds.length,
				(seeds.length == 1) ? "" : "s", TOP, TOP, (System.nanoTime() - started) / 1e9);
		StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-28s", "comparisons per candidate"));
		for (Policy policy : Policy.values()) {
			header.append(String.format(Locale.ROOT, " | %-30s", policy.label));
		}
		out.println(header);
		for (int c = 0; c < perCandidate.length; c++) {
			String label = String.format(Locale.ROOT, "%.1f (%,d)", perCandidate[c],
					Math.round(perCandidate[c] * candidates));
			if (perCandidate[c] == GAVEL_HACKMIT_2015) {
				label += " ← HackMIT 2015";
			}
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-28s", label));
			for (Policy policy : Policy.values()) {
				double[][] bySeed = rho.get(policy);
				double sum = 0;
				double min = Double.POSITIVE_INFINITY;
				double max = Double.NEGATIVE_INFINITY;
				for (double[] run : bySeed) {
					sum += run[c];
					min = Math.min(min, run[c]);
					max = Math.max(max, run[c]);
				}
				double found = 0;
				for (double[] run : top.get(policy)) {
					found += run[c];
				}
				String cell = ((bySeed.length == 1) ? String.format(Locale.ROOT, "%.3f", sum)
						: String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", sum / bySeed.length, min, max))
						+ String.format(Locale.ROOT, " · %.1f/%d", found / bySeed.length, TOP);
				line.append(String.format(Locale.ROOT, " | %-30s", cell));
			}
			out.println(line);
		}
	}

	/**
	 * One simulated expo; Spearman's ρ at each checkpoint (comparisons = round(c · N)).
	 */
	static double[][] run(Policy policy, int candidateCount, int judgeCount, double[] perCandidate, long seed) {
		SplitMix64 random = new SplitMix64(seed);
		List<String> candidates = new ArrayList<>();
		Map<String, Double> quality = new HashMap<>();
		Map<String, Location> tables = new HashMap<>();
		for (int i = 0; i < candidateCount; i++) {
			String id = String.format(Locale.ROOT, "P%03d", i + 1);
			candidates.add(id);
			quality.put(id, normal(random));
			tables.put(id, new Location((i % 10) * 3.0, (i / 10) * 4.0));
		}
		List<Judge> kinds = new ArrayList<>();
		List<String> judgeIds = new ArrayList<>();
		for (int j = 0; j < judgeCount; j++) {
			Judge kind = (j % 10 == 8) ? Judge.RANDOM : (j % 10 == 9) ? Judge.ADVERSARIAL : Judge.RELIABLE;
			kinds.add(kind);
			judgeIds.add(String.format(Locale.ROOT, "J%03d", j + 1));
		}
		Map<String, Location> locations = (policy == Policy.GAVEL) ? Map.of() : tables;
		Map<String, Set<String>> seen = new HashMap<>();
		judgeIds.forEach((id) -> seen.put(id, new HashSet<>()));
		Map<String, String> at = new HashMap<>();
		List<Comparison> comparisons = new ArrayList<>();
		SplitMix64 answers = new SplitMix64(seed ^ 0x5EED);
		double[] rho = new double[perCandidate.length];
		double[] top = new double[perCandidate.length];
		int checkpoint = 0;
		int stalled = 0;
		while (checkpoint < perCandidate.length && stalled < judgeCount) {
			stalled = 0;
			for (int j = 0; j < judgeCount && checkpoint < perCandidate.length; j++) {
				String judge = judgeIds.get(j);
				PairwiseEstimate estimate = PairwiseRanking
					.estimate(PairwiseInput.of(candidates, comparisons, 3, seed));
				String current = at.get(judge);
				NextProjectRequest request = NextProjectRequest.of(judge, current, seen.get(judge), at, Map.of(),
						locations, seed);
				request = switch (policy) {
					case HACKTRAIL -> request;
					case GAVEL -> request.tuned(judgeCount, 0.0, NextProjectRequest.DEFAULT_EXPLORATION);
					case RANDOM -> request.tuned(judgeCount, 0.0, 1.0);
				};
				NextChoice choice = NextProject.choose(estimate, request);
				if (choice.candidateId() == null) {
					stalled++;
					continue;
				}
				String next = choice.candidateId();
				if (current != null) {
					double p = 1 / (1 + Math.exp(quality.get(current) - quality.get(next)));
					double u = (answers.nextLong() >>> 11) * 0x1.0p-53;
					boolean nextWins = switch (kinds.get(j)) {
						case RELIABLE -> u < p;
						case RANDOM -> u < 0.5;
						case ADVERSARIAL -> quality.get(next) < quality.get(current);
					};
					comparisons.add(new Comparison("c" + comparisons.size(), judge, nextWins ? next : current,
							nextWins ? current : next, comparisons.size()));
					while (checkpoint < perCandidate.length
							&& comparisons.size() >= Math.round(perCandidate[checkpoint] * candidateCount)) {
						PairwiseEstimate now = PairwiseRanking
							.estimate(PairwiseInput.of(candidates, comparisons, 3, seed));
						top[checkpoint] = topFound(now, quality);
						rho[checkpoint++] = spearman(now, quality);
					}
				}
				seen.get(judge).add(next);
				at.put(judge, next);
			}
		}
		// Checkpoints no judge could reach (every table seen): the last estimate's ρ.
		while (checkpoint < perCandidate.length) {
			top[checkpoint] = Double.NaN;
			rho[checkpoint++] = Double.NaN;
		}
		return new double[][] { rho, top };
	}

	/** Of the true top {@link #TOP}, how many the estimate's top {@link #TOP} holds. */
	static double topFound(PairwiseEstimate estimate, Map<String, Double> quality) {
		List<String> estimated = estimate.candidates()
			.stream()
			.sorted(Comparator.comparingDouble(CandidateEstimate::mu)
				.reversed()
				.thenComparing(CandidateEstimate::candidateId))
			.limit(TOP)
			.map(CandidateEstimate::candidateId)
			.toList();
		return quality.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(TOP)
			.filter((entry) -> estimated.contains(entry.getKey()))
			.count();
	}

	/**
	 * Spearman's ρ between the order of the estimated μ (ties by id) and the true order.
	 */
	static double spearman(PairwiseEstimate estimate, Map<String, Double> quality) {
		List<CandidateEstimate> estimated = new ArrayList<>(estimate.candidates());
		estimated.sort(Comparator.comparingDouble(CandidateEstimate::mu)
			.reversed()
			.thenComparing(CandidateEstimate::candidateId));
		String[] truth = quality.keySet().toArray(String[]::new);
		Arrays.sort(truth, Comparator.comparingDouble((String id) -> quality.get(id)).reversed());
		Map<String, Integer> truePosition = new HashMap<>();
		for (int i = 0; i < truth.length; i++) {
			truePosition.put(truth[i], i);
		}
		int n = estimated.size();
		double sum = 0;
		for (int position = 0; position < n; position++) {
			double d = position - truePosition.get(estimated.get(position).candidateId());
			sum += d * d;
		}
		return 1 - 6 * sum / (n * ((double) n * n - 1));
	}

	/** A standard normal draw (Box–Muller) from the stream. */
	public static double normal(SplitMix64 random) {
		double u1 = ((random.nextLong() >>> 11) + 1) * 0x1.0p-53;
		double u2 = (random.nextLong() >>> 11) * 0x1.0p-53;
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

}
