package org.hacktrail.judging.round;

import java.util.List;

/**
 * The sheets of a round's current plan that are not submitted: what closing the round
 * would leave out of the ranking. Implemented by the sheets ({@code judging.sheet}),
 * which depend on rounds; rounds ask through this interface.
 */
public interface UnsubmittedSheets {

	/**
	 * Every judge × proposal pair of the round's current plan whose sheet is not
	 * SUBMITTED, by judge name then proposal id; empty without a plan.
	 */
	List<Unsubmitted> of(JudgingRound round);

	/**
	 * One pair of the plan without a submitted sheet.
	 *
	 * @param judgeId the judge record's id
	 * @param judgeUserId the judge's user id
	 * @param judgeName the judge's display name
	 * @param proposalId the proposal
	 * @param status MISSING (never saved), DRAFT or VOIDED
	 */
	record Unsubmitted(String judgeId, String judgeUserId, String judgeName, String proposalId, String status) {
	}

}
