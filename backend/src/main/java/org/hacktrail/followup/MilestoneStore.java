package org.hacktrail.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk writes of milestones for the jobs: idempotent upserts by the natural key (the id),
 * straight through the driver (the documents are converted once by Spring Data's
 * converter, so that they read back exactly as the template's writes do): one bulk write
 * of insert-if-absent upserts per chunk, and only for ids that existed already (a
 * re-import) one read of their content hashes and one bulk write of the changes.
 *
 * <p>
 * For each milestone: a new id is inserted ({@code $setOnInsert}: a second write of the
 * same row can never duplicate or overwrite it); an existing one with the same content
 * hash is left alone (a re-import changes nothing); an existing one with other content
 * gets the new content, goes back to PENDING, and records the change in its history.
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
	 * Upserts milestones (each id at most once in the list). New ones are stored as
	 * given; changed ones take the given content with {@code verificationOnChange} and a
	 * CHANGED event by {@code by}.
	 */
	Upserted upsert(Collection<OutcomeMilestone> milestones, VerificationState verificationOnChange,
			@Nullable String by, Instant now) {
		if (milestones.isEmpty()) {
			return new Upserted(0, 0, 0);
		}
		// First, insert what is new: one bulk write of $setOnInsert upserts, exactly what
		// the store does fastest,
		// and all a first import needs. Its result says which ids were inserted.
		List<OutcomeMilestone> list = new ArrayList<>(milestones);
		List<WriteModel<Document>> inserts = new ArrayList<>(list.size());
		UpdateOptions upsert = new UpdateOptions().upsert(true);
		for (OutcomeMilestone milestone : list) {
			inserts.add(new UpdateOneModel<>(new Document("_id", milestone.id()),
					new Document("$setOnInsert", document(milestone)), upsert));
		}
		var collection = this.mongo.getCollection(FollowUpStates.MILESTONES);
		BulkWriteResult inserted = collection.bulkWrite(inserts, new BulkWriteOptions().ordered(false));
		java.util.Set<Integer> insertedAt = new java.util.HashSet<>();
		inserted.getUpserts().forEach((u) -> insertedAt.add(u.getIndex()));
		int created = insertedAt.size();
		if (created == list.size()) {
			return new Upserted(created, 0, 0);
		}
		// Then, for the milestones that existed (a re-import), compare contents and
		// change what differs.
		Map<String, OutcomeMilestone> existed = new HashMap<>();
		for (int i = 0; i < list.size(); i++) {
			if (!insertedAt.contains(i)) {
				existed.put(list.get(i).id(), list.get(i));
			}
		}
		List<WriteModel<Document>> changes = new ArrayList<>();
		for (Document stored : collection
			.find(new Document("_id", new Document("$in", new ArrayList<>(existed.keySet()))))
			.projection(new Document("contentHash", 1))) {
			OutcomeMilestone milestone = existed.get(stored.getString("_id"));
			if (milestone != null && !milestone.contentHash().equals(stored.getString("contentHash"))) {
				changes.add(new UpdateOneModel<>(new Document("_id", milestone.id()),
						changed(milestone, verificationOnChange, by, now)));
			}
		}
		if (!changes.isEmpty()) {
			collection.bulkWrite(changes, new BulkWriteOptions().ordered(false));
		}
		return new Upserted(created, changes.size(), existed.size() - changes.size());
	}

	/**
	 * The stored form of a milestone, {@code _id} left to the upsert's filter: the fields
	 * exactly as Spring Data's converter writes them (enums by name, instants as dates,
	 * nulls left out; {@code MilestoneStoreTests} holds the two equal), built by hand
	 * because the converter's reflection was the largest client-side cost of an import.
	 * Version 0, as an insert through the template sets it, so that later optimistic
	 * updates work.
	 */
	Document document(OutcomeMilestone m) {
		Document d = new Document();
		d.put("projectId", m.projectId());
		d.put("type", m.type().name());
		d.put("date", m.date());
		putIfNotNull(d, "agency", m.agency());
		putIfNotNull(d, "level", (m.level() != null) ? m.level().name() : null);
		putIfNotNull(d, "programme", m.programme());
		putIfNotNull(d, "amount", m.amount());
		putIfNotNull(d, "currency", m.currency());
		putIfNotNull(d, "evidenceUrl", m.evidenceUrl());
		putIfNotNull(d, "note", m.note());
		d.put("source", m.source().name());
		d.put("verification", m.verification().name());
		putIfNotNull(d, "verificationReason", m.verificationReason());
		putIfNotNull(d, "decidedBy", m.decidedBy());
		putIfNotNull(d, "decidedAt", (m.decidedAt() != null) ? java.util.Date.from(m.decidedAt()) : null);
		putIfNotNull(d, "reportedBy", m.reportedBy());
		d.put("recordedAt", java.util.Date.from(m.recordedAt()));
		d.put("updatedAt", java.util.Date.from(m.updatedAt()));
		d.put("contentHash", m.contentHash());
		List<Document> history = new ArrayList<>(m.history().size());
		for (MilestoneEvent event : m.history()) {
			history.add(event(event));
		}
		d.put("history", history);
		d.put("version", 0L);
		if (m.importedFrom() != null) {
			d.put("importedFrom", imported(m.importedFrom()));
		}
		d.put("_class", OutcomeMilestone.class.getName());
		return d;
	}

	static Document imported(MilestoneImport origin) {
		Document d = new Document("importId", origin.importId()).append("runId", origin.runId());
		putIfNotNull(d, "file", origin.file());
		return d;
	}

	static Document event(MilestoneEvent event) {
		Document e = new Document("at", java.util.Date.from(event.at()));
		putIfNotNull(e, "by", event.by());
		e.put("action", event.action().name());
		e.put("verification", event.verification().name());
		putIfNotNull(e, "reason", event.reason());
		return e;
	}

	private static void putIfNotNull(Document document, String key, @Nullable Object value) {
		if (value != null) {
			document.put(key, value);
		}
	}

	/**
	 * Verifies those of {@code ids} that are PENDING (one bulk update, conditional on the
	 * state, so a decision another organizer made meanwhile stands), with a VERIFIED
	 * event by {@code by} giving {@code reason}. Returns how many it verified.
	 */
	long verifyPending(Collection<String> ids, @Nullable String by, Instant now, String reason) {
		if (ids.isEmpty()) {
			return 0;
		}
		Document set = new Document("verification", VerificationState.VERIFIED.name())
			.append("verificationReason", reason)
			.append("decidedBy", by)
			.append("decidedAt", java.util.Date.from(now))
			.append("updatedAt", java.util.Date.from(now));
		Document event = event(
				new MilestoneEvent(now, by, MilestoneEvent.Action.VERIFIED, VerificationState.VERIFIED, reason));
		return this.mongo.getCollection(FollowUpStates.MILESTONES)
			.updateMany(
					new Document("_id", new Document("$in", new ArrayList<>(ids))).append("verification",
							VerificationState.PENDING.name()),
					new Document("$set", set).append("$inc", new Document("version", 1L))
						.append("$push", new Document("history", event)))
			.getModifiedCount();
	}

	private Document changed(OutcomeMilestone milestone, VerificationState verification, @Nullable String by,
			Instant now) {
		Document converted = document(milestone);
		Document set = new Document();
		for (String field : CONTENT_FIELDS) {
			set.put(field, converted.get(field));
		}
		boolean decided = verification != VerificationState.PENDING;
		set.put("verification", verification.name());
		set.put("verificationReason", null);
		set.put("decidedBy", decided ? by : null);
		set.put("decidedAt", decided ? java.util.Date.from(now) : null);
		set.put("updatedAt", java.util.Date.from(now));
		// The content is this import's row now: choosing by import finds it under this
		// one.
		set.put("importedFrom", (milestone.importedFrom() != null) ? imported(milestone.importedFrom()) : null);
		Document event = event(new MilestoneEvent(now, by, MilestoneEvent.Action.CHANGED, verification, null));
		return new Document("$set", set).append("$inc", new Document("version", 1L))
			.append("$push", new Document("history", event));
	}

}
