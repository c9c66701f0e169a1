package org.hacktrail.followup;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Carries a RATE_LIMITED exit status of an earlier step of the run into this, the last
 * step: a job takes its exit status from its last step, and a job listener changing it
 * afterwards would leave a moment in which the stored run reads COMPLETED with exit code
 * COMPLETED.
 */
class RateLimitedRunListener implements StepExecutionListener {

	@Override
	public ExitStatus afterStep(StepExecution step) {
		return step.getJobExecution()
			.getStepExecutions()
			.stream()
			.filter((other) -> other != step
					&& ActivityRateLimitListener.RATE_LIMITED.equals(other.getExitStatus().getExitCode()))
			.findFirst()
			.map((other) -> step.getExitStatus().and(other.getExitStatus()))
			.orElse(step.getExitStatus());
	}

}
