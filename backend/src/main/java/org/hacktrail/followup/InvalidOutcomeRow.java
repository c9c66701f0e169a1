package org.hacktrail.followup;

import org.jspecify.annotations.Nullable;

/**
 * An import row that cannot become a milestone: the step skips it and keeps the row
 * number and the reason.
 */
class InvalidOutcomeRow extends RuntimeException {

	private final int row;

	private final @Nullable String column;

	InvalidOutcomeRow(int row, @Nullable String column, String reason) {
		super(reason, null, false, false);
		this.row = row;
		this.column = column;
	}

	int row() {
		return this.row;
	}

	@Nullable String column() {
		return this.column;
	}

}
