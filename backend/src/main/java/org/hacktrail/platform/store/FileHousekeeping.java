package org.hacktrail.platform.store;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Keeps the H2 file proportional to the live data. MVStore never overwrites a page: every commit writes the changed
 * pages into a new chunk, and an old chunk's space is reused only once nothing live is left in it. Without
 * compaction, chunks that keep a few live pages pile up and the file grows with every write (issue 16 measured
 * ~20 KB of file per imported outcome row). MVStore's own background housekeeping would do this, but it runs with
 * auto-commit, which this store keeps off (see {@link RequestConsistentH2Backend}). So the group committer runs
 * this, under the same barrier as a commit, with MVStore's public compaction calls:
 * <ol>
 * <li>while the live share of the chunks is below {@link #TARGET_FILL_RATE}, the live pages of the sparsest old
 * chunks are rewritten into the next commit (their chunks then hold nothing live and their space is reused);</li>
 * <li>while the live share of the file is below the target, chunks are moved towards the start of the file and the
 * file is truncated.</li>
 * </ol>
 * Each run writes a bounded amount, so that a run under load holds requests back for milliseconds only; when the
 * store is idle a run may write more.
 */
final class FileHousekeeping {

	/** Live data, as a share of the chunks and of the file, below which housekeeping works. */
	static final int TARGET_FILL_RATE = 70;

	static final int BUSY_WRITE_LIMIT = 4 * 1024 * 1024;

	static final int IDLE_WRITE_LIMIT = 16 * 1024 * 1024;

	/** Under load, at most one run per this interval. */
	static final long BUSY_RUN_INTERVAL_NANOS = 100_000_000L;

	private final MVStore store;

	private long lastRunNanos = System.nanoTime();

	FileHousekeeping(MVStore store) {
		this.store = store;
		// A chunk's space may be reused as soon as nothing live is left in it: every commit is forced to disk before
		// the next one is written (GroupCommitter), and no read spans a commit (RequestConsistentH2Backend), which
		// are the two things MVStore's 45 s retention protects when it runs on its own.
		store.setRetentionTime(0);
	}

	/** Whether there is anything to compact; cheap, and safe outside the barrier. */
	boolean needed() {
		FileStore<?> file = this.store.getFileStore();
		return file != null && !file.isReadOnly() && !this.store.isClosed()
				&& (file.getChunksFillRate() < TARGET_FILL_RATE || file.getFillRate() < TARGET_FILL_RATE);
	}

	/** Whether a run is due while writes keep coming. */
	boolean dueUnderLoad() {
		return System.nanoTime() - this.lastRunNanos >= BUSY_RUN_INTERVAL_NANOS;
	}

	/**
	 * One bounded round of compaction; the caller holds the commit barrier. Returns whether anything was rewritten
	 * (which the following commit writes).
	 * @param idle whether no writer is waiting (a larger round is allowed)
	 */
	boolean run(boolean idle) {
		this.lastRunNanos = System.nanoTime();
		FileStore<?> file = this.store.getFileStore();
		if (file == null || file.isReadOnly() || this.store.isClosed()) {
			return false;
		}
		int limit = idle ? IDLE_WRITE_LIMIT : BUSY_WRITE_LIMIT;
		boolean rewritten = false;
		if (file.getChunksFillRate() < TARGET_FILL_RATE) {
			rewritten = this.store.compact(TARGET_FILL_RATE, limit);
			if (rewritten) {
				this.store.commit();
			}
		}
		if (file instanceof RandomAccessStore randomAccess && randomAccess.getFillRate() < TARGET_FILL_RATE) {
			randomAccess.compactMoveChunks(TARGET_FILL_RATE, limit, this.store);
		}
		return rewritten;
	}

}
