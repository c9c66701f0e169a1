package org.hacktrail.platform;

/**
 * Search text as a regular expression that matches it literally. What a user types is
 * never a pattern: every character with a meaning in PCRE (MongoDB) or java.util.regex
 * (the embedded store) is escaped.
 */
public final class LiteralPattern {

	private LiteralPattern() {
	}

	/** A regular expression matching {@code text} literally, anywhere. */
	public static String of(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		text.codePoints().forEach((cp) -> {
			if ("\\^$.|?*+()[]{}-/#&~<>=!:,\"'`@%".indexOf(cp) >= 0) {
				escaped.append('\\');
			}
			escaped.appendCodePoint(cp);
		});
		return escaped.toString();
	}

}
