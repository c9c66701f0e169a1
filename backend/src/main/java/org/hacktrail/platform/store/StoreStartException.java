package org.hacktrail.platform.store;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The embedded store cannot start. Carries what an operator reads first, before any stack
 * trace ({@link StoreStartFailureAnalyzer}): what is wrong, in one or two sentences, and
 * what to do about it.
 */
public class StoreStartException extends RuntimeException {

	/**
	 * What kind of problem, for tools that act on it ({@code scripts/backup} exits with a
	 * status per kind).
	 */
	public enum Kind {

		/** Another process has the file open. */
		IN_USE,

		/** The folder or the file cannot be created, read or written. */
		PERMISSIONS,

		/** The file is damaged and no consistent version could be recovered from it. */
		DAMAGED,

		/** The settings contradict each other or the files found. */
		CONFIGURATION

	}

	private final Kind kind;

	private final Path file;

	private final String action;

	public StoreStartException(Kind kind, Path file, String problem, String action, @Nullable Throwable cause) {
		super(problem, cause);
		this.kind = kind;
		this.file = file;
		this.action = action;
	}

	public Kind kind() {
		return this.kind;
	}

	public Path file() {
		return this.file;
	}

	/** What to do about it. */
	public String action() {
		return this.action;
	}

}
