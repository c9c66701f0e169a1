package org.hacktrail.proposal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.hacktrail.platform.DomainException;

/**
 * What is wrong with a file, a row or a cell of a proposal import (CSV or 松後推坑 page), as
 * a stable code for clients to say in their reader's language (issue #17); the English
 * sentence stays beside it ({@link ProposalCsv.RowError#message()}). The GraphQL enum
 * {@code ProposalImportErrorCode} lists the same constants (a test keeps them equal), so
 * that the panel's catalogs can be checked against it; the arguments of each are named on
 * the constant.
 */
enum ProposalImportCode {

	/** The request names a charset other than UTF-8. Args: {@code format, charset}. */
	CHARSET_NOT_UTF8,
	/** A CSV file that is not UTF-8. Args: {@code line, byte}. */
	FILE_NOT_UTF8,
	/** A page that is not UTF-8. */
	PAGE_NOT_UTF8,
	/** No header row. Args: {@code columns}. */
	FILE_EMPTY,
	/** An unclosed quoted cell (or a quote right after one). Args: {@code row}. */
	CSV_UNREADABLE,
	/** The file cannot be read at all (an I/O failure). */
	FILE_UNREADABLE,
	/** A header cell is empty. Args: {@code position, columns}. */
	HEADER_COLUMN_UNNAMED,
	/** Args: {@code column, columns}. */
	UNKNOWN_COLUMN,
	/** Args: {@code column}. */
	DUPLICATE_COLUMN,
	/** A required column is missing. Args: {@code column, required}. */
	MISSING_COLUMN,
	/** A quote inside an unquoted cell. Args: {@code position}. */
	QUOTE_IN_UNQUOTED_CELL,
	/** A control character (e.g. a NUL byte). Args: {@code char} (U+0000). */
	CONTROL_CHARACTER,
	/** A line break in a single-line value. Args: {@code char}. */
	LINE_BREAK,
	/** Half of a character. Args: {@code char}. */
	LONE_SURROGATE,
	/** A character that reorders the text around it. Args: {@code char}. */
	REORDERING_CHARACTER,
	/** Only spaces or invisible characters. */
	NO_VISIBLE_CHARACTER,
	/** More or fewer cells than the header has columns. Args: {@code cells, columns}. */
	CELL_COUNT,
	/** A page without a level-2 heading. */
	NO_PROPOSALS,
	/** A page section without {@code > [name=發表者 NAME]}. */
	NO_PROPOSER_LINE,
	/** A second row with the same title and proposer. Args: {@code earlier}. */
	DUPLICATE_PROPOSAL,
	/** Args: {@code max, count}. */
	TOO_MANY_LINKS,
	/** Args: {@code max}, and {@code length} when known. */
	TOO_LONG,
	/** A required value (the title, the proposer) is empty. */
	VALUE_MISSING,
	/** A title without any letter or digit. */
	NO_LETTER_OR_DIGIT,
	/** Args: {@code tag, tags}. */
	UNKNOWN_TAG,
	/** Args: {@code max, count}. */
	TOO_MANY_TAGS,
	/** Args: {@code skill}. */
	SEMICOLON_IN_SKILL,
	/** Args: {@code max, count}. */
	TOO_MANY_SKILLS,
	/** Args: {@code max, count}. */
	TOO_MANY_CONTACTS,
	/** An empty link. */
	LINK_EMPTY,
	/** Args: {@code url}. */
	URL_SPACES,
	/** Not http or https. Args: {@code url}. */
	URL_SCHEME,
	/** Args: {@code url}. */
	URL_NO_HOST,
	/** Args: {@code url}. */
	URL_INVALID,
	/**
	 * A refusal this list has no code for: clients show the English {@code message}.
	 */
	INVALID_VALUE;

	/** A code with its arguments. */
	record Coded(ProposalImportCode code, Map<String, Object> args) {
	}

	private record Known(ProposalImportCode code, Pattern pattern, List<String> names) {
	}

	/**
	 * The English sentences of the shared checks a cell goes through (ProposalContent,
	 * LocalizedText, FreeText), by code: their refusals carry a field, not a reason, so
	 * the import reads the reason from the sentence. One that matches nothing is
	 * {@link #INVALID_VALUE}; {@code ProposalImportCodesTests} refuses every check's
	 * sentence once, so a rephrased one fails there rather than in front of a reader.
	 */
	private static final List<Known> REFUSALS = List.of(
			known(LONE_SURROGATE, "a lone surrogate (U\\+[0-9A-F]+)", "char"),
			known(LINE_BREAK, "cannot contain control characters \\((U\\+[0-9A-F]+), a line break", "char"),
			known(CONTROL_CHARACTER, "cannot contain control characters \\((U\\+[0-9A-F]+)", "char"),
			known(REORDERING_CHARACTER, "reorder the text around them \\((U\\+[0-9A-F]+)\\)", "char"),
			known(NO_VISIBLE_CHARACTER, "needs at least one visible character"),
			known(TOO_LONG, "is longer than (\\d+) characters \\((\\d+)\\)", "max", "length"),
			known(TOO_LONG, "A link is at most (\\d+) characters long", "max"),
			known(VALUE_MISSING, "^Give the (?:\\S+) in Chinese"), known(VALUE_MISSING, "^Give the proposer's name"),
			known(NO_LETTER_OR_DIGIT, "needs at least one letter or digit"),
			known(UNKNOWN_TAG, "^Unknown tag '(.*)'; use one of: (.*)\\.$", "tag", "tags"),
			known(TOO_MANY_TAGS, "has at most (\\d+) tags, not (\\d+)", "max", "count"),
			known(SEMICOLON_IN_SKILL, "A skill cannot contain ';'.*: '(.*)'\\.$", "skill"),
			known(TOO_MANY_SKILLS, "lists at most (\\d+) skills, not (\\d+)", "max", "count"),
			known(TOO_MANY_CONTACTS, "lists at most (\\d+) contacts, not (\\d+)", "max", "count"),
			known(LINK_EMPTY, "^The link is empty"),
			known(URL_SPACES, "^A link cannot contain spaces: '(.*)'\\.$", "url"),
			known(URL_SCHEME, "^Only http and https links are accepted: '(.*)'\\.$", "url"),
			known(URL_NO_HOST, "^The link '(.*)' has no host name\\.$", "url"),
			known(URL_INVALID, "^'(.*)' is not a valid web address\\.$", "url"));

