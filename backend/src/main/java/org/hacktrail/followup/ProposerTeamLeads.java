package org.hacktrail.followup;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.hacktrail.proposal.Proposal;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Team leads until the teams feature provides them: the users who proposed the project's proposals (proposals
 * imported from a list have no user and give no lead). Replace this bean with one that reads the LEAD members of
 * the project's teams once teams exist.
 */
@Component
class ProposerTeamLeads implements ProjectTeamLeads {

	private final MongoTemplate mongo;

	ProposerTeamLeads(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, Set<String>> leadsOf(Collection<String> projectIds) {
		Map<String, Set<String>> leads = new HashMap<>();
		if (projectIds.isEmpty()) {
			return leads;
		}
		Query query = new Query(Criteria.where("projectId").in(new HashSet<>(projectIds)));
		query.fields().include("projectId", "proposerId");
		for (Document proposal : this.mongo.find(query, Document.class, this.mongo.getCollectionName(Proposal.class))) {
			String proposer = proposal.getString("proposerId");
			if (proposer != null) {
				leads.computeIfAbsent(proposal.getString("projectId"), (id) -> new HashSet<>()).add(proposer);
			}
		}
		return leads;
	}

}
