package org.hacktrail.platform;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Why {@link VersionPinningH2Backend} exists, shown on a bare MVStore opened as {@link EmbeddedStore} opens it: a
 * read that walks a map while the map is rewritten and committed more than the kept number of versions fails with
 * "Chunk N not found" (STACK.md's fault), unless the read registered the version it uses.
 *
 * <p>
 * The retention time is set to 0 so that the test does not wait 45 s for chunks to become old enough to drop; a
 * service running for hours has such chunks all the time.
 */
class MvStoreVersionPinningTests {

	@TempDir
	Path dir;

	@Test
	void anUnpinnedReadOfARewrittenMapLosesItsChunks() {
		try (MVStore store = open()) {
			MVMap<Integer, String> map = populate(store);
			assertThatExceptionOfType(MVStoreException.class).isThrownBy(() -> walkWhileRewriting(store, map))
				.withMessageContaining("Chunk")
				.withMessageContaining("not found");
		}
	}

	@Test
	void aPinnedReadOfARewrittenMapSeesItsWholeVersion() {
		try (MVStore store = open()) {
			MVMap<Integer, String> map = populate(store);
			MVStore.TxCounter pin = store.registerVersionUsage();
			try {
				assertThat(walkWhileRewriting(store, map)).isEqualTo(ENTRIES);
			}
			finally {
				store.deregisterVersionUsage(pin);
			}
		}
	}

	static final int ENTRIES = 6_000;

	private MVStore open() {
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("pin.mv.db").toString())
			.cacheSize(1)
			.autoCommitDisabled()
			.open();
		store.setRetentionTime(0);
		return store;
	}

	private static MVMap<Integer, String> populate(MVStore store) {
		MVMap<Integer, String> map = store.openMap("data");
		for (int i = 0; i < ENTRIES; i++) {
			map.put(i, "v0-" + "x".repeat(3000));
		}
		store.commit();
		return map;
	}

	/** Iterates the map; every 1,000 entries, rewrites all of it and commits, as busy writers and a scheduler do. */
	private static int walkWhileRewriting(MVStore store, MVMap<Integer, String> map) {
		Iterator<Map.Entry<Integer, String>> entries = map.entrySet().iterator();
		int seen = 0;
		int round = 0;
		while (entries.hasNext()) {
			Map.Entry<Integer, String> entry = entries.next();
			assertThat(entry.getValue()).startsWith("v0-");
			if (++seen % 1000 == 0) {
				round++;
				for (int i = 0; i < ENTRIES; i++) {
					map.put(i, "v" + round + "-" + "x".repeat(3000));
				}
				store.commit();
			}
		}
		return seen;
	}

}
