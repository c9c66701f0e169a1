package org.hacktrail.followup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.hacktrail.platform.audit.AuditLog;
import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.proposal.ProjectFacts;
import org.hacktrail.proposal.ProjectService;
import org.hacktrail.proposal.ProposalFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.CompositeJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code outcomeImport}: reads a CSV or JSON file of milestones from the import folder
 * (job parameters {@code file}, optional {@code format}) and upserts them by their
 * natural key, then refreshes the follow-up documents of the projects it touched.
 *
 * <ol>
 * <li>{@code outcomeImportStep}, chunk-oriented: {@link OutcomeRowReader} (streaming,
 * restartable), {@link OutcomeRowProcessor} (rules, project resolution; invalid rows are
 * skipped and recorded by {@link OutcomeImportErrors}), {@link OutcomeImportWriter}
 * (idempotent bulk upserts).</li>
 * <li>{@code outcomeStateRefreshStep}: {@link ProjectTrailReader} over the projects
 * marked stale (bucket by bucket, memory bounded whatever the number of projects or
 * milestones), {@link ProjectStateProcessor}, {@link ProjectStateWriter} (followers are
 * told what changed).</li>
 * </ol>
 * Before a run starts, {@link OutcomeImportFiles} checks the file and
 * {@link OutcomeImportEnvelope} refuses an import that would take the milestones past the
 * embedded store's envelope (unless confirmed); {@link OutcomeImportListener} publishes
 * the file's rows for progress and deletes a completed upload. A run that fails (or whose
 * process dies) is restarted with {@code restartJob}: the reader resumes after the last
 * checkpointed chunk; rows written after it are written again, which the natural key
 * makes harmless. Every valid row ends up stored exactly once.
 */
@Configuration(proxyBeanMethods = false)
class OutcomeImportJobConfiguration {

	@Bean
	Job outcomeImport(JobRepository repository, Step outcomeImportStep, Step outcomeStateRefreshStep,
			OutcomeImportFiles files, OutcomeImportEnvelope envelope, AuditLog audit) {
		CompositeJobParametersValidator validator = new CompositeJobParametersValidator();
		validator.setValidators(List.of(files, envelope));
		return new JobBuilder("outcomeImport", repository).validator(validator)
			.listener(new OutcomeImportListener(files, envelope, audit))
			.start(outcomeImportStep)
			.next(outcomeStateRefreshStep)
			.build();
	}

	@Bean
	Step outcomeImportStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			OutcomeRowReader outcomeImportReader, OutcomeRowProcessor outcomeImportProcessor,
			OutcomeImportWriter outcomeImportWriter, OutcomeImportErrors outcomeImportErrors,
			OutcomeSettings settings) {
		return new StepBuilder("outcomeImportStep", repository)
			.<OutcomeRow, OutcomeMilestone>chunk(settings.importChunkSize())
			.transactionManager(batchTransactionManager)
			.reader(outcomeImportReader)
			.processor(outcomeImportProcessor)
			.writer(outcomeImportWriter)
			.faultTolerant()
			// Invalid rows are skipped (and recorded), however many; anything else fails
			// the run.
			.skipPolicy((failure, count) -> failure instanceof InvalidOutcomeRow)
			.skipListener(outcomeImportErrors)
			// No per-item observations: at a few thousand rows a second, timing every
			// read and process (two
			// observations with tags per row) costs more CPU than validating the row. The
			// step and job still
			// report their counts and durations in the job repository.
			.observationRegistry(ObservationRegistry.NOOP)
			.build();
	}

	@Bean
	@StepScope
	OutcomeRowReader outcomeImportReader(OutcomeImportFiles files, @Value("#{jobParameters['file']}") String file,
			@Value("#{jobParameters['format']}") @Nullable String format) {
		Path path = files.resolve(file);
		OutcomeFileFormat fileFormat = OutcomeFileFormat.of(format, path);
		return new OutcomeRowReader(path, (fileFormat != null) ? fileFormat : OutcomeFileFormat.CSV);
	}

	@Bean
	@StepScope
	OutcomeRowProcessor outcomeImportProcessor(ProjectFacts projects, HackathonFacts hackathons,
			ProposalFacts proposals, FollowUpStates states, Clock clock,
			@Value("#{jobParameters['hacktrail.requestedBy']}") @Nullable String requestedBy,
			@Value("#{jobParameters['authoritative'] == 'true'}") boolean authoritative,
			@Value("#{stepExecution.jobExecutionId}") long runId) {
		return new OutcomeRowProcessor(projects, hackathons, proposals, requestedBy, clock.instant(), states.today(),
				authoritative ? OutcomeRowProcessor.authoritativeReason(runId) : null);
	}

	@Bean
	@StepScope
	OutcomeImportWriter outcomeImportWriter(MilestoneStore store, FollowUpStates states, Clock clock,
			@Value("#{jobParameters['hacktrail.requestedBy']}") @Nullable String requestedBy,
			@Value("#{jobParameters['authoritative'] == 'true'}") boolean authoritative,
			@Value("#{stepExecution.jobExecutionId}") long runId,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long importId,
			@Value("#{jobParameters['file']}") @Nullable String file) {
		return new OutcomeImportWriter(store, states, requestedBy, clock,
				authoritative ? OutcomeRowProcessor.authoritativeReason(runId) : null,
				new MilestoneImport(importId, runId, file));
	}

	@Bean
	OutcomeImportErrors outcomeImportErrors(MongoTemplate mongo, Clock clock) {
		return new OutcomeImportErrors(mongo, clock);
	}

	@Bean
	Step outcomeStateRefreshStep(JobRepository repository, PlatformTransactionManager batchTransactionManager,
			ProjectTrailReader staleProjectReader, ProjectStateProcessor projectStateProcessor,
			ProjectStateWriter importedStateWriter) {
		return new StepBuilder("outcomeStateRefreshStep", repository).<ProjectTrail, FollowUpStates.Refresh>chunk(200)
			.transactionManager(batchTransactionManager)
			.reader(staleProjectReader)
			.processor(projectStateProcessor)
			.writer(importedStateWriter)
			.build();
	}

	@Bean
	@StepScope
	ProjectTrailReader staleProjectReader(MongoTemplate mongo, FollowUpStates states, ProjectFacts projects) {
		return new ProjectTrailReader(mongo, states, projects, ProjectTrailReader.Mode.STALE);
	}

	@Bean
	ProjectStateProcessor projectStateProcessor(FollowUpStates states) {
		return new ProjectStateProcessor(states);
	}

	@Bean
	ProjectStateWriter importedStateWriter(FollowUpStates states, ProjectService projects, FollowUpNotifier notifier) {
		return new ProjectStateWriter(states, projects, notifier, true);
	}

}
