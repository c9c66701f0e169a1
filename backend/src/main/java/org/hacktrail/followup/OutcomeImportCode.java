package org.hacktrail.followup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hacktrail.platform.DomainException;

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

	private record Known(OutcomeImportCode code, Pattern pattern, List<String> names) {
	}

	/**
	 * The English sentences of {@link MilestoneRules} (and FreeText), by code: their
	 * refusals carry a field, not a reason, so the import reads the reason from the
	 * sentence. One that matches nothing is {@link #INVALID_VALUE};
	 * {@code OutcomeImportCodesTests} refuses each rule once, so a rephrased sentence
	 * fails there rather than in front of a reader.
	 */
	private static final List<Known> REFUSALS = List.of(
			known(DATE_BEFORE_1990, "^The date (\\S+) is before 1990", "date"),
			known(DATE_IN_FUTURE, "^The date (\\S+) is in the future", "date"),
			known(FUNDING_SOURCE_MISSING, "^A FUNDED milestone names who funds"),
			known(AGENCY_MISSING, "^A (\\w+) milestone names the agency", "type"),
			known(EVIDENCE_MISSING, "^A (\\w+) milestone needs an evidence URL", "type"),
			known(AMOUNT_NOT_ALLOWED, "^Only FUNDING_APPLIED and FUNDED milestones carry an amount"),
			known(AMOUNT_INVALID, "^Write the amount as digits.*: '(.*)'\\.$", "value"),
			known(AMOUNT_TOO_LARGE, "^The amount (\\S+) is implausibly large", "value"),
			known(CURRENCY_MISSING, "^Give the currency of the amount"),
			known(AMOUNT_MISSING, "^A currency needs an amount"),
			known(CURRENCY_INVALID, "^'(.*)' is not an ISO 4217 currency code", "value"),
			known(TOO_LONG, "is longer than (\\d+) characters", "max"),
			known(TOO_LONG, "^A URL is at most (\\d+) characters long", "max"),
			known(URL_SPACES, "^A URL cannot contain spaces: '(.*)'\\.$", "url"),
			known(URL_SCHEME, "^Only http and https URLs are accepted: '(.*)'\\.$", "url"),
			known(URL_NO_HOST, "^The URL '(.*)' has no host name\\.$", "url"),
			known(URL_INVALID, "^'(.*)' is not a valid URL\\.$", "url"),
			known(LONE_SURROGATE, "a lone surrogate (U\\+[0-9A-F]+)", "char"),
			known(LINE_BREAK, "cannot contain control characters \\((U\\+[0-9A-F]+), a line break", "char"),
			known(CONTROL_CHARACTER, "cannot contain control characters \\((U\\+[0-9A-F]+)", "char"),
			known(REORDERING_CHARACTER, "reorder the text around them \\((U\\+[0-9A-F]+)\\)", "char"),
			known(NO_VISIBLE_CHARACTER, "needs at least one visible character"));

	private static Known known(OutcomeImportCode code, String pattern, String... names) {
		return new Known(code, Pattern.compile(pattern, Pattern.DOTALL), List.of(names));
	}

	/**
	 * A row refused by {@link MilestoneRules}: its code and arguments, from its sentence.
	 */
	static InvalidOutcomeRow refused(int row, @org.jspecify.annotations.Nullable String column,
			DomainException refusal) {
		String message = (refusal.getMessage() != null) ? refusal.getMessage() : "";
		for (Known known : REFUSALS) {
			Matcher matcher = known.pattern().matcher(message);
			if (matcher.find()) {
				Map<String, String> args = new LinkedHashMap<>();
				for (int i = 0; i < known.names().size(); i++) {
					args.put(known.names().get(i), matcher.group(i + 1));
				}
				return new InvalidOutcomeRow(row, column, known.code(), args, message);
			}
		}
		return new InvalidOutcomeRow(row, column, INVALID_VALUE, Map.of(), message);
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
