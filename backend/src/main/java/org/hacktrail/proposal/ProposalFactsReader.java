package org.hacktrail.proposal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.platform.batch.IdBucketScan;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * {@link ProposalFacts} from the {@code proposals} collection, every read projected to
 * the facts' fields; the scan goes bucket by bucket ({@link IdBucketScan}).
 */
@Component
class ProposalFactsReader implements ProposalFacts {

	private static final String[] PROPOSAL_FIELDS = { "hackathonId", "projectId", "status", "history.to", "title",
			"normalizedTitle", "proposerId", "proposerName", "teamSize", "tags" };

	/** The stored fields of a proposal its facts are made of. */
	record ProposalRow(String id, String hackathonId, @Nullable String projectId, ProposalStatus status,
			@Nullable List<Change> history, LocalizedText title, String normalizedTitle, @Nullable String proposerId,
			String proposerName, @Nullable Integer teamSize, @Nullable List<String> tags) {

		record Change(@Nullable ProposalStatus to) {
		}

		Summary summary() {
			Set<ProposalStatus> reached = EnumSet.of(this.status);
			if (this.history != null) {
				this.history.stream().map(Change::to).filter((to) -> to != null).forEach(reached::add);
			}
			return new Summary(this.id, this.hackathonId, this.projectId, this.status, reached, this.title,
					this.normalizedTitle, this.proposerId, this.proposerName,
					(this.teamSize != null) ? this.teamSize : 0,
					(this.tags != null) ? List.copyOf(this.tags) : List.of());
		}

	}

	private final MongoTemplate mongo;

	ProposalFactsReader(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public List<Summary> ofProjects(Collection<String> projectIds) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		// $in on projectId: batch jobs and one project's refresh, not a hot path;
		// projectId is indexed.
		return proposals(Criteria.where("projectId").in(new HashSet<>(projectIds)));
	}

	@Override
	public List<Summary> ofHackathon(String hackathonId) {
		return proposals(Criteria.where("hackathonId").is(hackathonId));
	}

	private List<Summary> proposals(Criteria criteria) {
		Query query = new Query(criteria);
		query.fields().include(PROPOSAL_FIELDS);
		return this.mongo.find(query, ProposalRow.class, this.mongo.getCollectionName(Proposal.class))
			.stream()
			.map(ProposalRow::summary)
			.toList();
	}

	@Override
	public Iterator<Summary> inIdOrder(int limit) {
		Document projection = new Document();
		for (String field : PROPOSAL_FIELDS) {
			projection.append(field, 1);
		}
		return new ScanCursor<>(
				new IdBucketScan(this.mongo.getCollection(this.mongo.getCollectionName(Proposal.class)), projection,
						limit, null),
				(document) -> this.mongo.getConverter().read(ProposalRow.class, document).summary());
	}

	@Override
	public long estimatedCount() {
		return this.mongo.getCollection(this.mongo.getCollectionName(Proposal.class)).estimatedDocumentCount();
	}

}
