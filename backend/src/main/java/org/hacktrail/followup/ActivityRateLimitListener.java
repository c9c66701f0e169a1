package org.hacktrail.followup;

import java.time.Clock;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Ends the activity check's first step with exit status RATE_LIMITED when the API's rate
 * limit stopped it ({@link ActivityRateLimit}), and stores until when the API is blocked
 * ({@code activity_check_state}), so that runs before then ask nothing.
 */
class ActivityRateLimitListener implements StepExecutionListener {

	/**
	 * Exit code of a run the API's rate limit stopped before every project was checked.
	 */
	static final String RATE_LIMITED = "RATE_LIMITED";

	private final MongoTemplate mongo;

	private final Clock clock;

	ActivityRateLimitListener(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		RepositoryActivityClient.Result.RateLimited stop = ActivityRateLimit.stoppedBy(step);
		if (stop == null) {
			return step.getExitStatus();
		}
		this.mongo
			.save(new ActivityCheckState(ActivityCheckState.ID, stop.until(), stop.reason(), this.clock.instant()));
		return new ExitStatus(RATE_LIMITED, stop.reason() + " " + ActivityRateLimit.left(step)
				+ " project(s) left for a run after " + stop.until() + ".");
	}

}
