package org.hacktrail.platform.ratelimit;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import org.hacktrail.platform.ErrorBody;

/**
 * The 429 answer: {@code Retry-After} in seconds and a body with
 * {@code code: RATE_LIMITED}.
 */
public final class TooManyRequests {

	public static final String CODE = "RATE_LIMITED";

	private TooManyRequests() {
	}

	public static void write(HttpServletResponse response, Duration wait, String what) throws IOException {
		long seconds = RateLimiter.retryAfterSeconds(wait);
		response.setHeader("Retry-After", Long.toString(seconds));
		ErrorBody.write(response, 429, CODE, "Too many " + what + "; try again in " + seconds + " s.");
	}

}
