package org.hacktrail.platform;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLTypeUtil;

import org.springframework.stereotype.Component;

/**
 * Holds every paginated field — any field with an {@code Int} argument named
 * {@code first} — to page sizes of 1 to {@code hacktrail.graphql.max-page-size}: a
 * {@code first} outside that range (0, -1, 101) is refused with BAD_USER_INPUT naming
 * {@code first} before the field's data fetcher runs, instead of each feature deciding
 * what a negative size means (one read it as "no limit" and returned the whole list). A
 * field added later is covered without code of its own.
 */
@Component
class PageSizeLimit extends SimplePerformantInstrumentation {

	private final GraphQlLimits limits;

	PageSizeLimit(GraphQlLimits limits) {
		this.limits = limits;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		GraphQLArgument first = parameters.getField().getArgument("first");
		if (first == null || !"Int".equals(GraphQLTypeUtil.unwrapAll(first.getType()).getName())) {
			return fetcher;
		}
		return (environment) -> {
			if (environment.getArgument("first") instanceof Integer requested) {
				this.limits.pageSize(requested);
			}
			return fetcher.get(environment);
		};
	}

}
