package org.hacktrail.platform.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Makes every document the embedded store replies with one whole version of it, on both
 * backends.
 *
 * <p>
 * mongo-java-server replies to a {@code find}, and to a {@code findAndModify} returning
 * the new document, with the stored document object itself, and the reply is encoded for
 * the wire after the collection's lock is released. A write meanwhile changes that object
 * in place, field by field, so the reader can receive a mix of two versions: say a team's
 * members before a concurrent join with the version after it. A decision made on such a
 * mix and written back with that version passes the optimistic lock and undoes the other
 * write (a member lost, a position over-filled: the {@code TeamRaceTests} failure of a CI
 * run of TeamRaceTests). {@code aggregate} reads the stored objects under the lock and
 * runs its stages on them after it.
 *
 * <p>
 * With a projection the store copies each document while it holds the lock. So a
 * {@code find} or {@code findAndModify} without one gets a projection that excludes a
 * field no document has (the documents come back whole), and an {@code aggregate} runs
 * under the collection's lock with its results copied before the lock is released. A real
 * MongoDB never tears a read, so nothing here is needed there.
 * {@code ConsistentRepliesTests} shows the fault on the bare backends and that reads
 * through the embedded store are whole.
 */
final class ConsistentReplies {

	/**
	 * A field no document has; excluding it makes the store copy the documents under its
	 * lock.
	 */
	static final String ABSENT_FIELD = "_hacktrail_whole_reply";

	private ConsistentReplies() {
	}

	/**
	 * Runs a command so that its reply holds copies made under the collection's lock.
	 * Call it with the request's other locks already held (the commit barrier first, then
	 * the collection), never the reverse.
	 */
	static Document run(MongoBackend backend, String databaseName, String command, Document query,
			Supplier<Document> handle) {
		switch (command.toLowerCase(Locale.ROOT)) {
			case "find" -> project(query, "projection");
			case "findandmodify" -> project(query, "fields");
			case "aggregate" -> {
				MongoCollection<?> collection = (query.get("aggregate") instanceof String name)
						? backend.resolveDatabase(databaseName).resolveCollection(name, false) : null;
				if (collection != null) {
					synchronized (collection) {
						return copied(handle.get());
					}
				}
			}
			default -> {
			}
		}
		return handle.get();
	}

	private static void project(Document query, String key) {
		Object projection = query.get(key);
		if (!(projection instanceof Document document) || document.isEmpty()) {
			query.put(key, new Document(ABSENT_FIELD, 0));
		}
	}

	/** The reply with its batch of documents copied. */
	@SuppressWarnings("unchecked")
	private static Document copied(Document reply) {
		if (reply.get("cursor") instanceof Document cursor && cursor.get("firstBatch") instanceof List<?> batch) {
			List<Object> copies = new ArrayList<>(batch.size());
			for (Object item : batch) {
				copies.add((item instanceof Document document) ? document.cloneDeeply() : item);
			}
			cursor.put("firstBatch", copies);
		}
		return reply;
	}

}
