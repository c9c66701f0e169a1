package org.hacktrail.platform.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit: a write is answered only once the commit holding it is on the disk, writes that arrive together
 * share a commit, and a long read does not stall the other requests while a commit waits for it.
 */
@EmbeddedStoreOnly
class GroupCommitTests {

	@TempDir
	Path dataDir;

	@Test
	void everyAnsweredWriteIsInTheFileEvenIfNothingIsCommittedAfterwards() throws Exception {
		int threads = 8;
		int perThread = 40;
		long commits;
		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2(this.dataDir).withDurability(
				EmbeddedStoreProperties.Durability.SYNC)); MongoClient client = FailClosedTests.client(store)) {
			MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				writers.add(pool.submit(() -> {
					for (int i = 0; i < perThread; i++) {
						docs.insertOne(new Document("_id", thread * 1000 + i));
					}
				}));
			}
			for (Future<?> writer : writers) {
				writer.get(60, TimeUnit.SECONDS);
			}
			pool.shutdown();
			commits = store.commits();
			// A crash now: nothing more reaches the file.
			store.mvStore().closeImmediately();
		}
		assertThat(commits).as("writes that arrived together shared commits").isLessThan(threads * perThread);
		try (EmbeddedStore reopened = EmbeddedStore.start(StoreFixtures.h2(this.dataDir));
				MongoClient client = FailClosedTests.client(reopened)) {
			assertThat(client.getDatabase("t").getCollection("docs").countDocuments()).isEqualTo(threads * perThread);
		}
	}

	/** The documented opt-out: answered at once, committed every interval; a crash loses what is not yet committed. */
	@Test
	void withIntervalDurabilityAWriteIsAnsweredBeforeItIsCommitted() throws Exception {
		EmbeddedStoreProperties interval = new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.H2, this.dataDir,
				Duration.ofHours(1), 16)
			.withDurability(EmbeddedStoreProperties.Durability.INTERVAL);
		try (EmbeddedStore store = EmbeddedStore.start(interval); MongoClient client = FailClosedTests.client(store)) {
			client.getDatabase("t").getCollection("docs").insertOne(new Document("_id", "answered"));
			store.mvStore().closeImmediately();
		}
		try (EmbeddedStore reopened = EmbeddedStore.start(interval);
				MongoClient client = FailClosedTests.client(reopened)) {
			assertThat(client.getDatabase("t").getCollection("docs").find(Filters.eq("_id", "answered")).first())
				.isNull();
		}
	}

	@Test
	void aLongRequestDelaysTheCommitButNotTheOtherRequests() throws Exception {
		MVStore mvStore = new MVStore.Builder().fileName(this.dataDir.resolve("long.mv.db").toString())
			.autoCommitDisabled()
			.autoCommitBufferSize(0)
			.open();
		RequestConsistentH2Backend backend = new RequestConsistentH2Backend(mvStore,
				new StoreState(Clock.systemUTC()));
		try (GroupCommitter committer = new GroupCommitter(mvStore, backend, StoreFixtures.h2(this.dataDir), null,
				(failure) -> {
				})) {
			MVMap<String, String> documents = mvStore.openMap("documents");
			CountDownLatch inside = new CountDownLatch(1);
			CountDownLatch finish = new CountDownLatch(1);
			CompletableFuture<Void> longRead = CompletableFuture.runAsync(() -> backend.inRequest(() -> {
				inside.countDown();
				await(finish);
				return null;
			}));
			assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

			long epoch = backend.inRequest(() -> {
				documents.put("doc-1", "written while a long read runs");
				return committer.epoch();
			});
			CompletableFuture<Void> durable = CompletableFuture.runAsync(() -> committer.awaitDurable(epoch));
			// While the commit waits for the long read, other requests still get through.
			for (int i = 0; i < 5; i++) {
				String served = CompletableFuture.supplyAsync(() -> backend.inRequest(() -> "served"))
					.get(2, TimeUnit.SECONDS);
				assertThat(served).isEqualTo("served");
			}
			Thread.sleep(200);
			assertThat(durable).as("not durable while the commit cannot run").isNotDone();

			finish.countDown();
			longRead.get(5, TimeUnit.SECONDS);
			durable.get(10, TimeUnit.SECONDS);
			assertThat(committer.commits()).isPositive();
		}
		mvStore.closeImmediately();
		try (MVStore reopened = new MVStore.Builder().fileName(this.dataDir.resolve("long.mv.db").toString()).open()) {
			assertThat(reopened.<String, String>openMap("documents").get("doc-1")).isEqualTo("written while a long read runs");
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("timed out");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
