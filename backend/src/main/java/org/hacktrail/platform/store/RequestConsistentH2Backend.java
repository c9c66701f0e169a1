package org.hacktrail.platform.store;

import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.jspecify.annotations.Nullable;

/**
 * The H2 backend of mongo-java-server with every MVStore commit taken between write
 * requests, never during one, reads that never lose a page to a commit, and writes
 * answered only once they are durable.
 *
 * <p>
 * The backend keeps each collection in plain MVMaps: one for the documents, one per
 * unique index, one for its metadata, and applies a request as several separate map
 * writes. A commit snapshots all maps at once, so a commit taken in the middle of a write
 * writes half of it to the file: after a crash a document can be present that its unique
 * index does not find, or the reverse ({@code EmbeddedStoreCrashTests} saw it within a
 * few kills). Write requests therefore run under the shared side of a {@link #barrier()}
 * and a commit takes the exclusive side ({@link GroupCommitter}).
 *
 * <p>
 * Reads do not wait for commits. A read registers the MVStore version it starts from
 * ({@link MVStore#registerVersionUsage()}), and MVStore keeps every chunk that version
 * needs until the read ends: MVStore's own way to let readers run beside commits
 * ({@code MvStoreChunkCleanupTests} shows the "Chunk N not found" this prevents, and that
 * the read sees its whole version). Only moving chunks inside the file (idle
 * housekeeping, {@link #moves()}) waits for reads and writes alike. Query results are
 * materialised before a request returns (the backend's cursors hold lists), so a request
 * is the whole read.
 *
 * <p>
 * Writes ({@link WireCommands}) are refused before they run while {@link StoreState} says
 * so, and, with {@code sync} durability, answered only after the commit that holds them
 * is on the disk. For this to hold, nothing else may commit: {@link EmbeddedStore} opens
 * the MVStore with auto-commit disabled and a zero auto-commit buffer (otherwise a writer
 * thread commits by itself when its buffer fills).
 */
class RequestConsistentH2Backend extends H2Backend {

	/**
	 * Write requests against commits. Fair, so that a waiting commit is not starved by a
	 * stream of writes.
	 */
	private final ReentrantReadWriteLock barrier = new ReentrantReadWriteLock(true);

	/**
	 * Every request against moving chunks inside the file (and closing it). Taken before
	 * {@link #barrier}.
	 */
	private final ReentrantReadWriteLock moves = new ReentrantReadWriteLock(true);

	private final MVStore store;

	private final StoreState state;

	private volatile @Nullable GroupCommitter committer;

	private volatile boolean awaitDurability;

	/**
	 * Set once the file behind this backend is closed and another backend serves in its
	 * place.
	 */
	private volatile boolean retired;

	/**
	 * Thrown to a request that waited at the barrier while the file was reopened;
	 * {@link EmbeddedStore} runs it again on the backend now in place. If it still
	 * reaches a client, it reads as "store unavailable".
	 */
	static final class Retired extends MongoServerError {

		private static final long serialVersionUID = 1L;

		Retired() {
			super(StoreState.REFUSED_CODE, StoreState.REFUSED_CODE_NAME,
					"Store unavailable: the file is being reopened");
		}

	}

	RequestConsistentH2Backend(MVStore store, StoreState state) {
		super(store);
		this.store = store;
		this.state = state;
	}

	/**
	 * Starts answering writes only once durable ({@code sync}), or at once
	 * ({@code interval}).
	 */
	void durability(GroupCommitter committer, boolean awaitDurability) {
		this.committer = committer;
		this.awaitDurability = awaitDurability;
	}

	ReentrantReadWriteLock barrier() {
		return this.barrier;
	}

	ReentrantReadWriteLock moves() {
		return this.moves;
	}

	MVStore mvStore() {
		return this.store;
	}

	/**
	 * Commits everything the finished requests wrote; waits for the requests in flight,
	 * however long.
	 */
	void commitBetweenRequests() {
		this.barrier.writeLock().lock();
		try {
			if (!this.store.isClosed()) {
				this.store.commit();
			}
		}
		finally {
			this.barrier.writeLock().unlock();
		}
	}

	/**
	 * Called with the barrier held exclusively, before the file is closed: later requests
	 * go elsewhere.
	 */
	void retire() {
		this.retired = true;
	}

	/**
	 * Runs a write request; commits wait until it ends. Reentrant: a message may run a
	 * command.
	 */
	<T> T inRequest(Supplier<T> request) {
		this.moves.readLock().lock();
		try {
			this.barrier.readLock().lock();
			try {
				checkOpen();
				return request.get();
			}
			finally {
				this.barrier.readLock().unlock();
			}
		}
		finally {
			this.moves.readLock().unlock();
		}
	}

