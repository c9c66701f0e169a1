package org.hacktrail.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTests {

	@Test
	void idsMadeInOneMillisecondSortInTheOrderTheyWereMade() {
		TimeOrderedIds ids = new TimeOrderedIds();
		Instant at = Instant.parse("2026-11-27T12:00:00.123456Z");
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) { // more than the 12-bit counter holds: the time
											// moves on by a millisecond
			made.add(ids.nextId(at));
		}
		assertThat(made).isSorted().doesNotHaveDuplicates();
		UUID first = UUID.fromString(made.get(0));
		assertThat(first.version()).isEqualTo(7);
		assertThat(first.variant()).isEqualTo(2);
		assertThat(first.getMostSignificantBits() >>> 16).as("the time, in milliseconds").isEqualTo(at.toEpochMilli());
		// A clock that goes back still gives a later id.
		assertThat(ids.nextId(at.minusSeconds(60))).isGreaterThan(made.get(made.size() - 1));
		Instant later = at.plusSeconds(60);
		assertThat(UUID.fromString(ids.nextId(later)).getMostSignificantBits() >>> 16).isEqualTo(later.toEpochMilli());
	}

	@Test
	void concurrentCallersGetDistinctIds() throws Exception {
		Set<String> ids = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < 5_000; i++) {
						ids.add(TimeOrderedIds.next(Instant.now()));
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(new HashSet<>(ids)).hasSize(20_000);
	}

}