	private static Known known(ProposalImportCode code, String pattern, String... names) {
		return new Known(code, Pattern.compile(pattern, Pattern.DOTALL), List.of(names));
	}

	/**
	 * The code of a cell check's refusal: from its reason code
	 * ({@code extensions.reason}, {@link Refusal}) where it has one, else from its
	 * sentence.
	 */
	static Coded of(DomainException refusal) {
		Coded byReason = byReason(refusal);
		if (byReason != null) {
			return byReason;
		}
		String message = (refusal.getMessage() != null) ? refusal.getMessage() : "";
		for (Known known : REFUSALS) {
			Matcher matcher = known.pattern().matcher(message);
			if (matcher.find()) {
				Map<String, Object> args = new LinkedHashMap<>();
				for (int i = 0; i < known.names().size(); i++) {
					String value = matcher.group(i + 1);
					args.put(known.names().get(i), value.matches("\\d{1,9}") ? Integer.valueOf(value) : value);
				}
				return new Coded(known.code(), args);
			}
		}
		return new Coded(INVALID_VALUE, Map.of());
	}

	private static @Nullable Coded byReason(DomainException refusal) {
		Object reason = refusal.details().get("reason");
		Object field = refusal.details().get("field");
		Map<String, Object> given = (refusal.details().get("args") instanceof Map<?, ?> map)
				? map.entrySet()
					.stream()
					.collect(LinkedHashMap::new, (m, e) -> m.put(String.valueOf(e.getKey()), e.getValue()), Map::putAll)
				: Map.of();
		if (!(reason instanceof String name)) {
			return null;
		}
		return switch (name) {
			case "LONE_SURROGATE" -> new Coded(LONE_SURROGATE, args("char", given.get("codePoint")));
			case "LINE_BREAK" -> new Coded(LINE_BREAK, args("char", given.get("codePoint")));
			case "CONTROL_CHARACTERS" -> new Coded(CONTROL_CHARACTER, args("char", given.get("codePoint")));
			case "REORDERING_CHARACTERS" -> new Coded(REORDERING_CHARACTER, args("char", given.get("codePoint")));
			case "NOT_VISIBLE" -> new Coded(NO_VISIBLE_CHARACTER, Map.of());
			case "LONGER_THAN" -> new Coded(TOO_LONG, args("max", given.get("max"), "length", given.get("length")));
			case "TOO_LONG" -> new Coded(TOO_LONG, args("max", given.get("max")));
			case "LOCALIZED_REQUIRED" -> new Coded(VALUE_MISSING, Map.of());
			case "REQUIRED" -> new Coded("proposer".equals(field) ? VALUE_MISSING : LINK_EMPTY, Map.of());
			case "NO_LETTER_OR_DIGIT" -> new Coded(NO_LETTER_OR_DIGIT, Map.of());
			case "UNKNOWN_TAG" -> new Coded(UNKNOWN_TAG, args("tag", given.get("value"), "tags", given.get("allowed")));
			case "TOO_MANY" -> switch (String.valueOf(field)) {
				case "tags" -> new Coded(TOO_MANY_TAGS, args("max", given.get("max"), "count", given.get("count")));
				case "needs" -> new Coded(TOO_MANY_SKILLS, args("max", given.get("max"), "count", given.get("count")));
				case "contacts" ->
					new Coded(TOO_MANY_CONTACTS, args("max", given.get("max"), "count", given.get("count")));
				default -> null;
			};
			case "RESERVED_CHARACTER" -> new Coded(SEMICOLON_IN_SKILL, args("skill", given.get("value")));
			case "URL_SPACES" -> new Coded(URL_SPACES, args("url", given.get("value")));
			case "URL_SCHEME" -> new Coded(URL_SCHEME, args("url", given.get("value")));
			case "URL_NO_HOST" -> new Coded(URL_NO_HOST, args("url", given.get("value")));
			case "INVALID_URL" -> new Coded(URL_INVALID, args("url", given.get("value")));
			default -> null;
		};
	}

	/** Arguments by name, in order: {@code args("max", 200, "count", 201)}. */
	static Map<String, Object> args(Object... namesAndValues) {
		Map<String, Object> args = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			args.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return args;
	}

}
