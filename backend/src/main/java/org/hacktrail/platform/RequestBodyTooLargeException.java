package org.hacktrail.platform;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * Thrown while an upload endpoint streams a request body that turns out larger than its
 * limit (a chunked body has no length to refuse up front). The endpoint answers 413.
 */
public class RequestBodyTooLargeException extends IOException {

	private final long limit;

	public RequestBodyTooLargeException(long limit) {
		super("The request body is larger than the limit of " + DataSize.ofBytes(limit).toMegabytes() + " MB.");
		this.limit = limit;
	}

	public long limit() {
		return this.limit;
	}

}
