package org.hacktrail.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SplitMix64Tests {

	@Test
	void matchesTheReferenceImplementationsOutputs() {
		// First outputs of Vigna's splitmix64.c seeded with 1234567 (as unsigned 64-bit
		// numbers).
		SplitMix64 random = new SplitMix64(1234567);
		assertThat(Long.toUnsignedString(random.nextLong())).isEqualTo("6457827717110365317");
		assertThat(Long.toUnsignedString(random.nextLong())).isEqualTo("3203168211198807973");
		assertThat(Long.toUnsignedString(random.nextLong())).isEqualTo("9817491932198370423");
	}

	@Test
	void boundedDrawsMultiplyTheUpper32BitsByTheBound() {
		SplitMix64 reference = new SplitMix64(42);
		SplitMix64 random = new SplitMix64(42);
		for (int i = 0; i < 1000; i++) {
			int bound = 1 + i % 7;
			long m = (reference.nextLong() >>> 32) * bound;
			// A rejection needs the low 32 bits of m below 2^32 mod bound (< 7): not met
			// in these 1000 draws.
			assertThat(m & 0xFFFFFFFFL).isGreaterThanOrEqualTo((1L << 32) % bound);
			assertThat(random.nextInt(bound)).isEqualTo((int) (m >>> 32)).isBetween(0, bound - 1);
		}
	}

	@Test
	void boundedDrawsRejectTheBiasedProducts() {
		// With bound 2^30 + 12345, 2^32 mod bound ≈ 2^30: about a quarter of the products
		// are rejected, so the
		// rejection rule is exercised thousands of times here.
		SplitMix64 reference = new SplitMix64(3);
		SplitMix64 random = new SplitMix64(3);
		int bound = (1 << 30) + 12345;
		long threshold = (1L << 32) % bound;
		for (int i = 0; i < 10_000; i++) {
			long m;
			do {
				m = (reference.nextLong() >>> 32) * bound;
			}
			while ((m & 0xFFFFFFFFL) < threshold);
			assertThat(random.nextInt(bound)).isEqualTo((int) (m >>> 32));
		}
	}

	@Test
	void boundedDrawsAreUniform() {
		SplitMix64 random = new SplitMix64(7);
		int[] counts = new int[5];
		for (int i = 0; i < 50_000; i++) {
			counts[random.nextInt(5)]++;
		}
		for (int count : counts) {
			assertThat(count / 50_000.0).isCloseTo(0.2, within(0.01));
		}
	}

	@Test
	void rejectsANonPositiveBound() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SplitMix64(1).nextInt(0));
	}

}
