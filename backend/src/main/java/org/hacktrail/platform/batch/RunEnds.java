package org.hacktrail.platform.batch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskDecorator;

/**
 * Makes sure every run's end is recorded, even when the store refused writes at that
 * moment. When a step fails because the store failed (e.g. the embedded store failed
 * closed after a commit it could not write), Spring Batch cannot save the step's or the
 * run's end either: the run stays "STARTED" in the job repository, nothing can restart
 * it, and Spring Batch calls it "in an unknown state, should not be restarted".
 *
 * <p>
 * Once a run's thread is done, its end is read back from the job repository. If the
 * repository still says the run is going (or cannot be read), the run is kept here and
 * tried again every {@link #RETRY} until the store takes writes: the run and its
 * unfinished steps are then recorded FAILED, with the reason the run ended (as
 * {@link FailedRunReport} says it) and a sentence saying the end was recorded late. Every
 * writer of our jobs is idempotent, so a run recorded FAILED this way is restarted from
 * its last recorded checkpoint like any failed run. A run whose process ends before its
 * end is recorded is marked FAILED at the next start ({@link JobRunner#recoverOrphans}).
 *
 * <p>
 * Registered on every job by {@link FailedRunReport.Registrar}; decorates the runs' task
 * executor ({@link BatchInfrastructure}), whose single thread runs one job at a time.
 */
public class RunEnds implements JobExecutionListener, TaskDecorator, BeanFactoryAware, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RunEnds.class);

	/** How often the end of a run not yet recorded is tried again. */
	static final Duration RETRY = Duration.ofSeconds(5);

	/** What the exit description of a run recorded late says after the reason. */
	public static final String RECORDED_LATE = " The store refused writes when the run ended; this end was recorded once "
			+ "it took writes again.";

	private final ThreadLocal<JobExecution> running = new ThreadLocal<>();

	/** Runs whose end is not recorded yet, by execution id, with their reason. */
	private final Map<Long, String> unrecorded = new ConcurrentHashMap<>();

	private final Duration retry;

	private @Nullable BeanFactory beanFactory;

	private @Nullable ScheduledExecutorService retries;

	RunEnds() {
		this(RETRY);
	}

	RunEnds(Duration retry) {
		this.retry = retry;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = beanFactory;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.running.set(execution);
	}

	@Override
	public Runnable decorate(Runnable runnable) {
		return () -> {
			try {
				runnable.run();
			}
			finally {
				JobExecution execution = this.running.get();
				this.running.remove();
				if (execution != null) {
					ended(execution);
				}
			}
		};
	}

	/** Ids of the runs whose end waits to be recorded (for tests and the health). */
	public java.util.Set<Long> unrecorded() {
		return java.util.Set.copyOf(this.unrecorded.keySet());
	}

	/**
	 * A run's thread is done: Spring Batch has saved its end, or tried to. Checked now,
	 * and later again while the store refuses writes.
	 */
	void ended(JobExecution execution) {
		String reason = reason(execution);
		if (!record(execution.getId(), reason)) {
			this.unrecorded.put(execution.getId(), reason);
			log.warn(
					"Job run {} ({}) ended {} but the store did not take its end; it will be recorded FAILED once "
							+ "the store takes writes again",
					execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus());
			scheduleRetries();
		}
	}

	/** Tries every run not yet recorded again. */
	void retry() {
		this.unrecorded.forEach((id, reason) -> {
			if (record(id, reason)) {
				this.unrecorded.remove(id);
			}
		});
	}

	/**
	 * Records a run's end if the repository does not have it yet; true when the
	 * repository now has an end (recorded before or now), false when the store could not
	 * be read or written.
	 */
	private boolean record(long id, String reason) {
		try {
			JobRepository repository = repository();
			JobExecution stored = repository.getJobExecution(id);
			if (stored == null || !(stored.getStatus().isRunning() || stored.getStatus() == BatchStatus.UNKNOWN)) {
				return true;
			}
			String description = reason + RECORDED_LATE;
			LocalDateTime now = LocalDateTime.now();
			for (StepExecution step : stored.getStepExecutions()) {
				if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
					step.setStatus(BatchStatus.FAILED);
					step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), description));
					step.setEndTime(now);
					repository.update(step);
				}
			}
			stored.setStatus(BatchStatus.FAILED);
			stored.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), description));
			stored.setEndTime(now);
			repository.update(stored);
			log.error("Job run {} ({}) FAILED (recorded late): {}", id, stored.getJobInstance().getJobName(),
					description);
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("The end of job run {} cannot be recorded yet: {}", id, ex.toString());
			return false;
		}
	}

	/**
	 * What the run's end says: {@link FailedRunReport}'s line for a run that failed or
	 * whose end Spring Batch could not save (UNKNOWN), from the steps' failures (the
	 * run's own exit description is then the message of the save that failed).
	 */
	static String reason(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return "The run completed its steps; restart it to record its end.";
		}
		return FailedRunReport.reason(execution);
	}

	private JobRepository repository() {
		if (this.beanFactory == null) {
			throw new IllegalStateException("RunEnds is not initialised");
		}
		return this.beanFactory.getBean(JobRepository.class);
	}

	private synchronized void scheduleRetries() {
		if (this.retries != null) {
			return;
		}
		this.retries = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "batch-run-ends");
			thread.setDaemon(true);
			return thread;
		});
		this.retries.scheduleWithFixedDelay(this::retry, this.retry.toMillis(), this.retry.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void destroy() {
		if (this.retries != null) {
			this.retries.shutdownNow();
		}
		if (!this.unrecorded.isEmpty()) {
			log.warn("Job runs {} end with the service while their end is not recorded; the next start marks them "
					+ "FAILED", this.unrecorded.keySet());
		}
	}

}
