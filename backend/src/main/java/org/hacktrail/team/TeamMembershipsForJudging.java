package org.hacktrail.team;

import java.util.LinkedHashSet;
import java.util.Set;

import org.hacktrail.judging.TeamMemberships;

import org.springframework.stereotype.Component;

/**
 * Tells judging which teams of a hackathon a person is on (one query on the hackathon's
 * teams by member, ids only), for the public vote's own-team rule.
 */
@Component
class TeamMembershipsForJudging implements TeamMemberships {

	private final TeamStore teams;

	TeamMembershipsForJudging(TeamStore teams) {
		this.teams = teams;
	}

	@Override
	public Set<String> proposalsWithMember(String hackathonId, String userId) {
		return new LinkedHashSet<>(this.teams.idsWithMember(hackathonId, userId));
	}

}
