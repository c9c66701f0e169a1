package org.hacktrail.platform;

import org.jspecify.annotations.Nullable;

/**
 * One named value of a message Hacktrail makes (a history entry, a reason, a notice), for
 * a client to put into its own sentence for the message's code: the panel renders the
 * code from its catalogs in the reader's language, and the English {@code message} beside
 * the code is for API users.
 *
 * @param name the value's name in the sentence, e.g. {@code count} or {@code round}
 * @param value the value as given: a number, an id, an enum constant, or a name in its
 * primary language
 * @param zhTW for a name kept in both languages: the Chinese one, when there is one
 * @param en for a name kept in both languages: the English one, when there is one
 */
public record MessageArg(String name, String value, @Nullable String zhTW, @Nullable String en) {

	/** A value in no particular language (a number, an id, an enum constant). */
	public static MessageArg of(String name, Object value) {
		return new MessageArg(name, String.valueOf(value), null, null);
	}

	/** A name kept in both languages, {@code primary} being the one shown by default. */
	public static MessageArg localized(String name, String primary, @Nullable String zhTW, @Nullable String en) {
		return new MessageArg(name, primary, zhTW, en);
	}

}
