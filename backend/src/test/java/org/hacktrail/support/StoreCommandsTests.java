package org.hacktrail.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.hacktrail.support.StoreCommands.StoreCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link StoreCommands} against the embedded store (memory backend) through the plain
 * driver: what it records, and which filters it accepts and refuses.
 */
@EmbeddedStoreOnly
class StoreCommandsTests {

	StoreCommands commands = new StoreCommands();

	EmbeddedStore store;

	MongoClient client;

	MongoCollection<Document> sheets;

	@BeforeEach
	void start() {
		this.store = EmbeddedStore.start(new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.MEMORY,
				Path.of("unused"), Duration.ofSeconds(1), 16));
		this.client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(this.store.connectionString("shapes")))
			.addCommandListener(this.commands)
			.build());
		this.sheets = this.client.getDatabase("shapes").getCollection("sheets");
		this.sheets.createIndex(Indexes.ascending("round", "judge", "proposal"), new IndexOptions().unique(true));
		this.sheets.insertOne(new Document("_id", "s1").append("round", "r1")
			.append("judge", "j1")
			.append("proposal", "p1")
			.append("version", 1L));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.store.close();
	}

	@Test
	void recordsTheCommandsOfTheBlockOnlyInOrder() {
		this.sheets.find(Filters.eq("_id", "s1")).first();
		List<StoreCommand> sent = this.commands.recording(() -> {
			this.sheets.insertOne(
					new Document("_id", "s2").append("round", "r1").append("judge", "j2").append("proposal", "p1"));
			this.sheets.find(Filters.eq("_id", "s2")).first();
			this.sheets.updateOne(Filters.eq("_id", "s2"), Updates.set("total", 7));
		});
		this.sheets.find(Filters.eq("_id", "s1")).first();

		assertThat(sent).extracting(StoreCommand::name).containsExactly("insert", "find", "update");
		assertThat(sent).allSatisfy((command) -> {
			assertThat(command.collection()).isEqualTo("sheets");
			assertThat(command.database()).isEqualTo("shapes");
		});
		assertThat(sent.get(1).filters()).containsExactly(new BsonDocument("_id", new BsonString("s2")));
		assertThat(this.commands.count(() -> this.sheets.find(Filters.eq("_id", "s1")).first())).isEqualTo(1);
		assertThat(this.commands.count(() -> {
		})).isZero();
	}

	@Test
	void nestedRecordingsBothSeeTheInnerCommands() {
		List<List<StoreCommand>> inner = new ArrayList<>();
		List<StoreCommand> outer = this.commands.recording(() -> {
			this.sheets.find(Filters.eq("_id", "s1")).first();
			inner.add(this.commands.recording(() -> this.sheets.countDocuments(Filters.eq("_id", "s1"))));
		});
		assertThat(outer).extracting(StoreCommand::name).containsExactly("find", "aggregate");
		assertThat(inner.get(0)).extracting(StoreCommand::name).containsExactly("aggregate");
	}

	@Test
	void acceptsLookupsByIdOrUniqueKeyWrittenAsOneDocument() {
		List<StoreCommand> sent = this.commands.assertHotPath(() -> {
			this.sheets.find(new Document("_id", "s1")).first();
			this.sheets.find(new Document("round", "r1").append("judge", "j1").append("proposal", "p1")).first();
			this.sheets.find(Filters.in("_id", List.of("s1", "s2", "s3"))).into(new ArrayList<>());
			this.sheets.updateOne(new Document("_id", "s1").append("version", 1L),
					Updates.combine(Updates.set("total", 9), Updates.inc("version", 1L)));
			this.sheets.updateOne(new Document("round", "r1").append("judge", "j9").append("proposal", "p9"),
					Updates.set("total", 1), new UpdateOptions().upsert(true));
			this.sheets.findOneAndUpdate(new Document("_id", "s1"), Updates.set("locked", true));
			this.sheets.aggregate(List.of(Aggregates.match(new Document("_id", "s1")))).first();
			this.sheets.deleteOne(new Document("_id", "nothing"));
			// Ranges and several operators on one field are not an $and wrapper.
			this.sheets.find(new Document("_id", new Document("$gt", "a").append("$lt", "z"))).first();
		});
		assertThat(sent).hasSize(9);
	}

	@Test
	void refusesAnAndWrapperInEveryKindOfCommand() {
		Document wrapped = new Document("$and",
				List.of(new Document("round", "r1"), new Document("judge", "j1"), new Document("proposal", "p1")));
		List<StoreCommand> sent = this.commands.recording(() -> {
			this.sheets.find(wrapped).first();
			this.sheets.updateOne(wrapped, Updates.set("total", 2));
			this.sheets.findOneAndUpdate(wrapped, Updates.set("total", 3));
			this.sheets.aggregate(List.of(Aggregates.match(wrapped))).first();
			this.sheets.deleteMany(new Document("$and", List.of(new Document("_id", "none"))));
			this.sheets.countDocuments(wrapped);
		});
		List<String> violations = StoreCommands.shapeViolations(sent);
		assertThat(violations).hasSize(6).allSatisfy((violation) -> assertThat(violation).contains("$and wrapper"));
		assertThat(violations).anySatisfy((violation) -> assertThat(violation).startsWith("find on sheets:"))
			.anySatisfy((violation) -> assertThat(violation).startsWith("update on sheets:"))
			.anySatisfy((violation) -> assertThat(violation).startsWith("findAndModify on sheets:"))
			.anySatisfy((violation) -> assertThat(violation).startsWith("aggregate on sheets:"))
			.anySatisfy((violation) -> assertThat(violation).startsWith("delete on sheets:"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> StoreCommands.assertHotPathShapes(sent))
			.withMessageContaining("$and wrapper")
			.withMessageContaining("\"round\": \"r1\"");
	}

	@Test
	void refusesAnInBesideOtherConditionsOrOnAnotherField() {
		List<StoreCommand> sent = this.commands.recording(() -> {
			this.sheets.find(new Document("_id", new Document("$in", List.of("s1", "s2"))).append("round", "r1"))
				.first();
			this.sheets.find(new Document("_id", new Document("$in", List.of("s1")).append("$ne", "s2"))).first();
			this.sheets.find(new Document("proposal", new Document("$in", List.of("p1", "p2")))).first();
		});
		assertThat(StoreCommands.shapeViolations(sent)).containsExactly(
				"find on sheets: $in on _id combined with other conditions (fetch by _id, filter in Java) in "
						+ "{\"_id\": {\"$in\": [\"s1\", \"s2\"]}, \"round\": \"r1\"}",
				"find on sheets: $in on _id combined with other operators (fetch by _id, filter in Java) in "
						+ "{\"_id\": {\"$in\": [\"s1\"], \"$ne\": \"s2\"}}",
				"find on sheets: $in on proposal, not _id (batches go by _id only) in "
						+ "{\"proposal\": {\"$in\": [\"p1\", \"p2\"]}}");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.commands.assertHotPath(
				() -> this.sheets.find(new Document("judge", "j1").append("_id", new Document("$in", List.of("s1"))))
					.first()));
	}

	@Test
	void aFailingBlockStopsItsRecording() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.commands.recording(() -> {
			throw new IOException("boom");
		}));
		List<StoreCommand> later = this.commands.recording(() -> this.sheets.find(new Document("_id", "s1")).first());
		assertThat(later).hasSize(1);
	}

}
