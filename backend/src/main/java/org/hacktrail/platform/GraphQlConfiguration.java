package org.hacktrail.platform;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * GraphQL wiring shared by every feature: scalars (dates held to four-digit years and
 * written from an {@code Instant}, {@link BoundedDateScalars}; {@code Int} written from a
 * {@code long} without truncation, {@link CountingIntScalar}) and the limits on depth and
 * complexity (the depth limit leaves introspection to graphql-java's good-faith check,
 * {@link MaxDepthOutsideIntrospection}).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		// graphql-java's strict mode (its default) refuses to redefine a built-in scalar;
		// Int is redefined on purpose, and strict mode is back on for all that follows.
		return (wiring) -> wiring.scalar(BoundedDateScalars.dateTime())
			.scalar(BoundedDateScalars.date())
			.strictMode(false)
			.scalar(CountingIntScalar.intType())
			.strictMode(true);
	}

	@Bean
	MaxDepthOutsideIntrospection maxQueryDepthInstrumentation(GraphQlLimits limits) {
		return new MaxDepthOutsideIntrospection(limits.maxDepth());
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexityInstrumentation(GraphQlLimits limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), pageAwareComplexity(limits));
	}

	/**
	 * A list field asked for with {@code first: n} costs n times its selection; every
	 * other field costs 1.
	 */
	static FieldComplexityCalculator pageAwareComplexity(GraphQlLimits limits) {
		return (env, childComplexity) -> {
			Object first = env.getArguments().get("first");
			int multiplier = (first instanceof Number n) ? Math.max(1, Math.min(n.intValue(), limits.maxPageSize()))
					: 1;
			return 1 + childComplexity * multiplier;
		};
	}

}
