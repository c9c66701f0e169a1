package org.hacktrail.platform.store;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.h2.mvstore.MVStoreTool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the newest consistent version of a damaged store file. MVStore never overwrites a
 * live page and keeps the chunks of its last five versions, so a file damaged near its
 * end (a torn write, a few flipped bytes in a recent chunk) usually still holds an older
 * version whose every page is intact. H2's {@link MVStoreTool#rollback} copies the file
 * as it was at a version; each copy is verified in full ({@link StoreVerifier}) from the
 * newest version down, for a bounded number of versions and time. The damaged file itself
 * is never changed.
 */
final class StoreRecovery {

	private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);

	static final int MAX_VERSIONS_TRIED = 40;

	static final Duration MAX_TIME = Duration.ofMinutes(5);

	/**
	 * A recovered copy and what it lost against the damaged file.
	 *
	 * @param recovered the verified copy
	 * @param damaged what could still be read from the damaged file
	 */
	record Result(Path file, StoreVerifier.Report recovered, StoreVerifier.Report damaged) {

		/** One line: which version is served and how much is missing. */
		String summary() {
			long lost = this.damaged.totalDocuments() - this.recovered.totalDocuments();
			return "serving version " + this.recovered.version()
					+ ((this.damaged.version() >= 0) ? " of " + this.damaged.version() : "")
					+ ((this.recovered.committedAt() != null) ? " (committed at " + this.recovered.committedAt() + ")"
							: "")
					+ ((lost > 0) ? ", " + lost + " documents fewer than the readable part of the damaged file" : "");
		}

		/**
		 * A report an operator can act on: the version kept, what is missing against the
		 * damaged file.
		 */
		String describe() {
			StringBuilder text = new StringBuilder();
			text.append("Recovered version ").append(this.recovered.version());
			if (this.recovered.committedAt() != null) {
				text.append(" (committed at ").append(this.recovered.committedAt()).append(')');
			}
			if (this.damaged.version() < 0) {
				text.append("; the damaged file cannot be opened at all");
			}
			else {
				text.append("; the damaged file is at version ").append(this.damaged.version());
				if (this.damaged.committedAt() != null) {
					text.append(" (last commit ").append(this.damaged.committedAt()).append(')');
				}
			}
			text.append(". Writes made after the recovered version are lost.");
			Map<String, long[]> both = new TreeMap<>();
			this.recovered.documents()
				.forEach((name, count) -> both.computeIfAbsent(name, (n) -> new long[] { 0, -1 })[0] = count);
			this.damaged.documents()
				.forEach((name, count) -> both.computeIfAbsent(name, (n) -> new long[] { 0, -1 })[1] = count);
			both.forEach((name, counts) -> {
				text.append("\n  ").append(name).append(": ").append(counts[0]).append(" documents recovered");
				if (counts[1] < 0) {
					text.append(" (unreadable in the damaged file)");
				}
				else if (counts[1] != counts[0]) {
					text.append(", ").append(counts[1]).append(" in the damaged file");
				}
			});
			this.damaged.failures().forEach((failure) -> text.append("\n  damaged: ").append(failure));
			return text.toString();
		}

	}

	private StoreRecovery() {
	}

	/**
	 * Writes the newest consistent version of {@code damaged} to {@code target}; empty
	 * when there is none.
	 */
	static @Nullable Result recover(Path damaged, Path target) {
		StoreVerifier.Report damagedReport = StoreVerifier.verify(damaged);
		Path temp = Path.of(damaged + ".temp");
		long deadline = System.nanoTime() + MAX_TIME.toNanos();
		long version = Long.MAX_VALUE;
		try {
			for (int tried = 0; tried < MAX_VERSIONS_TRIED && System.nanoTime() < deadline; tried++) {
				long found = MVStoreTool.rollback(damaged.toString(), version, new StringWriter());
				if (found < 0 || !Files.exists(temp)) {
					return null;
				}
				StoreVerifier.Report report = StoreVerifier.verify(temp);
				if (report.ok() && report.version() >= 0) {
					Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
					log.warn("Embedded store: version {} of the damaged file verified after trying {} version(s)",
							report.version(), tried + 1);
					return new Result(target, report, damagedReport);
				}
				version = found - 1;
			}
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the recovered copy " + target, ex);
		}
		catch (RuntimeException ex) {
			// MVStoreTool gives up on files it cannot parse at all.
			log.warn("Embedded store: no older version could be read from {}: {}", damaged, ex.toString());
			return null;
		}
		finally {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				log.warn("Could not delete {}: {}", temp, ex.toString());
			}
		}
	}

}
