package org.hacktrail.platform.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a collection bucket by bucket: every document exactly once and in {@code _id}
 * order, whatever the ids look like (UUIDs, shared long prefixes, punctuation,
 * non-ASCII), with no query returning more than its limit, and a restart reading on after
 * the last id. On the embedded store (memory backend), which is what the buckets are for.
 */
class IdBucketScanTests {

	@TempDir
	static Path dir;

	static EmbeddedStore store;

	static MongoClient client;

	static MongoCollection<Document> collection;

	static List<String> ids = new ArrayList<>();

	@BeforeAll
	static void fill() {
		store = EmbeddedStore
			.start(new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.MEMORY, dir, Duration.ofSeconds(1), 16));
		client = MongoClients.create(store.connectionString("buckets"));
		collection = client.getDatabase("buckets").getCollection("items");
		for (int i = 0; i < 700; i++) {
			ids.add(UUID.randomUUID().toString());
		}
		for (int i = 0; i < 120; i++) {
			// Ids that all share one long prefix: the buckets must go deep into them.
			ids.add("project-" + "x".repeat(20) + "-" + i);
			ids.add(ids.get(i) + "~" + Integer.toHexString(i * 7919));
		}
		ids.addAll(
				List.of("a", "~", "Z", "(", "\u00e9t\u00e9", "\u6e2c\u8a66", "a.b*c", "\uD83D\uDE00smile", "9", ":"));
		List<Document> documents = new ArrayList<>();
		for (String id : ids) {
			documents.add(new Document("_id", id).append("n", id.length()).append("payload", "x".repeat(50)));
		}
		collection.insertMany(documents);
		ids.sort(IdBucket.ORDER);
	}

	@AfterAll
	static void close() {
		client.close();
		store.close();
	}

	static List<String> readAll(IdBucketScan scan) {
		List<String> read = new ArrayList<>();
		for (Document d = scan.next(); d != null; d = scan.next()) {
			read.add(IdBucketScan.id(d));
		}
		return read;
	}

	@Test
	void everyDocumentIsReadOnceInIdOrderAndNoQueryReturnsMoreThanItsLimit() {
		IdBucketScan scan = new IdBucketScan(collection, new Document("n", 1), 100, null);

		List<String> read = readAll(scan);

		assertThat(read).containsExactlyElementsOf(ids);
		assertThat(scan.largestResult()).as("the limit plus one at most").isLessThanOrEqualTo(101);
		assertThat(scan.queries()).as("buckets, not a query per document").isLessThan(ids.size() / 5);
	}

	@Test
	void aSmallCollectionIsOneQuery() {
		IdBucketScan scan = new IdBucketScan(collection, new Document("n", 1), 10_000, null);

		assertThat(readAll(scan)).containsExactlyElementsOf(ids);
		assertThat(scan.queries()).isEqualTo(1);
	}

	@Test
	void aScanStartedAfterAnIdReadsOnlyWhatComesAfterIt() {
		String after = ids.get(ids.size() / 2);

		List<String> read = readAll(new IdBucketScan(collection, new Document("n", 1), 40, after));

		assertThat(read).containsExactlyElementsOf(ids.subList(ids.size() / 2 + 1, ids.size()));
	}

	@Test
	void skipToLeavesOutWhatComesBeforeAKeyWithoutQueryingItsBuckets() {
		IdBucketScan all = new IdBucketScan(collection, new Document("n", 1), 40, null);
		readAll(all);
		String key = ids.get(3 * ids.size() / 4);
		IdBucketScan scan = new IdBucketScan(collection, new Document("n", 1), 40, null);

		scan.skipTo(key);
		List<String> read = readAll(scan);

		assertThat(read).containsExactlyElementsOf(ids.subList(3 * ids.size() / 4, ids.size()));
		assertThat(scan.queries()).isLessThan(all.queries() / 2);
	}

	@Test
	void theReaderFiltersMapsAndRestartsAfterTheLastIdOfTheLastChunk() throws Exception {
		MongoTemplate template = new MongoTemplate(client, "buckets");
		IdBucketItemReader<String> first = new IdBucketItemReader<>("items", template, "items", new Document("n", 1),
				(d) -> d.getInteger("n") > 1, IdBucketScan::id, 40);
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		List<String> read = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			read.add(first.read());
		}
		first.update(context);
		first.read(); // read after the last checkpoint, so read again after the restart
		first.close();

		IdBucketItemReader<String> restarted = new IdBucketItemReader<>("items", template, "items",
				new Document("n", 1), (d) -> d.getInteger("n") > 1, IdBucketScan::id, 40);
		restarted.open(context);
		for (String id = restarted.read(); id != null; id = restarted.read()) {
			read.add(id);
		}

		assertThat(read).containsExactlyElementsOf(ids.stream().filter((id) -> id.length() > 1).toList());
		assertThat(context.getString("items.last")).isEqualTo(read.get(99));
	}

}
