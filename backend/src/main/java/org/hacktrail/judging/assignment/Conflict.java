package org.hacktrail.judging.assignment;

/**
 * A conflict of interest: this judge is never assigned this proposal.
 *
 * @param judgeId the judge
 * @param proposalId the proposal
 */
public record Conflict(String judgeId, String proposalId) {

	public Conflict {
		if (judgeId == null || judgeId.isBlank() || proposalId == null || proposalId.isBlank()) {
			throw new IllegalArgumentException("a conflict needs a judge id and a proposal id");
		}
	}

}
