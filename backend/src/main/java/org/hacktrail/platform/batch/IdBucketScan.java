package org.hacktrail.platform.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Reads a collection in {@code _id} order with bounded memory, one {@link IdBucket} at a
 * time: each bucket is one query on {@code _id} alone, projected and limited to
 * {@code limit + 1} documents; a bucket that returns more than {@code limit} is split
 * (where the ids it returned lie) instead of being used, so no query ever returns more
 * than that many documents, on the embedded store as on MongoDB. The documents of a
 * bucket are sorted here, not by the store: the embedded store would buffer every match
 * to sort them.
 *
 * <p>
 * Memory: at most one bucket's documents (projected). Time on the embedded store: one
 * scan of the {@code _id} index per bucket plus one read per document; on MongoDB, one
 * index range per bucket.
 */
public final class IdBucketScan {

	private final MongoCollection<Document> collection;

	private final Document projection;

	private final int limit;

	private final Deque<IdBucket> pending;

	private final ArrayDeque<Document> buffer = new ArrayDeque<>();

	/** Ids up to this one are not wanted (a restart). */
	private final @Nullable String after;

	/** Ids before this one are not wanted ({@link #skipTo}). */
	private @Nullable String floor;

	private int queries;

	private int largestResult;

	/**
	 * @param projection the fields to read ({@code _id} is always read)
	 * @param limit the most documents a bucket may hold (and a query return, plus one);
	 * the memory bound
	 * @param after read only ids after this one (a restart); null: from the start
	 */
	public IdBucketScan(MongoCollection<Document> collection, Document projection, int limit, @Nullable String after) {
		this.collection = collection;
		this.projection = projection;
		this.limit = limit;
		this.pending = new ArrayDeque<>(IdBucket.plan(collection.estimatedDocumentCount(), limit));
		this.after = after;
	}

	/** The next document in {@code _id} order, without consuming it; null at the end. */
	public @Nullable Document peek() {
		while (this.buffer.isEmpty() && !this.pending.isEmpty()) {
			load(this.pending.pollFirst());
		}
		return this.buffer.peekFirst();
	}

	/** The next document in {@code _id} order; null at the end. */
	public @Nullable Document next() {
		Document next = peek();
		if (next != null) {
			this.buffer.pollFirst();
		}
		return next;
	}

	/**
	 * Moves on to the first id not before {@code key}: what lies before is dropped, and
	 * buckets lying wholly before it are never queried.
	 */
	public void skipTo(String key) {
		while (!this.buffer.isEmpty() && IdBucket.compare(id(this.buffer.peekFirst()), key) < 0) {
			this.buffer.pollFirst();
		}
		if (this.floor == null || IdBucket.compare(this.floor, key) < 0) {
			this.floor = key;
		}
	}

	private void load(IdBucket bucket) {
		if ((this.after != null && bucket.before(this.after, true))
				|| (this.floor != null && bucket.before(this.floor, false))) {
			return;
		}
		List<Document> documents = new ArrayList<>();
		this.collection.find(bucket.filter())
			.projection(this.projection)
			.limit(this.limit + 1)
			.batchSize(Math.min(this.limit + 1, 1000))
			.into(documents);
		this.queries++;
		this.largestResult = Math.max(this.largestResult, documents.size());
		if (documents.size() > this.limit) {
			List<IdBucket> finer = bucket.split(documents.stream().map(IdBucketScan::id).toList());
			for (int i = finer.size() - 1; i >= 0; i--) {
				this.pending.addFirst(finer.get(i));
			}
			return;
		}
		documents.sort((a, b) -> IdBucket.compare(id(a), id(b)));
		for (Document document : documents) {
			String id = id(document);
			if ((this.after == null || IdBucket.compare(id, this.after) > 0)
					&& (this.floor == null || IdBucket.compare(id, this.floor) >= 0)) {
				this.buffer.addLast(document);
			}
		}
	}

	/** Queries sent so far. */
	public int queries() {
		return this.queries;
	}

	/** The most documents one query returned. */
	public int largestResult() {
		return this.largestResult;
	}

	static String id(Document document) {
		return document.get("_id").toString();
	}

}
