package org.hacktrail.followup;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Asks the repository API for one project's last push and then its g0v.json
 * ({@link RepositoryActivityClient}, which sleeps short rate-limit waits). A long wait
 * records the stop for the step ({@link ActivityRateLimit}): this project and the rest
 * wait for the next run, and nothing more is asked.
 */
class ActivityCheckProcessor implements ItemProcessor<ActivityCheckReader.Target, ActivityCheckProcessor.Observation> {

	/**
	 * What the API said: the last push, or why there is none; and the repository's
	 * g0v.json (null when it was not asked: the repository was not found, or the rate
	 * limit stopped the run first); and whether the repository is archived.
	 */
	record Observation(ActivityCheckReader.Target target, @Nullable LocalDate lastPushedOn, @Nullable String error,
			RepositoryActivityClient.@Nullable FileResult g0vJson, boolean archived) {

		Observation(ActivityCheckReader.Target target, @Nullable LocalDate lastPushedOn, @Nullable String error,
				RepositoryActivityClient.@Nullable FileResult g0vJson) {
			this(target, lastPushedOn, error, g0vJson, false);
		}

		Observation(ActivityCheckReader.Target target, @Nullable LocalDate lastPushedOn, @Nullable String error) {
			this(target, lastPushedOn, error, null, false);
		}

	}

	private final RepositoryActivityClient client;

	private final MongoTemplate mongo;

	ActivityCheckProcessor(RepositoryActivityClient client, MongoTemplate mongo) {
		this.client = client;
		this.mongo = mongo;
	}

	/**
	 * The file with the commit that last changed it: the one stored when the file is the
	 * same as at the last check (no request), otherwise asked of the API (one request per
	 * changed file).
	 */
	private RepositoryActivityClient.FileResult.Fetched withCommit(ActivityCheckReader.Target target,
			RepositoryActivityClient.FileResult.Fetched fetched) throws InterruptedException {
		ProjectG0vJsonCheck before = this.mongo.findById(target.projectId(), ProjectG0vJsonCheck.class);
		if (before != null && fetched.sha() != null && fetched.sha().equals(before.sourceSha())
				&& before.sourceCommit() != null) {
			return fetched.withCommit(before.sourceCommit(), before.sourceCommittedAt());
		}
		return this.client.g0vJsonCommit(target.owner(), target.repo())
			.map((commit) -> fetched.withCommit(commit.sha(), commit.committedAt()))
			.orElse(fetched);
	}

	@Override
	public @Nullable Observation process(ActivityCheckReader.Target target) throws InterruptedException {
		if (ActivityRateLimit.stoppedBy() != null) {
			return null;
		}
		RepositoryActivityClient.Result result = this.client.lastPush(target.owner(), target.repo());
		if (result instanceof RepositoryActivityClient.Result.Found found) {
			RepositoryActivityClient.FileResult file = this.client.g0vJson(target.owner(), target.repo());
			if (file instanceof RepositoryActivityClient.FileResult.Limited limited) {
				// The push is recorded; the file waits for the run after the reset.
				ActivityRateLimit.stop(limited.limit());
				return new Observation(target, found.lastPushedOn(), null, null, found.archived());
			}
			if (file instanceof RepositoryActivityClient.FileResult.Fetched fetched) {
				file = withCommit(target, fetched);
			}
			return new Observation(target, found.lastPushedOn(), null, file, found.archived());
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
