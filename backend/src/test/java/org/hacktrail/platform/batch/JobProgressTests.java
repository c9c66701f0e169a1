package org.hacktrail.platform.batch;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's progress is never more than its evidence: the reads of the step its total
 * counts, 1 only for a run that did all its work.
 */
class JobProgressTests {

	private record Run(JobExecution execution, List<StepExecution> steps) {
	}

	private static Run run(BatchStatus status, ExitStatus exit, long readFirst, long readSecond, Long total) {
		JobExecution execution = MetaDataInstanceFactory.createJobExecution();
		execution.setStatus(status);
		execution.setExitStatus(exit);
		StepExecution first = MetaDataInstanceFactory.createStepExecution(execution, "importStep", 11L);
		StepExecution second = MetaDataInstanceFactory.createStepExecution(execution, "refreshStep", 12L);
		first.setReadCount(readFirst);
		second.setReadCount(readSecond);
		if (total != null) {
			execution.getExecutionContext().putLong(JobRunner.TOTAL_KEY, total);
			execution.getExecutionContext().putString(JobRunner.TOTAL_STEP_KEY, "importStep");
		}
		return new Run(execution, List.of(first, second));
	}

	private static Double progress(Run run) {
		return JobRunner.progress(run.execution(), run.steps());
	}

	@Test
	void aRunStillGoingNeverReadsAsDoneAndLaterStepsDoNotCountAgainstTheFirstStepsTotal() {
		assertThat(progress(run(BatchStatus.STARTED, ExitStatus.EXECUTING, 40, 0, 100L))).isEqualTo(0.4);
		// Every row read, the refresh step still going: work is left.
		assertThat(progress(run(BatchStatus.STARTED, ExitStatus.EXECUTING, 100, 70, 100L))).isEqualTo(0.99);
		assertThat(progress(run(BatchStatus.STARTED, ExitStatus.EXECUTING, 40, 0, null))).isNull();
	}

	@Test
	void onlyARunThatDidAllItsWorkIsDone() {
		assertThat(progress(run(BatchStatus.COMPLETED, ExitStatus.COMPLETED, 100, 70, 100L))).isEqualTo(1.0);
		assertThat(progress(run(BatchStatus.COMPLETED, new ExitStatus("RATE_LIMITED"), 1, 0, 4L))).isEqualTo(0.25);
		assertThat(progress(run(BatchStatus.FAILED, ExitStatus.FAILED, 30, 0, 100L))).isEqualTo(0.3);
	}

	@Test
	void aScheduledRunsTimeIsATimeOrNothing() {
		assertThat(JobController.JobRunView.slotTime("2026-12-07T03:00:00Z")).isEqualTo("2026-12-07T03:00:00Z");
		// The demo load names its slot in words: no time rather than one the panel cannot
		// read.
		assertThat(JobController.JobRunView.slotTime("demo-load-2026-12-07T19:48:07Z")).isNull();
		assertThat(JobController.JobRunView.slotTime(null)).isNull();
	}

}
