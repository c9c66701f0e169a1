package org.hacktrail.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk writes of milestones for the jobs: idempotent upserts by the natural key (the id), in one round trip to
 * read what exists and one bulk write per chunk, straight through the driver (the documents are converted once by
 * Spring Data's converter, so that they read back exactly as the repository-style writes do).
 *
 * <p>
 * For each milestone: a new id is inserted ({@code $setOnInsert}: a second write of the same row can never
 * duplicate or overwrite it); an existing one with the same content hash is left alone (a re-import changes
 * nothing); an existing one with other content gets the new content, goes back to PENDING, and records the change
 * in its history.
 */
@Component
class MilestoneStore {

	/** What a bulk upsert did. */
	record Upserted(int created, int updated, int unchanged) {
	}

	private static final List<String> CONTENT_FIELDS = List.of("date", "agency", "level", "programme", "amount",
			"currency", "evidenceUrl", "note", "contentHash");

	private final MongoTemplate mongo;

	MilestoneStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Upserts milestones (each id at most once in the list). New ones are stored as given; changed ones take the
	 * given content with {@code verificationOnChange} and a CHANGED event by {@code by}.
	 */
	Upserted upsert(Collection<OutcomeMilestone> milestones, VerificationState verificationOnChange,
			@Nullable String by, Instant now) {
		if (milestones.isEmpty()) {
			return new Upserted(0, 0, 0);
		}
		Map<String, Document> existing = new HashMap<>();
		List<String> ids = milestones.stream().map(OutcomeMilestone::id).toList();
		Document projection = new Document("contentHash", 1).append("verification", 1);
		for (Document found : this.mongo.getCollection(FollowUpStates.MILESTONES)
			.find(new Document("_id", new Document("$in", ids)))
			.projection(projection)) {
			existing.put(found.getString("_id"), found);
		}
		List<WriteModel<Document>> writes = new ArrayList<>(milestones.size());
		UpdateOptions upsert = new UpdateOptions().upsert(true);
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (OutcomeMilestone milestone : milestones) {
			Document stored = existing.get(milestone.id());
			if (stored == null) {
				writes.add(new UpdateOneModel<>(new Document("_id", milestone.id()),
						new Document("$setOnInsert", document(milestone)), upsert));
				created++;
			}
			else if (milestone.contentHash().equals(stored.getString("contentHash"))) {
				unchanged++;
			}
			else {
				writes.add(new UpdateOneModel<>(new Document("_id", milestone.id()), changed(milestone,
						verificationOnChange, by, now)));
				updated++;
			}
		}
		if (!writes.isEmpty()) {
			this.mongo.getCollection(FollowUpStates.MILESTONES).bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
		return new Upserted(created, updated, unchanged);
	}

	/** The stored form of a milestone, as Spring Data writes it; {@code _id} left to the upsert's filter. */
	Document document(OutcomeMilestone milestone) {
		Document document = new Document();
		this.mongo.getConverter().write(milestone, document);
		document.remove("_id");
		// Version 0, as an insert through the template would set it, so that later optimistic updates work.
		document.put("version", 0L);
		return document;
	}

	private Document changed(OutcomeMilestone milestone, VerificationState verification, @Nullable String by,
			Instant now) {
		Document converted = document(milestone);
		Document set = new Document();
		for (String field : CONTENT_FIELDS) {
			set.put(field, converted.get(field));
		}
		set.put("verification", verification.name());
		set.put("verificationReason", null);
		set.put("decidedBy", null);
		set.put("decidedAt", null);
		set.put("updatedAt", java.util.Date.from(now));
		Document event = new Document();
		this.mongo.getConverter()
			.write(new MilestoneEvent(now, by, MilestoneEvent.Action.CHANGED, verification, null), event);
		event.remove("_class");
		return new Document("$set", set).append("$inc", new Document("version", 1L))
			.append("$push", new Document("history", event));
	}

}
