package org.hacktrail.judging;

/**
 * SplitMix64 (Steele, Lea and Flood 2014; constants as in Vigna's reference
 * {@code splitmix64.c}), written out here rather than borrowed from
 * {@link java.util.SplittableRandom} so that the published method names every bit of it
 * and a recompute script in another language can reproduce each draw exactly.
 * <p>
 * State update: {@code state += 0x9E3779B97F4A7C15} (mod 2^64), output
 * {@link #mix64(long) mix64(state)}. A bounded draw {@link #nextInt(int)} multiplies the
 * upper 32 bits of the next output by the bound and rejects the few products that would
 * favour some outcomes (Lemire's method), so every outcome is exactly equally likely.
 */
public final class SplitMix64 {

	public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

	private long state;

	public SplitMix64(long seed) {
		this.state = seed;
	}

	/** The next 64-bit output. */
	public long nextLong() {
		this.state += GOLDEN_GAMMA;
		return mix64(this.state);
	}

	/**
	 * A uniform integer in {@code [0, bound)} by Lemire's multiply-and-reject method (ACM
	 * TOMACS 2019), exact and nearly free of divisions: {@code x = nextLong() >>> 32} (32
	 * random bits), {@code m = x · bound} (fits in 63 bits); if the low 32 bits of m are
	 * below {@code 2^32 mod bound}, draw again; return {@code m >>> 32}.
	 */
	public int nextInt(int bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("bound must be positive, got " + bound);
		}
		long m = (nextLong() >>> 32) * bound;
		long low = m & 0xFFFFFFFFL;
		if (low < bound) {
			// Only now is the exact threshold needed (it is below bound), which saves the
			// division most of the time.
			long threshold = (1L << 32) % bound;
			while (low < threshold) {
				m = (nextLong() >>> 32) * bound;
				low = m & 0xFFFFFFFFL;
			}
		}
		return (int) (m >>> 32);
	}

	/**
	 * The SplitMix64 finaliser (variant 13 of Stafford's mixers), a bijection on 64-bit
	 * values.
	 */
	public static long mix64(long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
