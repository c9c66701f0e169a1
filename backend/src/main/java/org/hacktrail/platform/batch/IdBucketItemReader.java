package org.hacktrail.platform.batch;

import java.util.function.Function;
import java.util.function.Predicate;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Reads every document of a collection (projected, optionally filtered here) in
 * {@code _id} order with bounded memory, through an {@link IdBucketScan}. Restartable:
 * the last id read is kept in the step's execution context after each chunk, and a
 * restart reads on after it.
 *
 * <p>
 * Spring Batch's {@code MongoCursorItemReader} and {@code MongoPagingItemReader} fit a
 * real MongoDB, not the embedded store: there a cursor's whole result is built in the
 * heap before the first document is returned, and a page (skip and limit, sorted) sorts
 * every match each time. This reader's queries return at most a bucket.
 *
 * @param <T> what a document becomes
 */
public class IdBucketItemReader<T> extends ItemStreamSupport implements ItemStreamReader<T> {

	/**
	 * The most documents one query returns, by default: a few MB of small projected
	 * documents, and few enough buckets that the embedded store's scan of the {@code _id}
	 * index, once per bucket, stays a small part of the time (16 buckets up to 240,000
	 * documents).
	 */
	public static final int LIMIT = 20_000;

	private static final String LAST = "last";

	private final MongoOperations mongo;

	private final String collection;

	private final Document projection;

	private final Predicate<Document> accept;

	private final Function<Document, T> mapper;

	private final int limit;

	private @Nullable IdBucketScan scan;

	private @Nullable String last;

	private boolean saveState = true;

	private boolean reportTotal;

	/**
	 * @param name the key under which the position is kept in the execution context
	 * @param projection fields to read
	 * @param accept which documents to hand on (the others are read and passed over:
	 * filtering in the query would keep the embedded store from using the {@code _id}
	 * index)
	 * @param limit the most documents one query returns ({@link #LIMIT} unless the
	 * documents are large)
	 */
	public IdBucketItemReader(String name, MongoOperations mongo, String collection, Document projection,
			Predicate<Document> accept, Function<Document, T> mapper, int limit) {
		setName(name);
		this.mongo = mongo;
		this.collection = collection;
		this.projection = projection;
		this.accept = accept;
		this.mapper = mapper;
		this.limit = limit;
	}

	/**
	 * Whether a restart continues where the last run stopped (true) or reads everything
	 * again.
	 */
	public void setSaveState(boolean saveState) {
		this.saveState = saveState;
	}

	/**
	 * Whether to publish the collection's estimated size as the run's total, for
	 * progress.
	 */
	public void setReportTotal(boolean reportTotal) {
		this.reportTotal = reportTotal;
	}

	@Override
	public void open(ExecutionContext context) {
		String key = getExecutionContextKey(LAST);
		this.last = (this.saveState && context.containsKey(key)) ? context.getString(key) : null;
		if (this.reportTotal) {
			JobRunner.reportTotal(estimatedTotal());
		}
		this.scan = new IdBucketScan(this.mongo.getCollection(this.collection), this.projection, this.limit, this.last);
	}

	@Override
	public @Nullable T read() {
		if (this.scan == null) {
			throw new IllegalStateException("The reader " + getName() + " is not open");
		}
		for (Document document = this.scan.next(); document != null; document = this.scan.next()) {
			this.last = IdBucketScan.id(document);
			if (this.accept.test(document)) {
				return this.mapper.apply(document);
			}
		}
		return null;
	}

	@Override
	public void update(ExecutionContext context) {
		// Called once the chunk is written: everything read so far is done.
		if (this.saveState && this.last != null) {
			context.putString(getExecutionContextKey(LAST), this.last);
		}
	}

	@Override
	public void close() {
		this.scan = null;
	}

	/**
	 * Documents in the collection, as the store estimates them without reading them (for
	 * progress).
	 */
	public long estimatedTotal() {
		return this.mongo.getCollection(this.collection).estimatedDocumentCount();
	}

}
