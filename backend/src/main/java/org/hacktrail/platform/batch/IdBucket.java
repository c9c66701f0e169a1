package org.hacktrail.platform.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.bson.BsonRegularExpression;
import org.bson.Document;

/**
 * One part of a collection's string {@code _id}s, read with one query on {@code _id}
 * alone: every id that starts with {@code prefix} ({@link Kind#PREFIX}), those that
 * continue {@code prefix} with a code point in {@code [from, to]} ({@link Kind#RANGE}),
 * or exactly {@code prefix} ({@link Kind#EXACT}).
 *
 * <p>
 * Why not pages of {@code {_id: {$gt: last}}} sorted by {@code _id}: the embedded store
 * serves a range on {@code _id} by deserializing every document of the collection, and
 * sorts by buffering every match, so a page early in a large collection holds nearly the
 * whole collection in the heap. An anchored regular expression on {@code _id} alone is
 * what it serves from the {@code _id} index (a scan of the index keys, then only the
 * matching documents are read); a real MongoDB serves the same pattern as an index range.
 *
 * <p>
 * Buckets are ordered: every id of a bucket sorts (by code point) before every id of the
 * buckets after it, so reading them in order and sorting each one reads the collection in
 * {@code _id} order.
 */
public record IdBucket(Kind kind, String prefix, int from, int to) {

	public enum Kind {

		EXACT, PREFIX, RANGE

	}

	private static final int MAX = Character.MAX_CODE_POINT;

	/**
	 * Ids are random UUIDs here: hexadecimal digits split them evenly, other characters
	 * take the gaps.
	 */
	private static final int[][] CLASSES = { { 0, '0' - 1 }, { '0', '0' }, { '1', '1' }, { '2', '2' }, { '3', '3' },
			{ '4', '4' }, { '5', '5' }, { '6', '6' }, { '7', '7' }, { '8', '8' }, { '9', '9' }, { '9' + 1, 'a' - 1 },
			{ 'a', 'a' }, { 'b', 'b' }, { 'c', 'c' }, { 'd', 'd' }, { 'e', 'e' }, { 'f', 'f' }, { 'f' + 1, MAX } };

	/**
	 * Ids compared code point by code point: the order the buckets follow (and MongoDB's
	 * for these ids).
	 */
	public static final Comparator<String> ORDER = IdBucket::compare;

	static IdBucket exact(String id) {
		return new IdBucket(Kind.EXACT, id, -1, -1);
	}

	static IdBucket startingWith(String prefix) {
		return new IdBucket(Kind.PREFIX, prefix, -1, -1);
	}

	static IdBucket range(String prefix, int from, int to) {
		return (from == to) ? startingWith(prefix + Character.toString(from))
				: new IdBucket(Kind.RANGE, prefix, from, to);
	}

	/**
	 * The buckets to read a collection of about {@code count} documents with, when a
	 * query may return at most {@code limit}: one bucket for a small collection,
	 * otherwise split by leading hexadecimal digits until a digit's bucket should hold
	 * three quarters of the limit at most (UUIDs spread evenly, so few overflow). A
	 * bucket that turns out larger is split again while reading ({@link #split}).
	 */
	public static List<IdBucket> plan(long count, int limit) {
		List<IdBucket> buckets = List.of(startingWith(""));
		for (long perBucket = count; perBucket > limit * 3L / 4; perBucket /= 16) {
			List<IdBucket> finer = new ArrayList<>();
			for (IdBucket bucket : buckets) {
				finer.addAll((bucket.kind == Kind.PREFIX) ? bucket.split(List.of()) : List.of(bucket));
			}
			buckets = finer;
		}
		return buckets;
	}

	/**
	 * The query for this bucket's documents: {@code _id} alone, equal or an anchored
	 * pattern.
	 */
	public Document filter() {
		return new Document("_id", (this.kind == Kind.EXACT) ? this.prefix : new BsonRegularExpression(pattern()));
	}

	String pattern() {
		String start = "^" + literal(this.prefix);
		return (this.kind == Kind.RANGE) ? start + characterClass(this.from, this.to) : start;
	}

