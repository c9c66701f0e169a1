package org.hacktrail.platform.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit barrier of {@link RequestConsistentH2Backend}: a commit waits for the
 * request in flight and writes it whole; requests still run side by side. How the group
 * committer uses it: {@code GroupCommitterTests}.
 */
@EmbeddedStoreOnly
class RequestConsistentH2BackendTests {

	@TempDir
	Path dir;

	@Test
	void aCommitWaitsForTheRequestInFlightAndWritesItWhole() throws Exception {
		Path file = this.dir.resolve("barrier.mv.db");
		MVStore store = open(file);
		RequestConsistentH2Backend backend = new RequestConsistentH2Backend(store, new StoreState(Clock.systemUTC()));
		MVMap<String, String> documents = store.openMap("documents");
		MVMap<String, String> index = store.openMap("index");
		CountDownLatch halfWritten = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);

		CompletableFuture<Void> request = CompletableFuture.runAsync(() -> backend.inRequest(() -> {
			documents.put("doc-1", "a document");
			halfWritten.countDown();
			await(finish);
			index.put("key-1", "doc-1");
			return null;
		}));
		halfWritten.await(5, TimeUnit.SECONDS);
		CompletableFuture<Void> commit = CompletableFuture.runAsync(backend::commitBetweenRequests);
		Thread.sleep(300);
		assertThat(commit).as("commit while a request is half applied").isNotDone();

		finish.countDown();
		request.get(5, TimeUnit.SECONDS);
		commit.get(5, TimeUnit.SECONDS);
		// A crash now: nothing after the commit reaches the file.
		store.closeImmediately();

		try (MVStore reopened = open(file)) {
			assertThat(reopened.<String, String>openMap("documents").get("doc-1")).isEqualTo("a document");
			assertThat(reopened.<String, String>openMap("index").get("key-1")).isEqualTo("doc-1");
		}
	}

	@Test
	void requestsRunSideBySide() throws Exception {
		try (MVStore store = open(this.dir.resolve("side.mv.db"))) {
			RequestConsistentH2Backend backend = new RequestConsistentH2Backend(store,
					new StoreState(Clock.systemUTC()));
			CountDownLatch bothInside = new CountDownLatch(2);
			Runnable request = () -> backend.inRequest(() -> {
				bothInside.countDown();
				await(bothInside);
				return null;
			});
			CompletableFuture.allOf(CompletableFuture.runAsync(request), CompletableFuture.runAsync(request))
				.get(5, TimeUnit.SECONDS);
			assertThat(bothInside.getCount()).isZero();
		}
	}

	private static MVStore open(Path file) {
		return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(5, TimeUnit.SECONDS)) {
				throw new IllegalStateException("timed out");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
