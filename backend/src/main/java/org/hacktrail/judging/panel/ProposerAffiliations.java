package org.hacktrail.judging.panel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hacktrail.identity.User;
import org.hacktrail.judging.ProposalAffiliations;
import org.hacktrail.proposal.Proposal;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What is known about a proposal today: its proposer's account affiliations (one
 * {@code $in} on users) and the partner agency the teams feature records on the proposal.
 * Proposals imported from a list have no proposer account, so only their partner agency
 * (if any) counts; organizers add other conflicts by hand.
 */
@Component
class ProposerAffiliations implements ProposalAffiliations {

	private final MongoTemplate mongo;

	ProposerAffiliations(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, List<Affiliation>> affiliations(Collection<Proposal> proposals) {
		List<String> proposerIds = proposals.stream()
			.map(Proposal::proposerId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<String, User> users = new HashMap<>();
		if (!proposerIds.isEmpty()) {
			Query query = new Query(Criteria.where("_id").in(proposerIds));
			query.fields().include("displayName", "affiliations");
			this.mongo.find(query, User.class).forEach((user) -> users.put(user.id(), user));
		}
		Map<String, List<Affiliation>> result = new HashMap<>();
		for (Proposal proposal : proposals) {
			List<Affiliation> found = new ArrayList<>();
			User proposer = (proposal.proposerId() != null) ? users.get(proposal.proposerId()) : null;
			if (proposer != null && proposer.affiliations() != null) {
				proposer.affiliations()
					.forEach((name) -> found.add(new Affiliation(name, Source.PROPOSER, proposal.proposerName())));
			}
			if (proposal.partnerAgency() != null && !proposal.partnerAgency().isBlank()) {
				found.add(new Affiliation(proposal.partnerAgency(), Source.PARTNER_AGENCY, null));
			}
			if (!found.isEmpty()) {
				result.put(proposal.id(), found);
			}
		}
		return result;
	}

}
