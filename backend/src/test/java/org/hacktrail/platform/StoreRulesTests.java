package org.hacktrail.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Store rules of docs/operations.md ("Embedded store") checked on the main sources, so
 * that breaking one needs a visible, reasoned exception.
 *
 * <ul>
 * <li>Never take a unique number from a returned {@code $inc}: on the embedded store
 * concurrent {@code findOneAndUpdate ... $inc} callers got the same returned value
 * (docs/operations.md, the known differences). A source file that both increments and
 * uses a find-and-modify is refused unless it says {@code store-rule: returned-inc-ok}
 * and why (for example, a counter whose returned value is only displayed). Incrementing
 * the {@code version} field (Spring Data's {@code @Version}) in a find-and-modify upsert
 * is optimistic locking, not a number taken as an id, and is allowed.</li>
 * <li>No {@code $and} wrapper ({@code andOperator}, {@code "$and"}): the embedded store
 * then ignores the unique index and scans. Exception marker: {@code store-rule: and-ok}.
 * {@code StoreCommands} checks the same at run time on the queries a test drives.</li>
 * </ul>
 *
 * A textual check: it cannot see an update built in one file and applied in another. It
 * is a tripwire for review, not a proof.
 */
class StoreRulesTests {

	static final Path MAIN_SOURCES = Path.of("src/main/java");

	static final Pattern FIND_AND_MODIFY = Pattern.compile(
			"\\b(findAndModify|findOneAndUpdate|findAndReplace|findOneAndReplace)\\s*\\(|FindAndModifyOptions|FindOneAndUpdateOptions");

	/**
	 * An increment, except of the {@code @Version} field: an upsert that bumps it is
	 * optimistic locking.
	 */
	static final Pattern INC = Pattern.compile("\\binc\\s*\\((?!\\s*\"version\")|\"\\$inc\"");

	static final Pattern AND_WRAPPER = Pattern.compile("\\bandOperator\\s*\\(|\"\\$and\"");

	@Test
	void noUniqueNumberIsTakenFromAReturnedInc() {
		assertThat(violations(sources(), StoreRulesTests::takesNumberFromReturnedInc)).isEmpty();
	}

	@Test
	void noQueryIsWrappedInAnd() {
		assertThat(violations(sources(), StoreRulesTests::wrapsInAnd)).isEmpty();
	}

	@Test
	void theChecksCatchWhatTheyAreFor() {
		assertThat(takesNumberFromReturnedInc(
				"""
						Long next = mongo.findAndModify(query, new Update().inc("seq", 1), options().returnNew(true), Seq.class);
						"""))
			.isTrue();
		assertThat(takesNumberFromReturnedInc("""
				import static com.mongodb.client.model.Updates.inc;
				Document d = counters.findOneAndUpdate(eq("_id", "n"), inc("seq", 1));
				""")).isTrue();
		assertThat(takesNumberFromReturnedInc("""
				collection.findOneAndUpdate(filter, new Document("$inc", new Document("n", 1)));
				""")).isTrue();
		assertThat(takesNumberFromReturnedInc("""
				// store-rule: returned-inc-ok (the view counter is only displayed)
				views.findOneAndUpdate(eq("_id", id), inc("views", 1));
				""")).isFalse();
		assertThat(takesNumberFromReturnedInc("""
				mongo.updateFirst(query, new Update().inc("views", 1), Page.class);
				""")).as("an $inc whose result nobody reads").isFalse();
		assertThat(takesNumberFromReturnedInc("""
				mongo.findAndModify(query, new Update().set("state", "LOCKED"), Job.class);
				""")).as("a find-and-modify without $inc").isFalse();
		assertThat(takesNumberFromReturnedInc("int since = 0; // incremental import")).isFalse();
		assertThat(takesNumberFromReturnedInc(
				"""
						mongo.findAndModify(query, new Update().set("name", n).inc("version", 1), options().upsert(true), User.class);
						"""))
			.as("the optimistic-lock version")
			.isFalse();
		assertThat(takesNumberFromReturnedInc(
				"""
						mongo.findAndModify(query, new Update().inc("version", 1).inc("ticket", 1), options().returnNew(true), T.class);
						"""))
			.as("a ticket number beside the version")
			.isTrue();

		assertThat(wrapsInAnd("new Criteria().andOperator(where(\"a\").is(1), where(\"b\").is(2))")).isTrue();
		assertThat(wrapsInAnd("new Document(\"$and\", List.of(a, b))")).isTrue();
		assertThat(wrapsInAnd("where(\"a\").is(1).and(\"b\").is(2)")).isFalse();
		assertThat(wrapsInAnd("// store-rule: and-ok (two conditions on one field)\n.andOperator(x, y)")).isFalse();
	}

	static boolean takesNumberFromReturnedInc(String source) {
		return FIND_AND_MODIFY.matcher(source).find() && INC.matcher(source).find()
				&& !source.contains("store-rule: returned-inc-ok");
	}

	static boolean wrapsInAnd(String source) {
		return AND_WRAPPER.matcher(source).find() && !source.contains("store-rule: and-ok");
	}

	interface Rule {

		boolean broken(String source);

	}

	private static List<String> violations(List<Path> files, Rule rule) {
		List<String> broken = new ArrayList<>();
		for (Path file : files) {
			try {
				if (rule.broken(Files.readString(file, StandardCharsets.UTF_8))) {
					broken.add(MAIN_SOURCES.relativize(file).toString());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return broken;
	}

	private static List<Path> sources() {
		// Surefire runs in the module directory; if the sources moved, fail rather than
		// check nothing.
		assertThat(MAIN_SOURCES.resolve("org/hacktrail")).isDirectory();
		try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
			List<Path> sources = files.filter((file) -> file.toString().endsWith(".java")).toList();
			assertThat(sources).hasSizeGreaterThan(10);
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
