package org.hacktrail.judging.assignment;

import java.util.List;
import java.util.Set;

/**
 * The outcome of an assignment. Lists are in stable order, so a plan serialises
 * identically for identical inputs.
 *
 * @param algorithmVersion {@link JudgeAssigner#ALGORITHM_VERSION}
 * @param assignments every (proposal, judge) pair, by proposal id then judge id
 * @param loads every judge's load, by judge id
 * @param problems unmet rules, by proposal id, then rule, then sector
 * @param loadSpread highest load minus lowest load over all judges
 * @param balanced whether every judge below their own maximum load is within 1 of the
 * highest load (judges at their maximum cannot take more, so they do not count as
 * under-loaded)
 */
public record AssignmentPlan(String algorithmVersion, List<Assignment> assignments, List<JudgeLoad> loads,
		List<AssignmentProblem> problems, int loadSpread, boolean balanced) {

	public AssignmentPlan {
		assignments = List.copyOf(assignments);
		loads = List.copyOf(loads);
		problems = List.copyOf(problems);
	}

	/**
	 * The same plan with the load figures of the other judges only: {@code loads},
	 * {@code loadSpread} and {@code balanced} leave the given judges out (dropped judges:
	 * they take nothing, and a kept assignment of theirs is not a load to balance). A
	 * judge's room is their maximum load, none without one.
	 */
	public AssignmentPlan withoutJudges(Set<String> judgeIds) {
		if (judgeIds.isEmpty() || this.loads.stream().noneMatch((l) -> judgeIds.contains(l.judgeId()))) {
			return this;
		}
		List<JudgeLoad> kept = this.loads.stream().filter((l) -> !judgeIds.contains(l.judgeId())).toList();
		int highest = 0;
		int lowest = Integer.MAX_VALUE;
		int lowestWithRoom = Integer.MAX_VALUE;
		for (JudgeLoad load : kept) {
			highest = Math.max(highest, load.load());
			lowest = Math.min(lowest, load.load());
			if (load.maxLoad() == null || load.load() < load.maxLoad()) {
				lowestWithRoom = Math.min(lowestWithRoom, load.load());
			}
		}
		int spread = kept.isEmpty() ? 0 : highest - lowest;
		boolean balanced = lowestWithRoom == Integer.MAX_VALUE || highest - lowestWithRoom <= 1;
		return new AssignmentPlan(this.algorithmVersion, this.assignments, kept, this.problems, spread, balanced);
	}

}
