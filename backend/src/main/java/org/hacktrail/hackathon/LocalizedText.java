package org.hacktrail.hackathon;

import java.util.regex.Pattern;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * A text in Traditional Chinese (Taiwan) and/or English. Hacktrail is used by bilingual
 * communities: either language alone is acceptable, never neither.
 *
 * @param zhTW the Traditional Chinese text, or null
 * @param en the English text, or null
 */
public record LocalizedText(@Nullable String zhTW, @Nullable String en) {

	private static final Pattern HAN_OR_BOPOMOFO = Pattern.compile("[\\p{IsHan}\\p{IsBopomofo}]");

	public static final LocalizedText EMPTY = new LocalizedText(null, null);

	public LocalizedText {
		zhTW = blankToNull(zhTW);
		en = blankToNull(en);
	}

	public boolean isEmpty() {
		return this.zhTW == null && this.en == null;
	}

	/**
	 * The text people see first: Traditional Chinese when there is one, otherwise
	 * English.
	 */
	public @Nullable String primary() {
		return (this.zhTW != null) ? this.zhTW : this.en;
	}

	/** True when the primary text is the Traditional Chinese one. */
	public boolean primaryIsZhTW() {
		return this.zhTW != null;
	}

	/**
	 * A single text whose language is not given (a CSV cell): Chinese when it contains
	 * Han characters or Bopomofo, English otherwise.
	 */
	public static LocalizedText guess(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return EMPTY;
		}
		return HAN_OR_BOPOMOFO.matcher(text).find() ? new LocalizedText(text, null) : new LocalizedText(null, text);
	}

	/**
	 * Checks a required text: at least one language, each stripped of surrounding space,
	 * none longer than {@code maxLength} characters, each a {@link FreeText.Kind#LINE} (a
	 * name or title).
	 */
	public static LocalizedText requireSingleLine(@Nullable LocalizedText text, String field, int maxLength) {
		if (text == null || text.isEmpty()) {
			throw DomainException.badInput(field, Refusal.LOCALIZED_REQUIRED);
		}
		LocalizedText stripped = new LocalizedText(strip(text.zhTW), strip(text.en));
		checkLine(stripped.zhTW, field + ".zhTW", maxLength);
		checkLine(stripped.en, field + ".en", maxLength);
		return stripped;
	}

	/**
	 * Checks an optional {@link FreeText.Kind#TEXT} (kept exactly as written, so that it
	 * round-trips).
	 */
	public static LocalizedText optionalMultiLine(@Nullable LocalizedText text, String field, int maxLength) {
		if (text == null) {
			return EMPTY;
		}
		checkLength(text.zhTW, field + ".zhTW", maxLength);
		checkLength(text.en, field + ".en", maxLength);
		FreeText.check(text.zhTW, field + ".zhTW", FreeText.Kind.TEXT);
		FreeText.check(text.en, field + ".en", FreeText.Kind.TEXT);
		return text;
	}

	private static void checkLine(@Nullable String value, String field, int maxLength) {
		if (value == null) {
			return;
		}
		checkLength(value, field, maxLength);
		FreeText.check(value, field, FreeText.Kind.LINE);
	}

	static void checkLength(@Nullable String value, String field, int maxLength) {
		if (value != null && value.codePointCount(0, value.length()) > maxLength) {
			throw DomainException.badInput(field, Refusal.LONGER_THAN, "max", maxLength, "length",
					value.codePointCount(0, value.length()));
		}
	}

	private static @Nullable String strip(@Nullable String value) {
		return (value != null) ? value.strip() : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