	/**
	 * Runs a read request beside commits, on chunks MVStore keeps for the version it
	 * started from.
	 */
	<T> T inRead(Supplier<T> request) {
		this.moves.readLock().lock();
		try {
			checkOpen();
			MVStore.TxCounter version = this.store.registerVersionUsage();
			try {
				return request.get();
			}
			finally {
				this.store.deregisterVersionUsage(version);
			}
		}
		finally {
			this.moves.readLock().unlock();
		}
	}

	private void checkOpen() {
		if (this.retired || this.store.isClosed()) {
			// Closed after a failed commit, and about to be replaced (or already
			// replaced) by a reopened file.
			throw new Retired();
		}
	}

	/**
	 * Every wire message (OP_MSG) arrives here through {@code handleMessage}, and legacy
	 * commands directly: the one place where a request is classified, refused, run and
	 * made durable.
	 */
	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if (this.moves.getReadHoldCount() > 0) {
			// A command run from inside another (reentrant): the outer one decides.
			return super.handleCommand(channel, databaseName, command, query);
		}
		boolean write = WireCommands.isWrite(command, query);
		if (write) {
			StoreState.Refusal refusal = this.state.writesRefused().orElse(null);
			if (refusal != null) {
				if (command.equalsIgnoreCase("createIndexes") && indexesExist(channel, databaseName, query)) {
					// What a service asks at every start; nothing to write, so a
					// read-only store can answer it.
					return new Document("ok", 1.0).append("note", "all indexes already exist");
				}
				throw refusal.toServerError();
			}
		}
		GroupCommitter durable = this.committer;
		long[] epoch = new long[1];
		Document response;
		try {
			if (write) {
				response = inRequest(() -> {
					Document result = ConsistentReplies.run(this, databaseName, command, query,
							() -> super.handleCommand(channel, databaseName, command, query));
					if (durable != null) {
						epoch[0] = durable.epoch();
					}
					return result;
				});
			}
			else {
				response = inRead(() -> ConsistentReplies.run(this, databaseName, command, query,
						() -> super.handleCommand(channel, databaseName, command, query)));
			}
		}
		catch (MongoServerException ex) {
			throw ex;
		}
		catch (MVStoreException ex) {
			if (this.store.isClosed()) {
				throw new Retired();
			}
			throw unavailable(ex);
		}
		if (write && durable != null && this.awaitDurability) {
			try {
				durable.awaitDurable(epoch[0]);
			}
			catch (StoreWriteFailedException ex) {
				// Never acknowledged: the client learns the write may not have happened
				// and retries later.
				throw this.state.writesRefused()
					.map(StoreState.Refusal::toServerError)
					.orElseGet(() -> new MongoServerError(StoreState.REFUSED_CODE, StoreState.REFUSED_CODE_NAME,
							"Writes refused: " + StoreState.Cause.WRITE_FAILED.publicReason()));
			}
		}
		return response;
	}

	/**
	 * Whether every unique index a {@code createIndexes} asks for exists already. Other
	 * indexes count as present: the embedded store ignores non-unique secondary indexes
	 * anyway.
	 */
	private boolean indexesExist(Channel channel, String databaseName, Document query) {
		Object collection = query.get("createIndexes");
		if (!(collection instanceof String name) || !(query.get("indexes") instanceof List<?> requested)) {
			return false;
		}
		Document listed = inRead(
				() -> super.handleCommand(channel, databaseName, "listIndexes", new Document("listIndexes", name)));
		List<?> existing = (listed.get("cursor") instanceof Document cursor
				&& cursor.get("firstBatch") instanceof List<?> batch) ? batch : List.of();
		for (Object index : requested) {
			if (!(index instanceof Document wanted)) {
				return false;
			}
			if (!Boolean.TRUE.equals(wanted.get("unique"))) {
				continue;
			}
			boolean found = existing.stream()
				.anyMatch(
						(present) -> present instanceof Document document && Boolean.TRUE.equals(document.get("unique"))
								&& wanted.get("key").equals(document.get("key")));
			if (!found) {
				return false;
			}
		}
		return true;
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		try {
			return inRead(() -> super.handleQuery(query));
		}
		catch (MVStoreException ex) {
			if (this.store.isClosed()) {
				throw new Retired();
			}
			throw unavailable(ex);
		}
	}

	/**
	 * The file failed under a request (closed after a failed commit, or a damaged page):
	 * not the client's fault.
	 */
	private static MongoServerError unavailable(MVStoreException ex) {
		return new MongoServerError(StoreState.REFUSED_CODE, StoreState.REFUSED_CODE_NAME,
				"Store unavailable: " + ex.getMessage(), ex);
	}

	/** Closing commits too: not while a request runs. */
	@Override
	public void close() {
		this.moves.writeLock().lock();
		try {
			this.barrier.writeLock().lock();
			try {
				super.close();
			}
			finally {
				this.barrier.writeLock().unlock();
			}
		}
		finally {
			this.moves.writeLock().unlock();
		}
	}

}
