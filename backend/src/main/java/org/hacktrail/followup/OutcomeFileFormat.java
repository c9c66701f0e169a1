package org.hacktrail.followup;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The formats {@code outcomeImport} reads, and their columns (the same names as JSON
 * object fields).
 *
 * <p>
 * A row names its project either by {@code project_ref} (a project id) or by
 * {@code hackathon_slug} plus {@code proposal_title} (the proposal's title as it reads,
 * case, width, spaces and punctuation ignored; the proposal must be linked to a project).
 * {@code milestone} and {@code date} (YYYY-MM-DD) are required; the other columns follow
 * the milestone rules. {@code source} is SELF_REPORTED, ORGANIZER or IMPORTED (the
 * default).
 */
enum OutcomeFileFormat {

	CSV, JSON;

	static final String PROJECT_REF = "project_ref";

	static final String HACKATHON_SLUG = "hackathon_slug";

	static final String PROPOSAL_TITLE = "proposal_title";

	static final String MILESTONE = "milestone";

	static final String DATE = "date";

	static final String AGENCY = "agency";

	static final String PROGRAMME = "programme";

	static final String AMOUNT = "amount";

	static final String CURRENCY = "currency";

	static final String EVIDENCE_URL = "evidence_url";

	static final String SOURCE = "source";

	static final String NOTE = "note";

	static final List<String> COLUMNS = List.of(PROJECT_REF, HACKATHON_SLUG, PROPOSAL_TITLE, MILESTONE, DATE, AGENCY,
			PROGRAMME, AMOUNT, CURRENCY, EVIDENCE_URL, SOURCE, NOTE);

	/** The column an import row reports for a field named by {@link MilestoneRules}. */
	static String column(@Nullable String field) {
		if (field == null) {
			return "";
		}
		return switch (field) {
			case "type" -> MILESTONE;
			case "evidenceUrl" -> EVIDENCE_URL;
			default -> field;
		};
	}

	/** The format a parameter names, or the file's extension implies. */
	static @Nullable OutcomeFileFormat of(@Nullable String name, Path file) {
		if (name != null && !name.isBlank()) {
			try {
				return valueOf(name.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (fileName.endsWith(".csv")) {
			return CSV;
		}
		if (fileName.endsWith(".json")) {
			return JSON;
		}
		return null;
	}

}
