package org.hacktrail.judging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for a written reason that stands behind a departure from what the judging
 * would do by itself: an override's justification, a tie resolution, closing a round with
 * sheets not submitted, voiding a dropped judge's submitted sheets. It is read by people
 * who were not there (the public, for what is published), so it says something: after
 * stripping, {@value #MIN} to {@value #MAX} characters of free text
 * ({@link FreeText.Kind#TEXT}). "x", "ok" or blanks are refused.
 */
public final class WrittenReason {

	/** The fewest characters of a written reason, after stripping. */
	public static final int MIN = 20;

	/** The most characters of a written reason. */
	public static final int MAX = 5000;

	private WrittenReason() {
	}

	/**
	 * The stripped reason, or BAD_USER_INPUT naming {@code field} when it is missing,
	 * blank, shorter than {@value #MIN} or longer than {@value #MAX} characters.
	 * @param what what the reason is for, completing "Write …" (e.g. "why the selection
	 * differs from the ranking's top 5")
	 * @param details more machine-readable facts for the error (besides {@code field})
	 */
	public static String require(@Nullable String text, String field, String what, Map<String, Object> details) {
		String stripped = (text != null) ? text.strip() : "";
		if (stripped.length() < MIN || stripped.length() > MAX) {
			Map<String, Object> all = new LinkedHashMap<>(details);
			all.put("field", field);
			all.put("minLength", MIN);
			all.put("maxLength", MAX);
			String was = stripped.isEmpty() ? "none was given"
					: "it has " + stripped.length() + " character" + ((stripped.length() == 1) ? "" : "s");
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"Write " + what + " (" + field + ": " + MIN + " to " + MAX + " characters; " + was + ").", all);
		}
		return FreeText.check(stripped, field, FreeText.Kind.TEXT);
	}

	public static String require(@Nullable String text, String field, String what) {
		return require(text, field, what, Map.of());
	}

	/** Whether any text was given (not null and not blank). */
	public static boolean given(@Nullable String text) {
		return text != null && !text.isBlank();
	}

}
