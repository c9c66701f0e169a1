package org.hacktrail.platform;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Refuses, before validation, a GraphQL document that packs too much into one request:
 * too many operations, too many aliases (the usual way to repeat one expensive or
 * guessable field many times in a single request: a "batching attack" on sign-in codes,
 * tokens or ids) or too many fields as written. The error is BAD_USER_INPUT naming the
 * cap. Depth and complexity are limited separately ({@link GraphQlConfiguration}).
 */
@Component
@EnableConfigurationProperties(GraphQlBatchingLimit.Caps.class)
class GraphQlBatchingLimit extends SimplePerformantInstrumentation {

	/**
	 * @param maxOperations operations (query/mutation definitions) in one document
	 * @param maxAliases aliased fields in one document, fragments included
	 * @param maxFields fields as written in one document, fragments included
	 */
	@ConfigurationProperties("hacktrail.graphql.batching")
	record Caps(@DefaultValue("5") int maxOperations, @DefaultValue("30") int maxAliases,
			@DefaultValue("1000") int maxFields) {
	}

	record Counts(int operations, int aliases, int fields) {
	}

	private final Caps caps;

	GraphQlBatchingLimit(Caps caps) {
		this.caps = caps;
	}

	@Override
	public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
			InstrumentationValidationParameters parameters, InstrumentationState state) {
		Counts counts = count(parameters.getDocument());
		if (counts.operations() > this.caps.maxOperations()) {
			throw new AbortExecutionException("A request may hold at most " + this.caps.maxOperations()
					+ " operations; this one has " + counts.operations() + ".");
		}
		if (counts.aliases() > this.caps.maxAliases()) {
			throw new AbortExecutionException("A request may use at most " + this.caps.maxAliases()
					+ " aliases; this one has " + counts.aliases() + ". Send several requests instead.");
		}
		if (counts.fields() > this.caps.maxFields()) {
			throw new AbortExecutionException("A request may ask for at most " + this.caps.maxFields()
					+ " fields; this one has " + counts.fields() + ".");
		}
		return super.beginValidation(parameters, state);
	}

	static Counts count(Document document) {
		int[] totals = new int[3];
		for (var definition : document.getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				totals[0]++;
				walk(operation.getSelectionSet(), totals);
			}
			else if (definition instanceof FragmentDefinition fragment) {
				walk(fragment.getSelectionSet(), totals);
			}
		}
		return new Counts(totals[0], totals[1], totals[2]);
	}

	private static void walk(@Nullable SelectionSet set, int[] totals) {
		if (set == null) {
			return;
		}
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field) {
				totals[2]++;
				if (field.getAlias() != null) {
					totals[1]++;
				}
				walk(field.getSelectionSet(), totals);
			}
			else if (selection instanceof InlineFragment inline) {
				walk(inline.getSelectionSet(), totals);
			}
		}
	}

}
