package org.hacktrail.platform.store;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * MVStore's "Chunk N not found" (H2 issues #4383, #4218), reproduced on a bare MVStore,
 * and the settings of {@link EmbeddedStore} that avoid it. A read walks a map while the
 * whole map is rewritten and committed ten times.
 *
 * <p>
 * With a write buffer (MVStore's default), a writer thread commits by itself in the
 * middle of its writes once the buffer fills, auto-commit disabled or not, and the read
 * fails at the first rewrite. With the buffer at zero, as {@link EmbeddedStore} opens it,
 * commits happen only when asked, between operations, and the same read sees its whole
 * version. With compaction as well and no old version kept, the read loses its chunks
 * again unless it registers the version it reads, as {@link RequestConsistentH2Backend}
 * does for every read request.
 *
 * <p>
 * The retention time is 0 so that chunks need not be 45 s old before MVStore may drop
 * them; a service running for hours has such chunks all the time.
 */
@EmbeddedStoreOnly
class MvStoreChunkCleanupTests {

	static final int ENTRIES = 5_000;

	@TempDir
	Path dir;

	@Test
	void aReadOfAMapRewrittenByWritersThatCommitThemselvesLosesItsChunks() {
		// The default buffer scales with the heap (1 to 19 MB); 1 MB makes the writer
		// commit within each rewrite.
		try (MVStore store = open(new MVStore.Builder().autoCommitDisabled().autoCommitBufferSize(1024))) {
			MVMap<Integer, String> map = populate(store);
			assertThatExceptionOfType(MVStoreException.class).isThrownBy(() -> walkWhileRewriting(store, map))
				.withMessageContaining("Chunk")
				.withMessageContaining("not found");
		}
	}

	@Test
	void theSameReadWithCommitsOnlyWhenAskedSeesItsWholeVersion() {
		try (MVStore store = open(new MVStore.Builder().autoCommitDisabled().autoCommitBufferSize(0))) {
			MVMap<Integer, String> map = populate(store);
			assertThat(walkWhileRewriting(store, map)).isEqualTo(ENTRIES);
		}
	}

	/**
	 * Reads no longer wait for commits ({@link RequestConsistentH2Backend#inRead}): they
	 * register the version they start from. With no old version kept at all and chunks
	 * reused at once, the same read, with commits and compaction between its steps, still
	 * finds every chunk it needs.
	 */
	@Test
	void aReadThatRegistersItsVersionFindsItsChunksThroughCommitsAndCompaction() {
		try (MVStore store = open(new MVStore.Builder().autoCommitDisabled().autoCommitBufferSize(0))) {
			store.setVersionsToKeep(0);
			MVMap<Integer, String> map = populate(store);
			MVStore.TxCounter version = store.registerVersionUsage();
			try {
				assertThat(walkWhileRewriting(store, map, true)).isEqualTo(ENTRIES);
			}
			finally {
				store.deregisterVersionUsage(version);
			}
		}
	}

	@Test
	void withoutRegisteringItsVersionThatReadLosesItsChunks() {
		try (MVStore store = open(new MVStore.Builder().autoCommitDisabled().autoCommitBufferSize(0))) {
			store.setVersionsToKeep(0);
			MVMap<Integer, String> map = populate(store);
			assertThatExceptionOfType(MVStoreException.class).isThrownBy(() -> walkWhileRewriting(store, map, true))
				.withMessageContaining("Chunk");
		}
	}

	private MVStore open(MVStore.Builder builder) {
		MVStore store = builder.fileName(this.dir.resolve("chunks.mv.db").toString()).cacheSize(1).open();
		store.setRetentionTime(0);
		return store;
	}

	private static MVMap<Integer, String> populate(MVStore store) {
		MVMap<Integer, String> map = store.openMap("data");
		for (int i = 0; i < ENTRIES; i++) {
			map.put(i, "v0-" + "x".repeat(1000));
		}
		store.commit();
		return map;
	}

	private static int walkWhileRewriting(MVStore store, MVMap<Integer, String> map) {
		return walkWhileRewriting(store, map, false);
	}

	/**
	 * Iterates the map; every 500 entries, rewrites all of it and commits (and compacts,
	 * if asked).
	 */
	private static int walkWhileRewriting(MVStore store, MVMap<Integer, String> map, boolean compact) {
		Iterator<Map.Entry<Integer, String>> entries = map.entrySet().iterator();
		int seen = 0;
		int round = 0;
		while (entries.hasNext()) {
			Map.Entry<Integer, String> entry = entries.next();
			assertThat(entry.getValue()).startsWith("v0-");
			if (++seen % 500 == 0) {
				round++;
				for (int i = 0; i < ENTRIES; i++) {
					map.put(i, "v" + round + "-" + "x".repeat(1000));
				}
				store.commit();
				if (compact) {
					store.compact(90, 16 * 1024 * 1024);
					store.commit();
				}
			}
		}
		return seen;
	}

}
