package org.hacktrail.platform.batch;

import org.springframework.batch.core.job.JobExecution;

/**
 * The GraphQL {@code JobRun} view of a job execution, for features that return a run
 * inside their own types (e.g. an import report).
 */
public final class JobRuns {

	private JobRuns() {
	}

	/** An object GraphQL resolves as a {@code JobRun}. */
	public static Object view(JobExecution execution) {
		return JobController.JobRunView.of(execution);
	}

}
