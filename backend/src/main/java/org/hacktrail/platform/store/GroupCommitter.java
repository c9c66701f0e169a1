package org.hacktrail.platform.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * The only thread that commits the embedded store's MVStore, and the group commit that
 * makes an acknowledged write durable.
 *
 * <p>
 * Requests run under the shared side of {@link RequestConsistentH2Backend}'s barrier and
 * read the open <em>epoch</em> before they leave it. A commit takes the exclusive side
 * (so it holds whole requests only), closes the epoch, writes the changed pages, leaves
 * the barrier, forces the file to disk, and only then declares the epoch durable. A write
 * waits for its epoch to be durable before it is answered; writes that arrive while one
 * commit is being written wait together for the next, so under load one commit and one
 * sync serve many requests.
 *
 * <p>
 * Only write requests hold the barrier; reads run beside commits
 * ({@link RequestConsistentH2Backend}). Idle housekeeping, which moves chunks inside the
 * file, also waits for reads, for at most {@link #PATIENCE}.
 *
 * <p>
 * If a commit or a sync fails, nothing after the last durable epoch is ever acknowledged:
 * every waiting writer gets the failure and {@code onFailure} is told once (the store
 * then refuses writes and reopens the file read-only).
 *
 * <p>
 * Between commits, when there is no one waiting, it also keeps the file compact
 * ({@link FileHousekeeping}).
 */
final class GroupCommitter implements AutoCloseable {

	static final Duration PATIENCE = Duration.ofMillis(50);

	private final MVStore store;

	private final RequestConsistentH2Backend backend;

	private final boolean sync;

	private final Duration interval;

	private final Consumer<Throwable> onFailure;

	private final @Nullable FileHousekeeping housekeeping;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	/**
	 * The epoch requests write into; advanced only under the barrier's exclusive side.
	 */
	private volatile long openEpoch = 1;

	/**
	 * Every request that read an epoch up to this one is on the disk. Guarded by
	 * {@link #lock}.
	 */
	private long durableEpoch;

	/**
	 * The newest epoch a writer waits for; a commit is due while it is not durable.
	 * Guarded by {@link #lock}.
	 */
	private long requestedEpoch;

	private @Nullable Throwable failure;

	private boolean closing;

	private long lastCommitNanos = System.nanoTime();

	private long commits;

	private final Thread thread;

	private final MVMap<String, Object> commitTimes;

	GroupCommitter(MVStore store, RequestConsistentH2Backend backend, EmbeddedStoreProperties properties,
			@Nullable FileHousekeeping housekeeping, Consumer<Throwable> onFailure) {
		this.store = store;
		this.backend = backend;
		this.sync = properties.durability() == EmbeddedStoreProperties.Durability.SYNC;
		this.interval = properties.commitInterval();
		this.housekeeping = housekeeping;
		this.onFailure = onFailure;
		this.commitTimes = store.openMap(StoreVerifier.COMMITS_MAP);
		this.thread = new Thread(this::run, "embedded-store-commit");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * The epoch a request's writes belong to; read while the request still holds the
	 * barrier's shared side.
	 */
	long epoch() {
		return this.openEpoch;
	}

	/** Commits made so far (for tests and the benchmark). */
	long commits() {
		this.lock.lock();
		try {
			return this.commits;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns once every write of {@code epoch} is on the disk; throws
	 * {@link StoreWriteFailedException} if it never will be (a commit failed, or the
	 * store is closing).
	 */
	void awaitDurable(long epoch) {
		this.lock.lock();
		try {
			if (epoch > this.requestedEpoch) {
				this.requestedEpoch = epoch;
				this.changed.signalAll();
			}
			while (this.durableEpoch < epoch) {
				if (this.failure != null) {
					throw new StoreWriteFailedException("The write could not be made durable: " + this.failure,
							this.failure);
				}
				if (this.closing) {
					throw new StoreWriteFailedException("The store closed before the write was made durable", null);
				}
				this.changed.awaitUninterruptibly();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void run() {
		while (true) {
			boolean waiters;
			this.lock.lock();
			try {
				while (!this.closing && this.failure == null && this.requestedEpoch <= this.durableEpoch
						&& !intervalDue()) {
					long wait = this.interval.toNanos() - (System.nanoTime() - this.lastCommitNanos);
					if (wait <= 0) {
						break;
					}
					this.changed.awaitNanos(wait);
				}
				if (this.closing || this.failure != null) {
					return;
				}
				waiters = this.requestedEpoch > this.durableEpoch;
			}
			catch (InterruptedException ex) {
				return;
			}
			finally {
				this.lock.unlock();
			}
			if (waiters || this.store.hasUnsavedChanges()) {
				commitRound();
			}
			else {
				this.lastCommitNanos = System.nanoTime();
				if (this.housekeeping != null) {
					tidy();
				}
			}
		}
	}

	private boolean intervalDue() {
		return System.nanoTime() - this.lastCommitNanos >= this.interval.toNanos();
	}

	/**
	 * One commit: between requests, then a sync outside the barrier, then the waiting
	 * writers are released.
	 */
	private void commitRound() {
		long closed = 0;
		// Only write requests hold the barrier (reads run beside commits), and they are
		// short: wait for them.
		this.backend.barrier().writeLock().lock();
		Throwable failed = null;
		try {
			closed = this.openEpoch;
			this.openEpoch = closed + 1;
			if (this.store.hasUnsavedChanges()) {
				// When this version was made: a recovery report can then say what time it
				// restored the data to.
				this.commitTimes.put(StoreVerifier.COMMITTED_AT, System.currentTimeMillis());
				this.store.commit();
			}
			if (this.housekeeping != null && this.housekeeping.rewriteDue()) {
				this.housekeeping.rewrite(false);
			}
		}
		catch (RuntimeException | Error ex) {
			failed = ex;
		}
		finally {
			this.backend.barrier().writeLock().unlock();
		}
		if (failed != null) {
			fail(failed);
			return;
		}
		try {
			// Outside the barrier: requests go on while the disk catches up; their writes
			// belong to the next epoch.
			FileStore<?> file = this.store.getFileStore();
			if (file != null) {
				file.sync();
			}
		}
		catch (RuntimeException | Error ex) {
			fail(ex);
			return;
		}
		this.lastCommitNanos = System.nanoTime();
		this.lock.lock();
		try {
			// Two threads may commit (the committer, and close or an explicit commit):
			// never move backwards.
			this.durableEpoch = Math.max(this.durableEpoch, closed);
			this.commits++;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (this.housekeeping != null && Thread.currentThread() == this.thread && this.housekeeping.moveDue()) {
			moveChunks(false);
		}
	}

	/**
	 * Housekeeping in a quiet moment: a large rewrite step, then a move step; a failure
	 * is a commit failure.
	 */
	private void tidy() {
		if (!this.housekeeping.needed()) {
			return;
		}
		Throwable failed = null;
		this.backend.barrier().writeLock().lock();
		try {
			this.housekeeping.rewrite(true);
		}
		catch (RuntimeException | Error ex) {
			failed = ex;
		}
		finally {
			this.backend.barrier().writeLock().unlock();
		}
		if (failed != null) {
			fail(failed);
			return;
		}
		moveChunks(true);
	}

	/**
	 * Housekeeping rounds until the file is compact or {@code budget} is spent; for a
	 * clean close, after {@link #close()}, with every request finished (the caller holds
	 * both locks).
	 */
	void compactBeforeClose(Duration budget) {
		if (this.housekeeping == null || this.failure != null) {
			return;
		}
		long deadline = System.nanoTime() + budget.toNanos();
		while (this.housekeeping.needed() && System.nanoTime() < deadline) {
			String before = this.housekeeping.describe();
			this.housekeeping.rewrite(true);
			this.housekeeping.move(true);
			if (before.equals(this.housekeeping.describe())) {
				// No progress: what is left is as compact as housekeeping makes it.
				return;
			}
		}
	}

	/**
	 * A move step of housekeeping, with every request held back (reads must not find a
	 * chunk moved), then a sync. Gives up if the requests in flight do not end within
	 * {@link #PATIENCE}.
	 */
	private void moveChunks(boolean idle) {
		ReentrantReadWriteLock moves = this.backend.moves();
		try {
			if (!moves.writeLock().tryLock(PATIENCE.toNanos(), TimeUnit.NANOSECONDS)) {
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		Throwable failed = null;
		try {
			this.backend.barrier().writeLock().lock();
			try {
				this.housekeeping.move(idle);
			}
			finally {
				this.backend.barrier().writeLock().unlock();
			}
			FileStore<?> file = this.store.getFileStore();
			if (file != null && !file.isReadOnly()) {
				file.sync();
			}
		}
		catch (RuntimeException | Error ex) {
			failed = ex;
		}
		finally {
			moves.writeLock().unlock();
		}
		if (failed != null) {
			fail(failed);
		}
	}

	/**
	 * Records the failure, lets the store switch to read-only, and only then releases the
	 * waiting writers: a client told its write was refused finds the store already
	 * serving reads from the disk.
	 */
	private void fail(Throwable ex) {
		this.lock.lock();
		try {
			if (this.failure != null) {
				return;
			}
			this.failure = ex;
		}
		finally {
			this.lock.unlock();
		}
		try {
			this.onFailure.accept(ex);
		}
		finally {
			this.lock.lock();
			try {
				this.changed.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	/**
	 * Commits what finished requests wrote, forces it to disk and stops; later writes are
	 * refused. A failure is reported to {@code onFailure} and rethrown.
	 */
	void commitNow() {
		if (this.failure == null && this.store.hasUnsavedChanges()) {
			commitRound();
		}
	}

	boolean failed() {
		this.lock.lock();
		try {
			return this.failure != null;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closing = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (Thread.currentThread() == this.thread) {
			// Closed by the failure handler running on this thread: the loop ends by
			// itself.
			return;
		}
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
