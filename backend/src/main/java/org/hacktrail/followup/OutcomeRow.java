package org.hacktrail.followup;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One row of an outcome import file, as read: its number (CSV: as a spreadsheet shows it,
 * the header being row 1; JSON: the position of the object in the array, from 1), its
 * cells by column name, and what made it unreadable (the processor rejects it with that).
 */
record OutcomeRow(int row, Map<String, String> cells, @Nullable InvalidOutcomeRow problem) {

	String cell(String column) {
		String value = this.cells.get(column);
		return (value != null) ? value : "";
	}

}
