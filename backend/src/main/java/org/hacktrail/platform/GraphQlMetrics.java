package org.hacktrail.platform;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * GraphQL request timings ({@code graphql.request}) by operation name. Spring for GraphQL
 * records the operation name as a high-cardinality key only (callers choose it freely);
 * here it becomes a metrics tag, kept low-cardinality: a name must look like a GraphQL
 * name, and after {@code hacktrail.metrics.max-operation-names} distinct names (the panel
 * uses a few dozen) any new one is tagged {@code other}. Requests without a name are
 * {@code anonymous}.
 */
@Component
class GraphQlMetrics extends DefaultExecutionRequestObservationConvention {

	static final String TAG = "graphql.operation.name";

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

	private final int maxNames;

	private final Set<String> names = ConcurrentHashMap.newKeySet();

	GraphQlMetrics(@Value("${hacktrail.metrics.max-operation-names:200}") int maxNames) {
		this.maxNames = maxNames;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context)
			.and(KeyValue.of(TAG, tag(context.getExecutionInput().getOperationName())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
		// The name is a low-cardinality tag now; only the execution id stays here.
		return KeyValues.of(executionId(context));
	}

	String tag(@Nullable String operationName) {
		if (operationName == null || operationName.isBlank()) {
			return "anonymous";
		}
		if (!NAME.matcher(operationName).matches()) {
			return "other";
		}
		if (this.names.contains(operationName)) {
			return operationName;
		}
		if (this.names.size() < this.maxNames && this.names.add(operationName)) {
			return operationName;
		}
		return this.names.contains(operationName) ? operationName : "other";
	}

}
