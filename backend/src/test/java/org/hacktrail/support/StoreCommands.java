package org.hacktrail.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonValue;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.jspecify.annotations.Nullable;

/**
 * Records the commands the MongoDB driver sends, to check the shape of a hot path's
 * queries and count its round trips. Register it with {@link StoreCommandsConfiguration}
 * ({@code @Import(StoreCommandsConfiguration.class)}, then
 * {@code @Autowired StoreCommands commands}) or, without Spring, with
 * {@code MongoClientSettings.builder().addCommandListener(commands)}.
 *
 * <pre>
 * List&lt;StoreCommand&gt; sent = commands.recording(() -&gt; http.graphql(JUDGE_PANEL));
 * StoreCommands.assertHotPathShapes(sent);          // no $and wrapper, $in only alone on _id
 * assertThat(sent).hasSize(3);                      // three round trips
 * int trips = commands.count(() -&gt; service.saveSheet(sheet));
 * </pre>
 *
 * A recording sees the commands of every thread while its block runs (a request served on
 * a server thread too), except the connection handshake and health pings. Keep other
 * traffic out of the block.
 *
 * <p>
 * Why these shapes (docs/operations.md, "Embedded store"): the embedded store uses an
 * index only when a query's fields are exactly the index's key, so a filter wrapped in
 * {@code $and} scans the whole collection (an upsert by unique key fell from ~1,300 to ~9
 * per second); {@code $in} is fast only by {@code _id} alone (~34 per second with 100 ids
 * on H2, ~1.6 with one more condition).
 */
public class StoreCommands implements CommandListener {

	/** Commands that are not the application's own round trips. */
	static final Set<String> IGNORED = Set.of("hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo",
			"saslStart", "saslContinue", "endSessions", "getLastError");

	/** Commands whose filters are checked, and where each keeps its filters. */
	static final Set<String> FILTERED = Set.of("find", "update", "delete", "findAndModify", "aggregate", "count",
			"distinct");

	private final List<List<StoreCommand>> recordings = new CopyOnWriteArrayList<>();

	/**
	 * A command as sent: its name, database, collection, the whole command, and the
	 * sending thread.
	 */
	public record StoreCommand(String name, String database, @Nullable String collection, BsonDocument command,
			String thread) {

		/**
		 * The filters this command applies: a find's or count's filter, each update's or
		 * delete's {@code q}, a findAndModify's query, each {@code $match} stage of an
		 * aggregation.
		 */
		public List<BsonDocument> filters() {
			List<BsonDocument> filters = new ArrayList<>();
			switch (this.name) {
				case "find" -> add(filters, this.command.get("filter"));
				case "count", "distinct", "findAndModify" -> add(filters, this.command.get("query"));
				case "update" -> statements("updates").forEach((statement) -> add(filters, statement.get("q")));
				case "delete" -> statements("deletes").forEach((statement) -> add(filters, statement.get("q")));
				case "aggregate" -> statements("pipeline").forEach((stage) -> add(filters, stage.get("$match")));
				default -> {
				}
			}
			return filters;
		}

		private List<BsonDocument> statements(String key) {
			BsonValue value = this.command.get(key);
			List<BsonDocument> statements = new ArrayList<>();
			if (value instanceof BsonArray array) {
				array.forEach((element) -> {
					if (element.isDocument()) {
						statements.add(element.asDocument());
					}
				});
			}
			return statements;
		}

		private static void add(List<BsonDocument> filters, @Nullable BsonValue filter) {
			if (filter != null && filter.isDocument()) {
				filters.add(filter.asDocument());
			}
		}

		@Override
		public String toString() {
			return this.name + " " + this.collection + " " + this.command.toJson();
		}

	}

	/** A block of test code. */
	@FunctionalInterface
	public interface Block {

		void run() throws Exception;

	}

	/**
	 * Runs the block and returns the commands sent meanwhile, in order. Recordings may
	 * nest.
	 */
	public List<StoreCommand> recording(Block block) {
		List<StoreCommand> recording = new CopyOnWriteArrayList<>();
		this.recordings.add(recording);
		try {
			block.run();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.recordings.remove(recording);
		}
		return List.copyOf(recording);
	}

	/** The number of commands (round trips to the store) the block sends. */
	public int count(Block block) {
		return recording(block).size();
	}

	/**
	 * Runs the block, fails if it sent a query shape the embedded store cannot serve
	 * fast, returns its commands.
	 */
	public List<StoreCommand> assertHotPath(Block block) {
		List<StoreCommand> commands = recording(block);
		assertHotPathShapes(commands);
		return commands;
	}

	/** Fails, naming each offending command, if any filter breaks the store rules. */
	public static void assertHotPathShapes(List<StoreCommand> commands) {
		List<String> violations = shapeViolations(commands);
		if (!violations.isEmpty()) {
			throw new AssertionError(
					"Query shapes the embedded store serves slowly (see docs/operations.md, Embedded store):\n  "
							+ String.join("\n  ", violations));
		}
	}

	/**
	 * What is wrong with the filters of these commands, one line per problem: a top-level
	 * {@code $and}; an {@code $in} beside other conditions (other fields, or other
	 * operators on its field); an {@code $in} on a field other than {@code _id}.
	 */
	public static List<String> shapeViolations(List<StoreCommand> commands) {
		List<String> violations = new ArrayList<>();
		for (StoreCommand command : commands) {
			for (BsonDocument filter : command.filters()) {
				for (String problem : problems(filter)) {
					violations.add(
							command.name() + " on " + command.collection() + ": " + problem + " in " + filter.toJson());
				}
			}
		}
		return violations;
	}

	static List<String> problems(BsonDocument filter) {
		List<String> problems = new ArrayList<>();
		if (filter.containsKey("$and")) {
			problems.add("$and wrapper (write the conditions as one document: an implicit AND)");
		}
		for (String field : filter.keySet()) {
			BsonValue condition = filter.get(field);
			if (!condition.isDocument() || !condition.asDocument().containsKey("$in")) {
				continue;
			}
			if (filter.size() > 1) {
				problems.add("$in on " + field + " combined with other conditions (fetch by _id, filter in Java)");
			}
			else if (condition.asDocument().size() > 1) {
				problems.add("$in on " + field + " combined with other operators (fetch by _id, filter in Java)");
			}
			if (!field.equals("_id")) {
				problems.add("$in on " + field + ", not _id (batches go by _id only)");
			}
		}
		return problems;
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (this.recordings.isEmpty() || IGNORED.contains(event.getCommandName())) {
			return;
		}
		// The event's document may live in a buffer the driver reuses: keep a decoded
		// copy.
		BsonDocument command = new BsonDocumentCodec().decode(new BsonDocumentReader(event.getCommand()),
				DecoderContext.builder().build());
		BsonValue target = command.get(event.getCommandName());
		StoreCommand recorded = new StoreCommand(event.getCommandName(), event.getDatabaseName(),
				(target != null && target.isString()) ? target.asString().getValue() : null, command,
				Thread.currentThread().getName());
		this.recordings.forEach((recording) -> recording.add(recorded));
	}

}
