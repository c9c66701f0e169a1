package org.hacktrail.followup;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for adoption statistics; rules in {@link OutcomeStatistics}. */
@Controller
class OutcomeStatisticsController {

	private final OutcomeStatistics statistics;

	OutcomeStatisticsController(OutcomeStatistics statistics) {
		this.statistics = statistics;
	}

	@QueryMapping
	OutcomeStatistics.Statistics outcomeStatistics(@Argument OutcomeStatistics.@Nullable Filter filter,
			@Argument RollupCalculator.@Nullable View view) {
		return this.statistics.statistics(filter, view);
	}

}
