package org.hacktrail.platform.store;

import java.nio.file.Path;
import java.time.Duration;

/** Settings of embedded stores opened directly by tests, without a Spring context. */
final class StoreFixtures {

	static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

	private StoreFixtures() {
	}

	/**
	 * The persistent backend as the service runs it by default: H2 file, 1 s commit
	 * interval, 64 MB cache.
	 */
	static EmbeddedStoreProperties h2(Path dataDir) {
		return new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.H2, dataDir, COMMIT_INTERVAL, 64);
	}

	/**
	 * A cache far smaller than the data, so that reads go to the file's chunks as they do
	 * on a large store.
	 */
	static EmbeddedStoreProperties h2SmallCache(Path dataDir) {
		return new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.H2, dataDir, COMMIT_INTERVAL, 1);
	}

	static EmbeddedStoreProperties memory() {
		return new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.MEMORY, Path.of("unused"), COMMIT_INTERVAL,
				64);
	}

}
