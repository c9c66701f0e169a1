package org.hacktrail.platform.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.hacktrail.platform.bench.StoreFileFigures;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.hacktrail.support.TimingSensitive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soak of the embedded store on its persistent (H2 file) backend, through the real
 * {@link EmbeddedStore} and the MongoDB Java driver: 8 writer threads and 8 reader
 * threads for a bounded time while the test keeps a model of every acknowledged write;
 * then the store is closed, reopened on the same file and compared with the model.
 *
 * Two more tests aim at faults seen on the H2 backend before the store took its commits
 * in hand: reopening an update-heavy file and scanning it, and aggregations racing bulk
 * rewrites of their collection at twenty commits a second.
 *
 * <p>
 * The short form (15 s + 6 s + 5 s of load, about 40 s in all) runs in the normal suite;
 * {@code -Dhacktrail.soak.seconds=N} runs the main soak for N seconds and the other two
 * for N/4 ({@code scripts/bench
 * soak}). Each test logs its figures (INFO, {@code EmbeddedStoreSoakTests}). A failed
 * read is counted and reported, never retried: the point is to prove that reads do not
 * fail.
 */
@EmbeddedStoreOnly
@TimingSensitive
@Tag("soak")
class EmbeddedStoreSoakTests {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreSoakTests.class);

	static final int WRITERS = 8;

	static final int READERS = 8;

	static final int SHARED_DOCUMENTS = 4;

	/** Seconds of concurrent load; the short form keeps the normal suite fast. */
	static int soakSeconds(int shortForm) {
		return Math.max(shortForm, Integer.getInteger("hacktrail.soak.seconds", shortForm));
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

	@Test
	void everyAcknowledgedWriteSurvivesARestartExactlyOnceAndNoReadFails() throws Exception {
		Duration load = Duration.ofSeconds(soakSeconds(15));
		Model model = new Model();
		Failures failures = new Failures();
		Stats stats = new Stats();

		StoreFileFigures fileFigures = StoreFileFigures.watch(this.dataDir);
		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2(this.dataDir));
				MongoClient client = MongoClients.create(store.connectionString("soak"))) {
			harden(store);
			MongoDatabase db = client.getDatabase("soak");
			db.getCollection("items").createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
			// Declared for a real MongoDB; the embedded store ignores non-unique indexes.
			db.getCollection("items").createIndex(Indexes.ascending("writer"));
			for (int i = 0; i < SHARED_DOCUMENTS; i++) {
				db.getCollection("shared")
					.insertOne(
							new Document("_id", "shared-" + i).append("version", 0L).append("log", new ArrayList<>()));
				model.shared.put("shared-" + i, new SharedModel());
			}

			long deadline = System.nanoTime() + load.toNanos();
			List<Thread> threads = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				threads.add(new Thread(new Writer(w, db, model, failures, stats, deadline), "soak-writer-" + w));
			}
			for (int r = 0; r < READERS; r++) {
				threads.add(new Thread(new Reader(db, model, failures, stats, deadline), "soak-reader-" + r));
			}
			threads.forEach(Thread::start);
			for (Thread thread : threads) {
				thread.join(load.toMillis() + 120_000);
				assertThat(thread.isAlive()).as("%s stopped", thread.getName()).isFalse();
			}
		}

		StoreFileFigures.Sizes sizes = fileFigures.measure();
		long reopenStarted = System.nanoTime();
		List<String> mismatches;
		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2(this.dataDir));
				MongoClient client = MongoClients.create(store.connectionString("soak"))) {
			mismatches = model.compareWith(client.getDatabase("soak"));
		}
		long verifyMillis = (System.nanoTime() - reopenStarted) / 1_000_000;

		report("Soak over {} s: {} acknowledged writes ({}), {} reads ({}), {} optimistic-lock conflicts; "
				+ "{} items and {} shared updates verified after reopen in {} ms; {} read failures, {} write failures, "
				+ "{} mismatches after reopen", load.toSeconds(), stats.writes.sum(), stats.writesByKind,
				stats.reads.sum(), stats.readsByKind, stats.conflicts.sum(), model.items.size(), model.sharedUpdates(),
				verifyMillis, failures.reads.get(), failures.writes.get(), mismatches.size());
		report("Soak {}", sizes);
		assertThat(sizes.afterRatio()).as("the file against a compacted copy of its data: %s", sizes)
			.isLessThanOrEqualTo(3.0);
		assertThat(stats.writes.sum()).as("acknowledged writes").isGreaterThan(1000);
		assertThat(stats.reads.sum()).as("reads").isGreaterThan(1000);
		assertThat(failures.messages).as("read and write failures during the soak").isEmpty();
		assertThat(mismatches).as("differences between the reopened store and the model").isEmpty();
	}

	/**
	 * Seen before: reopening an update-heavy file and scanning it failed 4 of 4 times
	 * with MVStore auto-commit. Builds such a file (every document rewritten many times,
	 * leaving many dead chunks), reopens it and scans it from several threads while
	 * writers keep rewriting; then reopens once more and checks every document.
	 */
	@Test
	void reopensAnUpdateHeavyFileAndScansItWhileWritesGoOn() throws Exception {
		int documents = 1500;
		int rounds = 4;
		Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
		Failures failures = new Failures();
		Stats stats = new Stats();
		long buildStarted = System.nanoTime();
		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2(this.dataDir));
				MongoClient client = MongoClients.create(store.connectionString("soak"))) {
			MongoCollection<Document> items = client.getDatabase("soak").getCollection("items");
			items.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < documents; i++) {
				String key = "k" + i;
				batch.add(new Document("key", key).append("version", 0L)
					.append("payload", ("r0-" + key + " ").repeat(100)));
				versions.put(key, new AtomicLong());
			}
			items.insertMany(batch);
			for (int round = 1; round <= rounds; round++) {
				rewrite(items, versions, 0, documents, round, stats);
			}
		}
		long buildMillis = (System.nanoTime() - buildStarted) / 1_000_000;
		long built = stats.writes.sum();
		long builtFileSize = Files.size(StoreFixtures.h2(this.dataDir).file());

		Duration load = Duration.ofSeconds(Math.max(6, soakSeconds(6) / 4));
		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2SmallCache(this.dataDir));
				MongoClient client = MongoClients.create(store.connectionString("soak"))) {
			harden(store);
			MongoCollection<Document> items = client.getDatabase("soak").getCollection("items");
			long deadline = System.nanoTime() + load.toNanos();
			// First half read-only, as in the failing runs seen before; then scans and
			// rewrites together.
			long writesFrom = System.nanoTime() + load.toNanos() / 2;
			List<Thread> threads = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				int slice = w;
				threads.add(new Thread(() -> {
					int round = rounds;
					while (System.nanoTime() < writesFrom) {
						try {
							Thread.sleep(10);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							return;
						}
					}
					while (System.nanoTime() < deadline) {
						round++;
						try {
							rewrite(items, versions, slice * documents / 4, (slice + 1) * documents / 4, round, stats);
						}
						catch (RuntimeException ex) {
							failures.write("rewrite", ex);
						}
					}
				}, "reopen-writer-" + w));
			}
			for (int r = 0; r < 4; r++) {
				threads.add(new Thread(() -> {
					while (System.nanoTime() < deadline) {
						Map<String, Long> before = new HashMap<>();
						versions.forEach((key, version) -> before.put(key, version.get()));
						int count = 0;
						try {
							for (Document document : items.find()) {
								count++;
								Long expected = before.get(document.getString("key"));
								if (expected == null || document.getLong("version") < expected) {
									failures.read("scan", document.getString("key") + " at version "
											+ document.getLong("version") + ", acknowledged " + expected);
								}
							}
						}
						catch (RuntimeException ex) {
							failures.read("scan", ex);
							continue;
						}
						stats.read("scan");
						if (count != documents) {
							failures.read("scan", "scanned " + count + " of " + documents + " documents");
						}
					}
				}, "reopen-scanner-" + r));
			}
			threads.forEach(Thread::start);
			for (Thread thread : threads) {
				thread.join(load.toMillis() + 120_000);
				assertThat(thread.isAlive()).as("%s stopped", thread.getName()).isFalse();
			}
		}

		List<String> mismatches = new ArrayList<>();
		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2SmallCache(this.dataDir));
				MongoClient client = MongoClients.create(store.connectionString("soak"))) {
			Map<String, Long> found = new HashMap<>();
			for (Document document : client.getDatabase("soak").getCollection("items").find()) {
				if (found.put(document.getString("key"), document.getLong("version")) != null) {
					mismatches.add(document.getString("key") + " scanned twice");
				}
			}
			versions.forEach((key, version) -> {
				if (!Long.valueOf(version.get()).equals(found.get(key))) {
					mismatches.add(key + " at version " + found.get(key) + ", acknowledged " + version.get());
				}
			});
			if (found.size() != documents) {
				mismatches.add(found.size() + " documents after reopen, expected " + documents);
			}
		}
		report("Update-heavy reopen: built {} documents x {} rewrites in {} ms ({} KB file); then {} s of {} rewrites "
				+ "and {} full scans after reopen ({} KB file); {} read failures, {} write failures, {} mismatches after "
				+ "the second reopen", documents, rounds, buildMillis, builtFileSize / 1024, load.toSeconds(),
				stats.writes.sum() - built, stats.readsByKind.get("scan"),
				Files.size(StoreFixtures.h2(this.dataDir).file()) / 1024, failures.reads.get(), failures.writes.get(),
				mismatches.size());
		assertThat(failures.messages).as("failures while scanning the reopened file").isEmpty();
		assertThat(mismatches).as("differences after the second reopen").isEmpty();
	}

	/**
	 * Aggregations (and counts) read a collection without the lock its writers take, so
	 * they walk an old version of the collection while writers replace it and commits
	 * drop the chunks nobody seems to need. Runs whole-collection aggregations while the
	 * same collection is rewritten in bulk.
	 */
	@Test
	void aggregationsOverACollectionBeingRewrittenNeverFail() throws Exception {
		int documents = 1000;
		Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
		Failures failures = new Failures();
		Stats stats = new Stats();
		Duration load = Duration.ofSeconds(Math.max(5, soakSeconds(5) / 4));
		// Twenty commits a second and a cache smaller than the data: many chunks die
		// while aggregations read.
		try (EmbeddedStore store = EmbeddedStore.start(new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.H2,
				this.dataDir, Duration.ofMillis(50), 1));
				MongoClient client = MongoClients.create(store.connectionString("soak"))) {
			harden(store);
			MongoCollection<Document> items = client.getDatabase("soak").getCollection("items");
			items.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < documents; i++) {
				String key = "k" + i;
				batch.add(new Document("key", key).append("version", 0L)
					.append("payload", ("r0-" + key + " ").repeat(100)));
				versions.put(key, new AtomicLong());
			}
			items.insertMany(batch);
			long deadline = System.nanoTime() + load.toNanos();
			List<Thread> threads = new ArrayList<>();
			for (int w = 0; w < 2; w++) {
				int slice = w;
				threads.add(new Thread(() -> {
					int round = 0;
					while (System.nanoTime() < deadline) {
						round++;
						int from = slice * documents / 2;
						try {
							for (int at = from; at < from + documents / 2 && System.nanoTime() < deadline; at += 250) {
								rewrite(items, versions, at, Math.min(at + 250, from + documents / 2), round, stats);
							}
						}
						catch (RuntimeException ex) {
							failures.write("rewrite", ex);
						}
					}
				}, "agg-writer-" + w));
			}
			for (int r = 0; r < 2; r++) {
				threads.add(new Thread(() -> {
					while (System.nanoTime() < deadline) {
						long before = versions.values().stream().mapToLong(AtomicLong::get).sum();
						try {
							Document total = items
								.aggregate(
										List.of(new Document("$group",
												new Document("_id", null).append("n", new Document("$sum", 1))
													.append("versions", new Document("$sum", "$version")))))
								.first();
							stats.read("aggregate");
							if (total == null || total.getInteger("n") != documents
									|| total.getLong("versions") < before) {
								failures.read("aggregate", total + ", acknowledged " + before);
							}
						}
						catch (RuntimeException ex) {
							failures.read("aggregate", ex);
						}
					}
				}, "agg-reader-" + r));
			}
			threads.forEach(Thread::start);
			for (Thread thread : threads) {
				thread.join(load.toMillis() + 120_000);
				assertThat(thread.isAlive()).as("%s stopped", thread.getName()).isFalse();
			}
		}
		report("Aggregations while rewriting: {} documents, {} s, {} rewrites, {} aggregations; {} read failures, {} "
				+ "write failures", documents, load.toSeconds(), stats.writes.sum(), stats.reads.sum(),
				failures.reads.get(), failures.writes.get());
		assertThat(failures.messages).as("failures of aggregations racing rewrites").isEmpty();
	}

	/**
	 * MVStore drops a dead chunk once it is older than the retention time (45 s) and no
	 * kept version (the last 5 commits) needs it. Dropping at once and keeping no old
	 * version makes every commit clean up, so that a short soak reaches the clean-up that
	 * races with reads in a service that runs for hours. Harsher than production.
	 */
	static void harden(EmbeddedStore store) {
		store.mvStore().setRetentionTime(0);
		store.mvStore().setVersionsToKeep(0);
	}

	/**
	 * Upserts every document of [from, to) by its unique key, in bulk, and records the
	 * new versions.
	 */
	private static void rewrite(MongoCollection<Document> items, Map<String, AtomicLong> versions, int from, int to,
			int round, Stats stats) {
		List<UpdateOneModel<Document>> updates = new ArrayList<>();
		for (int i = from; i < to; i++) {
			String key = "k" + i;
			updates.add(new UpdateOneModel<>(Filters.eq("key", key),
					Updates.combine(Updates.set("payload", ("r" + round + "-" + key + " ").repeat(100)),
							Updates.inc("version", 1L)),
					new UpdateOptions().upsert(true)));
		}
		BulkWriteResult result = items.bulkWrite(updates);
		if (result.getMatchedCount() != to - from) {
			throw new IllegalStateException("bulk rewrite matched " + result.getMatchedCount() + " of " + (to - from));
		}
		for (int i = from; i < to; i++) {
			versions.get("k" + i).incrementAndGet();
			stats.wrote("rewrite");
		}
	}

	/**
	 * What the test knows was acknowledged. Each item is written by one writer only;
	 * shared documents by all.
	 */
	static final class Model {

		final Map<ObjectId, ItemModel> items = new ConcurrentHashMap<>();

		/** Items by insertion index so that readers can pick one at random. */
		final Map<Integer, ItemModel> byIndex = new ConcurrentHashMap<>();

		final AtomicInteger nextIndex = new AtomicInteger();

		final Map<String, SharedModel> shared = new ConcurrentHashMap<>();

		final Map<Integer, AtomicInteger> itemsByWriter = new ConcurrentHashMap<>();

		void add(ItemModel item) {
			this.items.put(item.id, item);
			this.byIndex.put(this.nextIndex.getAndIncrement(), item);
			this.itemsByWriter.computeIfAbsent(item.writer, (w) -> new AtomicInteger()).incrementAndGet();
		}

		ItemModel random() {
			int size = this.nextIndex.get();
			return (size == 0) ? null : this.byIndex.get(ThreadLocalRandom.current().nextInt(size));
		}

		int acknowledgedItems(int writer) {
			AtomicInteger count = this.itemsByWriter.get(writer);
			return (count != null) ? count.get() : 0;
		}

		long sharedUpdates() {
			return this.shared.values().stream().mapToLong((s) -> s.version.get()).sum();
		}

		List<String> compareWith(MongoDatabase db) {
			List<String> problems = new ArrayList<>();
			MongoCollection<Document> items = db.getCollection("items");
			Map<ObjectId, Document> found = new HashMap<>();
			Set<String> keys = new HashSet<>();
			int scanned = 0;
			// The payload is not compared; leaving it out keeps a long soak's
			// verification within the heap.
			for (Document document : items.find().projection(Projections.exclude("payload"))) {
				scanned++;
				ObjectId id = document.getObjectId("_id");
				if (found.put(id, document) != null) {
					problems.add("_id " + id + " scanned twice");
				}
				if (!keys.add(document.getString("key"))) {
					problems.add("key " + document.getString("key") + " held by two documents");
				}
			}
			if (scanned != this.items.size()) {
				problems.add("scan returned " + scanned + " items, model has " + this.items.size());
			}
			long counted = items.countDocuments();
			if (counted != this.items.size()) {
				problems.add("countDocuments " + counted + ", model has " + this.items.size());
			}
			for (ItemModel expected : this.items.values()) {
				Document actual = found.get(expected.id);
				if (actual == null) {
					problems.add("acknowledged item " + expected.id + " (" + expected.key + ") missing");
					continue;
				}
				expected.compare(actual, problems);
			}
			for (ObjectId id : found.keySet()) {
				if (!this.items.containsKey(id)) {
					problems.add("item " + id + " present but never acknowledged");
				}
			}
			for (Map.Entry<String, SharedModel> entry : this.shared.entrySet()) {
				Document actual = db.getCollection("shared").find(Filters.eq("_id", entry.getKey())).first();
				if (actual == null) {
					problems.add("shared document " + entry.getKey() + " missing");
					continue;
				}
				SharedModel expected = entry.getValue();
				if (actual.getLong("version") != expected.version.get()) {
					problems.add(entry.getKey() + " version " + actual.getLong("version") + ", expected "
							+ expected.version.get());
				}
				List<String> actualLog = actual.getList("log", String.class);
				if (actualLog.size() != new HashSet<>(actualLog).size()) {
					problems.add(entry.getKey() + " log holds an entry twice");
				}
				if (!new HashSet<>(actualLog).equals(new HashSet<>(expected.log))) {
					problems.add(entry.getKey() + " log differs: " + actualLog.size() + " entries, expected "
							+ expected.log.size());
				}
			}
			return problems.size() > 50 ? problems.subList(0, 50) : problems;
		}

	}

	/**
	 * An item's acknowledged state, changed only by its writer, after the store
	 * acknowledged the change.
	 */
	static final class ItemModel {

		final ObjectId id;

		final String key;

		final int writer;

		volatile String note;

		volatile long version;

		final List<String> tags = Collections.synchronizedList(new ArrayList<>());

		ItemModel(ObjectId id, String key, int writer, String note) {
			this.id = id;
			this.key = key;
			this.writer = writer;
			this.note = note;
		}

		/**
		 * Checks a document read while writes go on: it may be newer than the model,
		 * never older.
		 */
		void checkNotOlder(Document actual, long versionBefore, int tagsBefore, List<String> problems) {
			if (actual == null) {
				problems.add("acknowledged item " + this.id + " not found");
				return;
			}
			if (!this.key.equals(actual.getString("key"))) {
				problems.add("item " + this.id + " has key " + actual.getString("key") + ", expected " + this.key);
			}
			if (actual.getLong("version") < versionBefore) {
				problems.add("item " + this.id + " read at version " + actual.getLong("version") + " after version "
						+ versionBefore + " was acknowledged");
			}
			if (actual.getList("tags", String.class).size() < tagsBefore) {
				problems.add("item " + this.id + " lost pushed tags");
			}
		}

		void compare(Document actual, List<String> problems) {
			String where = "item " + this.id + " (" + this.key + ")";
			if (!this.key.equals(actual.getString("key"))) {
				problems.add(where + ": key " + actual.getString("key"));
			}
			if (actual.getInteger("writer") != this.writer) {
				problems.add(where + ": writer " + actual.getInteger("writer"));
			}
			if (!this.note.equals(actual.getString("note"))) {
				problems.add(where + ": note " + actual.getString("note") + ", expected " + this.note);
			}
			if (actual.getLong("version") != this.version) {
				problems.add(where + ": version " + actual.getLong("version") + ", expected " + this.version);
			}
			if (!actual.getList("tags", String.class).equals(this.tags)) {
				problems.add(where + ": tags " + actual.getList("tags", String.class) + ", expected " + this.tags);
			}
		}

	}

	static final class SharedModel {

		final AtomicLong version = new AtomicLong();

		final Set<String> log = ConcurrentHashMap.newKeySet();

	}

	static final class Failures {

		final AtomicInteger reads = new AtomicInteger();

		final AtomicInteger writes = new AtomicInteger();

		final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();

		void read(String kind, Object problem) {
			this.reads.incrementAndGet();
			record("read " + kind + ": " + problem);
		}

		void write(String kind, Object problem) {
			this.writes.incrementAndGet();
			record("write " + kind + ": " + problem);
		}

		private void record(String message) {
			if (this.messages.size() < 100) {
				this.messages.add(Thread.currentThread().getName() + " " + message);
			}
		}

	}

	static final class Stats {

		final LongAdder writes = new LongAdder();

		final LongAdder reads = new LongAdder();

		final LongAdder conflicts = new LongAdder();

		final Map<String, LongAdder> writesByKind = new ConcurrentHashMap<>();

		final Map<String, LongAdder> readsByKind = new ConcurrentHashMap<>();

		void wrote(String kind) {
			this.writes.increment();
			this.writesByKind.computeIfAbsent(kind, (k) -> new LongAdder()).increment();
		}

		void read(String kind) {
			this.reads.increment();
			this.readsByKind.computeIfAbsent(kind, (k) -> new LongAdder()).increment();
		}

	}

	/**
	 * Inserts, upserts by unique key, $set under an optimistic lock, $push on its own
	 * items, and optimistic-lock updates of the shared documents all writers compete for.
	 * Updates the model only after an acknowledgement.
	 */
	record Writer(int writer, MongoDatabase db, Model model, Failures failures, Stats stats,
			long deadline) implements Runnable {

		@Override
		public void run() {
			MongoCollection<Document> items = this.db.getCollection("items");
			MongoCollection<Document> shared = this.db.getCollection("shared");
			List<ItemModel> mine = new ArrayList<>();
			ThreadLocalRandom random = ThreadLocalRandom.current();
			long seq = 0;
			while (System.nanoTime() < this.deadline) {
				seq++;
				int dice = random.nextInt(100);
				String kind = (mine.isEmpty() || dice < 25) ? "insert"
						: (dice < 40) ? "upsert" : (dice < 65) ? "set" : (dice < 85) ? "push" : "shared";
				try {
					switch (kind) {
						case "insert" -> insert(items, mine, seq);
						case "upsert" -> upsert(items, mine, seq, random);
						case "set" -> set(items, mine.get(random.nextInt(mine.size())), seq);
						case "push" -> push(items, mine.get(random.nextInt(mine.size())), seq);
						default -> sharedUpdate(shared, "shared-" + random.nextInt(SHARED_DOCUMENTS), seq);
					}
				}
				catch (RuntimeException ex) {
					this.failures.write(kind, ex);
				}
			}
		}

		private String payload(long seq) {
			return ("w" + this.writer + "-" + seq + " ").repeat(40);
		}

		private void insert(MongoCollection<Document> items, List<ItemModel> mine, long seq) {
			ObjectId id = new ObjectId();
			String key = "w" + this.writer + "-i" + seq;
			items.insertOne(new Document("_id", id).append("key", key)
				.append("writer", this.writer)
				.append("note", "n0")
				.append("version", 0L)
				.append("tags", new ArrayList<>())
				.append("payload", payload(seq)));
			added(mine, new ItemModel(id, key, this.writer, "n0"), "insert");
		}

		private void added(List<ItemModel> mine, ItemModel item, String kind) {
			mine.add(item);
			this.model.add(item);
			this.stats.wrote(kind);
		}

		/**
		 * Half of the upserts create an item by its key, half update an existing one
		 * through its key.
		 */
		private void upsert(MongoCollection<Document> items, List<ItemModel> mine, long seq, ThreadLocalRandom random) {
			String note = "u" + seq;
			if (random.nextBoolean()) {
				String key = "w" + this.writer + "-u" + seq;
				UpdateResult result = items.updateOne(Filters.eq("key", key),
						Updates.combine(Updates.set("note", note), Updates.setOnInsert("writer", this.writer),
								Updates.setOnInsert("version", 0L), Updates.setOnInsert("tags", new ArrayList<>()),
								Updates.setOnInsert("payload", payload(seq))),
						new UpdateOptions().upsert(true));
				if (result.getUpsertedId() == null) {
					this.failures.write("upsert", "new key " + key + " did not insert: " + result);
					return;
				}
				added(mine, new ItemModel(result.getUpsertedId().asObjectId().getValue(), key, this.writer, note),
						"upsert-insert");
			}
			else {
				ItemModel item = mine.get(random.nextInt(mine.size()));
				UpdateResult result = items.updateOne(Filters.eq("key", item.key),
						Updates.combine(Updates.set("note", note), Updates.inc("version", 1L)),
						new UpdateOptions().upsert(true));
				if (result.getMatchedCount() != 1 || result.getUpsertedId() != null) {
					this.failures.write("upsert", "existing key " + item.key + " not matched: " + result);
					return;
				}
				item.note = note;
				item.version++;
				this.stats.wrote("upsert-update");
			}
		}

		/**
		 * $set under an optimistic lock: only this writer changes the item, so the lock
		 * must always hold.
		 */
		private void set(MongoCollection<Document> items, ItemModel item, long seq) {
			String note = "s" + seq;
			UpdateResult result = items.updateOne(new Document("_id", item.id).append("version", item.version),
					Updates.combine(Updates.set("note", note), Updates.inc("version", 1L)));
			if (result.getModifiedCount() != 1) {
				this.failures.write("set", "optimistic lock on " + item.id + " at version " + item.version
						+ " failed though nobody else writes it: " + result);
				return;
			}
			item.note = note;
			item.version++;
			this.stats.wrote("set");
		}

		private void push(MongoCollection<Document> items, ItemModel item, long seq) {
			String tag = "p" + seq;
			UpdateResult result = items.updateOne(Filters.eq("_id", item.id),
					Updates.combine(Updates.push("tags", tag), Updates.inc("version", 1L)));
			if (result.getModifiedCount() != 1) {
				this.failures.write("push", "push on " + item.id + " not applied: " + result);
				return;
			}
			item.tags.add(tag);
			item.version++;
			this.stats.wrote("push");
		}

		/**
		 * Read, then update only if the version is still the one read: a conflict is
		 * normal, not a failure.
		 */
		private void sharedUpdate(MongoCollection<Document> shared, String id, long seq) {
			Document current = shared.find(Filters.eq("_id", id)).first();
			if (current == null) {
				this.failures.write("shared", id + " not found");
				return;
			}
			long version = current.getLong("version");
			String entry = "w" + this.writer + "-" + seq;
			UpdateResult result = shared.updateOne(new Document("_id", id).append("version", version),
					Updates.combine(Updates.set("version", version + 1), Updates.push("log", entry)));
			if (result.getModifiedCount() == 1) {
				SharedModel model = this.model.shared.get(id);
				model.log.add(entry);
				model.version.incrementAndGet();
				this.stats.wrote("shared");
			}
			else {
				this.stats.conflicts.increment();
			}
		}

	}

	/**
	 * Reads by _id, by unique key, $in by _id, scans and small aggregations, and checks
	 * each answer against what the model held before the read started. A failed read is
	 * recorded, never retried.
	 */
	record Reader(MongoDatabase db, Model model, Failures failures, Stats stats, long deadline) implements Runnable {

		@Override
		public void run() {
			MongoCollection<Document> items = this.db.getCollection("items");
			MongoCollection<Document> shared = this.db.getCollection("shared");
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (System.nanoTime() < this.deadline) {
				int dice = random.nextInt(100);
				String kind = (dice < 35) ? "byId"
						: (dice < 60) ? "byKey" : (dice < 75) ? "in" : (dice < 85) ? "scan" : "aggregate";
				List<String> problems = new ArrayList<>();
				try {
					switch (kind) {
						case "byId", "byKey" -> {
							ItemModel item = this.model.random();
							if (item == null) {
								continue;
							}
							long version = item.version;
							int tags = item.tags.size();
							Document found = items
								.find(kind.equals("byId") ? Filters.eq("_id", item.id) : Filters.eq("key", item.key))
								.first();
							item.checkNotOlder(found, version, tags, problems);
						}
						case "in" -> inById(items, random, problems);
						case "scan" -> scan(items, random, problems);
						default -> aggregate(items, shared, random, problems);
					}
					this.stats.read(kind);
				}
				catch (RuntimeException ex) {
					this.failures.read(kind, ex);
					continue;
				}
				if (!problems.isEmpty()) {
					this.failures.read(kind, problems);
				}
			}
		}

		private void inById(MongoCollection<Document> items, ThreadLocalRandom random, List<String> problems) {
			Set<ObjectId> ids = new HashSet<>();
			for (int i = 0; i < 50; i++) {
				ItemModel item = this.model.random();
				if (item != null) {
					ids.add(item.id);
				}
			}
			Set<ObjectId> found = new HashSet<>();
			for (Document document : items.find(Filters.in("_id", ids)).projection(Projections.include("_id"))) {
				found.add(document.getObjectId("_id"));
			}
			if (!found.equals(ids)) {
				problems.add("$in of " + ids.size() + " acknowledged ids returned " + found.size());
			}
		}

		/**
		 * A scan by a field no index covers: returns at least every item of that writer
		 * acknowledged before.
		 */
		private void scan(MongoCollection<Document> items, ThreadLocalRandom random, List<String> problems) {
			int writer = random.nextInt(WRITERS);
			int before = this.model.acknowledgedItems(writer);
			int count = 0;
			for (Document document : items.find(Filters.eq("writer", writer))
				.projection(Projections.include("_id", "writer"))) {
				if (document.getInteger("writer") != writer) {
					problems.add("scan for writer " + writer + " returned writer " + document.getInteger("writer"));
				}
				count++;
			}
			if (count < before) {
				problems.add("scan for writer " + writer + " returned " + count + " items, " + before
						+ " were acknowledged before");
			}
		}

		private void aggregate(MongoCollection<Document> items, MongoCollection<Document> shared,
				ThreadLocalRandom random, List<String> problems) {
			if (random.nextBoolean()) {
				long before = this.model.sharedUpdates();
				Document total = shared.aggregate(List.of(new Document("$group",
						new Document("_id", null).append("versions", new Document("$sum", "$version")))))
					.first();
				if (total == null || total.getLong("versions") < before) {
					problems.add("sum of shared versions " + total + " below acknowledged " + before);
				}
			}
			else {
				int writer = random.nextInt(WRITERS);
				int before = this.model.acknowledgedItems(writer);
				Document group = items
					.aggregate(
							List.of(new Document("$match", new Document("writer", writer)),
									new Document("$group",
											new Document("_id", "$writer").append("n", new Document("$sum", 1)))))
					.first();
				int counted = (group != null) ? group.getInteger("n") : 0;
				if (counted < before) {
					problems.add("aggregation counted " + counted + " items of writer " + writer + ", " + before
							+ " were acknowledged before");
				}
			}
		}

	}

}
