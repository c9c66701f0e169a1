package org.hacktrail.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit barrier of {@link RequestConsistentH2Backend}: a commit waits for the request in flight and writes it
 * whole; requests still run side by side.
 */
class RequestConsistentH2BackendTests {

	@TempDir
	Path dir;

	@Test
	void aCommitWaitsForTheRequestInFlightAndWritesItWhole() throws Exception {
		Path file = this.dir.resolve("barrier.mv.db");
		MVStore store = open(file);
		RequestConsistentH2Backend backend = new RequestConsistentH2Backend(store);
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
	void aScheduledCommitGivesUpOnALongRequestWithoutWritingAnything() throws Exception {
		Path file = this.dir.resolve("patience.mv.db");
		MVStore store = open(file);
		RequestConsistentH2Backend backend = new RequestConsistentH2Backend(store);
		MVMap<String, String> documents = store.openMap("documents");
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Void> longRequest = CompletableFuture.runAsync(() -> backend.inRequest(() -> {
			documents.put("doc-1", "half of a long request");
			inside.countDown();
			await(finish);
			return null;
		}));
		inside.await(5, TimeUnit.SECONDS);

		long started = System.nanoTime();
		assertThat(backend.tryCommitBetweenRequests(Duration.ofMillis(100))).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		// Other requests are not held back once the commit has given up.
		assertThat(CompletableFuture.supplyAsync(() -> backend.inRequest(() -> "served")).get(1, TimeUnit.SECONDS))
			.isEqualTo("served");

		finish.countDown();
		longRequest.get(5, TimeUnit.SECONDS);
		assertThat(backend.tryCommitBetweenRequests(Duration.ofMillis(100))).isTrue();
		store.closeImmediately();
		try (MVStore reopened = open(file)) {
			assertThat(reopened.<String, String>openMap("documents").get("doc-1")).isEqualTo("half of a long request");
		}
	}

	@Test
	void aCommitThatGaveUpWroteNothing() throws Exception {
		Path file = this.dir.resolve("nothing.mv.db");
		MVStore store = open(file);
		RequestConsistentH2Backend backend = new RequestConsistentH2Backend(store);
		MVMap<String, String> documents = store.openMap("documents");
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Void> request = CompletableFuture.runAsync(() -> backend.inRequest(() -> {
			documents.put("doc-1", "written before the commit gave up");
			inside.countDown();
			await(finish);
			return null;
		}));
		inside.await(5, TimeUnit.SECONDS);
		assertThat(backend.tryCommitBetweenRequests(Duration.ofMillis(50))).isFalse();
		// A crash now: the half-applied request must not be in the file.
		store.closeImmediately();
		finish.countDown();
		request.exceptionally((ex) -> null).get(5, TimeUnit.SECONDS);
		try (MVStore reopened = open(file)) {
			assertThat(reopened.<String, String>openMap("documents").get("doc-1")).isNull();
		}
	}

	@Test
	void requestsRunSideBySide() throws Exception {
		try (MVStore store = open(this.dir.resolve("side.mv.db"))) {
			RequestConsistentH2Backend backend = new RequestConsistentH2Backend(store);
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
