package org.hacktrail.platform.batch;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Starts, restarts and lists batch job runs. Launches are serialised: one job execution
 * is created at a time (the job repository draws its ids from {@code $inc} sequences,
 * which the embedded store can hand out twice under concurrency) and runs execute one
 * after another on a single thread (see {@link BatchInfrastructure}).
 */
@Service
public class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	/**
	 * Execution-context key under which a job may publish how many items it expects to
	 * read, for progress.
	 */
	public static final String TOTAL_KEY = "hacktrail.total";

	/**
	 * Execution-context key naming the step whose reads {@link #TOTAL_KEY} counts
	 * (absent: every step's).
	 */
	public static final String TOTAL_STEP_KEY = "hacktrail.totalStep";

	/** The exit description of a run marked FAILED at start-up. */
	static final String ORPHANED = "The service stopped before this run ended (or before its end could be "
			+ "recorded); marked FAILED when the service started again. Restart the run to resume from its last "
			+ "checkpoint.";

	/** The job parameter naming the user who started a run. */
	public static final String REQUESTED_BY = "hacktrail.requestedBy";

	private static final java.util.regex.Pattern PARAMETER_NAME = java.util.regex.Pattern
		.compile("[A-Za-z0-9._-]{1,100}");

	/**
	 * The most parameters a run started on demand takes. Jobs take a handful; each
	 * parameter becomes a field of the run's documents in the job repository, which are
	 * read back with every run listing.
	 */
	static final int MAX_PARAMETERS = 50;

	private final JobOperator operator;

	private final JobRepository repository;

	private final Map<String, Job> jobs;

	private final ReentrantLock launchLock = new ReentrantLock(true);

	JobRunner(JobOperator operator, JobRepository repository, List<Job> jobs) {
		this.operator = operator;
		this.repository = repository;
		this.jobs = jobs.stream().collect(Collectors.toUnmodifiableMap(Job::getName, Function.identity()));
	}

	public List<String> jobNames() {
		return this.jobs.keySet().stream().sorted().toList();
	}

	/** The jobs an organizer may start. */
	@PreAuthorize("hasRole('ORGANIZER')")
	public List<String> availableJobs() {
		return jobNames();
	}

	/** Starts a run on demand (organizers). Each on-demand run is a new job instance. */
	@PreAuthorize("hasRole('ORGANIZER')")
	public JobExecution start(String jobName, Map<String, String> parameters, String requestedBy) {
		if (parameters.size() > MAX_PARAMETERS) {
			throw DomainException.badInput("parameters", Refusal.TOO_MANY, "max", MAX_PARAMETERS, "count",
					parameters.size());
		}
		JobParametersBuilder builder = new JobParametersBuilder();
		parameters.forEach((key, value) -> {
			if (key.isBlank() || key.startsWith("hacktrail.") || !PARAMETER_NAME.matcher(key).matches()) {
				// Names become field names in the job repository's documents: no '$', no
				// control characters.
				throw DomainException.badInput("parameters", Refusal.BAD_FORMAT, "value", key, "format",
						"use 1 to 100 letters, digits, '.', '_' or '-'.");
			}
			if (value.length() > 2000) {
				throw DomainException.badInput("parameters", Refusal.TOO_LONG, "max", 2000);
			}
			builder.addString(key, value);
		});
		builder.addString("hacktrail.run", UUID.randomUUID().toString());
		builder.addString(REQUESTED_BY, requestedBy, false);
		return launch(job(jobName), builder.toJobParameters())
			.orElseThrow(() -> new DomainException(ErrorCode.CONFLICT, "This run has already started."));
	}

	/** Restarts a failed or stopped run from its last committed chunk (organizers). */
	@PreAuthorize("hasRole('ORGANIZER')")
	public JobExecution restart(long executionId) {
		JobExecution previous = this.repository.getJobExecution(executionId);
		if (previous == null) {
			throw DomainException.notFound("No job run with id " + executionId + ".");
		}
		if (previous.getStatus() == BatchStatus.COMPLETED || previous.getStatus() == BatchStatus.ABANDONED) {
			throw DomainException.badInput("id", Refusal.JOB_NOT_RESTARTABLE, "id", executionId, "status",
					previous.getStatus());
		}
		if (previous.isRunning()) {
			throw new DomainException(ErrorCode.CONFLICT, "Job run " + executionId + " is still running.");
		}
		this.launchLock.lock();
		try {
			return this.operator.restart(previous);
		}
		catch (Exception ex) {
			throw DomainException.badInput("id", Refusal.INVALID, "detail",
					"job run " + executionId + " cannot be restarted: " + ex.getMessage());
		}
		finally {
			this.launchLock.unlock();
		}
	}

	/**
	 * Launches a run whose parameters identify it, e.g. a scheduled slot. Empty when this
	 * run already exists (on this or another instance): the job repository's unique job
	 * key makes the second launch fail.
	 */
	public Optional<JobExecution> launch(Job job, JobParameters parameters) {
		this.launchLock.lock();
		try {
			return Optional.of(this.operator.start(job, parameters));
		}
		catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException | DuplicateKeyException ex) {
			log.info("Job {} with {} already ran or is running elsewhere; not starting it again", job.getName(),
					parameters);
			return Optional.empty();
		}
		catch (InvalidJobParametersException ex) {
			// A job's parameter validator says what is wrong (e.g. a file outside the
			// import folder): the caller's
			// mistake, not a failure of the service. A validator's own domain exception
			// keeps its details (a rule).
			if (ex.getCause() instanceof DomainException domain) {
				throw domain;
			}
			throw DomainException.badInput("parameters", Refusal.INVALID, "detail", String.valueOf(ex.getMessage()));
		}
		catch (DomainException ex) {
			throw ex;
		}
		catch (Exception ex) {
			if (ex.getCause() instanceof DuplicateKeyException) {
				return Optional.empty();
			}
			throw new IllegalStateException("Cannot start job " + job.getName() + ": " + ex.getMessage(), ex);
		}
		finally {
			this.launchLock.unlock();
		}
	}

	public Job job(String jobName) {
		Job job = this.jobs.get(jobName);
		if (job == null) {
			throw DomainException.badInput("name", Refusal.UNKNOWN_VALUE, "value", jobName, "allowed", jobNames());
		}
		return job;
	}

	/** Runs, newest first, of one job or of all jobs. */
	@PreAuthorize("hasRole('ORGANIZER')")
	public List<JobExecution> runs(@Nullable String jobName, int limit) {
		List<String> names = (jobName != null) ? List.of(job(jobName).getName()) : jobNames();
		return names.stream()
			.flatMap((name) -> this.repository.getJobInstances(name, 0, limit).stream())
			.flatMap((instance) -> this.repository.getJobExecutions(instance).stream())
			.sorted(Comparator.comparingLong(JobExecution::getId).reversed())
			.limit(limit)
			.toList();
	}

	@PreAuthorize("hasRole('ORGANIZER')")
	public Optional<JobExecution> run(long executionId) {
		return Optional.ofNullable(this.repository.getJobExecution(executionId));
	}

	/**
	 * Marks runs left "running" by a process that died as failed, so that they can be
	 * restarted.
	 */
	public void recoverOrphans() {
		for (String name : jobNames()) {
			for (JobExecution execution : this.repository.findRunningJobExecutions(name)) {
				log.warn("Job run {} of {} was left {} by a previous process; marking it FAILED so it can be restarted",
						execution.getId(), name, execution.getStatus());
				// Said in the run and its unfinished steps, which recover() leaves
				// "EXECUTING".
				ExitStatus exit = new ExitStatus(ExitStatus.FAILED.getExitCode(), ORPHANED);
				execution.setExitStatus(exit);
				execution.getStepExecutions()
					.stream()
					.filter((step) -> step.getStatus().isRunning())
					.forEach((step) -> step.setExitStatus(exit));
				this.operator.recover(execution);
			}
		}
	}

	/**
	 * Publishes how many items the running step's job expects to read (for progress),
	 * from a reader or listener running in that step.
	 */
	public static void reportTotal(long total) {
		StepContext context = StepSynchronizationManager.getContext();
		if (context != null) {
			ExecutionContext job = context.getStepExecution().getJobExecution().getExecutionContext();
			job.putLong(TOTAL_KEY, total);
			job.putString(TOTAL_STEP_KEY, context.getStepExecution().getStepName());
		}
	}

	/**
	 * How far a run is, from 0 to 1, or null when it cannot be told: the reads of the
	 * step the total counts against that total. 1 only for a run that COMPLETED its work
	 * (exit code COMPLETED or NOOP); a run that completed early (e.g. RATE_LIMITED) shows
	 * how far it got, and a run still going never shows 1 (its later steps are work left
	 * too).
	 */
	static @Nullable Double progress(JobExecution execution,
			List<org.springframework.batch.core.step.StepExecution> steps) {
		String exitCode = execution.getExitStatus().getExitCode();
		boolean finished = execution.getStatus() == BatchStatus.COMPLETED
				&& (ExitStatus.COMPLETED.getExitCode().equals(exitCode)
						|| ExitStatus.NOOP.getExitCode().equals(exitCode));
		if (finished) {
			return 1.0;
		}
		Long total = total(execution);
		if (total == null || total <= 0) {
			return null;
		}
		Object step = execution.getExecutionContext().get(TOTAL_STEP_KEY);
		long read = steps.stream()
			.filter((s) -> step == null || step.equals(s.getStepName()))
			.mapToLong(org.springframework.batch.core.step.StepExecution::getReadCount)
			.sum();
		return Math.min(0.99, read / (double) total);
	}

	static @Nullable Long total(JobExecution execution) {
		Object total = execution.getExecutionContext().get(TOTAL_KEY);
		return (total instanceof Number number) ? number.longValue() : null;
	}

	static long sum(JobExecution execution, Function<org.springframework.batch.core.step.StepExecution, Long> count) {
		return execution.getStepExecutions()
			.stream()
			.map(count)
			.filter(Objects::nonNull)
			.mapToLong(Long::longValue)
			.sum();
	}

}
