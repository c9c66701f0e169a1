package org.hacktrail.platform.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A store file damaged while the service was stopped: every start reads the whole file,
 * so damage is found at start, not by a request later. A file whose newest version is
 * damaged is served read-only at its newest consistent older version, with a report of
 * what was lost, until an operator accepts it; a file with nothing consistent left stops
 * the start with a short explanation. The damaged file is never changed.
 */
@EmbeddedStoreOnly
class DamagedFileTests {

	@TempDir
	Path dataDir;

	/**
	 * Three collections written in thirty commits; the last commit writes the single
	 * document "last".
	 */
	private void buildStore() {
		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2(this.dataDir));
				MongoClient client = FailClosedTests.client(store)) {
			MongoDatabase db = client.getDatabase("hacktrail");
			for (int batch = 0; batch < 10; batch++) {
				List<Document> proposals = new ArrayList<>();
				List<Document> sheets = new ArrayList<>();
				for (int i = 0; i < 30; i++) {
					int n = batch * 30 + i;
					proposals.add(new Document("_id", "p" + n).append("title", "提案 " + n));
					sheets.add(new Document("_id", "s" + n).append("score", n % 7));
				}
				db.getCollection("proposals").insertMany(proposals);
				db.getCollection("score_sheets").insertMany(sheets);
				db.getCollection("hackathons").insertOne(new Document("_id", "h" + batch));
			}
			db.getCollection("proposals").insertOne(new Document("_id", "last"));
		}
	}

	private Path file() {
		return StoreFixtures.h2(this.dataDir).file();
	}

	@Test
	void damageInTheNewestChunkIsServedReadOnlyAtAnOlderVersionAndAcceptingItMakesItWritable() throws Exception {
		buildStore();
		byte[] before = Files.readAllBytes(file());
		long newest = newestChunkBlock();
		flip(newest * 4096 + 600, 32);
		byte[] damaged = Files.readAllBytes(file());

		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2(this.dataDir));
				MongoClient client = FailClosedTests.client(store)) {
			StoreState.Refusal refusal = store.state().writesRefused().orElseThrow();
			assertThat(refusal.cause()).isEqualTo(StoreState.Cause.RECOVERED);
			assertThat(refusal.detail()).contains("serving version").contains("RECOVERY.txt");
			assertThat(refusal.action()).contains("HACKTRAIL_STORE_ACCEPT_RECOVERED=true");
			MongoDatabase db = client.getDatabase("hacktrail");
			// The newest chunk may hold the last write, or only pages that closing
			// compacted (same data): either way
			// what is served is a whole version, at most the last write short.
			assertThat(db.getCollection("proposals").countDocuments()).isBetween(300L, 301L);
			assertThat(db.getCollection("score_sheets").countDocuments()).isEqualTo(300);
			FailClosedTests.assertRefused(() -> db.getCollection("proposals").insertOne(new Document("_id", "new")));
		}
		assertThat(Files.readAllBytes(file())).as("the damaged file is left as it was")
			.isEqualTo(damaged)
			.isNotEqualTo(before);
		assertThat(Files.readString(this.dataDir.resolve("RECOVERY.txt"))).contains("Recovered version")
			.containsPattern("hacktrail.proposals: 30[01] documents recovered");

		try (EmbeddedStore store = EmbeddedStore.start(StoreFixtures.h2(this.dataDir).withAcceptRecovered(true));
				MongoClient client = FailClosedTests.client(store)) {
			assertThat(store.state().writesRefused()).isEmpty();
			MongoDatabase db = client.getDatabase("hacktrail");
			long served = db.getCollection("proposals").countDocuments();
			db.getCollection("proposals").insertOne(new Document("_id", "after"));
			assertThat(db.getCollection("proposals").countDocuments()).isEqualTo(served + 1);
		}
		try (Stream<Path> files = Files.list(this.dataDir)) {
			Path kept = files.filter((path) -> path.getFileName().toString().startsWith("hacktrail.damaged-"))
				.findFirst()
				.orElseThrow();
			assertThat(Files.readAllBytes(kept)).as("the damaged file is kept").isEqualTo(damaged);
		}
	}

	@Test
	void bothHeadersDestroyedStopsTheStartWithWhatToDo() throws Exception {
		buildStore();
		flip(0, 8192);
		assertThatExceptionOfType(StoreStartException.class)
			.isThrownBy(() -> EmbeddedStore.start(StoreFixtures.h2(this.dataDir)))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(StoreStartException.Kind.DAMAGED);
				assertThat(ex.getMessage()).contains("is damaged").contains("no consistent older version");
				assertThat(ex.action()).contains("scripts/restore").contains("scripts/backup --verify");
			});
	}

	/**
	 * Damage anywhere: the store either opens with every document readable, or serves a
	 * verified older version read-only, or refuses to start with a short explanation. It
	 * never serves a file it cannot read whole.
	 */
	@ParameterizedTest(name = "damage at {0} % of the file")
	@ValueSource(ints = { 1, 10, 25, 50, 75, 90, 99 })
	void damageAtAnyOffsetNeverYieldsAStoreThatFailsAReadLater(int percent) throws Exception {
		buildStore();
		long size = Files.size(file());
		flip(Math.min(size - 64, Math.max(8192, size * percent / 100)), 64);
		EmbeddedStore store;
		try {
			store = EmbeddedStore.start(StoreFixtures.h2(this.dataDir));
		}
		catch (StoreStartException ex) {
			assertThat(ex.kind()).isEqualTo(StoreStartException.Kind.DAMAGED);
			assertThat(ex.action()).isNotBlank();
			return;
		}
		try (store; MongoClient client = FailClosedTests.client(store)) {
			MongoDatabase db = client.getDatabase("hacktrail");
			// Every document of every collection can be read.
			Map<String, Long> counts = new HashMap<>();
			for (String name : db.listCollectionNames()) {
				long read = 0;
				for (Document ignored : db.getCollection(name).find()) {
					read++;
				}
				counts.put(name, read);
			}
			if (store.state().writesRefused().isEmpty()) {
				assertThat(counts).containsEntry("proposals", 301L).containsEntry("score_sheets", 300L);
			}
			else {
				assertThat(store.state().writesRefused().get().cause()).isEqualTo(StoreState.Cause.RECOVERED);
				assertThat(counts.getOrDefault("proposals", 0L)).isLessThanOrEqualTo(301L);
			}
		}
	}

	/**
	 * The block of the newest chunk, as the file's header ("H:2,block:1a,...") records
	 * it.
	 */
	private long newestChunkBlock() throws IOException {
		byte[] header = new byte[4096];
		try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "r")) {
			raf.readFully(header);
		}
		String text = new String(header, StandardCharsets.ISO_8859_1);
		for (String field : text.substring(0, text.indexOf('\n')).split(",")) {
			if (field.startsWith("block:")) {
				return Long.parseLong(field.substring("block:".length()), 16);
			}
		}
		throw new IllegalStateException("no block in the header: " + text.substring(0, 200));
	}

	private void flip(long offset, int length) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
			byte[] bytes = new byte[length];
			raf.seek(offset);
			raf.readFully(bytes);
			for (int i = 0; i < length; i++) {
				bytes[i] = (byte) ~bytes[i];
			}
			raf.seek(offset);
			raf.write(bytes);
		}
	}

}
