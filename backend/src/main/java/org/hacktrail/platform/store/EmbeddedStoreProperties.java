package org.hacktrail.platform.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded store, used only when no {@code MONGODB_URI} is given. The
 * docs/operations.md ("Embedded store") explains each of them for operators.
 *
 * @param backend {@code h2} keeps data in a file under {@code dataDir}; {@code memory}
 * keeps it in the heap (tests, throw-away demos)
 * @param dataDir where the H2 file lives ({@code HACKTRAIL_DATA_DIR}, default
 * {@code ./data})
 * @param durability {@code sync} (the default): a write is answered only once the commit
 * holding it is on the disk (group commit); {@code interval}: writes are answered at once
 * and committed every {@code commitInterval}, so a crash loses up to one interval of
 * acknowledged writes (faster, documented opt-out)
 * @param commitInterval in {@code interval} mode, how often written data is committed and
 * forced to disk; in {@code sync} mode only a safety net for writes nobody waits for
 * @param cacheSizeMb H2 page cache in MB as H2 estimates it, or 0 (the default) for
 * {@link #effectiveCacheSizeMb(long) one sixteenth of the heap, 4 to 64 MB}: H2 estimates
 * a cached document at about a third of what it takes in the heap, so a cache sized for
 * speed alone held 200 MB of a 256 MB heap while a million-row file was read
 * (docs/benchmarks.md, outcomes)
 * @param minFreeSpace the disk-space floor: below the smaller of this and
 * {@code minFreePercent} of the file system, the store refuses writes (readiness DOWN)
 * until space is freed
 * @param minFreePercent see {@code minFreeSpace}
 * @param readOnly open the file read-only: every write is refused, reads work (an
 * operator's choice, e.g. while copying the file)
 * @param acceptRecovered after a damaged file was recovered at an older version (and the
 * service ran read-only), make the recovered copy the store and open it for writing again
 */
@ConfigurationProperties("hacktrail.store.embedded")
public record EmbeddedStoreProperties(@DefaultValue("h2") Backend backend, @DefaultValue("./data") Path dataDir,
		@DefaultValue("sync") Durability durability, @DefaultValue("1s") Duration commitInterval,
		@DefaultValue("0") int cacheSizeMb, @DefaultValue("1GB") DataSize minFreeSpace,
		@DefaultValue("10") int minFreePercent, @DefaultValue("false") boolean readOnly,
		@DefaultValue("false") boolean acceptRecovered) {

	public enum Backend {

		H2, MEMORY

	}

	public enum Durability {

		/** Answer a write once it is on the disk (group commit). */
		SYNC,

		/** Answer a write at once; commit every interval. */
		INTERVAL

	}

	/** The largest automatic page cache, in H2's estimated MB. */
	public static final int MAX_AUTO_CACHE_MB = 64;

	/** The smallest automatic page cache, in H2's estimated MB. */
	public static final int MIN_AUTO_CACHE_MB = 4;

	/**
	 * The page cache to open the file with: the configured size, or with 0 one sixteenth
	 * of the largest heap, between {@value #MIN_AUTO_CACHE_MB} and
	 * {@value #MAX_AUTO_CACHE_MB} MB. H2 counts a cached document at about a third of its
	 * heap size, so one sixteenth estimated is about a fifth of the heap in fact.
	 * @param maxHeapBytes {@code Runtime.getRuntime().maxMemory()}
	 */
	public int effectiveCacheSizeMb(long maxHeapBytes) {
		if (this.cacheSizeMb > 0) {
			return this.cacheSizeMb;
		}
		long sixteenth = maxHeapBytes / 16 / (1024 * 1024);
		return (int) Math.max(MIN_AUTO_CACHE_MB, Math.min(MAX_AUTO_CACHE_MB, sixteenth));
	}

	@ConstructorBinding
	public EmbeddedStoreProperties {
		if (cacheSizeMb < 0) {
			throw new IllegalArgumentException(
					"hacktrail.store.embedded.cache-size-mb must be 0 (sized from the heap) or a size in MB");
		}
		if (minFreePercent < 0 || minFreePercent > 90) {
			throw new IllegalArgumentException("hacktrail.store.embedded.min-free-percent must be between 0 and 90");
		}
		if (commitInterval.isNegative() || commitInterval.isZero()) {
			throw new IllegalArgumentException("hacktrail.store.embedded.commit-interval must be positive");
		}
	}

	/**
	 * The defaults with another backend, folder, commit interval and cache; for tools and
	 * tests.
	 */
	public EmbeddedStoreProperties(Backend backend, Path dataDir, Duration commitInterval, int cacheSizeMb) {
		this(backend, dataDir, Durability.SYNC, commitInterval, cacheSizeMb, DataSize.ofGigabytes(1), 10, false, false);
	}

	public EmbeddedStoreProperties withDurability(Durability value) {
		return new EmbeddedStoreProperties(this.backend, this.dataDir, value, this.commitInterval, this.cacheSizeMb,
				this.minFreeSpace, this.minFreePercent, this.readOnly, this.acceptRecovered);
	}

	public EmbeddedStoreProperties withMinFreeSpace(DataSize value, int percent) {
		return new EmbeddedStoreProperties(this.backend, this.dataDir, this.durability, this.commitInterval,
				this.cacheSizeMb, value, percent, this.readOnly, this.acceptRecovered);
	}

	public EmbeddedStoreProperties withReadOnly(boolean value) {
		return new EmbeddedStoreProperties(this.backend, this.dataDir, this.durability, this.commitInterval,
				this.cacheSizeMb, this.minFreeSpace, this.minFreePercent, value, this.acceptRecovered);
	}

	public EmbeddedStoreProperties withAcceptRecovered(boolean value) {
		return new EmbeddedStoreProperties(this.backend, this.dataDir, this.durability, this.commitInterval,
				this.cacheSizeMb, this.minFreeSpace, this.minFreePercent, this.readOnly, value);
	}

	public Path file() {
		return this.dataDir.resolve("hacktrail.mv.db");
	}

	/**
	 * Where a damaged file's newest consistent older version is written while the service
	 * runs read-only.
	 */
	public Path recoveredFile() {
		return this.dataDir.resolve("hacktrail.recovered.mv.db");
	}

	/**
	 * The free space below which writes are refused, on a file system of
	 * {@code totalBytes}.
	 */
	public long freeSpaceFloor(long totalBytes) {
		return Math.min(this.minFreeSpace.toBytes(), totalBytes / 100 * this.minFreePercent);
	}

}
