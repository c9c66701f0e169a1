package org.hacktrail.platform.batch;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.DataAccessException;

/**
 * Says in one line why a run failed, in the job repository and in the log, for every job:
 * an {@link OutOfMemoryError}, a store that failed (a MongoDB or data-access error, e.g.
 * the embedded store's "Unable to read the page"), or any other exception, with the step
 * and the innermost message. Spring Batch records the run as FAILED with the stack trace
 * of each failure on its step; the run's own exit description becomes this line, which
 * the GraphQL {@code JobRun.exitDescription} shows as it is. The log line is greppable
 * ("Job run ... FAILED"); the stack traces stay in the log above it.
 *
 * <p>
 * Registered on every job by a {@link Registrar}. A failed run stays restartable: the
 * steps' checkpoints are those of the last committed chunk.
 */
public class FailedRunReport implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(FailedRunReport.class);

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.FAILED) {
			return;
		}
		String reason = reason(execution);
		// Set before the job repository stores the run's end (listeners run first), so
		// the reason is recorded.
		execution.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), reason));
		log.error("Job run {} ({}) FAILED: {}", execution.getId(), execution.getJobInstance().getJobName(), reason);
	}

	/**
	 * The one-line reason of a failed run: what failed, in which step, after how many
	 * items, and the message.
	 */
	static String reason(JobExecution execution) {
		for (StepExecution step : execution.getStepExecutions()) {
			if (!step.getFailureExceptions().isEmpty()) {
				return describe(step.getFailureExceptions().get(0)) + " in step " + step.getStepName() + " (after "
						+ step.getReadCount() + " items read, " + step.getWriteCount()
						+ " written); restart the run to resume from its last checkpoint.";
			}
		}
		List<Throwable> failures = execution.getFailureExceptions();
		return failures.isEmpty() ? "The run failed; see the service log."
				: describe(failures.get(0)) + "; restart the run to resume from its last checkpoint.";
	}

	static String describe(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
			chain.add(t);
		}
		Throwable innermost = chain.get(chain.size() - 1);
		String kind;
		if (chain.stream().anyMatch(OutOfMemoryError.class::isInstance)) {
			kind = "Out of memory";
			innermost = chain.stream().filter(OutOfMemoryError.class::isInstance).findFirst().orElse(innermost);
		}
		else if (chain.stream().anyMatch(FailedRunReport::isStoreFailure)) {
			kind = "Store failure";
		}
		else {
			kind = innermost.getClass().getSimpleName();
		}
		String message = oneLine(innermost.getMessage());
		return (message != null) ? kind + " (" + message + ")" : kind;
	}

	private static boolean isStoreFailure(Throwable failure) {
		// MVStoreException: the embedded store's H2 file, when its failure reaches the
		// job (in-process store).
		return failure instanceof MongoException || failure instanceof DataAccessException
				|| failure.getClass().getName().equals("org.h2.mvstore.MVStoreException");
	}

	private static @Nullable String oneLine(@Nullable String message) {
		if (message == null || message.isBlank()) {
			return null;
		}
		String line = message.strip().replaceAll("\\s+", " ");
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

	/**
	 * Registers a report on every job of the context, and {@link RunEnds} (which records
	 * a run's end the store refused).
	 */
	static final class Registrar implements BeanPostProcessor {

		private final FailedRunReport report = new FailedRunReport();

		private final RunEnds runEnds;

		Registrar(RunEnds runEnds) {
			this.runEnds = runEnds;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof AbstractJob job) {
				job.registerJobExecutionListener(this.report);
				job.registerJobExecutionListener(this.runEnds);
			}
			return bean;
		}

	}

}
