package org.hacktrail.team;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.ProposalAffiliations;
import org.hacktrail.proposal.Proposal;

import org.springframework.stereotype.Component;

/**
 * Team members' organisations, for conflict-of-interest detection: the affiliation a
 * member joined with and the affiliations on their account. Two round trips for any
 * number of proposals: the teams by id, then their members' accounts by id (through
 * {@link UserDirectory}). (The proposer and the partner agency are covered by judging's
 * own source.)
 */
@Component
class TeamMemberAffiliations implements ProposalAffiliations {

	private final TeamStore teams;

	private final UserDirectory users;

	TeamMemberAffiliations(TeamStore teams, UserDirectory users) {
		this.teams = teams;
		this.users = users;
	}

	@Override
	public Map<String, List<Affiliation>> affiliations(Collection<Proposal> proposals) {
		Map<String, Proposal> byId = new HashMap<>();
		proposals.forEach((proposal) -> byId.put(proposal.id(), proposal));
		if (byId.isEmpty()) {
			return Map.of();
		}
		List<Team> teams = this.teams.findAll(byId.keySet());
		Set<String> memberIds = new LinkedHashSet<>();
		for (Team team : teams) {
			for (TeamMember member : team.members()) {
				if (!Objects.equals(member.userId(), byId.get(team.id()).proposerId())) {
					memberIds.add(member.userId());
				}
			}
		}
		Map<String, User> users = new HashMap<>();
		this.users.findAllById(memberIds).forEach((user) -> users.put(user.id(), user));
		Map<String, List<Affiliation>> result = new HashMap<>();
		for (Team team : teams) {
			List<Affiliation> found = new ArrayList<>();
			for (TeamMember member : team.members()) {
				if (!memberIds.contains(member.userId())) {
					continue;
				}
				if (member.affiliation() != null && !member.affiliation().isBlank()) {
					found.add(new Affiliation(member.affiliation(), Source.TEAM_MEMBER, member.displayName()));
				}
				User account = users.get(member.userId());
				if (account != null && account.affiliations() != null) {
					account.affiliations()
						.forEach((name) -> found.add(new Affiliation(name, Source.TEAM_MEMBER, member.displayName())));
				}
			}
			if (!found.isEmpty()) {
				result.put(team.id(), found);
			}
		}
		return result;
	}

}
