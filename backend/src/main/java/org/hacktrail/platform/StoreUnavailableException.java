package org.hacktrail.platform;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The store answered but would not do what was asked: the embedded store refuses writes
 * (free disk space below its floor, a failed commit, a read-only or recovered file) or
 * cannot read its file. Nothing was written by the request that got it. GraphQL answers
 * {@code UNAVAILABLE}, REST 503 with {@code Retry-After}.
 */
public class StoreUnavailableException extends DataAccessResourceFailureException {

	private final String publicReason;

	public StoreUnavailableException(String publicReason, Throwable cause) {
		super("The store is unavailable: " + publicReason, cause);
		this.publicReason = publicReason;
	}

	/** Why, in words a user may read (no paths, no internals). */
	public String publicReason() {
		return this.publicReason;
	}

	/** The message users get. */
	public String userMessage() {
		return "Saving is paused: " + this.publicReason
				+ ". What you send now is not saved; reading still works. Try again later.";
	}

}
