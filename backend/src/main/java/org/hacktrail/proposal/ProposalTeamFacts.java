package org.hacktrail.proposal;

import org.jspecify.annotations.Nullable;

/**
 * What the proposal lifecycle asks the teams feature about a proposal's team, so that a
 * rule about teams is enforced where the move is made, by {@link ProposalService}, from
 * the team's own document rather than from a copy on the proposal that could lag behind.
 * Implemented by the teams feature; without an implementation the lifecycle uses the
 * snapshot on the proposal ({@link Proposal#partnerAgency()}).
 */
public interface ProposalTeamFacts {

	/**
	 * The name of the government partner agency of the proposal's team, or null when it
	 * has none. A PRESIDENTIAL hackathon can require one before the proposal becomes
	 * FINALIST.
	 */
	@Nullable String partnerAgency(Proposal proposal);

}
