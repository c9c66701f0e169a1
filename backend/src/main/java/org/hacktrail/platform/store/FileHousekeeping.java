package org.hacktrail.platform.store;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the H2 file proportional to the live data. MVStore never overwrites a page: every
 * commit writes the changed pages into a new chunk, and an old chunk's space is reused
 * only once nothing live is left in it. Without compaction, chunks that keep a few live
 * pages pile up and the file grows with every write (an import once grew it by ~20 KB of
 * file per imported outcome row). MVStore's own background housekeeping would do this,
 * but it runs with auto-commit, which this store keeps off (see
 * {@link RequestConsistentH2Backend}). So the group committer runs two steps with
 * MVStore's public compaction calls:
 * <ol>
 * <li>{@link #rewrite}: while the live share of the chunks is below the target, the live
 * pages of the sparsest old chunks are rewritten into the next commit (their chunks then
 * hold nothing live and their space is reused). Like a commit, it holds back write
 * requests only.</li>
 * <li>{@link #move}: while the live share of the file is below the target, chunks are
 * moved towards the start of the file and the file is truncated. A read must not find a
 * chunk moved, so this holds back every request.</li>
 * </ol>
 * Under load a rewrite step runs at most every 250 ms and rewrites 1 to 8 MB of live
 * data, more the sparser the chunks (writes wait meanwhile, reads do not); a move step
 * runs at most every 250 ms and moves at most 1 MB (every request waits a few
 * milliseconds). When the store is idle a step may do more. With an import of random keys
 * (the worst case: every commit leaves a few live pages in every older chunk) the chunks
 * settle near 40 % live and the file near 2.7 times a compacted copy while the import
 * runs; once idle, housekeeping brings it close to 1.
 */
final class FileHousekeeping {

	/**
	 * Live data, as a share of the chunks and of the file, below which housekeeping works
	 * when the store is idle.
	 */
	static final int TARGET_FILL_RATE = 70;

	/**
	 * Under load, only sparser chunks are rewritten: every commit leaves most of the
	 * previous chunks dead within moments, and rewriting a chunk that is about to die
	 * anyway only costs time while requests wait.
	 */
	static final int BUSY_FILL_RATE = 50;

	static final int BUSY_WRITE_LIMIT = 1024 * 1024;

	static final int IDLE_WRITE_LIMIT = 16 * 1024 * 1024;

	/**
	 * A step never rewrites or moves more than a sixty-fourth of the heap (at least
	 * {@link #BUSY_WRITE_LIMIT}): the pages it rewrites are read back as documents (about
	 * three times their size on the disk) and written out through one buffer as large as
	 * the chunk. A 16 MB idle step once failed a commit with a 256 MB heap ("Capacity:
	 * 23887872") at the end of a million-row import (docs/benchmarks.md, outcomes).
	 */
	static int heapCapped(int limit, long maxHeapBytes) {
		long cap = Math.max(BUSY_WRITE_LIMIT, maxHeapBytes / 64);
		return (int) Math.min(limit, cap);
	}

	private static int capped(int limit) {
		return heapCapped(limit, Runtime.getRuntime().maxMemory());
	}

	/** Under load, each step at most once per this interval. */
	static final long BUSY_RUN_INTERVAL_NANOS = 250_000_000L;

	/** MVStore's default number of old versions whose chunks it keeps. */
	static final int VERSIONS_KEPT = 5;

	private final MVStore store;

	private final MVMap<String, Object> commitTimes;

	private long lastRewriteNanos = System.nanoTime();

	private long lastMoveNanos = System.nanoTime();

	FileHousekeeping(MVStore store) {
		this.store = store;
		this.commitTimes = store.openMap(StoreVerifier.COMMITS_MAP);
		// A chunk's space may be reused as soon as nothing live is left in it and no read
		// still uses its version:
		// every commit is forced to disk before the next one is written (GroupCommitter),
		// and reads register the
		// version they read (RequestConsistentH2Backend). Those are what MVStore's 45 s
		// retention protects otherwise.
		store.setRetentionTime(0);
	}

	private @Nullable FileStore<?> writableFile() {
		FileStore<?> file = this.store.getFileStore();
		return (file == null || file.isReadOnly() || this.store.isClosed()) ? null : file;
	}

	/** Whether there is anything to compact; cheap, and safe without any lock. */
	boolean needed() {
		FileStore<?> file = writableFile();
		return file != null && (file.getChunksFillRate() < TARGET_FILL_RATE || file.getFillRate() < TARGET_FILL_RATE);
	}

	/** The file's size and fill rates, to tell whether a step changed anything. */
	String describe() {
		FileStore<?> file = writableFile();
		return (file == null) ? "" : file.size() + "/" + file.getFillRate() + "/" + file.getChunksFillRate();
	}

	/** Whether a rewrite step is due while writes keep coming. */
	boolean rewriteDue() {
		return System.nanoTime() - this.lastRewriteNanos >= BUSY_RUN_INTERVAL_NANOS;
	}

	/**
	 * Whether a move step is due while requests keep coming; cheap, and safe without any
	 * lock.
	 */
	boolean moveDue() {
		FileStore<?> file = writableFile();
		return file != null && System.nanoTime() - this.lastMoveNanos >= BUSY_RUN_INTERVAL_NANOS
				&& file.getFillRate() < BUSY_FILL_RATE;
	}

	/**
	 * Rewrites the live pages of sparse chunks and commits them; the caller holds the
	 * commit barrier.
	 * @param idle whether no writer is waiting (a larger step, and the versions MVStore
	 * keeps are moved past)
	 */
	void rewrite(boolean idle) {
		this.lastRewriteNanos = System.nanoTime();
		FileStore<?> file = writableFile();
		int target = idle ? TARGET_FILL_RATE : BUSY_FILL_RATE;
		if (file == null || file.getChunksFillRate() >= target) {
			return;
		}
		if (this.store.compact(target, capped(idle ? IDLE_WRITE_LIMIT : busyLimit(file.getChunksFillRate())))) {
			this.store.commit();
			if (idle) {
				// The chunks just emptied may be reused only once MVStore has moved past
				// the versions it keeps; under
				// load the commits of requests do that, when idle a few small ones do.
				for (int i = 0; i < VERSIONS_KEPT; i++) {
					this.commitTimes.put(StoreVerifier.COMMITTED_AT, System.currentTimeMillis());
					this.store.commit();
				}
			}
		}
	}

	/**
	 * How much live data a step under load rewrites: more the sparser the chunks are.
	 * Random inserts into a large collection (an import) leave every chunk with a few
	 * live pages; rewriting those frees whole chunks, about four times the bytes
	 * rewritten at a fill rate of 20 %.
	 */
	static int busyLimit(int chunksFillRate) {
		if (chunksFillRate < 25) {
			return 8 * BUSY_WRITE_LIMIT;
		}
		return (chunksFillRate < 40) ? 4 * BUSY_WRITE_LIMIT : BUSY_WRITE_LIMIT;
	}

	/**
	 * Moves chunks towards the start of the file and truncates it; the caller holds back
	 * every request.
	 * @param idle whether the store is idle (a larger step)
	 */
	void move(boolean idle) {
		this.lastMoveNanos = System.nanoTime();
		FileStore<?> file = writableFile();
		int target = idle ? TARGET_FILL_RATE : BUSY_FILL_RATE;
		if (file instanceof RandomAccessStore randomAccess && randomAccess.getFillRate() < target) {
			randomAccess.compactMoveChunks(target, capped(idle ? IDLE_WRITE_LIMIT : BUSY_WRITE_LIMIT), this.store);
		}
	}

}
