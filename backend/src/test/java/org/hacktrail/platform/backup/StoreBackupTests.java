package org.hacktrail.platform.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Backup and restore through {@link StoreBackupCommand}, as the scripts run it, on
 * embedded stores in temporary directories.
 */
@EmbeddedStoreOnly
class StoreBackupTests {

	@TempDir
	Path temp;

	final ObjectId userId = new ObjectId();

	final Date joined = new Date(1_700_000_000_123L);

	final Decimal128 budget = new Decimal128(new BigDecimal("12345.678901234567890123456789"));

	final UUID token = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

	@Test
	void roundTripsAPopulatedStoreDocumentForDocument() throws Exception {
		Path source = this.temp.resolve("source");
		populate(source);
		Path backup = this.temp.resolve("backup");

		Result backedUp = command("backup", backup.toString(), "--data-dir", source.toString());
		assertThat(backedUp.status()).as(backedUp.err()).isZero();
		assertThat(backedUp.out()).contains("4 collections, 1203 documents");

		Path target = this.temp.resolve("target");
		Result restored = command("restore", backup.toString(), "--data-dir", target.toString());
		assertThat(restored.status()).as(restored.err()).isZero();

		Map<String, List<BsonDocument>> before = contents(source);
		Map<String, List<BsonDocument>> after = contents(target);
		assertThat(after.keySet()).containsExactly("empty", "proposals", "scores", "users");
		assertThat(after).isEqualTo(before);
		assertThat(indexes(target)).isEqualTo(indexes(source));

		// The values survived with their types, not just as equal-looking JSON.
		try (Opened store = open(target)) {
			Document user = store.db().getCollection("users").find().first();
			assertThat(user.getObjectId("_id")).isEqualTo(this.userId);
			assertThat(user.getString("name")).isEqualTo("Zoë 王小明 🚲");
			assertThat(user.getDate("joined")).isEqualTo(this.joined);
			assertThat(user.get("budget")).isEqualTo(this.budget);
			assertThat(user.get("votes")).isInstanceOf(Long.class).isEqualTo(9_007_199_254_740_993L);
			assertThat(user.get("rank")).isInstanceOf(Integer.class).isEqualTo(3);
			assertThat(user.get("score")).isEqualTo(0.1 + 0.2);
			assertThat(user.get("address", Document.class).getList("lines", String.class))
				.containsExactly("1 Rue de l'Église", "東京都");
			assertThat(user.get("token", Binary.class).getType()).isEqualTo((byte) 4);
			assertThat(user.get("nothing")).isNull();
			assertThat(user.containsKey("nothing")).isTrue();
			// The unique index came back and is enforced.
			assertThatExceptionOfType(MongoWriteException.class).isThrownBy(() -> store.db()
				.getCollection("proposals")
				.insertOne(new Document("hackathon", "h1").append("slug", "p-1")));
		}

		// The files are what mongoimport reads: canonical Extended JSON, one document per
		// line.
		List<String> lines = Files.readAllLines(backup.resolve("users.json"), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).contains("{\"$oid\": \"" + this.userId.toHexString() + "\"}")
			.contains("\"$numberDecimal\": \"12345.678901234567890123456789\"")
			.contains("{\"$date\": {\"$numberLong\": \"1700000000123\"}}")
			.contains("{\"$numberLong\": \"9007199254740993\"}")
			// Characters outside the Basic Multilingual Plane are written as JSON
			// surrogate escapes, which every JSON
			// reader (mongoimport included) turns back into the character.
			.contains("Zoë 王小明 \\ud83d\\udeb2");
		assertThat(Files.readAllLines(backup.resolve("scores.json"))).hasSize(1200)
			.allSatisfy((line) -> assertThat(BsonDocument.parse(line)).containsKey("_id"));
		assertThat(Files.readAllLines(backup.resolve("empty.json"))).isEmpty();
		BsonDocument metadata = BsonDocument.parse(Files.readString(backup.resolve("metadata.json")));
		assertThat(metadata.getString("database").getValue()).isEqualTo("hacktrail");
		assertThat(metadata.getArray("collections")).hasSize(4);
	}

