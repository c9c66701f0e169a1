package org.hacktrail.judging.assignment;

/**
 * One judge assigned to one proposal.
 *
 * @param proposalId the proposal
 * @param judgeId the judge
 */
public record Assignment(String proposalId, String judgeId) {

	public Assignment {
		if (proposalId == null || proposalId.isBlank() || judgeId == null || judgeId.isBlank()) {
			throw new IllegalArgumentException("an assignment needs a proposal id and a judge id");
		}
	}

}
