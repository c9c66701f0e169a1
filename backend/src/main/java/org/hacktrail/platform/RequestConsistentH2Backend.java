package org.hacktrail.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server with every MVStore commit taken between requests, never during one.
 *
 * <p>
 * The backend keeps each collection in plain MVMaps: one for the documents, one per unique index, one for its
 * metadata, and applies a request as several separate map writes. A commit snapshots all maps at once, so a commit
 * taken in the middle of a request writes half of it to the file: after a crash a document can be present that
 * its unique index does not find, or the reverse ({@code EmbeddedStoreCrashTests} saw it within a few kills).
 * Requests therefore run under the shared side of a lock and a commit takes the exclusive side: it waits for the
 * requests in flight and holds new ones back while it writes (a few milliseconds). It waits for a short patience
 * only, so that a long read does not stall every other request behind a waiting commit; {@link EmbeddedStore}
 * retries at the next tick and waits without limit only when commits are overdue.
 *
 * <p>
 * The same barrier protects reads: a read never spans a commit, so MVStore never drops a chunk under a reader
 * ("Chunk N not found", STACK.md; {@code MvStoreChunkCleanupTests} shows it on a bare MVStore). Query results are
 * materialised before a request returns (the backend's cursors hold lists), so a request is the whole read.
 *
 * <p>
 * For this to hold, nothing else may commit: {@link EmbeddedStore} opens the MVStore with auto-commit disabled and
 * a zero auto-commit buffer (otherwise a writer thread commits by itself when its buffer fills).
 */
class RequestConsistentH2Backend extends H2Backend {

	/** Fair, so that a waiting commit is not starved by a stream of requests. */
	private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock(true);

	private final MVStore store;

	RequestConsistentH2Backend(MVStore store) {
		super(store);
		this.store = store;
	}

	/** Commits everything the finished requests wrote; waits for the requests in flight, however long. */
	void commitBetweenRequests() {
		this.commits.writeLock().lock();
		try {
			commitLocked();
		}
		finally {
			this.commits.writeLock().unlock();
		}
	}

	/**
	 * Commits if the requests in flight end within {@code patience}; otherwise writes nothing and returns
	 * {@code false}. While a commit waits, new requests wait too (the lock is fair), so a commit must not wait for
	 * a long read for long: the whole service would stall with it.
	 */
	boolean tryCommitBetweenRequests(Duration patience) throws InterruptedException {
		if (!this.commits.writeLock().tryLock(patience.toNanos(), TimeUnit.NANOSECONDS)) {
			return false;
		}
		try {
			commitLocked();
			return true;
		}
		finally {
			this.commits.writeLock().unlock();
		}
	}

	private void commitLocked() {
		if (!this.store.isClosed()) {
			this.store.commit();
		}
	}

	/** Runs a request; commits wait until it ends. Reentrant: a message may run a command. */
	<T> T inRequest(Supplier<T> request) {
		this.commits.readLock().lock();
		try {
			return request.get();
		}
		finally {
			this.commits.readLock().unlock();
		}
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		return inRequest(() -> super.handleCommand(channel, databaseName, command, query));
	}

	@Override
	public Document handleMessage(MongoMessage message) {
		return inRequest(() -> super.handleMessage(message));
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		return inRequest(() -> super.handleQuery(query));
	}

	/** Closing commits too: not while a request is half applied. */
	@Override
	public void close() {
		this.commits.writeLock().lock();
		try {
			super.close();
		}
		finally {
			this.commits.writeLock().unlock();
		}
	}

}
