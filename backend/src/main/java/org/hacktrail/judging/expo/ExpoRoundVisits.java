package org.hacktrail.judging.expo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.hacktrail.platform.batch.IdBucket;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The visits of the OPEN rounds, kept in memory for the judges' walk, so that choosing a
 * table and answering one do not read every visit of the round from the store (at 10,000
 * comparisons that read was most of each request's time: docs/benchmarks.md, expo).
 *
 * <p>
 * Freshness: every write of a visit, by any instance, increments the round's write
 * counter ({@code expo_round_writes}, one document per round). A round's cached visits
 * carry the counter value they reflect. Reading the round reads the counter (one
 * {@code _id} lookup): the same value, and the cache is the store's state; another value
 * (another instance wrote), and the round is read again. A write made here applies the
 * written visit to the cache when the counter moved by exactly this write; otherwise the
 * round is read again next time. A write whose counter increment never happened (the
 * process died in between) is caught by the reload after {@link #FRESH_FOR} at the
 * latest. Reading the round after the counter means a write landing in between is read
 * and also triggers one more reload: never a missed write, at worst an extra read.
 *
 * <p>
 * Per round, reads and writes through this class are serialised (one lock per round), so
 * the table bound holds within an instance even when two judges ask at once. At most
 * {@link #ROUNDS} rounds are kept; the least recently read is dropped.
 */
@Component
class ExpoRoundVisits {

	/** The longest a round's visits are trusted without reading them again. */
	static final Duration FRESH_FOR = Duration.ofMinutes(5);

	/** Rounds kept at once. */
	static final int ROUNDS = 8;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Map<String, Cached> rounds = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	ExpoRoundVisits(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A round's write counter. */
	@Document("expo_round_writes")
	record RoundWrites(@Id String id, long writes) {
	}

	private static final class Cached {

		final Map<String, ExpoVisit> visits = new LinkedHashMap<>();

		long writes;

		Instant loadedAt;

		Instant readAt;

		Cached(long writes, Instant loadedAt) {
			this.writes = writes;
			this.loadedAt = loadedAt;
			this.readAt = loadedAt;
		}

	}

	/**
	 * Runs {@code action} with the round's lock held: what it reads through
	 * {@link #current} and writes through {@link #written} is one step for every other
	 * request of this instance.
	 */
	<T> T locked(String roundId, Supplier<T> action) {
		synchronized (lock(roundId)) {
			return action.get();
		}
	}

	/**
	 * Records that this instance stored {@code visit} (inserted or updated it): the
	 * round's counter moves, and the cache takes the visit when nobody else wrote
	 * meanwhile.
	 */
	void written(ExpoVisit visit) {
		synchronized (lock(visit.roundId())) {
			// store-rule: returned-inc-ok (no number is taken from it: the reply is only
			// compared with the cache's count to see whether another instance wrote; this
			// instance's increments of a round are serialised by the lock, and a wrong
			// reply only makes the round be read again)
			RoundWrites counter = this.mongo.findAndModify(new Query(Criteria.where("_id").is(visit.roundId())),
					new Update().inc("writes", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
					RoundWrites.class);
			Cached cached = this.rounds.get(visit.roundId());
			if (cached == null) {
				return;
			}
			if (counter != null && counter.writes() == cached.writes + 1) {
				cached.visits.put(visit.id(), visit);
				cached.writes = counter.writes();
			}
			else {
				this.rounds.remove(visit.roundId());
			}
		}
	}

	/** Every visit of the round from the store (not the cache), round-scoped. */
	List<ExpoVisit> stored(String roundId) {
		return this.mongo.find(new Query(Criteria.where("_id").regex("^" + IdBucket.literal(roundId + "/"))),
				ExpoVisit.class);
	}

	/** The round's visits now (every judge's), from the cache when it is current. */
	List<ExpoVisit> current(String roundId) {
		synchronized (lock(roundId)) {
			return read(roundId);
		}
	}

	private List<ExpoVisit> read(String roundId) {
		Instant now = this.clock.instant();
		long writes = writes(roundId);
		Cached cached = this.rounds.get(roundId);
		if (cached == null || cached.writes != writes || now.isAfter(cached.loadedAt.plus(FRESH_FOR))) {
			cached = new Cached(writes, now);
			List<ExpoVisit> visits = new ArrayList<>(stored(roundId));
			visits.sort(Comparator.comparing(ExpoVisit::id));
			for (ExpoVisit visit : visits) {
				cached.visits.put(visit.id(), visit);
			}
			this.rounds.put(roundId, cached);
			evict(roundId);
		}
		cached.readAt = now;
		return List.copyOf(cached.visits.values());
	}

	private long writes(String roundId) {
		@Nullable RoundWrites counter = this.mongo.findById(roundId, RoundWrites.class);
		return (counter != null) ? counter.writes() : 0;
	}

	private void evict(String keep) {
		while (this.rounds.size() > ROUNDS) {
			this.rounds.entrySet()
				.stream()
				.filter((entry) -> !entry.getKey().equals(keep))
				.min(Comparator.comparing((Map.Entry<String, Cached> entry) -> entry.getValue().readAt))
				.ifPresent((oldest) -> this.rounds.remove(oldest.getKey()));
		}
	}

	private Object lock(String roundId) {
		return this.locks.computeIfAbsent(roundId, (id) -> new Object());
	}

}
