package org.hacktrail.followup.bench;

import java.nio.file.Path;
import java.time.Duration;

import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;

/**
 * Starts the embedded store in a process of its own (memory or H2 backend), prints its
 * connection string as {@code URI mongodb://...} and runs until its standard input
 * closes: the store a benchmark points {@code MONGODB_URI} at.
 */
public final class EmbeddedStoreMain {

	private EmbeddedStoreMain() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedStoreProperties.Backend backend = (args.length > 0)
				? EmbeddedStoreProperties.Backend.valueOf(args[0].toUpperCase(java.util.Locale.ROOT))
				: EmbeddedStoreProperties.Backend.MEMORY;
		Path dataDir = (args.length > 1) ? Path.of(args[1])
				: Path.of(System.getProperty("java.io.tmpdir"), "bench-store");
		try (EmbeddedStore store = EmbeddedStore
			.start(new EmbeddedStoreProperties(backend, dataDir, Duration.ofSeconds(1), 256))) {
			System.out.println("URI " + store.connectionString("hacktrail"));
			System.out.flush();
			while (System.in.read() >= 0) {
				// Runs until the parent closes our standard input (or dies).
			}
		}
	}

}
