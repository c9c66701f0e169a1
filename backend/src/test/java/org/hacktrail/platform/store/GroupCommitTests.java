package org.hacktrail.platform.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Group commit: a write is answered only once the commit holding it is on the disk,
 * writes that arrive together share a commit, and a long read does not stall the other
 * requests while a commit waits for it.
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
		try (EmbeddedStore store = EmbeddedStore
			.start(StoreFixtures.h2(this.dataDir).withDurability(EmbeddedStoreProperties.Durability.SYNC));
				MongoClient client = FailClosedTests.client(store)) {
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

	/**
	 * The documented opt-out: answered at once, committed every interval; a crash loses
	 * what is not yet committed.
	 */
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
	void aLongReadDoesNotDelayACommitAndAWriteIsDurableWhileItRuns() throws Exception {
		try (Committing store = new Committing(this.dataDir.resolve("read.mv.db"))) {
			CountDownLatch inside = new CountDownLatch(1);
			CountDownLatch finish = new CountDownLatch(1);
			CompletableFuture<Integer> longRead = CompletableFuture.supplyAsync(() -> store.backend.inRead(() -> {
				int before = store.documents.size();
				inside.countDown();
				await(finish);
				return before;
			}));
			assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

			long epoch = store.backend.inRequest(() -> {
				store.documents.put("doc-1", "written while a long read runs");
				return store.committer.epoch();
			});
			CompletableFuture.runAsync(() -> store.committer.awaitDurable(epoch)).get(10, TimeUnit.SECONDS);
			assertThat(longRead).as("the read still runs").isNotDone();

			finish.countDown();
			assertThat(longRead.get(5, TimeUnit.SECONDS)).isZero();
		}
		assertThat(Committing.reopen(this.dataDir.resolve("read.mv.db")).get("doc-1"))
			.isEqualTo("written while a long read runs");
	}

	@Test
	void aLongWriteDelaysTheCommitWhileReadsGoOn() throws Exception {
		try (Committing store = new Committing(this.dataDir.resolve("write.mv.db"))) {
			CountDownLatch inside = new CountDownLatch(1);
			CountDownLatch finish = new CountDownLatch(1);
			CompletableFuture<Void> longWrite = CompletableFuture.runAsync(() -> store.backend.inRequest(() -> {
				store.documents.put("long", "half of a long write");
				inside.countDown();
				await(finish);
				return null;
			}));
			assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
			long epoch = store.committer.epoch();
			CompletableFuture<Void> durable = CompletableFuture.runAsync(() -> store.committer.awaitDurable(epoch));
			// While the commit waits for the long write, reads still get through.
			for (int i = 0; i < 5; i++) {
				assertThat(CompletableFuture.supplyAsync(() -> store.backend.inRead(() -> "served"))
					.get(2, TimeUnit.SECONDS)).isEqualTo("served");
			}
			Thread.sleep(200);
			assertThat(durable).as("no commit while a write is half applied").isNotDone();

			finish.countDown();
			longWrite.get(5, TimeUnit.SECONDS);
			durable.get(10, TimeUnit.SECONDS);
		}
		assertThat(Committing.reopen(this.dataDir.resolve("write.mv.db")).get("long"))
			.isEqualTo("half of a long write");
	}

	/**
	 * A bare MVStore behind the backend and its group committer, as the embedded store
	 * runs them.
	 */
	static final class Committing implements AutoCloseable {

		final MVStore mvStore;

		final RequestConsistentH2Backend backend;

		final GroupCommitter committer;

		final MVMap<String, String> documents;

		Committing(Path file) {
			this.mvStore = new MVStore.Builder().fileName(file.toString())
				.autoCommitDisabled()
				.autoCommitBufferSize(0)
				.open();
			this.backend = new RequestConsistentH2Backend(this.mvStore, new StoreState(Clock.systemUTC()));
			this.committer = new GroupCommitter(this.mvStore, this.backend, StoreFixtures.h2(file.getParent()), null,
					(failure) -> {
					});
			this.documents = this.mvStore.openMap("documents");
		}

		/**
		 * Stops committing and drops the file without a last commit, as a crash would.
		 */
		@Override
		public void close() {
			this.committer.close();
			this.mvStore.closeImmediately();
		}

		static Map<String, String> reopen(Path file) {
			try (MVStore reopened = new MVStore.Builder().fileName(file.toString()).open()) {
				return new HashMap<>(reopened.<String, String>openMap("documents"));
			}
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