	/**
	 * Finer buckets covering exactly this one, in order. Without a sample, a prefix is
	 * split by its next character (hexadecimal digits one by one, other characters in
	 * ranges). With a sample of the bucket's ids (a query that returned too many), it is
	 * split where the ids are: past the prefix they all share, then at each next
	 * character they show, with the gaps between as ranges, so that ids sharing a long
	 * prefix cost one split, not one per character.
	 */
	public List<IdBucket> split(Collection<String> sample) {
		List<IdBucket> finer = new ArrayList<>();
		if (this.kind == Kind.EXACT) {
			return List.of(this);
		}
		if (this.kind == Kind.PREFIX && sample.isEmpty()) {
			if (!this.prefix.isEmpty()) {
				finer.add(exact(this.prefix));
			}
			for (int[] c : CLASSES) {
				finer.add(range(this.prefix, c[0], c[1]));
			}
			return finer;
		}
		if (this.kind == Kind.RANGE) {
			splitAt(this.prefix, this.from, this.to, sample, finer);
			return finer;
		}
		// A prefix with a sample: first every id that ends or turns off before the prefix
		// the sample shares...
		String shared = commonPrefix(sample, this.prefix);
		List<IdBucket> after = new ArrayList<>();
		for (int i = this.prefix.length(); i < shared.length(); i += Character.charCount(shared.codePointAt(i))) {
			String head = shared.substring(0, i);
			int next = shared.codePointAt(i);
			if (!head.isEmpty()) {
				finer.add(exact(head));
			}
			if (next > 0) {
				finer.add(range(head, 0, next - 1));
			}
			if (next < MAX) {
				after.add(0, range(head, next + 1, MAX));
			}
		}
		// ...then the shared prefix itself, split by the next characters seen, then what
		// turns off after it.
		if (!shared.isEmpty()) {
			finer.add(exact(shared));
		}
		splitAt(shared, 0, MAX, sample, finer);
		finer.addAll(after);
		return finer;
	}

	/**
	 * Splits the ids continuing {@code prefix} with a code point in [from, to] at the
	 * code points the sample shows.
	 */
	private static void splitAt(String prefix, int from, int to, Collection<String> sample, List<IdBucket> finer) {
		TreeSet<Integer> seen = new TreeSet<>();
		for (String id : sample) {
			if (id.startsWith(prefix) && id.length() > prefix.length()) {
				int next = id.codePointAt(prefix.length());
				if (next >= from && next <= to) {
					seen.add(next);
				}
			}
		}
		if (seen.isEmpty()) {
			// Nothing to go by: halves, which still shrink the range at every split.
			int middle = from + (to - from) / 2;
			finer.add(range(prefix, from, middle));
			finer.add(range(prefix, middle + 1, to));
			return;
		}
		int start = from;
		for (int codePoint : seen) {
			if (codePoint > start) {
				finer.add(range(prefix, start, codePoint - 1));
			}
			finer.add(range(prefix, codePoint, codePoint));
			start = codePoint + 1;
		}
		if (start <= to) {
			finer.add(range(prefix, start, to));
		}
	}

	/**
	 * The longest prefix every sampled id shares (at least {@code prefix}, which they all
	 * start with).
	 */
	private static String commonPrefix(Collection<String> sample, String prefix) {
		String shared = null;
		for (String id : sample) {
			if (shared == null) {
				shared = id;
				continue;
			}
			int i = 0;
			while (i < shared.length() && i < id.length() && shared.charAt(i) == id.charAt(i)) {
				i++;
			}
			if (i > 0 && i < shared.length() && Character.isHighSurrogate(shared.charAt(i - 1))) {
				i--;
			}
			shared = shared.substring(0, i);
		}
		return (shared == null || shared.length() < prefix.length()) ? prefix : shared;
	}

	/**
	 * Whether every id of this bucket sorts before {@code key} (or is equal to it, when
	 * {@code inclusive}).
	 */
	public boolean before(String key, boolean inclusive) {
		if (this.kind == Kind.EXACT) {
			int order = compare(this.prefix, key);
			return order < 0 || (inclusive && order == 0);
		}
		if (!key.startsWith(this.prefix)) {
			// The first character where they differ decides for every id of the bucket.
			return compare(this.prefix, key) < 0;
		}
		if (this.kind == Kind.PREFIX || key.length() == this.prefix.length()) {
			// The prefix itself, or longer ids, may come at or after the key.
			return false;
		}
		return this.to < key.codePointAt(this.prefix.length());
	}

	/**
	 * A pattern matching {@code text} literally: ASCII punctuation escaped with a
	 * backslash (PCRE and Java alike).
	 */
	public static String literal(String text) {
		StringBuilder pattern = new StringBuilder(text.length() + 8);
		text.codePoints().forEach((cp) -> {
			if (cp < 128 && !Character.isLetterOrDigit(cp) && cp != '-') {
				pattern.append('\\');
			}
			pattern.appendCodePoint(cp);
		});
		return pattern.toString();
	}

	private static String characterClass(int from, int to) {
		if (to == MAX) {
			return (from == 0) ? "[\\s\\S]" : "[^\\x{0}-\\x{" + Integer.toHexString(from - 1) + "}]";
		}
		return "[\\x{" + Integer.toHexString(from) + "}-\\x{" + Integer.toHexString(to) + "}]";
	}

	static int compare(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

	@Override
	public String toString() {
		return (this.kind == Kind.EXACT) ? "_id = " + this.prefix : "_id ~ /" + pattern() + "/";
	}

}