	@Test
	void refusesToRestoreOverAStoreWithDocumentsUnlessForced() throws Exception {
		Path source = this.temp.resolve("source");
		populate(source);
		Path backup = this.temp.resolve("backup");
		assertThat(command("backup", backup.toString(), "--data-dir", source.toString()).status()).isZero();

		Path target = this.temp.resolve("target");
		try (Opened store = open(target)) {
			store.db().getCollection("users").insertOne(new Document("name", "someone already here"));
			store.db().getCollection("leftover").insertOne(new Document("stale", true));
		}
		Result refused = command("restore", backup.toString(), "--data-dir", target.toString());
		assertThat(refused.status()).isEqualTo(StoreBackupCommand.REFUSED);
		assertThat(refused.err()).contains("already holds documents").contains("--force");
		assertThat(contents(target).get("users")).hasSize(1);

		Result forced = command("restore", backup.toString(), "--force", "--data-dir", target.toString());
		assertThat(forced.status()).as(forced.err()).isZero();
		assertThat(contents(target)).isEqualTo(contents(source));
	}

	@Test
	void refusesWhileTheServiceHoldsTheStore() throws Exception {
		Path source = this.temp.resolve("source");
		populate(source);
		try (Opened running = open(source)) {
			Result backup = command("backup", this.temp.resolve("backup").toString(), "--data-dir", source.toString());
			assertThat(backup.status()).isEqualTo(StoreBackupCommand.IN_USE);
			assertThat(backup.err()).contains("in use by another process").contains("Stop the service first");
			Result restore = command("restore", this.temp.resolve("backup").toString(), "--data-dir",
					source.toString());
			assertThat(restore.status()).isIn(StoreBackupCommand.IN_USE, StoreBackupCommand.REFUSED);
		}
	}

	@Test
	void refusesUnfinishedBackupsBusyDirectoriesAndMissingStores() throws Exception {
		Path unfinished = Files.createDirectories(this.temp.resolve("unfinished"));
		Files.writeString(unfinished.resolve("users.json"), "{\"_id\": 1}\n");
		Result restore = command("restore", unfinished.toString(), "--data-dir", this.temp.resolve("t").toString());
		assertThat(restore.status()).isEqualTo(StoreBackupCommand.REFUSED);
		assertThat(restore.err()).contains("no metadata.json");

		Path source = this.temp.resolve("source");
		populate(source);
		Result busy = command("backup", unfinished.toString(), "--data-dir", source.toString());
		assertThat(busy.status()).isEqualTo(StoreBackupCommand.REFUSED);
		assertThat(busy.err()).contains("is not empty");

		Result missing = command("backup", this.temp.resolve("b").toString(), "--data-dir",
				this.temp.resolve("nowhere").toString());
		assertThat(missing.status()).isEqualTo(StoreBackupCommand.REFUSED);
		assertThat(missing.err()).contains("No embedded store");
		assertThat(this.temp.resolve("nowhere")).doesNotExist();

		assertThat(command("backup").status()).isEqualTo(StoreBackupCommand.REFUSED);
		assertThat(command("backup", "x", "--force").status()).isEqualTo(StoreBackupCommand.REFUSED);
	}

	@Test
	void verifyChecksAStoreFileAndABackupWithoutStartingTheService() throws Exception {
		Path source = this.temp.resolve("source");
		populate(source);
		Result store = command("verify", "--data-dir", source.toString());
		assertThat(store.status()).as(store.err()).isEqualTo(StoreBackupCommand.OK);
		assertThat(store.out()).contains("verified").contains("hacktrail.users: 1").contains("hacktrail.scores: 1200");

		Path backup = this.temp.resolve("backup");
		assertThat(command("backup", backup.toString(), "--data-dir", source.toString()).status()).isZero();
		Result whole = command("verify", backup.toString());
		assertThat(whole.status()).as(whole.err()).isEqualTo(StoreBackupCommand.OK);
		assertThat(whole.out()).contains("backup").contains("verified");

		// A line cut in half, as a full disk leaves it.
		Path users = backup.resolve("users.json");
		String text = Files.readString(users);
		Files.writeString(users, text.substring(0, text.length() / 2));
		Result cut = command("verify", backup.toString());
		assertThat(cut.status()).isEqualTo(StoreBackupCommand.FAILED);
		assertThat(cut.err()).contains("users.json line");

		// The store's file with a page of a collection overwritten.
		Path file = source.resolve("hacktrail.mv.db");
		byte[] bytes = Files.readAllBytes(file);
		for (int i = bytes.length / 2; i < bytes.length / 2 + 4096 && i < bytes.length; i++) {
			bytes[i] = (byte) ~bytes[i];
		}
		Files.write(file, bytes);
		Result damaged = command("verify", file.toString());
		assertThat(damaged.status()).as(damaged.out()).isEqualTo(StoreBackupCommand.FAILED);
		assertThat(damaged.err()).contains("is damaged").contains("UNREADABLE");

		assertThat(command("verify", this.temp.resolve("nothing").toString()).status())
			.isEqualTo(StoreBackupCommand.REFUSED);
	}

