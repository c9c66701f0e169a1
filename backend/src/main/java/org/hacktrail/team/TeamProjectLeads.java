package org.hacktrail.team;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.hacktrail.followup.ProjectTeamLeads;
import org.hacktrail.proposal.ProposalFacts;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A project's leads are the LEAD members of the teams of its proposals (a team's id is
 * its proposal's id). A proposal without a team document (proposals imported before teams
 * existed) falls back to its proposer; proposals imported from a list have neither and
 * give no lead. Two reads whatever the number of projects: the proposals of the projects
 * ({@link ProposalFacts}), then their teams by {@code _id}, projected to the members.
 */
@Component
class TeamProjectLeads implements ProjectTeamLeads {

	private final ProposalFacts proposals;

	private final MongoTemplate mongo;

	TeamProjectLeads(ProposalFacts proposals, MongoTemplate mongo) {
		this.proposals = proposals;
		this.mongo = mongo;
	}

	@Override
	public Map<String, Set<String>> leadsOf(Collection<String> projectIds) {
		Map<String, Set<String>> leads = new HashMap<>();
		if (projectIds.isEmpty()) {
			return leads;
		}
		Map<String, String> projectOfProposal = new HashMap<>();
		Map<String, String> proposerOfProposal = new HashMap<>();
		for (ProposalFacts.Summary proposal : this.proposals.ofProjects(projectIds)) {
			if (proposal.projectId() == null) {
				continue;
			}
			projectOfProposal.put(proposal.id(), proposal.projectId());
			if (proposal.proposerId() != null) {
				proposerOfProposal.put(proposal.id(), proposal.proposerId());
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
