package org.hacktrail.platform.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.hacktrail.support.TimingSensitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Kills a process writing to the embedded store ({@link StoreCrashWriter}) with SIGKILL
 * at a random moment, several times on the same file, and checks after each kill that the
 * file opens, that its documents and unique index agree, and that it holds every
 * acknowledged write: all of them with {@code sync} durability (the default), and those
 * acknowledged more than one commit interval plus {@link #COMMIT_ALLOWANCE} before the
 * kill with the {@code interval} opt-out.
 */
@EmbeddedStoreOnly
@TimingSensitive
class EmbeddedStoreCrashTests {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreCrashTests.class);

	/** The service's default commit interval. */
	static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

	/**
	 * In {@code interval} mode a write is in the first commit that starts after its
	 * acknowledgement and is in the file when that commit ends: the bound is one interval
	 * plus the commit itself, its wait for the requests in flight, and the scheduler's
	 * delay on a busy machine. This allowance covers those; the report shows how much of
	 * it was used.
	 */
	static final Duration COMMIT_ALLOWANCE = Duration.ofMillis(500);

	/**
	 * Kills per test: two in the normal suite, more in the long form
	 * ({@code -Dhacktrail.soak.seconds=N}).
	 */
	static int rounds() {
		return Math.max(2, EmbeddedStoreSoakTests.soakSeconds(0) / 30);
	}

	@TempDir
	Path dataDir;

	/**
	 * The figures of each test run, also logged; {@link SoakRun} prints them for
	 * {@code scripts/bench soak}.
	 */
	final List<String> report = new ArrayList<>();

	private void report(String format, Object... arguments) {
		String line = MessageFormatter.arrayFormat(format, arguments).getMessage();
		log.info(line);
		this.report.add(line);
	}

	record Ack(long seq, long at) {
	}

	@Test
	void everyAcknowledgedWriteSurvivesASigkill() throws Exception {
		killRepeatedly(EmbeddedStoreProperties.Durability.SYNC, COMMIT_INTERVAL, Duration.ZERO);
	}

	/**
	 * A commit taken while a request is half applied would leave a document without its
	 * index entry (or the reverse) in the file. A hundred commits a second make a kill
	 * find such a commit if it can happen.
	 */
	@Test
	void aSigkillNeverLeavesADocumentAndItsIndexesOutOfStep() throws Exception {
		Duration interval = Duration.ofMillis(10);
		killRepeatedly(EmbeddedStoreProperties.Durability.INTERVAL, interval, interval.plus(COMMIT_ALLOWANCE));
	}

	/**
	 * The opt-out answers before the commit: what it promises is every write older than
	 * an interval and a commit.
	 */
	@Test
	void withIntervalCommitsEveryWriteAcknowledgedMoreThanACommitBeforeASigkillSurvives() throws Exception {
		killRepeatedly(EmbeddedStoreProperties.Durability.INTERVAL, COMMIT_INTERVAL,
				COMMIT_INTERVAL.plus(COMMIT_ALLOWANCE));
	}

	private void killRepeatedly(EmbeddedStoreProperties.Durability durability, Duration commitInterval,
			Duration olderThan) throws Exception {
		long guarantee = olderThan.toMillis();
		for (int round = 1; round <= rounds(); round++) {
			Path stderr = this.dataDir.resolve("writer-" + round + ".err");
			Process writer = new ProcessBuilder(javaCommand(), "-Xmx256m", "-XX:+UseSerialGC",
					"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
					StoreCrashWriter.class.getName(), this.dataDir.resolve("store").toString(), durability.name(),
					String.valueOf(commitInterval.toMillis()), "4")
				.redirectError(stderr.toFile())
				.start();
			List<Ack> acks = new ArrayList<>();
			List<String> errors = new ArrayList<>();
			CountDownLatch ready = new CountDownLatch(1);
			CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> read(writer, acks, errors, ready));
			if (!ready.await(60, TimeUnit.SECONDS)) {
				writer.destroyForcibly();
				throw new AssertionError("writer did not start: " + Files.readString(stderr));
			}
			// Somewhere in the commit cycle, late enough for enough writes to be older
			// than the guarantee. A loaded
			// machine writes slowly, so wait for the writes rather than for a fixed time.
			long spread = ThreadLocalRandom.current().nextLong(Math.max(1000, commitInterval.toMillis()));
			long deadline = System.currentTimeMillis() + 60_000;
			while (System.currentTimeMillis() < deadline) {
				synchronized (acks) {
					if (acks.size() > 150
							&& System.currentTimeMillis() - acks.get(0).at() > guarantee + 1000 + spread) {
						break;
					}
				}
				Thread.sleep(20);
			}
			long killedAt = System.currentTimeMillis();
			// SIGKILL through the handle: Process.destroyForcibly() sends the same signal
			// but also closes our end of
			// the pipe, losing acknowledgements printed just before the kill.
			writer.toHandle().destroyForcibly();
			assertThat(writer.waitFor(30, TimeUnit.SECONDS)).as("writer died").isTrue();
			assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
			reading.get(30, TimeUnit.SECONDS);
			assertThat(errors).as("writer errors").isEmpty();
			assertThat(acks).as("acknowledged writes in round %d", round).hasSizeGreaterThan(100);
			report("SIGKILL, {}, {}",
					(durability == EmbeddedStoreProperties.Durability.SYNC) ? "sync durability"
							: "interval durability, commit interval " + commitInterval.toMillis() + " ms",
					verify(round, acks, killedAt, guarantee));
		}
	}

	private static void read(Process writer, List<Ack> acks, List<String> errors, CountDownLatch ready) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				String[] parts = line.split(" ", 3);
				switch (parts[0]) {
					case "ready" -> ready.countDown();
					case "ack" -> {
						if (parts.length == 3) {
							// A line cut by the kill is not an acknowledgement the test
							// can rely on.
							synchronized (acks) {
								acks.add(new Ack(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
							}
						}
					}
					case "error" -> errors.add(line);
					default -> {
					}
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			errors.add("reading the writer: " + ex);
		}
	}

	/**
	 * Reopens the file and checks it against the acknowledgements; returns a line for the
	 * report.
	 */
	private String verify(int round, List<Ack> acks, long killedAt, long guarantee) {
		long started = System.nanoTime();
		try (EmbeddedStore store = EmbeddedStore.start(new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.H2,
				this.dataDir.resolve("store"), COMMIT_INTERVAL, 64));
				MongoClient client = MongoClients.create(store.connectionString("crash"))) {
			long openMillis = (System.nanoTime() - started) / 1_000_000;
			MongoCollection<Document> writes = client.getDatabase("crash").getCollection("writes");

			Set<Long> present = new HashSet<>();
			Set<String> keys = new HashSet<>();
			int scanned = 0;
			for (Document document : writes.find().projection(Projections.include("_id", "key"))) {
				scanned++;
				present.add(document.getLong("_id"));
				keys.add(document.getString("key"));
			}
			assertThat(present).as("no _id twice").hasSize(scanned);
			assertThat(keys).as("no key twice").hasSize(scanned);
			assertThat(writes.countDocuments()).as("count after reopen").isEqualTo(scanned);

			List<Long> lostButRequired = new ArrayList<>();
			long lost = 0;
			long oldestLostAge = -1;
			long required = 0;
			long maxRequiredSeq = 0;
			for (Ack ack : acks) {
				long age = killedAt - ack.at();
				boolean mustSurvive = guarantee == 0 || age > guarantee;
				if (mustSurvive) {
					required++;
					maxRequiredSeq = Math.max(maxRequiredSeq, ack.seq());
				}
				if (!present.contains(ack.seq())) {
					lost++;
					oldestLostAge = Math.max(oldestLostAge, age);
					if (mustSurvive) {
						lostButRequired.add(ack.seq());
					}
				}
			}
			assertThat(lostButRequired)
				.as("writes acknowledged %s before the kill but missing (round %d)",
						(guarantee == 0) ? "at any time" : "more than " + guarantee + " ms", round)
				.isEmpty();

			// The unique index survived in step with the data: lookups by key find the
			// documents, a duplicate fails.
			long lastPresent = acks.stream().mapToLong(Ack::seq).filter(present::contains).max().orElseThrow();
			List<Long> unindexed = new ArrayList<>();
			for (long seq : present) {
				if (writes.find(Filters.eq("key", "k" + seq)).first() == null) {
					unindexed.add(seq);
				}
			}
			assertThat(unindexed).as("documents their unique index does not find (round %d)", round).isEmpty();
			// No index entry survived without its document: the keys of lost writes are
			// free again.
			List<Long> phantoms = new ArrayList<>();
			for (Ack ack : acks) {
				if (!present.contains(ack.seq()) && writes.find(Filters.eq("key", "k" + ack.seq())).first() == null) {
					try {
						writes.insertOne(new Document("_id", -ack.seq()).append("key", "k" + ack.seq()));
						writes.deleteOne(Filters.eq("_id", -ack.seq()));
					}
					catch (MongoWriteException ex) {
						phantoms.add(ack.seq());
					}
				}
			}
			assertThat(phantoms).as("keys of lost writes still held by the unique index (round %d)", round).isEmpty();
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> writes.insertOne(new Document("_id", -1L).append("key", "k" + lastPresent)));
			Document head = client.getDatabase("crash").getCollection("head").find(Filters.eq("_id", "head")).first();
			assertThat(head).isNotNull();
			assertThat(head.getLong("last")).as("head after reopen").isGreaterThanOrEqualTo(maxRequiredSeq);

			String kept = (guarantee == 0) ? "all " + required + " present"
					: required + " older than " + guarantee + " ms all present, " + ((lost == 0) ? "none lost"
							: lost + " newer lost (the oldest acknowledged " + oldestLostAge + " ms before the kill)");
			return String.format("round %d: %d acknowledged, %s, %d documents in the file, reopened in %d ms", round,
					acks.size(), kept, scanned, openMillis);
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
