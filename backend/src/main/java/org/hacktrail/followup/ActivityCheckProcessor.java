package org.hacktrail.followup;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Asks the repository API for one project's last push ({@link RepositoryActivityClient},
 * which sleeps short rate-limit waits). A long wait records the stop for the step
 * ({@link ActivityRateLimit}): this project and the rest wait for the next run, and
 * nothing more is asked.
 */
class ActivityCheckProcessor implements ItemProcessor<ActivityCheckReader.Target, ActivityCheckProcessor.Observation> {

	/** What the API said: the last push, or why there is none. */
	record Observation(ActivityCheckReader.Target target, @Nullable LocalDate lastPushedOn, @Nullable String error) {
	}

	private final RepositoryActivityClient client;

	ActivityCheckProcessor(RepositoryActivityClient client) {
		this.client = client;
	}

	@Override
	public @Nullable Observation process(ActivityCheckReader.Target target) throws InterruptedException {
		if (ActivityRateLimit.stoppedBy() != null) {
			return null;
		}
		RepositoryActivityClient.Result result = this.client.lastPush(target.owner(), target.repo());
		if (result instanceof RepositoryActivityClient.Result.Found found) {
			return new Observation(target, found.lastPushedOn(), null);
		}
		if (result instanceof RepositoryActivityClient.Result.NotFound notFound) {
			return new Observation(target, null, notFound.reason());
		}
		if (result instanceof RepositoryActivityClient.Result.Failed failed) {
			return new Observation(target, null, failed.reason());
		}
		// Rate-limited: the reader stops at its next read.
		ActivityRateLimit.stop((RepositoryActivityClient.Result.RateLimited) result);
		return null;
	}

}
