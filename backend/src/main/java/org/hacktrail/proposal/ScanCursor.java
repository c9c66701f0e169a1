package org.hacktrail.proposal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.bson.Document;
import org.hacktrail.platform.batch.IdBucketScan;

/**
 * Hands a scan's documents on as facts ({@link ProposalFacts}, {@link ProjectFacts}). Its
 * reads run in this class, in the module that owns the collections, whoever advances it.
 */
final class ScanCursor<T> implements Iterator<T> {

	private final IdBucketScan scan;

	private final Function<Document, T> facts;

	ScanCursor(IdBucketScan scan, Function<Document, T> facts) {
		this.scan = scan;
		this.facts = facts;
	}

	@Override
	public boolean hasNext() {
		return this.scan.peek() != null;
	}

	@Override
	public T next() {
		Document document = this.scan.next();
		if (document == null) {
			throw new NoSuchElementException();
		}
		return this.facts.apply(document);
	}

}
