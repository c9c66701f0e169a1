package org.hacktrail.judging.assignment;

import java.util.List;

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

}
