package org.hacktrail.platform.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * Reads every page of an embedded store's file: every map, every key and value (which
 * checks each page's checksum and deserialises each document). A file that passes can be
 * served whole; one that fails names the first map that could not be read. Used at every
 * start ({@link StoreFile}), by recovery, and by {@code scripts/backup --verify}.
 */
public final class StoreVerifier {

	/** The map in which {@link GroupCommitter} records when each commit was made. */
	static final String COMMITS_MAP = "hacktrail.store";

	static final String COMMITTED_AT = "committedAt";

	private static final String DATA_PREFIX = "databases.";

	private StoreVerifier() {
	}

	/**
	 * What a verification found.
	 *
	 * @param documents documents per collection ({@code database.collection}) that could
	 * be read
	 * @param failures maps that could not be read, with the error
	 * @param version the store version verified
	 * @param committedAt when that version was committed, if recorded
	 */
	public record Report(Map<String, Long> documents, List<String> failures, long version,
			@Nullable Instant committedAt) {

		public boolean ok() {
			return this.failures.isEmpty();
		}

		public long totalDocuments() {
			return this.documents.values().stream().mapToLong(Long::longValue).sum();
		}

		/** One line per collection, then the failures. */
		public String describe() {
			StringBuilder text = new StringBuilder();
			text.append("version ").append(this.version);
			if (this.committedAt != null) {
				text.append(", committed at ").append(this.committedAt);
			}
			text.append(": ")
				.append(totalDocuments())
				.append(" documents in ")
				.append(this.documents.size())
				.append(" collections");
			this.documents.forEach((name, count) -> text.append("\n  ").append(name).append(": ").append(count));
			this.failures.forEach((failure) -> text.append("\n  UNREADABLE ").append(failure));
			return text.toString();
		}

	}

	/** Verifies a store that is open (read-only or not); reads only. */
	static Report verify(MVStore store) {
		Map<String, Long> documents = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (String name : store.getMapNames()) {
			try {
				MVMap<Object, Object> map = store.openMap(name);
				long count = 0;
				for (Cursor<Object, Object> cursor = map.cursor(null); cursor.hasNext();) {
					cursor.next();
					cursor.getValue();
					count++;
				}
				if (name.startsWith(DATA_PREFIX)) {
					documents.put(name.substring(DATA_PREFIX.length()), count);
				}
			}
			catch (RuntimeException | Error ex) {
				failures.add(name + ": " + shorten(String.valueOf(ex.getMessage())));
			}
		}
		return new Report(documents, failures, store.getCurrentVersion(), committedAt(store));
	}

	/**
	 * Opens the file read-only and verifies it; a file that cannot even be opened is one
	 * failure.
	 */
	public static Report verify(Path file) {
		MVStore store;
		try {
			store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		}
		catch (RuntimeException ex) {
			return new Report(Map.of(), List.of("the file cannot be opened: " + ex.getMessage()), -1, null);
		}
		try {
			return verify(store);
		}
		finally {
			store.closeImmediately();
		}
	}

	/**
	 * MVStore's messages can carry a whole page's bytes; an operator needs the first
	 * line.
	 */
	private static String shorten(String message) {
		int end = message.indexOf('\n');
		String line = (end >= 0) ? message.substring(0, end) : message;
		return (line.length() > 240) ? line.substring(0, 240) + "…" : line;
	}

	static @Nullable Instant committedAt(MVStore store) {
		try {
			if (!store.hasMap(COMMITS_MAP)) {
				return null;
			}
			Object millis = store.openMap(COMMITS_MAP).get(COMMITTED_AT);
			return (millis instanceof Long value) ? Instant.ofEpochMilli(value) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
