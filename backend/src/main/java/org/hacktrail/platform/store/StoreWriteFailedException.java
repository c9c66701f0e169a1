package org.hacktrail.platform.store;

import org.jspecify.annotations.Nullable;

/**
 * A write that will never be durable: its commit failed, or the store closed first. Never
 * acknowledged.
 */
final class StoreWriteFailedException extends RuntimeException {

	StoreWriteFailedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
