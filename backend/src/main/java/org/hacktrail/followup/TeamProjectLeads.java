package org.hacktrail.followup;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.team.Team;
import org.hacktrail.team.TeamRole;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A project's leads are the LEAD members of the teams of its proposals (a team's id is
 * its proposal's id). A proposal without a team document (proposals imported before teams
 * existed) falls back to its proposer; proposals imported from a list have neither and
 * give no lead. Two reads whatever the number of projects: the proposals of the projects,
 * then their teams by {@code _id}.
 */
@Component
class TeamProjectLeads implements ProjectTeamLeads {

	private final MongoTemplate mongo;

	TeamProjectLeads(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, Set<String>> leadsOf(Collection<String> projectIds) {
		Map<String, Set<String>> leads = new HashMap<>();
		if (projectIds.isEmpty()) {
			return leads;
		}
		// $in on projectId: follow-up jobs and milestone reports, not a hot path;
		// projectId is indexed.
		Query proposals = new Query(Criteria.where("projectId").in(new HashSet<>(projectIds)));
		proposals.fields().include("projectId", "proposerId");
		Map<String, String> projectOfProposal = new HashMap<>();
		Map<String, String> proposerOfProposal = new HashMap<>();
		for (Document proposal : this.mongo.find(proposals, Document.class,
				this.mongo.getCollectionName(Proposal.class))) {
			String id = proposal.get("_id").toString();
			projectOfProposal.put(id, proposal.getString("projectId"));
			String proposer = proposal.getString("proposerId");
			if (proposer != null) {
				proposerOfProposal.put(id, proposer);
			}
		}
		if (projectOfProposal.isEmpty()) {
			return leads;
		}
		Query teams = new Query(Criteria.where("_id").in(projectOfProposal.keySet()));
		teams.fields().include("members");
		Set<String> withTeam = new HashSet<>();
		for (Document team : this.mongo.find(teams, Document.class, this.mongo.getCollectionName(Team.class))) {
			String proposalId = team.get("_id").toString();
			withTeam.add(proposalId);
			for (Document member : team.getList("members", Document.class, List.of())) {
				if (TeamRole.LEAD.name().equals(member.getString("role")) && member.getString("userId") != null) {
					leads.computeIfAbsent(projectOfProposal.get(proposalId), (p) -> new HashSet<>())
						.add(member.getString("userId"));
				}
			}
		}
		proposerOfProposal.forEach((proposalId, proposer) -> {
			if (!withTeam.contains(proposalId)) {
				leads.computeIfAbsent(projectOfProposal.get(proposalId), (p) -> new HashSet<>()).add(proposer);
			}
		});
		return leads;
	}

}
