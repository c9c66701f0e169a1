package org.hacktrail.platform;

import java.util.Map;

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
		this.details = Map.copyOf(details);
	}

	public static DomainException badInput(String message) {
		return new DomainException(ErrorCode.BAD_USER_INPUT, message);
	}

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
