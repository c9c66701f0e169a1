package org.hacktrail.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded store, used only when no {@code MONGODB_URI} is given.
 *
 * @param backend {@code h2} keeps data in a file under {@code dataDir}; {@code memory} keeps it in the heap
 *     (tests, throw-away demos)
 * @param dataDir where the H2 file lives ({@code HACKTRAIL_DATA_DIR}, default {@code ./data})
 * @param commitInterval how often written data is committed to the file and forced to disk; a crash (even
 *     {@code kill -9}) loses at most the writes of the last interval plus one commit (EmbeddedStoreCrashTests: every
 *     write acknowledged more than 1.5 s before a SIGKILL survived with the 1 s default)
 * @param cacheSizeMb H2 page cache; STACK measurements show full scans collapsing with the 16 MB default
 */
@ConfigurationProperties("hacktrail.store.embedded")
public record EmbeddedStoreProperties(@DefaultValue("h2") Backend backend, @DefaultValue("./data") Path dataDir,
		@DefaultValue("1s") Duration commitInterval, @DefaultValue("64") int cacheSizeMb) {

	public enum Backend {

		H2, MEMORY

	}

	public Path file() {
		return this.dataDir.resolve("hacktrail.mv.db");
	}

}
