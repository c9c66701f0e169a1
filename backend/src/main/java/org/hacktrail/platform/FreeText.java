package org.hacktrail.platform;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for text people type, by kind of field (docs/api.md, "Text input"). Every
 * check answers BAD_USER_INPUT naming the field and the first offending character by its
 * code point; nothing is changed silently, so what is stored is what was typed.
 *
 * <ul>
 * <li>{@link Kind#LINE} — names, titles and labels (proposal titles and needs, team
 * positions, display names, hackathon and round names, affiliations, token names) and
 * search text: no control character at all (NUL, tab, line breaks, DEL, C1), no character
 * that reorders the text around it (the bidirectional embeddings, overrides and isolates
 * U+202A–U+202E and U+2066–U+2069, which make a name read differently from what it is),
 * and at least one visible character (a name made only of spaces, zero-width or other
 * invisible characters names nothing).</li>
 * <li>{@link Kind#TEXT} — long text (summaries, descriptions, messages, notes, reasons,
 * comments): line breaks and tabs are kept as typed; every other control character is
 * refused.</li>
 * </ul>
 * Both refuse a lone surrogate (half of a character, not text). The marks U+200E and
 * U+200F, the zero-width joiner and non-joiner (emoji sequences, some scripts) stay
 * allowed inside text that has something visible.
 */
public final class FreeText {

	/** What a field holds. */
	public enum Kind {

		/** One line that names or labels something. */
		LINE,

		/** Long text: paragraphs, line breaks and tabs allowed. */
		TEXT

	}

	private FreeText() {
	}

	/**
	 * Checks {@code value} (null passes: whether a value is required is the caller's
	 * rule) and returns it.
	 */
	public static @Nullable String check(@Nullable String value, String field, Kind kind) {
		if (value == null) {
			return null;
		}
		boolean visible = false;
		for (int i = 0; i < value.length();) {
			int c = value.codePointAt(i);
			if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
				throw DomainException.badInput(field, Refusal.LONE_SURROGATE, "codePoint", codePoint(c));
			}
			if (isControl(c) && !(kind == Kind.TEXT && (c == '\n' || c == '\r' || c == '\t'))) {
				throw DomainException.badInput(field, isLineBreak(c) ? Refusal.LINE_BREAK : Refusal.CONTROL_CHARACTERS,
						"codePoint", codePoint(c));
			}
			if (kind == Kind.LINE && isReordering(c)) {
				throw DomainException.badInput(field, Refusal.REORDERING_CHARACTERS, "codePoint", codePoint(c));
			}
			visible |= isVisible(c);
			i += Character.charCount(c);
		}
		if (kind == Kind.LINE && !value.isEmpty() && !visible) {
			throw DomainException.badInput(field, Refusal.NOT_VISIBLE);
		}
		return value;
	}

	/** C0 controls (NUL … U+001F), DEL and the C1 controls (U+0080 … U+009F). */
	public static boolean isControl(int c) {
		return Character.getType(c) == Character.CONTROL;
	}

	private static boolean isLineBreak(int c) {
		return c == '\n' || c == '\r';
	}

	/** The explicit bidirectional embeddings, overrides and isolates (and their pops). */
	static boolean isReordering(int c) {
		return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

	/**
	 * A character that shows something: not a space, control, format character, combining
	 * mark or blank filler.
	 */
	static boolean isVisible(int c) {
		if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
			return false;
		}
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
					Character.SURROGATE, Character.UNASSIGNED ->
				false;
			// Hangul fillers and the blank Braille pattern: letters or symbols that draw
			// nothing.
			default -> c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800;
		};
	}

	/** {@code U+0000}. */
	public static String codePoint(int c) {
		return String.format("U+%04X", c);
	}

}
