package org.hacktrail.proposal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for the proposals one import creates, so that they keep the file's order. Rows
 * imported together share their creation time, and the export orders by creation time,
 * then id: with random ids the export listed them in random order. These are version 8
 * UUIDs (RFC 9562, a layout of our own): 74 random bits shared by the import, then the
 * row's position in the last 48 bits, so within an import the ids sort (as text) in file
 * order, and imports never share ids.
 */
final class ImportIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final long mostSignificant;

	private final long leastSignificantRandom;

	private long next;

	ImportIds() {
		long a = RANDOM.nextLong();
		long b = RANDOM.nextLong();
		// 48 random bits, version 8, 12 random bits.
		this.mostSignificant = (a & 0xFFFF_FFFF_FFFF_0000L) | 0x8000L | (a & 0x0FFFL);
		// Variant 10, 14 random bits, then the 48-bit position.
		this.leastSignificantRandom = 0x8000_0000_0000_0000L | (b & 0x3FFF_0000_0000_0000L);
	}

	/** The next id of this import. */
	String next() {
		return new UUID(this.mostSignificant, this.leastSignificantRandom | this.next++).toString();
	}

}
