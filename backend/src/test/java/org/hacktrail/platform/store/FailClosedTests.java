package org.hacktrail.platform.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.hacktrail.support.TimingSensitive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The embedded store fails closed: when the disk stops taking writes (an I/O error below
 * the store, a file made immutable, a full disk) no write is acknowledged any more, the
 * store says why, reads go on from what is on the disk, and once the cause is gone writes
 * resume by themselves. Nothing acknowledged is ever lost and nothing refused ever
 * appears.
 *
 * <p>
 * The immutable-file and full-disk cases need root (chattr, mount); they are skipped
 * elsewhere. CI runs as root.
 */
@EmbeddedStoreOnly
@TimingSensitive
class FailClosedTests {

	@TempDir
	Path dataDir;

	private final List<Runnable> cleanUp = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		for (int i = this.cleanUp.size() - 1; i >= 0; i--) {
			this.cleanUp.get(i).run();
		}
	}

	@Test
	void anIoErrorBelowTheStoreRefusesWritesKeepsReadsAndWritingResumesOnceItClears() throws Exception {
		FaultyFileLayer layer = new FaultyFileLayer();
		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2(this.dataDir), Clock.systemUTC(), layer);
				MongoClient client = client(store)) {
			MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
			insert(docs, 0, 10);

			layer.failing = true;
			assertRefused(() -> docs.insertOne(new Document("_id", 100)));
			assertThat(layer.writesFailed).as("the failure came from below the store").isPositive();
			StoreState.Refusal refusal = store.state().writesRefused().orElseThrow();
			assertThat(refusal.cause()).isEqualTo(StoreState.Cause.WRITE_FAILED);
			assertThat(refusal.detail()).contains("commit").contains("No space left on device (injected)");
			assertThat(refusal.action()).contains("resumes writing by itself");

			// Reads go on, from the disk: every acknowledged write, not the refused one.
			assertThat(docs.countDocuments()).isEqualTo(10);
			assertThat(docs.find(Filters.eq("_id", 100)).first()).isNull();
			// Later writes are refused before they are made, and the store stays
			// readable.
			assertRefused(() -> docs.insertOne(new Document("_id", 101)));
			assertRefused(() -> docs.updateOne(Filters.eq("_id", 1), new Document("$set", new Document("x", 1))));
			assertThat(docs.find(Filters.eq("_id", 1)).first()).doesNotContainKey("x");

			layer.failing = false;
			await("writes resume", () -> store.state().writesRefused().isEmpty());
			docs.insertOne(new Document("_id", 102));
			assertThat(docs.find(Filters.eq("_id", 102)).first()).isNotNull();
		}
		try (EmbeddedStore reopened = EmbeddedStore.start(StoreFixtures.h2(this.dataDir));
				MongoClient client = client(reopened)) {
			MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
			assertThat(ids(docs)).as("exactly the acknowledged writes")
				.containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 102);
		}
	}

	@Test
	void aFileMadeImmutableWhileRunningRefusesWritesUntilItIsWritableAgain() throws Exception {
		assumeRoot();
		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2(this.dataDir));
				MongoClient client = client(store)) {
			MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
			insert(docs, 0, 5);
			Path file = StoreFixtures.h2(this.dataDir).file();
			chattr("+i", file);

			assertRefused(() -> docs.insertOne(new Document("_id", 100)));
			assertThat(store.state().writesRefused().orElseThrow().cause()).isEqualTo(StoreState.Cause.WRITE_FAILED);
			assertThat(docs.countDocuments()).isEqualTo(5);
			assertRefused(() -> docs.insertOne(new Document("_id", 101)));

			chattr("-i", file);
			await("writes resume", () -> store.state().writesRefused().isEmpty());
			docs.insertOne(new Document("_id", 102));
		}
		try (EmbeddedStore reopened = EmbeddedStore.start(StoreFixtures.h2(this.dataDir));
				MongoClient client = client(reopened)) {
			assertThat(ids(client.getDatabase("t").getCollection("docs"))).containsExactly(0, 1, 2, 3, 4, 102);
		}
	}

	@Test
	void aFullDiskRefusesWritesWithoutLosingAcknowledgedOnesAndResumesWhenSpaceIsFreed() throws Exception {
		Path disk = smallDisk(DataSize.ofMegabytes(48));
		// No floor: the disk really fills up, and the commit that hits it fails.
		EmbeddedStoreProperties properties = StoreFixtures.h2(disk.resolve("data"))
			.withMinFreeSpace(DataSize.ofBytes(0), 0);
		Path filler = disk.resolve("filler");
		List<Integer> acknowledged = new ArrayList<>();
		try (EmbeddedStore store = EmbeddedStore.start(properties); MongoClient client = client(store)) {
			MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
			insert(docs, 0, 20);
			fill(filler, Files.getFileStore(disk).getUsableSpace());
			String payload = "x".repeat(64 * 1024);
			int refused = -1;
			for (int i = 20; i < 2000 && refused < 0; i++) {
				try {
					docs.insertOne(new Document("_id", i).append("payload", payload));
					acknowledged.add(i);
				}
				catch (MongoServerException ex) {
					assertThat(ex.getErrorCodeName()).isEqualTo(StoreState.REFUSED_CODE_NAME);
					refused = i;
				}
			}
			assertThat(refused).as("the disk filled up and a write was refused").isPositive();
			assertThat(store.state().writesRefused().orElseThrow().detail()).contains("No space left on device");
			assertThat(docs.countDocuments()).isEqualTo(20 + acknowledged.size());

			Files.delete(filler);
			await("writes resume", () -> store.state().writesRefused().isEmpty());
			docs.insertOne(new Document("_id", 5000));
			acknowledged.add(5000);
		}
		try (EmbeddedStore reopened = EmbeddedStore.start(properties); MongoClient client = client(reopened)) {
			List<Integer> expected = new ArrayList<>(
					List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19));
			expected.addAll(acknowledged);
			assertThat(ids(client.getDatabase("t").getCollection("docs"))).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void belowTheFreeSpaceFloorWritesAreRefusedBeforeTheDiskIsFull() throws Exception {
		Path disk = smallDisk(DataSize.ofMegabytes(64));
		// The floor is the smaller of 1 GB and 10 % of the file system: 6.4 MB here.
		EmbeddedStoreProperties properties = StoreFixtures.h2(disk.resolve("data"));
		Path filler = disk.resolve("filler");
		try (EmbeddedStore store = EmbeddedStore.start(properties); MongoClient client = client(store)) {
			MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
			insert(docs, 0, 5);
			fill(filler, Files.getFileStore(disk).getUsableSpace() - DataSize.ofMegabytes(3).toBytes());
			await("writes refused", () -> store.state().writesRefused().isPresent());
			StoreState.Refusal refusal = store.state().writesRefused().orElseThrow();
			assertThat(refusal.cause()).isEqualTo(StoreState.Cause.DISK_SPACE_LOW);
			assertThat(refusal.detail()).contains("below the floor of 6 MB");
			assertRefused(() -> docs.insertOne(new Document("_id", 100)));
			assertThat(docs.countDocuments()).isEqualTo(5);

			Files.delete(filler);
			await("writes resume", () -> store.state().writesRefused().isEmpty());
			docs.insertOne(new Document("_id", 101));
			assertThat(docs.countDocuments()).isEqualTo(6);
		}
	}

	static void insert(MongoCollection<Document> docs, int from, int to) {
		for (int i = from; i < to; i++) {
			docs.insertOne(new Document("_id", i).append("n", i));
		}
	}

	static List<Integer> ids(MongoCollection<Document> docs) {
		List<Integer> ids = new ArrayList<>();
		docs.find().sort(new Document("_id", 1)).forEach((document) -> ids.add(document.getInteger("_id")));
		return ids;
	}

	static void assertRefused(Runnable write) {
		assertThatExceptionOfType(MongoServerException.class).isThrownBy(write::run)
			.satisfies((ex) -> assertThat(ex.getErrorCodeName()).isEqualTo(StoreState.REFUSED_CODE_NAME));
	}

	static MongoClient client(EmbeddedStore store) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(store.connectionString("t")))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.build());
	}

	static void await(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited for: " + what).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	static void assumeRoot() throws Exception {
		assumeThat(new ProcessBuilder("id", "-u").start().inputReader().readLine()).as("runs as root").isEqualTo("0");
	}

	private void chattr(String flag, Path file) throws Exception {
		Process process = new ProcessBuilder("chattr", flag, file.toString()).inheritIO().start();
		assumeThat(process.waitFor()).as("chattr works on this file system").isZero();
		if (flag.equals("+i")) {
			this.cleanUp.add(() -> run("chattr", "-i", file.toString()));
		}
	}

	/** A tmpfs of the given size, unmounted after the test. */
	private Path smallDisk(DataSize size) throws Exception {
		assumeRoot();
		Path mount = this.dataDir.resolve("disk");
		Files.createDirectories(mount);
		Process process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size.toMegabytes() + "m", "tmpfs",
				mount.toString())
			.inheritIO()
			.start();
		assumeThat(process.waitFor()).as("tmpfs can be mounted here").isZero();
		this.cleanUp.add(() -> run("umount", "-l", mount.toString()));
		return mount;
	}

	/** A file of about {@code bytes}, or as much as fits. */
	private static void fill(Path file, long bytes) throws IOException {
		byte[] block = new byte[1024 * 1024];
		try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
			long written = 0;
			while (written < bytes) {
				int length = (int) Math.min(block.length, bytes - written);
				out.write(block, 0, length);
				written += length;
			}
		}
		catch (IOException ex) {
			if (!String.valueOf(ex.getMessage()).contains("No space left")) {
				throw ex;
			}
		}
	}

	private static void run(String... command) {
		try {
			new ProcessBuilder(command).inheritIO().start().waitFor();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
