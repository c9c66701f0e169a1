package org.hacktrail.platform;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;

/**
 * The depth limit ({@code hacktrail.graphql.max-depth}) for the application's own fields.
 * What is asked under {@code __schema} or {@code __type} is not counted: the standard
 * introspection query of GraphQL tools (graphql-js {@code getIntrospectionQuery}, used by
 * GraphiQL, codegen, Postman) nests {@code ofType} nine deep, 14 levels in all, and
 * graphql-java's good-faith introspection check already bounds introspection (at most 20
 * deep, 500 fields, each recursive introspection field once), refusing anything beyond
 * with BAD_USER_INPUT. Otherwise it counts as graphql-java's
 * {@code MaxQueryDepthInstrumentation} does, with the same message.
 */
class MaxDepthOutsideIntrospection extends SimplePerformantInstrumentation {

	private final int maxDepth;

	MaxDepthOutsideIntrospection(int maxDepth) {
		this.maxDepth = maxDepth;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		int depth = traverser.reducePreOrder((field, deepest) -> Math.max(deepest, depth(field)), 0);
		if (depth > this.maxDepth) {
			throw new AbortExecutionException("maximum query depth exceeded " + depth + " > " + this.maxDepth);
		}
		return SimpleInstrumentationContext.noOp();
	}

	/** The field's depth, or 0 inside introspection. */
	static int depth(QueryVisitorFieldEnvironment field) {
		int depth = 0;
		for (QueryVisitorFieldEnvironment at = field; at != null; at = at.getParentEnvironment()) {
			String name = at.getField().getName();
			if ("__schema".equals(name) || "__type".equals(name)) {
				return 0;
			}
			depth++;
		}
		return depth;
	}

}
