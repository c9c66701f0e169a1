package org.hacktrail.judging.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.assignment.AssignmentPlan;
import org.hacktrail.judging.assignment.AssignmentRequest;
import org.hacktrail.judging.assignment.Conflict;
import org.hacktrail.judging.assignment.JudgeAssigner;
import org.hacktrail.judging.assignment.PanelJudge;
import org.hacktrail.judging.ranking.Criterion;
import org.hacktrail.judging.ranking.RankingInput;
import org.hacktrail.judging.ranking.RankingMethod;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.Rubric;
import org.hacktrail.judging.ranking.RubricRanking;
import org.hacktrail.judging.ranking.SubmittedSheet;

/**
 * Timings of the judging core at the sizes a presidential hackathon reaches, for
 * {@code scripts/bench} (not a unit test: timings on a shared machine are not
 * assertions). Prints the median, min and max of several runs after warm-up:
 * <ul>
 * <li>ranking: 1,000 proposals × 5 judges × 6 criteria, B = 1,000 (target &lt; 1 s on 2
 * cores) with method hacktrail-rubric-2 (what rounds are ranked with), timed both for
 * {@link RubricRanking#rank} alone and including building (validating) the
 * {@link RankingInput}, and method hacktrail-rubric-1 alone for comparison;</li>
 * <li>assignment: 1,500 proposals, 200 judges, k = 3, at least one PUBLIC and one PRIVATE
 * judge each, 1 % of pairs conflicted (target &lt; 2 s).</li>
 * </ul>
 * Run from {@code backend/} after {@code mvn -o -q test-compile}:
 * {@code java -cp target/classes:target/test-classes org.hacktrail.judging.bench.JudgingBenchmark [runs]}
 * (default 7 runs; nothing else is needed on the class path).
 */
public final class JudgingBenchmark {

	private JudgingBenchmark() {
	}

