package org.hacktrail.platform.ratelimit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import org.jspecify.annotations.Nullable;

/**
 * A schema-free estimate of what a GraphQL request costs, read from its parsed document
 * before it runs: every field costs 1, and a field asked for with {@code first: n} costs
 * n times its selection (the same rule as the complexity limit). Mutations are always
 * expensive. Used only to decide whether a request counts against the "expensive
 * operations" rate limit; the real limits (depth, complexity) are enforced by GraphQL
 * itself.
 */
final class GraphQlCost {

	/** Page sizes above this are capped (the API never returns more). */
	static final int MAX_PAGE = 100;

	/**
	 * Fragment spreads followed at most this deep (graphql-java refuses cycles itself).
	 */
	private static final int MAX_FRAGMENT_DEPTH = 20;

	private GraphQlCost() {
	}

	/** What a request is: its operation type and estimated cost. */
	record Estimate(OperationDefinition.Operation operation, long cost) {

		boolean expensive(int threshold) {
			return this.operation == OperationDefinition.Operation.MUTATION || this.cost >= threshold;
		}

	}

	static Optional<Estimate> estimate(Document document, @Nullable String operationName,
			Map<String, Object> variables) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		OperationDefinition chosen = null;
		int operations = 0;
		for (var definition : document.getDefinitions()) {
			if (definition instanceof FragmentDefinition fragment) {
				fragments.put(fragment.getName(), fragment);
			}
			else if (definition instanceof OperationDefinition operation) {
				operations++;
				if (operationName == null || operationName.equals(operation.getName())) {
					chosen = (chosen == null) ? operation : chosen;
				}
			}
		}
		if (chosen == null || (operationName == null && operations > 1)) {
			return Optional.empty();
		}
		long cost = cost(chosen.getSelectionSet(), fragments, variables, 0);
		return Optional.of(new Estimate(chosen.getOperation(), cost));
	}

	private static long cost(@Nullable SelectionSet set, Map<String, FragmentDefinition> fragments,
			Map<String, Object> variables, int fragmentDepth) {
		if (set == null) {
			return 0;
		}
		long total = 0;
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field) {
				long children = cost(field.getSelectionSet(), fragments, variables, fragmentDepth);
				total = saturatedAdd(total,
						saturatedAdd(1, saturatedMultiply(children, multiplier(field.getArguments(), variables))));
			}
			else if (selection instanceof InlineFragment inline) {
				total = saturatedAdd(total, cost(inline.getSelectionSet(), fragments, variables, fragmentDepth));
			}
			else if (selection instanceof FragmentSpread spread && fragmentDepth < MAX_FRAGMENT_DEPTH) {
				FragmentDefinition fragment = fragments.get(spread.getName());
				if (fragment != null) {
					total = saturatedAdd(total,
							cost(fragment.getSelectionSet(), fragments, variables, fragmentDepth + 1));
				}
			}
		}
		return total;
	}

	private static long multiplier(List<Argument> arguments, Map<String, Object> variables) {
		for (Argument argument : arguments) {
			if (!argument.getName().equals("first")) {
				continue;
			}
			long value = 1;
			if (argument.getValue() instanceof IntValue literal) {
				value = literal.getValue().min(java.math.BigInteger.valueOf(MAX_PAGE)).longValue();
			}
			else if (argument.getValue() instanceof VariableReference reference
					&& variables.get(reference.getName()) instanceof Number number) {
				value = number.longValue();
			}
			return Math.max(1, Math.min(value, MAX_PAGE));
		}
		return 1;
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	private static long saturatedMultiply(long a, long b) {
		return (a != 0 && b > Long.MAX_VALUE / a) ? Long.MAX_VALUE : a * b;
	}

}
