package org.hacktrail.team;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	/** One {@code $in} by _id for all the proposals' teams. */
	@Override
	public Map<String, List<OpenSeats>> openPositions(Collection<String> proposalIds) {
		Map<String, List<OpenSeats>> open = new LinkedHashMap<>();
		for (Team team : this.teams.findAll(proposalIds)) {
			List<OpenSeats> seats = new ArrayList<>();
			for (OpenPosition position : team.positions()) {
				int free = team.openings(position);
				if (free > 0) {
					seats.add(new OpenSeats(position.skill(), free));
				}
			}
			if (!seats.isEmpty()) {
				open.put(team.id(), List.copyOf(seats));
			}
		}
		return open;
	}

}
