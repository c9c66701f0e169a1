package org.hacktrail.followup;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Whether the repository API's rate limit stopped the running activity check step, kept
 * in the step execution's context: the processor that meets the limit records it there,
 * the reader stops at its next read, and {@link ActivityRateLimitListener} ends the step
 * with exit status RATE_LIMITED. Spring Batch's own state, not a bean shared by the
 * three.
 */
final class ActivityRateLimit {

	private static final String UNTIL = "activityCheck.blockedUntil";

	private static final String REASON = "activityCheck.blockedReason";

	private static final String LEFT = "activityCheck.left";

	private ActivityRateLimit() {
	}

	/**
	 * Records, for the running step, that the API allows no request before
	 * {@code limited.until()}.
	 */
	static void stop(RepositoryActivityClient.Result.RateLimited limited) {
		ExecutionContext context = current().getExecutionContext();
		context.putString(UNTIL, limited.until().toString());
		context.putString(REASON, limited.reason());
	}

	/** What stopped the running step, if anything did. */
	static RepositoryActivityClient.Result.@Nullable RateLimited stoppedBy() {
		return stoppedBy(current());
	}

	static RepositoryActivityClient.Result.@Nullable RateLimited stoppedBy(StepExecution step) {
		ExecutionContext context = step.getExecutionContext();
		return context.containsKey(UNTIL) ? new RepositoryActivityClient.Result.RateLimited(
				Instant.parse(context.getString(UNTIL)), context.getString(REASON)) : null;
	}

	/**
	 * Records how many projects were left unchecked when the running step stopped
	 * reading.
	 */
	static void left(long left) {
		current().getExecutionContext().putLong(LEFT, left);
	}

	static long left(StepExecution step) {
		return step.getExecutionContext().getLong(LEFT, 0L);
	}

	private static StepExecution current() {
		StepContext context = StepSynchronizationManager.getContext();
		if (context == null) {
			throw new IllegalStateException("The activity check's rate limit is read and written inside its step");
		}
		return context.getStepExecution();
	}

}