	public static void main(String[] args) {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 7;
		System.out.printf("judging benchmark: %d runs after 3 warm-ups, %d processors, Java %s%n", runs,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

		RankingData ranking = rankingData(1000, 5, 6, 150);
		RankingInput input = ranking.build();
		RankingResult result = RubricRanking.rank(input);
		System.out.printf("ranking (%s): %d proposals, %d sheets, %d judges, B = %d → %d ranked, %d tie groups%n",
				result.algorithmVersion(), input.proposalIds().size(), input.sheets().size(),
				result.round().judgeCount(), input.bootstrapReplicates(), result.round().rankedCount(),
				result.ties().size());
		report("ranking (rank only)", runs, () -> RubricRanking.rank(input));
		report("ranking (validate input + rank)", runs, () -> RubricRanking.rank(ranking.build()));
		RankingInput method1 = input.with(RankingMethod.RUBRIC_1, input.evidenceRule());
		report("ranking, method 1 (rank only)", runs, () -> RubricRanking.rank(method1));

		AssignmentRequest request = assignmentRequest(1500, 200, 0.01);
		AssignmentPlan plan = JudgeAssigner.assign(request);
		System.out.printf(
				"assignment: %d proposals, %d judges, %d conflicts → %d assignments, %d problems, "
						+ "load spread %d, balanced %s%n",
				request.proposalIds().size(), request.judges().size(), request.conflicts().size(),
				plan.assignments().size(), plan.problems().size(), plan.loadSpread(), plan.balanced());
		report("assignment", runs, () -> JudgeAssigner.assign(request));
	}

	/**
	 * Wall-clock and thread CPU time: on a shared machine the CPU time shows the work
	 * itself, the wall-clock time what a user would wait.
	 */
	private static void report(String name, int runs, Supplier<Object> work) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < 3; i++) {
			work.get();
		}
		long[] wall = new long[runs];
		long[] cpu = new long[runs];
		for (int i = 0; i < runs; i++) {
			long cpuStart = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			work.get();
			wall[i] = System.nanoTime() - start;
			cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
		}
		Arrays.sort(wall);
		Arrays.sort(cpu);
		System.out.printf("%-32s wall median %7.1f ms (min %7.1f, max %7.1f)   cpu median %7.1f ms%n", name,
				wall[runs / 2] / 1e6, wall[0] / 1e6, wall[runs - 1] / 1e6, cpu[runs / 2] / 1e6);
	}

	/** Sheets and rubric kept apart so a run can time building the input too. */
	private record RankingData(Rubric rubric, List<String> proposals, List<SubmittedSheet> sheets) {

		RankingInput build() {
			return RankingInput.builder(this.rubric, 20260101L)
				.proposals(this.proposals)
				.sheets(this.sheets)
				.outstandingQuota(5)
				.bootstrapReplicates(1000)
				.method(RankingMethod.RUBRIC_2)
				.build();
		}

	}

	/**
	 * Each proposal gets two PUBLIC, two PRIVATE and one ACADEMIC or CIVIL_SOCIETY judge
	 * from a pool of {@code judgeCount}; judges have a personal leniency so normalisation
	 * has work to do.
	 */
	private static RankingData rankingData(int proposalCount, int judgesPerProposal, int criterionCount,
			int judgeCount) {
		Random random = new Random(1);
		List<Criterion> criteria = new ArrayList<>();
		for (int c = 0; c < criterionCount; c++) {
			criteria.add(new Criterion("criterion" + c, 1 + c % 3, 1, 10));
		}
		Sector[] pattern = { Sector.PUBLIC, Sector.PUBLIC, Sector.PRIVATE, Sector.PRIVATE, Sector.ACADEMIC,
				Sector.CIVIL_SOCIETY };
		List<String> proposals = new ArrayList<>();
		List<SubmittedSheet> sheets = new ArrayList<>();
		double[] leniency = new double[judgeCount];
		for (int j = 0; j < judgeCount; j++) {
			leniency[j] = random.nextGaussian();
		}
		for (int p = 0; p < proposalCount; p++) {
			String proposal = String.format("P%04d", p);
			proposals.add(proposal);
			double quality = random.nextGaussian();
			boolean[] used = new boolean[judgeCount];
			for (int slot = 0; slot < judgesPerProposal; slot++) {
				// Judges of sector s are those with j % 6 mapping to s in the pattern.
				Sector wanted = (slot < 4) ? pattern[slot] : pattern[4 + random.nextInt(2)];
				int j;
				do {
					j = random.nextInt(judgeCount);
				}
				while (used[j] || pattern[j % pattern.length] != wanted);
				used[j] = true;
				Map<String, Double> scores = new HashMap<>();
				for (Criterion criterion : criteria) {
					double score = 5.5 + 1.5 * quality + leniency[j] + random.nextGaussian();
					scores.put(criterion.id(), Math.max(1, Math.min(10, Math.rint(score))));
				}
				sheets
					.add(new SubmittedSheet(String.format("J%03d", j), pattern[j % pattern.length], proposal, scores));
			}
		}
		return new RankingData(new Rubric(criteria), proposals, sheets);
	}

	private static AssignmentRequest assignmentRequest(int proposalCount, int judgeCount, double conflictShare) {
		Random random = new Random(2);
		List<String> proposals = new ArrayList<>();
		for (int p = 0; p < proposalCount; p++) {
			proposals.add(String.format("P%04d", p));
		}
		Sector[] sectors = Sector.values();
		List<PanelJudge> judges = new ArrayList<>();
		for (int j = 0; j < judgeCount; j++) {
			// 40 % PUBLIC, 40 % PRIVATE, 20 % academic or civil society.
			Sector sector = sectors[(j % 5 < 2) ? 0 : (j % 5 < 4) ? 1 : 2 + (j % 2)];
			judges.add(new PanelJudge(String.format("J%03d", j), sector, null));
		}
		List<Conflict> conflicts = new ArrayList<>();
		for (String proposal : proposals) {
			for (PanelJudge judge : judges) {
				if (random.nextDouble() < conflictShare) {
					conflicts.add(new Conflict(judge.id(), proposal));
				}
			}
		}
		return AssignmentRequest.builder(20260101L).proposals(proposals).judges(judges).conflicts(conflicts).build();
	}

}
