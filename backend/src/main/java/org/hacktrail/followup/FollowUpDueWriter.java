package org.hacktrail.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Inserts the follow-up requests of a chunk that do not exist yet (one bulk write of
 * {@code $setOnInsert} upserts by id), then notifies the leads of every request of the
 * chunk still owed a notification and records it.
 */
class FollowUpDueWriter implements ItemWriter<FollowUpRequest> {

	private static final Logger log = LoggerFactory.getLogger(FollowUpDueWriter.class);

	private final MongoTemplate mongo;

	private final ProjectTeamLeads leads;

	private final FollowUpNotifier notifier;

	private final ProjectService projects;

	private final Clock clock;

	FollowUpDueWriter(MongoTemplate mongo, ProjectTeamLeads leads, FollowUpNotifier notifier, ProjectService projects,
			Clock clock) {
		this.mongo = mongo;
		this.leads = leads;
		this.notifier = notifier;
		this.projects = projects;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends FollowUpRequest> chunk) {
		Map<String, FollowUpRequest> byId = new LinkedHashMap<>();
		chunk.forEach((request) -> byId.put(request.id(), request));
		Map<String, Set<String>> leadsByProject = this.leads
			.leadsOf(byId.values().stream().map(FollowUpRequest::projectId).distinct().toList());
		String collection = this.mongo.getCollectionName(FollowUpRequest.class);
		List<WriteModel<Document>> inserts = new ArrayList<>();
		UpdateOptions upsert = new UpdateOptions().upsert(true);
		for (FollowUpRequest request : byId.values()) {
			FollowUpRequest withLeads = new FollowUpRequest(request.id(), request.projectId(), request.hackathonId(),
					request.months(), request.dueOn(), request.openedAt(), request.status(),
					new ArrayList<>(new TreeSet<>(leadsByProject.getOrDefault(request.projectId(), Set.of()))), null,
					null, null, null);
			Document document = new Document();
			this.mongo.getConverter().write(withLeads, document);
			document.remove("_id");
			inserts.add(new UpdateOneModel<>(new Document("_id", request.id()), new Document("$setOnInsert", document),
					upsert));
		}
		try {
			this.mongo.getCollection(collection).bulkWrite(inserts, new BulkWriteOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			// Two instances upserting the same new request at once: one inserts, the
			// other's upsert fails on the
			// unique id. The request exists either way; anything else is a real failure.
			if (ex.getWriteErrors().stream().anyMatch((error) -> error.getCode() != 11000)) {
				throw ex;
			}
		}

		List<FollowUpRequest> owed = this.mongo
			.find(new Query(Criteria.where("_id").in(byId.keySet())), FollowUpRequest.class)
			.stream()
			.filter((request) -> request.notifiedAt() == null)
			.toList();
		if (owed.isEmpty()) {
			return;
		}
		Map<String, String> names = new HashMap<>();
		for (Project project : this.projects.findAllById(owed.stream().map(FollowUpRequest::projectId).toList())) {
			names.put(project.id(), (project.name().primary() != null) ? project.name().primary() : project.id());
		}
		Set<String> notified = new HashSet<>();
		for (FollowUpRequest request : owed) {
			try {
				this.notifier.followUpRequested(request, names.getOrDefault(request.projectId(), request.projectId()),
						new HashSet<>(request.leads()));
				notified.add(request.id());
			}
			catch (RuntimeException ex) {
				log.warn("Could not notify the leads of follow-up request {}; the next run tries again", request.id(),
						ex);
			}
		}
		if (!notified.isEmpty()) {
			Instant now = this.clock.instant();
			this.mongo.updateMulti(new Query(Criteria.where("_id").in(notified)), new Update().set("notifiedAt", now),
					FollowUpRequest.class);
		}
	}

}
