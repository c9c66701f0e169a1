package org.hacktrail.platform;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.jspecify.annotations.Nullable;

/**
 * GraphQL's {@code Int}, written out from a Java {@code long} as well as an {@code int}.
 * Stored versions and counts are {@code Long}s ({@code @Version Long}, a store's
 * {@code count()}); a record can hand one to the default property data fetcher instead of
 * going through a schema mapping method whose only job was {@code intValue()}, a call
 * that silently wrapped a value beyond 32 bits into a wrong number. Here a {@code Long}
 * within {@code Int}'s range is written as it is, and one beyond it fails the field with
 * an error naming the value: never truncated. Input and every other output go to
 * graphql-java's own {@code Int}, unchanged.
 */
final class CountingIntScalar {

	private CountingIntScalar() {
	}

	static GraphQLScalarType intType() {
		@SuppressWarnings("unchecked")
		Coercing<Object, Object> standard = (Coercing<Object, Object>) Scalars.GraphQLInt.getCoercing();
		Coercing<Object, Object> coercing = new Coercing<>() {

			@Override
			public @Nullable Object serialize(Object output, GraphQLContext context, Locale locale)
					throws CoercingSerializeException {
				if (output instanceof Long value) {
					return toInt(value);
				}
				return standard.serialize(output, context, locale);
			}

			@Override
			public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale)
					throws CoercingParseValueException {
				return standard.parseValue(input, context, locale);
			}

			@Override
			public @Nullable Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) throws CoercingParseLiteralException {
				return standard.parseLiteral(input, variables, context, locale);
			}

			@Override
			public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
				return standard.valueToLiteral(input, context, locale);
			}

		};
		return Scalars.GraphQLInt.transform((builder) -> builder.coercing(coercing));
	}

	static int toInt(long value) {
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new CoercingSerializeException("An Int holds " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
					+ "; the value " + value + " is beyond it and is not truncated.");
		}
		return (int) value;
	}

}
