package org.hacktrail.platform.store;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The embedded store's page cache and compaction steps follow the heap (the cache unless
 * it is configured): H2 counts a cached document at about a third of its heap size, so a
 * fixed 64 MB cache filled a 256 MB heap while a million-row file was read.
 */
class PageCacheSizeTests {

	private static final long MB = 1024 * 1024;

	private static EmbeddedStoreProperties cache(int megabytes) {
		return new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.H2, Path.of("data"), Duration.ofSeconds(1),
				megabytes);
	}

	@Test
	void zeroSizesTheCacheFromTheHeapBetweenFourAndSixtyFourMegabytes() {
		assertThat(cache(0).effectiveCacheSizeMb(256 * MB)).isEqualTo(16);
		assertThat(cache(0).effectiveCacheSizeMb(512 * MB)).isEqualTo(32);
		assertThat(cache(0).effectiveCacheSizeMb(6 * 1024 * MB)).isEqualTo(64);
		assertThat(cache(0).effectiveCacheSizeMb(32 * MB)).isEqualTo(4);
	}

	@Test
	void aConfiguredSizeIsTakenAsItIsAndANegativeOneIsRefused() {
		assertThat(cache(48).effectiveCacheSizeMb(256 * MB)).isEqualTo(48);
		assertThatIllegalArgumentException().isThrownBy(() -> cache(-1)).withMessageContaining("cache-size-mb");
	}

	@Test
	void aCompactionStepNeverTakesMoreThanASixtyFourthOfTheHeap() {
		assertThat(FileHousekeeping.heapCapped(FileHousekeeping.IDLE_WRITE_LIMIT, 256 * MB)).isEqualTo(4 * (int) MB);
		assertThat(FileHousekeeping.heapCapped(FileHousekeeping.IDLE_WRITE_LIMIT, 2048 * MB))
			.isEqualTo(FileHousekeeping.IDLE_WRITE_LIMIT);
		assertThat(FileHousekeeping.heapCapped(FileHousekeeping.BUSY_WRITE_LIMIT, 32 * MB))
			.isEqualTo(FileHousekeeping.BUSY_WRITE_LIMIT);
	}

}
