package org.hacktrail.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.UnaryOperator;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.jspecify.annotations.Nullable;

/**
 * The {@code DateTime} and {@code Date} scalars of graphql-java-extended-scalars, held to
 * four-digit years (0001 to 9999, as RFC 3339 writes them). The library accepts ISO
 * 8601's expanded years ({@code +999999999-12-31T23:59:59Z}), which no store date,
 * browser or spreadsheet can hold: such a value failed deep inside a feature (INTERNAL).
 * Held here, every {@code DateTime} and {@code Date} argument and input field, literal or
 * variable, refuses it as BAD_USER_INPUT before any data fetcher runs.
 * <p>
 * On output the {@code DateTime} scalar also takes an {@link Instant}, written in UTC, so
 * that a record can expose its stored {@code Instant} to the default property data
 * fetcher: before, every such field had a schema mapping method of its own only to call
 * {@code atOffset(ZoneOffset.UTC)}. The text is the library's, unchanged: an
 * {@code OffsetDateTime} or {@code ZonedDateTime} keeps its offset, an {@code Instant}
 * reads as that instant at offset {@code Z} ({@code 2025-03-01T09:30:00.000Z}).
 */
final class BoundedDateScalars {

	static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	private BoundedDateScalars() {
	}

	static GraphQLScalarType dateTime() {
		return bounded(ExtendedScalars.DateTime, BoundedDateScalars::utcIfInstant, (value) -> {
			Instant instant = ((OffsetDateTime) value).toInstant();
			return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
		}, "a date and time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
	}

	static GraphQLScalarType date() {
		return bounded(ExtendedScalars.Date, UnaryOperator.identity(), (value) -> {
			int year = ((LocalDate) value).getYear();
			return year >= 1 && year <= 9999;
		}, "a date between 0001-01-01 and 9999-12-31");
	}

	/** An {@link Instant} as an {@link OffsetDateTime} in UTC; anything else as given. */
	private static Object utcIfInstant(Object output) {
		return (output instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : output;
	}

	private interface InRange {

		boolean test(Object value);

	}

	@SuppressWarnings("unchecked")
	private static GraphQLScalarType bounded(GraphQLScalarType scalar, UnaryOperator<Object> forOutput, InRange inRange,
			String expected) {
		Coercing<Object, Object> library = (Coercing<Object, Object>) scalar.getCoercing();
		Coercing<Object, Object> coercing = new Coercing<>() {

			@Override
			public @Nullable Object serialize(Object output, GraphQLContext context, Locale locale)
					throws CoercingSerializeException {
				return library.serialize(forOutput.apply(output), context, locale);
			}

			@Override
			public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale)
					throws CoercingParseValueException {
				Object value = library.parseValue(input, context, locale);
				if (value != null && !inRange.test(value)) {
					throw new CoercingParseValueException(message(scalar, expected, input));
				}
				return value;
			}

			@Override
			public @Nullable Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) throws CoercingParseLiteralException {
				Object value = library.parseLiteral(input, variables, context, locale);
				if (value != null && !inRange.test(value)) {
					throw new CoercingParseLiteralException(message(scalar, expected, value));
				}
				return value;
			}

			@Override
			public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
				return library.valueToLiteral(input, context, locale);
			}

		};
		return scalar.transform((builder) -> builder.coercing(coercing));
	}

	private static String message(GraphQLScalarType scalar, String expected, Object given) {
		String text = String.valueOf(given);
		String shown = (text.length() > 40) ? text.substring(0, 37) + "..." : text;
		return "A " + scalar.getName() + " must be " + expected + " (four-digit years); '" + shown + "' is not.";
	}

}
