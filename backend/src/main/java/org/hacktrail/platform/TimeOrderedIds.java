package org.hacktrail.platform;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): a 48-bit Unix time in milliseconds, then a 12-bit counter,
 * then 62 random bits. Ids made in one process sort — as numbers and as their text — in
 * the order they were made, also within one millisecond, which the store's timestamps
 * cannot tell apart (it keeps milliseconds): a list ordered by time, then id, keeps the
 * order things happened in (RFC 9562 §6.2, method 1: the counter, re-seeded with random
 * bits each millisecond, and the time pushed on by one millisecond if it runs out or the
 * clock goes back).
 */
public final class TimeOrderedIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int COUNTER_BITS = 12;

	/** The process's generator, behind {@link #next(Instant)}. */
	private static final TimeOrderedIds PROCESS = new TimeOrderedIds();

	private long lastMillis = -1;

	private long counter;

	/** A generator of its own (tests); the service uses {@link #next(Instant)}. */
	TimeOrderedIds() {
	}

	/**
	 * A new id for something made at {@code at}, after every id this process made before.
	 */
	public static String next(Instant at) {
		return PROCESS.nextId(at);
	}

	/**
	 * A new id for something made at {@code at}, after every id this generator made
	 * before.
	 */
	String nextId(Instant at) {
		long millis;
		long sequence;
		synchronized (this) {
			millis = Math.max(at.toEpochMilli(), this.lastMillis);
			if (millis > this.lastMillis) {
				// A fresh millisecond: start the counter low and random, leaving room to
				// count up.
				this.counter = RANDOM.nextInt(1 << (COUNTER_BITS - 1));
			}
			else if (++this.counter >= (1 << COUNTER_BITS)) {
				millis++;
				this.counter = RANDOM.nextInt(1 << (COUNTER_BITS - 1));
			}
			this.lastMillis = millis;
			sequence = this.counter;
		}
		long mostSignificant = ((millis & 0xFFFF_FFFF_FFFFL) << 16) | 0x7000L | sequence;
		long leastSignificant = 0x8000_0000_0000_0000L | (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
		return new UUID(mostSignificant, leastSignificant).toString();
	}

}
