package org.hacktrail.followup;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An import row that cannot become a milestone: the step skips it and keeps the row
 * number, the column, the reason as a code with its arguments ({@link OutcomeImportCode})
 * and the same reason in English (the message).
 */
class InvalidOutcomeRow extends RuntimeException {

	private final int row;

	private final @Nullable String column;

	private final OutcomeImportCode code;

	private final Map<String, String> args;

	InvalidOutcomeRow(int row, @Nullable String column, OutcomeImportCode code, Map<String, String> args,
			String reason) {
		super(reason, null, false, false);
		this.row = row;
		this.column = column;
		this.code = code;
		this.args = Map.copyOf(args);
	}

	int row() {
		return this.row;
	}

	@Nullable String column() {
		return this.column;
	}

	OutcomeImportCode code() {
		return this.code;
	}

	/** The values of the code's sentence, by name (insertion order is not kept). */
	Map<String, String> args() {
		return this.args;
	}

}
