package org.hacktrail.followup;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * Why an outcome import skipped a row, as a stable code for clients to say in their
 * reader's language (issue #17); the English reason stays beside it. The GraphQL enum
 * {@code OutcomeImportErrorCode} lists the same constants (a test keeps them equal); the
 * arguments of each are named on the constant. Rows stored before the codes have none.
 */
enum OutcomeImportCode {

	/** Args: {@code cells, columns}. */
	CELL_COUNT,
	/** A JSON item that is not an object. */
	NOT_AN_OBJECT,
	/** Args: {@code field, fields}. */
	UNKNOWN_FIELD,
	/** A JSON field holding an object or an array. Args: {@code field}. */
	FIELD_NOT_TEXT,
	/** Neither project_ref nor hackathon_slug and proposal_title. */
	PROJECT_NOT_NAMED,
	/** Args: {@code projectRef}. */
	UNKNOWN_PROJECT,
	/** Args: {@code slug}. */
	UNKNOWN_HACKATHON,
	/** Args: {@code title, slug}. */
	UNKNOWN_PROPOSAL,
	/** Several proposals with that title. Args: {@code title, slug}. */
	AMBIGUOUS_PROPOSAL,
	/** Args: {@code title, slug}. */
	PROPOSAL_WITHOUT_PROJECT,
	/** The milestone cell is empty. */
	MILESTONE_MISSING,
	/** Args: {@code value, types}. */
	UNKNOWN_MILESTONE,
	/** The date cell is empty. */
	DATE_MISSING,
	/** Not YYYY-MM-DD. Args: {@code value}. */
	DATE_INVALID,
	/** Args: {@code date}. */
	DATE_BEFORE_1990,
	/** Args: {@code date}. */
	DATE_IN_FUTURE,
	/** Args: {@code value}. */
	UNKNOWN_SOURCE,
	/** A FUNDED milestone without the funding source (agency). */
	FUNDING_SOURCE_MISSING,
	/** Args: {@code type}. */
	AGENCY_MISSING,
	/** Args: {@code type}. */
	EVIDENCE_MISSING,
	/** Only FUNDING_APPLIED and FUNDED carry an amount. */
	AMOUNT_NOT_ALLOWED,
	/** Args: {@code value}. */
	AMOUNT_INVALID,
	/** Args: {@code value}. */
	AMOUNT_TOO_LARGE,
	/** An amount without a currency. */
	CURRENCY_MISSING,
	/** A currency without an amount. */
	AMOUNT_MISSING,
	/** Args: {@code value}. */
	CURRENCY_INVALID,
	/** Args: {@code max}. */
	TOO_LONG,
	/** Args: {@code url}. */
	URL_SPACES,
	/** Not http or https. Args: {@code url}. */
	URL_SCHEME,
	/** Args: {@code url}. */
	URL_NO_HOST,
	/** Args: {@code url}. */
	URL_INVALID,
	/** Args: {@code char} (U+0000). */
	CONTROL_CHARACTER,
	/** A line break in a single-line value. Args: {@code char}. */
	LINE_BREAK,
	/** Args: {@code char}. */
	LONE_SURROGATE,
	/** A character that reorders the text around it. Args: {@code char}. */
	REORDERING_CHARACTER,
	/** Only spaces or invisible characters. */
	NO_VISIBLE_CHARACTER,
	/** A refusal this list has no code for: clients show the English reason. */
	INVALID_VALUE;

	/**
	 * A row refused by {@link MilestoneRules} (or FreeText): its code and arguments, from
	 * the refusal's reason code ({@code extensions.reason}, {@link Refusal}). A reason
	 * this list has no code for is {@link #INVALID_VALUE}, shown with its English
	 * sentence; {@code OutcomeImportCodeTests} refuses each rule once, so a newly coded
	 * rule without a mapping here fails there rather than in front of a reader.
	 */
	static InvalidOutcomeRow refused(int row, @Nullable String column, DomainException refusal) {
		String message = (refusal.getMessage() != null) ? refusal.getMessage() : "";
		Object reason = refusal.details().get("reason");
		Map<?, ?> given = (refusal.details().get("args") instanceof Map<?, ?> map) ? map : Map.of();
		OutcomeImportCode code = (reason instanceof String name) ? byReason(name) : null;
		if (code == null) {
			return new InvalidOutcomeRow(row, column, INVALID_VALUE, Map.of(), message);
		}
		Map<String, String> args = switch (code) {
			case DATE_BEFORE_1990, DATE_IN_FUTURE -> args("date", given.get("value"));
			case AGENCY_MISSING, EVIDENCE_MISSING -> args("type", given.get("type"));
			case AMOUNT_INVALID, AMOUNT_TOO_LARGE, CURRENCY_INVALID -> args("value", given.get("value"));
			case TOO_LONG -> args("max", given.get("max"));
			case URL_SPACES, URL_SCHEME, URL_NO_HOST, URL_INVALID -> args("url", given.get("value"));
			case CONTROL_CHARACTER, LINE_BREAK, LONE_SURROGATE, REORDERING_CHARACTER ->
				args("char", given.get("codePoint"));
			default -> Map.of();
		};
		return new InvalidOutcomeRow(row, column, code, args, message);
	}

	/** The row code of a {@link Refusal} reason, or null where there is none. */
	private static @Nullable OutcomeImportCode byReason(String reason) {
		return switch (reason) {
			case "CHOICE_REQUIRED" -> MILESTONE_MISSING;
			case "DATE_REQUIRED" -> DATE_MISSING;
			case "DATE_TOO_EARLY" -> DATE_BEFORE_1990;
			case "DATE_IN_FUTURE" -> DATE_IN_FUTURE;
			case "FUNDING_SOURCE_REQUIRED" -> FUNDING_SOURCE_MISSING;
			case "AGENCY_REQUIRED" -> AGENCY_MISSING;
			case "EVIDENCE_REQUIRED" -> EVIDENCE_MISSING;
			case "AMOUNT_NOT_ALLOWED" -> AMOUNT_NOT_ALLOWED;
			case "AMOUNT_FORMAT" -> AMOUNT_INVALID;
			case "AMOUNT_TOO_LARGE" -> AMOUNT_TOO_LARGE;
			case "CURRENCY_REQUIRED" -> CURRENCY_MISSING;
			case "AMOUNT_REQUIRED" -> AMOUNT_MISSING;
			case "CURRENCY_INVALID" -> CURRENCY_INVALID;
			case "TOO_LONG", "LONGER_THAN" -> TOO_LONG;
			case "URL_SPACES" -> URL_SPACES;
			case "URL_SCHEME" -> URL_SCHEME;
			case "URL_NO_HOST" -> URL_NO_HOST;
			case "INVALID_URL" -> URL_INVALID;
			case "CONTROL_CHARACTERS" -> CONTROL_CHARACTER;
			case "LINE_BREAK" -> LINE_BREAK;
			case "LONE_SURROGATE" -> LONE_SURROGATE;
			case "REORDERING_CHARACTERS" -> REORDERING_CHARACTER;
			case "NOT_VISIBLE" -> NO_VISIBLE_CHARACTER;
			default -> null;
		};
	}

	/** Arguments by name, in order, as text: {@code args("slug", slug)}. */
	static Map<String, String> args(Object... namesAndValues) {
		Map<String, String> args = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			args.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
		}
		return args;
	}

}
