package org.hacktrail.judging.assignment;

import org.jspecify.annotations.Nullable;

import org.hacktrail.judging.Sector;

/**
 * A rule one proposal's panel does not meet, and why.
 *
 * @param proposalId the proposal
 * @param rule the rule not met
 * @param sector the sector, for {@link Rule#SECTOR_MINIMUM}
 * @param required judges the rule needs
 * @param assigned judges the proposal got
 * @param message the problem in words, naming the proposal, the rule and the cause
 */
public record AssignmentProblem(String proposalId, Rule rule, @Nullable Sector sector, int required, int assigned,
		String message) {

	public enum Rule {

		/** Fewer judges of a sector than the sector mix asks for. */
		SECTOR_MINIMUM,

		/** Fewer than k judges. */
		JUDGES_PER_PROPOSAL,

		/**
		 * A kept assignment (from a previous plan) whose judge now has a conflict with
		 * the proposal.
		 */
		CONFLICT

	}

}
