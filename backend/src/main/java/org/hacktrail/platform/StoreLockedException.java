package org.hacktrail.platform;

import java.nio.file.Path;

/**
 * The embedded store's file is open in another process (a running service) or another store of this process.
 * MVStore holds an operating-system lock on the file while it is open.
 */
public class StoreLockedException extends RuntimeException {

	private final Path file;

	public StoreLockedException(Path file, Throwable cause) {
		super("The embedded store " + file.toAbsolutePath().normalize()
				+ " is in use by another process (is the service running?)", cause);
		this.file = file;
	}

	public Path file() {
		return this.file;
	}

}