	@Test
	void verifyRefusesAStoreInUse() throws Exception {
		Path source = this.temp.resolve("source");
		populate(source);
		try (Opened running = open(source)) {
			Result verify = command("verify", "--data-dir", source.toString());
			assertThat(verify.status()).isEqualTo(StoreBackupCommand.IN_USE);
			assertThat(verify.err()).contains("in use");
		}
	}

	private void populate(Path dataDir) {
		try (Opened store = open(dataDir)) {
			MongoDatabase db = store.db();
			db.getCollection("users")
				.insertOne(new Document("_id", this.userId).append("name", "Zoë 王小明 🚲")
					.append("joined", this.joined)
					.append("budget", this.budget)
					.append("votes", 9_007_199_254_740_993L)
					.append("rank", 3)
					.append("score", 0.1 + 0.2)
					.append("active", true)
					.append("nothing", null)
					.append("token", new Binary((byte) 4, asBytes(this.token)))
					.append("address",
							new Document("city", "Zürich").append("lines", List.of("1 Rue de l'Église", "東京都")))
					.append("roles", List.of("ORGANIZER", "JUDGE")));
			db.getCollection("proposals")
				.createIndex(Indexes.ascending("hackathon", "slug"),
						new IndexOptions().unique(true).name("hackathon_slug"));
			db.getCollection("proposals").insertOne(new Document("hackathon", "h1").append("slug", "p-1"));
			db.getCollection("proposals").insertOne(new Document("hackathon", "h1").append("slug", "p-2"));
			db.getCollection("empty").createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
			List<Document> scores = new ArrayList<>();
			for (int i = 0; i < 1200; i++) {
				scores.add(new Document("sheet", i).append("points", new Decimal128(BigDecimal.valueOf(i, 2)))
					.append("criteria", List.of(new Document("c", "impact").append("v", i % 5))));
			}
			db.getCollection("scores").insertMany(scores);
		}
	}

	private static byte[] asBytes(UUID uuid) {
		return new org.bson.BsonBinary(uuid, UuidRepresentation.STANDARD).getData();
	}

	/**
	 * Every collection's documents in _id order, as BSON so that types count in the
	 * comparison.
	 */
	private static Map<String, List<BsonDocument>> contents(Path dataDir) {
		try (Opened store = open(dataDir)) {
			Map<String, List<BsonDocument>> contents = new TreeMap<>();
			for (String name : store.db().listCollectionNames()) {
				List<BsonDocument> documents = new ArrayList<>();
				store.db().getCollection(name, BsonDocument.class).find().sort(Sorts.ascending("_id")).into(documents);
				contents.put(name, documents);
			}
			return contents;
		}
	}

	/** Index definitions by collection, without the fields that belong to a server. */
	private static Map<String, List<BsonDocument>> indexes(Path dataDir) {
		try (Opened store = open(dataDir)) {
			Map<String, List<BsonDocument>> indexes = new TreeMap<>();
			for (String name : store.db().listCollectionNames()) {
				List<BsonDocument> definitions = new ArrayList<>();
				for (BsonDocument index : store.db().getCollection(name).listIndexes(BsonDocument.class)) {
					index.remove("v");
					index.remove("ns");
					definitions.add(index);
				}
				definitions.sort((a, b) -> a.getString("name").compareTo(b.getString("name")));
				indexes.put(name, definitions);
			}
			assertThat(indexes.get("proposals")).anySatisfy((index) -> {
				assertThat(index.getString("name").getValue()).isEqualTo("hackathon_slug");
				assertThat(index.getBoolean("unique").getValue()).isTrue();
			});
			return indexes;
		}
	}

	record Opened(EmbeddedStore store, MongoClient client) implements AutoCloseable {

		MongoDatabase db() {
			return this.client.getDatabase("hacktrail");
		}

		@Override
		public void close() {
			this.client.close();
			this.store.close();
		}

	}

	private static Opened open(Path dataDir) {
		EmbeddedStore store = EmbeddedStore
			.start(new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.H2, dataDir, Duration.ofSeconds(1), 16));
		return new Opened(store, MongoClients.create(store.connectionString("hacktrail")));
	}

	record Result(int status, String out, String err) {
	}

	private static Result command(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = StoreBackupCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
