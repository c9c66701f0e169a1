package org.hacktrail.proposal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * {@link ProposalLookup} on the store: by id, by a batch of ids ({@code $in} on
 * {@code _id} alone, as the embedded store's rules ask), or by hackathon with the
 * statuses filtered here (those rules allow {@code $in} on nothing else).
 */
@Component
class StoredProposalLookup implements ProposalLookup {

	private final MongoTemplate mongo;

	StoredProposalLookup(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Optional<Proposal> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Proposal.class));
	}

	@Override
	public Map<String, Proposal> byIds(Collection<String> ids) {
		Map<String, Proposal> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		Query query = new Query(Criteria.where("_id").in(new HashSet<>(ids)));
		query.fields().exclude("searchText");
		this.mongo.find(query, Proposal.class).forEach((p) -> found.put(p.id(), p));
		return found;
	}

	@Override
	public List<Proposal> ofHackathon(String hackathonId, Set<ProposalStatus> statuses) {
		Query query = new Query(Criteria.where("hackathonId").is(hackathonId));
		query.fields().exclude("searchText");
		return this.mongo.find(query, Proposal.class)
			.stream()
			.filter((p) -> statuses.contains(p.status()))
			.sorted(Comparator.comparing(Proposal::id))
			.toList();
	}

}
