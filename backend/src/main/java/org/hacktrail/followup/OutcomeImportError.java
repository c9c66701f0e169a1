package org.hacktrail.followup;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An import row that was skipped, with its number and reason, kept for the organizer to
 * download and correct. The id is {@code <jobInstanceId>:<row, zero-padded>}: a row
 * skipped again by a restarted run lands on the same document, and the ids sort by row.
 *
 * @param reason why, in English (for API users and the downloaded list)
 * @param cells the row as read, so that the downloaded list can be corrected and imported
 * again
 * @param code why, as an {@link OutcomeImportCode} name; null for rows stored before
 * codes were (the panel then shows {@code reason})
 * @param args the values of the code's sentence; empty for rows stored before codes were
 */
@Document("outcome_import_errors")
public record OutcomeImportError(@Id String id, long instanceId, long executionId, int row, @Nullable String column,
		String reason, Map<String, String> cells, Instant recordedAt, @Nullable String code,
		@Nullable Map<String, String> args) {

	public OutcomeImportError {
		args = (args != null) ? args : Map.of();
	}

	static String id(long instanceId, int row) {
		return instanceId + ":" + String.format("%010d", row);
	}

	static String prefix(long instanceId) {
		return instanceId + ":";
	}

}
