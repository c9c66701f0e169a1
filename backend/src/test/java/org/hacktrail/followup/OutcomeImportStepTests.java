package org.hacktrail.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.proposal.Project;
import org.hacktrail.support.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.batch.test.StepScopeTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome import's parts with Spring Batch's test utilities instead of whole runs
 * through the API: the import step's processor as the step builds it from the run's
 * parameters, in a step scope ({@link StepScopeTestUtils}), and the state-refresh step
 * launched on its own ({@link JobOperatorTestUtils#startStep}).
 */
@ServiceTest
class OutcomeImportStepTests {

	@Autowired
	@Qualifier("outcomeImportProcessor")
	ItemProcessor<OutcomeRow, OutcomeMilestone> processor;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	@Qualifier("outcomeImport")
	Job outcomeImport;

	@Autowired
	MilestoneStore milestones;

	@Autowired
	FollowUpStates states;

	@Test
	void anAuthoritativeRunVerifiesEachRowNamingTheRunAndTrustsItsSource() throws Exception {
		Project project = new FollowUpFixtures(this.mongo).project("Stepped", null);
		OutcomeRow row = row(project, "ORGANIZER");

		OutcomeMilestone ordinary = inStepScope(parameters(false), row);
		assertThat(ordinary.verification()).isEqualTo(VerificationState.PENDING);
		assertThat(ordinary.source()).isEqualTo(MilestoneSource.IMPORTED);
		assertThat(ordinary.decidedBy()).isNull();

		StepExecution run = MetaDataInstanceFactory.createStepExecution(parameters(true));
		OutcomeMilestone vouched = StepScopeTestUtils.doInStepScope(run, () -> this.processor.process(row));
		assertThat(vouched.verification()).isEqualTo(VerificationState.VERIFIED);
		assertThat(vouched.source()).isEqualTo(MilestoneSource.ORGANIZER);
		assertThat(vouched.decidedBy()).isEqualTo("organizer-1");
		assertThat(vouched.history()).singleElement()
			.satisfies((event) -> assertThat(event.reason())
				.isEqualTo(OutcomeRowProcessor.authoritativeReason(run.getJobExecutionId())));
		assertThat(vouched.id()).as("the same natural key either way").isEqualTo(ordinary.id());
	}

	@Test
	void theRefreshStepOnItsOwnBringsEveryStaleProjectUpToDateAndNoOther() throws Exception {
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		Project adopted = fixtures.project("Refreshed", null);
		// Rows as an import step leaves them: written, their project marked stale, not
		// refreshed yet.
		MilestoneDraft draft = new MilestoneDraft(MilestoneType.ADOPTED, LocalDate.of(2024, 6, 1), "Taipei City", null,
				null, null, null, "https://example.org/adopted", null);
		Instant now = Instant.now();
		this.states.markStale(List.of(adopted.id()));
		this.milestones.upsert(List.of(OutcomeMilestone.create(adopted.id(), draft, MilestoneSource.IMPORTED,
				VerificationState.VERIFIED,
				new MilestoneEvent(now, null, MilestoneEvent.Action.IMPORTED, VerificationState.VERIFIED, null), null)),
				VerificationState.VERIFIED, null, now);
		assertThat(this.mongo.findById(adopted.id(), ProjectFollowUp.class).isStale()).isTrue();

		JobOperatorTestUtils utils = new JobOperatorTestUtils(this.jobOperator, this.jobRepository);
		utils.setJob(this.outcomeImport);
		// The application's job operator runs jobs on a task executor: wait for the end.
		JobExecution run = awaitEnd(utils.startStep("outcomeStateRefreshStep"));

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(run.getStepExecutions()).extracting(StepExecution::getStepName)
			.containsOnly("outcomeStateRefreshStep");
		assertThat(run.getStepExecutions())
			.allSatisfy((step) -> assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED));
		ProjectFollowUp refreshed = this.mongo.findById(adopted.id(), ProjectFollowUp.class);
		assertThat(refreshed.isStale()).isFalse();
		assertThat(refreshed.publicState()).isEqualTo(ProjectState.ADOPTED);
	}

	private JobExecution awaitEnd(JobExecution started) throws InterruptedException {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
		JobExecution run = started;
		while (run.isRunning() && System.nanoTime() < deadline) {
			Thread.sleep(50);
			run = this.jobRepository.getJobExecution(started.getId());
		}
		return run;
	}

	private OutcomeMilestone inStepScope(JobParameters parameters, OutcomeRow row) throws Exception {
		StepExecution step = MetaDataInstanceFactory.createStepExecution(parameters);
		return StepScopeTestUtils.doInStepScope(step, () -> this.processor.process(row));
	}

	private static JobParameters parameters(boolean authoritative) {
		JobParametersBuilder builder = new JobParametersBuilder().addString(OutcomeImportFiles.FILE, "unused.csv")
			.addString("hacktrail.requestedBy", "organizer-1");
		if (authoritative) {
			builder.addString(OutcomeImports.AUTHORITATIVE, "true");
		}
		return builder.toJobParameters();
	}

	private static OutcomeRow row(Project project, String source) {
		Map<String, String> cells = new LinkedHashMap<>();
		OutcomeFileFormat.COLUMNS.forEach((column) -> cells.put(column, ""));
		cells.put(OutcomeFileFormat.PROJECT_REF, project.id());
		cells.put(OutcomeFileFormat.MILESTONE, "ADOPTED");
		cells.put(OutcomeFileFormat.DATE, LocalDate.of(2024, 6, 1).toString());
		cells.put(OutcomeFileFormat.AGENCY, "Taipei City Government");
		cells.put(OutcomeFileFormat.EVIDENCE_URL, "https://example.org/adopted");
		cells.put(OutcomeFileFormat.SOURCE, source);
		return new OutcomeRow(2, cells, null);
	}

}
