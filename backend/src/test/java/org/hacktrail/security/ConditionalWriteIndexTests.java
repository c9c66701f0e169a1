package org.hacktrail.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.BsonDocument;
import org.bson.Document;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.Http;
import org.hacktrail.support.StoreCommands;
import org.hacktrail.support.StoreCommands.StoreCommand;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every conditional write the application sends — an update, delete or findAndModify
 * whose filter names more than {@code _id} — has a unique index on exactly the fields it
 * names. The embedded store uses an index only when it is unique and a query names
 * exactly its fields; any other filter scans its whole collection, under the collection's
 * lock, on every write (score sheet saves did, over 30,000 sheets, until they had their
 * {@code (_id, version, status)} index).
 *
 * <p>
 * The writes are those of building the hostile-input corpus's world (every feature's
 * objects, made through the API by their owners) and of sending each of its operations
 * once, legitimately and forged — the latter because a refused write may still have been
 * attempted with its conditions.
 */
@DemoServiceTest
class ConditionalWriteIndexTests {

	static final Set<String> WRITES = Set.of("update", "delete", "findAndModify");

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	StoreCommands commands;

	@Test
	void everyConditionalWriteHasAnIndexOnExactlyItsFields() {
		Http http = Http.localhost(this.port);
		List<StoreCommand> sent = this.commands.recording(() -> {
			World world = World.build(http, new TestAccounts(this.users, this.tokens), this.mongo);
			for (Operations.TextOperation operation : Operations.text()) {
				http.graphql(operation.document(), operation.variables().apply(world),
						operation.actor().headers(world));
			}
			for (Operations.ForgedOperation operation : Operations.forged()) {
				http.graphql(operation.document(), operation.variables().apply(world),
						operation.actor().headers(world));
			}
			http.graphql("mutation($id: ID!) { revokeApiToken(input: {id: $id}) { token { id } } }",
					Http.json().put("id", world.id("token.victim")), world.victim.headers());
		});

		Map<String, List<Set<String>>> indexes = new HashMap<>();
		Set<String> checked = new TreeSet<>();
		Map<String, String> unindexed = new TreeMap<>();
		for (StoreCommand command : sent) {
			if (!WRITES.contains(command.name()) || command.collection() == null) {
				continue;
			}
			for (BsonDocument filter : command.filters()) {
				Set<String> fields = new TreeSet<>(filter.keySet());
				if (fields.equals(Set.of("_id"))) {
					continue; // by id alone: always the _id index
				}
				String shape = command.name() + " " + command.collection() + " " + fields;
				checked.add(shape);
				if (!indexes.computeIfAbsent(command.collection(), this::indexKeys).contains(fields)) {
					unindexed.putIfAbsent(shape, filter.toJson());
				}
			}
		}
		assertThat(checked).as("the flow sends conditional writes (versioned saves, sheet saves, token revocation)")
			.anyMatch((shape) -> shape.startsWith("findAndModify score_sheets [_id, status, version]"))
			.anyMatch((shape) -> shape.contains(" api_tokens "))
			.anyMatch((shape) -> shape.startsWith("update expo_visits [_id, status]"))
			.anyMatch((shape) -> shape.contains(" judge_invitations "));
		assertThat(unindexed).as("conditional writes whose fields no index has exactly").isEmpty();
	}

	/**
	 * The fields of each unique index of the collection: the embedded store ignores the
	 * others.
	 */
	private List<Set<String>> indexKeys(String collection) {
		List<Set<String>> keys = new ArrayList<>();
		for (Document index : this.mongo.getCollection(collection).listIndexes()) {
			if ("_id_".equals(index.getString("name")) || Boolean.TRUE.equals(index.getBoolean("unique"))) {
				keys.add(new TreeSet<>(index.get("key", Document.class).keySet()));
			}
		}
		return keys;
	}

}
