package org.hacktrail.proposal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

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

	/**
	 * The positions still open in the teams of these proposals, by proposal id, in the
	 * order the team lists them (a proposal without a stored team, or without open
	 * positions, is left out). The published 松後推坑 page lists them as 徵求 lines.
	 */
	default Map<String, List<OpenSeats>> openPositions(Collection<String> proposalIds) {
		return Map.of();
	}

	/**
	 * A position a team still wants to fill: its skill as the lead wrote it, and how many
	 * seats are free (at least 1).
	 */
	record OpenSeats(String skill, int free) {
	}

}
