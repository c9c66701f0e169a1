package org.hacktrail.judging.ranking;

/**
 * A round proposal that has no final score.
 *
 * @param proposalId the proposal
 * @param reason why, in words an organizer can act on
 */
public record UnrankedProposal(String proposalId, String reason) {
}
