package org.hacktrail.platform;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * GraphQL wiring shared by every feature: scalars (dates held to four-digit years,
 * {@link BoundedDateScalars}) and the limits on depth and complexity.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(BoundedDateScalars.dateTime()).scalar(BoundedDateScalars.date());
	}

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepthInstrumentation(GraphQlLimits limits) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth());
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
