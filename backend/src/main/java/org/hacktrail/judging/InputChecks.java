package org.hacktrail.judging;

import org.jspecify.annotations.Nullable;

/**
 * Input checks of the judging methods (ranking, pairwise) that fail with an
 * {@link IllegalArgumentException} whose message names what is wrong.
 */
public final class InputChecks {

	private InputChecks() {
	}

	public static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	public static <T> T present(@Nullable T value, String what) {
		if (value == null) {
			throw new IllegalArgumentException(what + " is missing");
		}
		return value;
	}

	public static String nonBlank(@Nullable String value, String what) {
		require(value != null && !value.isBlank(), what + " must not be blank");
		return value;
	}

	public static double finite(double value, String what) {
		require(Double.isFinite(value), what + " must be a finite number, got " + value);
		return value;
	}

	public static double nonNegative(double value, String what) {
		require(Double.isFinite(value) && value >= 0, what + " must be a finite number ≥ 0, got " + value);
		return value;
	}

}
