package org.hacktrail.platform.batch;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.platform.Caller;
import org.hacktrail.platform.CodedText;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.GraphQlLimits;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.UserNames;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Batch jobs over GraphQL: what can run, what ran, start and restart.
 */
@Controller
class JobController {

	private final JobRunner runner;

	private final Caller caller;

	private final GraphQlLimits limits;

	private final ObjectProvider<UserNames> userNames;

	private final ObjectProvider<JobExitReasons> exitReasons;

	JobController(JobRunner runner, Caller caller, GraphQlLimits limits, ObjectProvider<UserNames> userNames,
			ObjectProvider<JobExitReasons> exitReasons) {
		this.runner = runner;
		this.caller = caller;
		this.limits = limits;
		this.userNames = userNames;
		this.exitReasons = exitReasons;
	}

	record JobParameterView(String key, String value) {
	}

	record JobStepView(String name, BatchStatus status, long readCount, long writeCount, long skipCount,
			long filterCount, long commitCount) {
	}

	record JobRunView(String id, String jobName, BatchStatus status, String exitCode, @Nullable String exitDescription,
			@Nullable OffsetDateTime createdAt, @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt,
			long readCount, long writeCount, long skipCount, long filterCount, @Nullable Long total,
			@Nullable Double progress, List<JobParameterView> parameters, List<JobStepView> steps,
			@Nullable String requestedById, @Nullable String scheduledFor) {

		static JobRunView of(JobExecution execution) {
			// The Mongo job explorer can attach a step execution twice; count each once.
			List<StepExecution> steps = execution.getStepExecutions()
				.stream()
				.collect(java.util.stream.Collectors.toMap(StepExecution::getId, (step) -> step, (a, b) -> a,
						java.util.LinkedHashMap::new))
				.values()
				.stream()
				.toList();
			long read = steps.stream().mapToLong(StepExecution::getReadCount).sum();
			Long total = JobRunner.total(execution);
			Double progress = JobRunner.progress(execution, steps);
			String description = execution.getExitStatus().getExitDescription();
			return new JobRunView(String.valueOf(execution.getId()), execution.getJobInstance().getJobName(),
					execution.getStatus(), execution.getExitStatus().getExitCode(),
					(description == null || description.isBlank()) ? null : reason(description),
					time(execution.getCreateTime()), time(execution.getStartTime()), time(execution.getEndTime()), read,
					steps.stream().mapToLong(StepExecution::getWriteCount).sum(),
					steps.stream().mapToLong(StepExecution::getSkipCount).sum(),
					steps.stream().mapToLong(StepExecution::getFilterCount).sum(), total, progress,
					execution.getJobParameters()
						.parameters()
						.stream()
						.filter((parameter) -> !parameter.name().equals("hacktrail.run"))
						.map((parameter) -> new JobParameterView(parameter.name(), String.valueOf(parameter.value())))
						.toList(),
					steps.stream()
						.map((step) -> new JobStepView(step.getStepName(), step.getStatus(), step.getReadCount(),
								step.getWriteCount(), step.getSkipCount(), step.getFilterCount(),
								step.getCommitCount()))
						.toList(),
					execution.getJobParameters().getString("hacktrail.requestedBy"),
					slotTime(execution.getJobParameters().getString("hacktrail.slot")));
		}

		/**
		 * The reason of a failure, from the stack trace Spring Batch stores: the
		 * innermost cause's message, without Java class names.
		 */
		static String reason(String description) {
			String line = description.lines().findFirst().orElse(description);
			for (String candidate : description.lines().toList()) {
				if (candidate.startsWith("Caused by: ")) {
					line = candidate.substring("Caused by: ".length());
				}
			}
			line = line.replaceFirst("^([a-zA-Z_$][\\w$]*\\.)+[\\w$]+(: ?)?", "").strip();
			if (line.isEmpty()) {
				line = "The job failed; see the service log.";
			}
			return (line.length() > 500) ? line.substring(0, 500) + "…" : line;
		}

		/**
		 * The time of a scheduled run's slot, or null when the slot is not a time (the
		 * demo's load names its slot in words): readers are promised a date-time.
		 */
		static @Nullable String slotTime(@Nullable String slot) {
			if (slot == null) {
				return null;
			}
			try {
				return java.time.Instant.parse(slot).toString();
			}
			catch (java.time.format.DateTimeParseException ex) {
				return null;
			}
		}

		private static @Nullable OffsetDateTime time(@Nullable LocalDateTime local) {
			// Spring Batch records local date-times in the JVM's zone.
			return (local != null) ? local.atZone(ZoneId.systemDefault()).toOffsetDateTime() : null;
		}

	}

	record JobParameterInput(String key, String value) {
	}

	record StartJobInput(String name, @Nullable List<JobParameterInput> parameters) {
	}

	record RestartJobInput(String id) {
	}

	record StartJobPayload(JobRunView run) {
	}

	/** Who started each run, by display name, in one look-up for the page of runs. */
	@BatchMapping(typeName = "JobRun", field = "requestedByName")
	Map<JobRunView, @Nullable String> requestedByName(List<JobRunView> runs) {
		Set<String> ids = new HashSet<>();
		runs.forEach((run) -> {
			if (run.requestedById() != null) {
				ids.add(run.requestedById());
			}
		});
		UserNames names = this.userNames.getIfAvailable();
		Map<String, String> found = (names != null && !ids.isEmpty()) ? names.displayNames(ids) : Map.of();
		Map<JobRunView, @Nullable String> byRun = new LinkedHashMap<>();
		runs.forEach((run) -> byRun.put(run, (run.requestedById() != null) ? found.get(run.requestedById()) : null));
		return byRun;
	}

	@SchemaMapping(typeName = "JobRun", field = "exitReason")
	@Nullable CodedText exitReason(JobRunView run) {
		return JobExitReason.of(run.jobName(), run.status(), run.exitCode(), run.exitDescription(),
				this.exitReasons.orderedStream().toList());
	}

	@SchemaMapping(typeName = "JobRun", field = "requestedByYou")
	boolean requestedByYou(JobRunView run) {
		return run.requestedById() != null && run.requestedById().equals(this.caller.requireId());
	}

	@QueryMapping
	List<String> jobNames() {
		return this.runner.availableJobs();
	}

	@QueryMapping
	List<JobRunView> jobRuns(@Argument @Nullable String jobName, @Argument @Nullable Integer first) {
		return this.runner.runs(jobName, this.limits.pageSize(first)).stream().map(JobRunView::of).toList();
	}

	@QueryMapping
	@Nullable JobRunView jobRun(@Argument String id) {
		return this.runner.run(parseId(id)).map(JobRunView::of).orElse(null);
	}

	@MutationMapping
	StartJobPayload startJob(@Argument StartJobInput input) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (input.parameters() != null) {
			for (JobParameterInput parameter : input.parameters()) {
				if (parameters.put(parameter.key(), parameter.value()) != null) {
					throw DomainException.badInput("parameters", Refusal.DUPLICATE, "value", parameter.key());
				}
			}
		}
		JobExecution execution = this.runner.start(input.name(), parameters, this.caller.requireId());
		return new StartJobPayload(JobRunView.of(execution));
	}

	@MutationMapping
	StartJobPayload restartJob(@Argument RestartJobInput input) {
		return new StartJobPayload(JobRunView.of(this.runner.restart(parseId(input.id()))));
	}

	private static long parseId(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw DomainException.badInput("id", Refusal.BAD_FORMAT, "value", id, "format",
					"a job run id is a number.");
		}
	}

}
