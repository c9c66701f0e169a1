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
 * (English)
 * @param cause the cause, as a code (null in a plan kept before codes)
 * @param judges for {@link Cause#TOO_FEW_AVAILABLE}: the judges available; for
 * {@link Cause#REASSIGNMENT_ONLY} and {@link Cause#NO_PLACEMENT}: the judges that still
 * have room
 * @param judgeId for {@link Cause#CONFLICT_KEPT}: the judge (record id) with the conflict
 */
public record AssignmentProblem(String proposalId, Rule rule, @Nullable Sector sector, int required, int assigned,
		String message, @Nullable Cause cause, @Nullable Integer judges, @Nullable String judgeId) {

	/** Why a rule is not met. */
	public enum Cause {

		/**
		 * Fewer judges without a conflict (of the sector, for SECTOR_MINIMUM) than the
		 * rule needs.
		 */
		TOO_FEW_AVAILABLE,

		/** Every other judge who could take it is at their maximum load. */
		ALL_AT_MAX_LOAD,

		/**
		 * Judges still have room, but moving one judge's work does not fill other gaps: a
		 * full assignment would.
		 */
		REASSIGNMENT_ONLY,

		/**
		 * Judges still have room but could not be placed without breaking another rule.
		 */
		NO_PLACEMENT,

		/** A kept assignment whose judge now has a conflict with the proposal. */
		CONFLICT_KEPT

	}

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
