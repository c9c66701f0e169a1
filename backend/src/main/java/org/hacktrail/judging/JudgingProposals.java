package org.hacktrail.judging;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalStatus;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads proposals for judging: by id in batches ({@code $in} on {@code _id} alone, as the
 * store rules ask), or all of a hackathon in some statuses (filtered in Java). Visibility
 * is the caller's business: judging shows proposals only to organizers, the hackathon's
 * judges and, after publication, everyone — and only proposals that have left DRAFT take
 * part in judging.
 */
@Component
public class JudgingProposals {

	private final MongoTemplate mongo;

	JudgingProposals(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Optional<Proposal> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Proposal.class));
	}

	/**
	 * The proposals with these ids, in one round trip. Unknown ids are absent from the
	 * map.
	 */
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

	/** Every proposal of a hackathon in one of these statuses, by id. */
	public List<Proposal> ofHackathon(String hackathonId, Set<ProposalStatus> statuses) {
		Query query = new Query(Criteria.where("hackathonId").is(hackathonId));
		query.fields().exclude("searchText");
		return this.mongo.find(query, Proposal.class)
			.stream()
			.filter((p) -> statuses.contains(p.status()))
			.sorted(java.util.Comparator.comparing(Proposal::id))
			.toList();
	}

}
