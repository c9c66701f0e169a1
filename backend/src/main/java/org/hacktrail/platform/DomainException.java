package org.hacktrail.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A failure a person can act on: the message says what was wrong and, where it helps,
 * what to do instead. It reaches the caller as a GraphQL error with
 * {@code extensions.code}, or as a REST error body.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	private final Map<String, Object> details;

	public DomainException(ErrorCode code, String message) {
		this(code, message, Map.of());
	}

	public DomainException(ErrorCode code, String message, Map<String, Object> details) {
		super(message);
		this.code = code;
		this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	/**
	 * Input refused for a reason the caller can say in its reader's language:
	 * {@code extensions.field}, {@code extensions.reason} and {@code extensions.args}
	 * (pairs of name and value, e.g. {@code "max", 200}), with the English message made
	 * from the reason's template.
	 */
	public static DomainException badInput(String field, Refusal reason, Object... args) {
		return refused(ErrorCode.BAD_USER_INPUT, field, reason, args);
	}

	/** A refusal with a reason (see {@link #badInput(String, Refusal, Object...)}). */
	public static DomainException refused(ErrorCode code, Refusal reason, Object... args) {
		return refused(code, null, reason, args);
	}

	/**
	 * A refusal with a reason and, unless null, the field it is about.
	 */
	public static DomainException refused(ErrorCode code, @Nullable String field, Refusal reason, Object... args) {
		Map<String, Object> values = reason.args(args);
		Map<String, Object> details = new LinkedHashMap<>();
		if (field != null) {
			details.put("field", field);
		}
		details.put("reason", reason.name());
		details.put("args", values);
		return new DomainException(code, reason.message((field != null) ? field : "", values), details);
	}

	/**
	 * Bad input said only in English. Deprecated: give a {@link Refusal}, so that the
	 * panel can say it in the reader's language; RefusalCallSiteTests counts the calls
	 * left.
	 */
	@Deprecated
	public static DomainException badInput(String message) {
		return new DomainException(ErrorCode.BAD_USER_INPUT, message);
	}

	/**
	 * Bad input in a field, said only in English. Deprecated: give a {@link Refusal} (see
	 * {@link #badInput(String)}).
	 */
	@Deprecated
	public static DomainException badInput(String field, String message) {
		return new DomainException(ErrorCode.BAD_USER_INPUT, message, Map.of("field", field));
	}

	public static DomainException notFound(String message) {
		return new DomainException(ErrorCode.NOT_FOUND, message);
	}

	public static DomainException conflict(String message) {
		return new DomainException(ErrorCode.CONFLICT, message);
	}

	public static DomainException forbidden(String message) {
		return new DomainException(ErrorCode.FORBIDDEN, message);
	}

	public static DomainException unauthenticated() {
		return new DomainException(ErrorCode.UNAUTHENTICATED, "Sign in first: this needs a signed-in user.");
	}

	public ErrorCode code() {
		return this.code;
	}

	/**
	 * Extra, machine-readable facts about the failure (e.g. {@code field}, {@code from},
	 * {@code to}).
	 */
	public Map<String, Object> details() {
		return this.details;
	}

}
