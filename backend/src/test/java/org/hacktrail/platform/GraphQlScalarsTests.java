package org.hacktrail.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scalars of {@link GraphQlConfiguration} on a schema of their own, without Spring:
 * what a {@code DateTime} looks like written from an {@code Instant}, an
 * {@code OffsetDateTime} and a {@code ZonedDateTime}; that input stays held to four-digit
 * years; and that an {@code Int} takes a {@code Long} it can hold and refuses one it
 * cannot.
 */
class GraphQlScalarsTests {

	private static final Instant INSTANT = Instant.parse("2025-03-01T09:30:05.123456Z");

	private static final String SCHEMA = """
			scalar DateTime
			type Query {
			  instant: DateTime
			  instants: [DateTime!]!
			  offset: DateTime
			  zoned: DateTime
			  echo(at: DateTime!): DateTime
			  count: Int
			  hugeCount: Int
			  negativeCount: Int
			  integer: Int
			  echoInt(n: Int!): Int
			}
			""";

	private final GraphQL graphQl = graphQl(Map.of("instant", (env) -> INSTANT, "instants",
			(env) -> List.of(INSTANT, Instant.parse("2025-01-01T00:00:00Z")), "offset",
			(env) -> INSTANT.atOffset(ZoneOffset.ofHours(8)), "zoned",
			(env) -> INSTANT.atZone(ZoneId.of("Asia/Taipei")), "echo", (env) -> env.getArgument("at"), "count",
			(env) -> 42L, "hugeCount", (env) -> Integer.MAX_VALUE + 1L, "negativeCount",
			(env) -> Integer.MIN_VALUE - 1L, "integer", (env) -> 7, "echoInt", (env) -> env.getArgument("n")));

	@Test
	void anInstantIsWrittenInUtcExactlyAsTheOffsetDateTimeItReplaces() {
		ExecutionResult result = execute("{ instant instants }", Map.of());
		assertThat(result.getErrors()).isEmpty();
		Map<String, Object> data = result.getData();
		assertThat(data.get("instant")).isEqualTo("2025-03-01T09:30:05.123Z")
			.isEqualTo(BoundedDateScalars.dateTime()
				.getCoercing()
				.serialize(INSTANT.atOffset(ZoneOffset.UTC), GraphQLContext.getDefault(), Locale.ROOT));
		assertThat(data.get("instants")).isEqualTo(List.of("2025-03-01T09:30:05.123Z", "2025-01-01T00:00:00.000Z"));
	}

	@Test
	void anOffsetOrZonedDateTimeKeepsItsOffset() {
		ExecutionResult result = execute("{ offset zoned }", Map.of());
		assertThat(result.getErrors()).isEmpty();
		assertThat((Map<String, Object>) result.getData()).containsEntry("offset", "2025-03-01T17:30:05.123+08:00")
			.containsEntry("zoned", "2025-03-01T17:30:05.123+08:00");
	}

	@Test
	void aDateTimeInsideFourDigitYearsIsReadAsAnOffsetDateTime() {
		ExecutionResult literal = execute("{ echo(at: \"2025-03-01T17:30:05+08:00\") }", Map.of());
		assertThat(literal.getErrors()).isEmpty();
		assertThat((Map<String, Object>) literal.getData()).containsEntry("echo", "2025-03-01T17:30:05.000+08:00");
		ExecutionResult variable = execute("query ($at: DateTime!) { echo(at: $at) }",
				Map.of("at", "9999-12-31T23:59:59Z"));
		assertThat(variable.getErrors()).isEmpty();
		assertThat((Map<String, Object>) variable.getData()).containsEntry("echo", "9999-12-31T23:59:59.000Z");
	}

	@Test
	void aDateTimeBeyondFourDigitYearsIsRefusedOnInputLiteralOrVariable() {
		assertThat(messages(execute("{ echo(at: \"+10000-01-01T00:00:00Z\") }", Map.of())))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("four-digit years");
		assertThat(messages(execute("query ($at: DateTime!) { echo(at: $at) }", Map.of("at", "-0001-12-31T23:59:59Z"))))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("four-digit years");
	}

	@Test
	void anIntTakesALongItCanHoldAndAnIntAsBefore() {
		ExecutionResult result = execute("{ count integer echoInt(n: 5) }", Map.of());
		assertThat(result.getErrors()).isEmpty();
		assertThat((Map<String, Object>) result.getData()).containsEntry("count", 42)
			.containsEntry("integer", 7)
			.containsEntry("echoInt", 5);
	}

	@Test
	void anIntRefusesALongBeyondItsRangeWithAnErrorNamingTheValueAndNeverTruncates() {
		ExecutionResult result = execute("{ count hugeCount negativeCount }", Map.of());
		Map<String, Object> data = result.getData();
		assertThat(data).containsEntry("count", 42)
			.containsEntry("hugeCount", null)
			.containsEntry("negativeCount", null);
		assertThat(messages(result)).hasSize(2)
			.anySatisfy((message) -> assertThat(message).contains("2147483648").contains("not truncated"))
			.anySatisfy((message) -> assertThat(message).contains("-2147483649").contains("not truncated"));
	}

	private ExecutionResult execute(String query, Map<String, Object> variables) {
		return this.graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
	}

	private static List<String> messages(ExecutionResult result) {
		return result.getErrors().stream().map(GraphQLError::getMessage).toList();
	}

	private static GraphQL graphQl(Map<String, DataFetcher<?>> fetchers) {
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
		new GraphQlConfiguration().scalars().configure(wiring);
		wiring.type("Query", (type) -> {
			fetchers.forEach(type::dataFetcher);
			return type;
		});
		return GraphQL
			.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring.build()))
			.build();
	}

}
