package org.hacktrail.team;

import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalTeamFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Answers the proposal lifecycle's questions about a proposal's team from the team
 * document itself (one lookup by _id), so the FINALIST partner-agency rule never trusts a
 * copy that could lag behind. A proposal whose team was never stored falls back to the
 * copy on the proposal.
 */
@Component
class TeamFactsForProposals implements ProposalTeamFacts {

	private final TeamStore teams;

	TeamFactsForProposals(TeamStore teams) {
		this.teams = teams;
	}

	@Override
	public @Nullable String partnerAgency(Proposal proposal) {
		Team team = this.teams.find(proposal.id()).orElse(null);
		if (team == null) {
			return proposal.partnerAgency();
		}
		return (team.partnerAgency() != null) ? team.partnerAgency().name() : null;
	}

}
