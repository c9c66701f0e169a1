package org.hacktrail.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hacktrail.proposal.Project;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

/**
 * An {@link OutOfMemoryError} or a failing store inside an import fails the run cleanly:
 * FAILED, the reason in the job repository ({@code exitDescription}) and in one log line,
 * the store still answering, and a restart that resumes and ends with every valid row
 * stored exactly once and every project's follow-up document refreshed. The failures are
 * injected once, at a chosen chunk, into the real beans.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutcomeImportFailureTests extends OutcomeImportFaultTestSupport {

	List<Project> projects = new ArrayList<>();

	@BeforeEach
	void setUp() {
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		for (int i = 0; i < 4; i++) {
			this.projects.add(fixtures.project("Failure " + i, null));
		}
	}

	/** 40 valid rows, 10 per project. */
	String file() throws Exception {
		return importFile(pilotRows(this.projects, 2, 40));
	}

	@Test
	void anOutOfMemoryErrorFailsTheRunWithItsReasonAndARestartStoresEveryRowOnce(CapturedOutput output)
			throws Exception {
		AtomicInteger writes = new AtomicInteger();
		doAnswer((invocation) -> {
			if (writes.incrementAndGet() == 3) {
				throw new OutOfMemoryError("Java heap space (injected at the third chunk)");
			}
			return invocation.callRealMethod();
		}).when(this.store).upsert(any(), any(), any(), any());

		JsonNode failed = JobRuns.awaitReason(this.http, this.organizer,
				JobRuns.run(this.http, this.organizer, "outcomeImport", Map.of("file", file())).path("id").asString(),
				"Out of memory");

		assertThat(failed.path("status").asString()).as(failed.toString()).isEqualTo("FAILED");
		assertThat(failed.path("exitDescription").asString())
			.startsWith("Out of memory (Java heap space (injected at the third chunk)) in step outcomeImportStep");
		// The same as a code with the counts, for the panel (#17).
		assertThat(failed.path("exitReason").path("code").asString()).isEqualTo("OUT_OF_MEMORY");
		assertThat(failed.path("exitReason").path("args").findValuesAsString("name")).containsExactly("read",
				"written");
		String runId = failed.path("id").asString();
		assertThat(
				output.getAll().lines().filter((line) -> line.contains("Job run " + runId + " (outcomeImport) FAILED")))
			.as("one log line says why")
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("Out of memory", "outcomeImportStep"));
		assertThat(notes()).as("the store still answers; two chunks of five were written").hasSize(10);

		JsonNode done = restart(runId);

		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
		assertThat(done.path("steps").path(0).path("readCount").asInt()).as("resumed after two chunks").isEqualTo(30);
		assertEveryRowStoredOnceAndEveryProjectRefreshed();
	}

	@Test
	void aStoreFailureInTheRefreshStepFailsTheRunAndARestartRefreshesEveryProject(CapturedOutput output)
			throws Exception {
		AtomicInteger writes = new AtomicInteger();
		doAnswer((invocation) -> {
			if (writes.incrementAndGet() == 1) {
				throw new DataAccessResourceFailureException("Unable to read the page at position 1234 (injected)");
			}
			return invocation.callRealMethod();
		}).when(this.states).write(anyList());

		JsonNode failed = JobRuns.awaitReason(this.http, this.organizer,
				JobRuns.run(this.http, this.organizer, "outcomeImport", Map.of("file", file())).path("id").asString(),
				"Store failure");

		assertThat(failed.path("status").asString()).as(failed.toString()).isEqualTo("FAILED");
		assertThat(failed.path("exitDescription").asString())
			.startsWith("Store failure (Unable to read the page at position 1234 (injected)) in step "
					+ "outcomeStateRefreshStep");
		assertThat(failed.path("exitReason").path("code").asString()).isEqualTo("STORE_FAILURE");
		String runId = failed.path("id").asString();
		assertThat(
				output.getAll().lines().filter((line) -> line.contains("Job run " + runId + " (outcomeImport) FAILED")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("Store failure", "outcomeStateRefreshStep"));
		assertThat(notes()).as("every row was imported before the refresh failed").hasSize(40);
		assertThat(this.projects).allSatisfy((p) -> assertThat(followUp(p).isStale()).isTrue());

		JsonNode done = restart(runId);

		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
		assertEveryRowStoredOnceAndEveryProjectRefreshed();
	}

	private JsonNode restart(String runId) throws InterruptedException {
		Http.GraphQlResult restarted = this.http.graphql(
				"mutation { restartJob(input: {id: \"" + runId + "\"}) { run { id } } }", this.organizer.headers());
		assertThat(restarted.hasErrors()).as(restarted.body().toString()).isFalse();
		return JobRuns.await(this.http, this.organizer,
				restarted.data().path("restartJob").path("run").path("id").asString());
	}

	private void assertEveryRowStoredOnceAndEveryProjectRefreshed() {
		List<String> notes = notes();
		assertThat(notes).hasSize(40).doesNotHaveDuplicates();
		assertThat(milestones()).allSatisfy((m) -> assertThat(m.history()).extracting(MilestoneEvent::action)
			.as("written once, never changed by the second write")
			.containsExactly(MilestoneEvent.Action.IMPORTED));
		assertThat(this.projects).allSatisfy((p) -> {
			ProjectFollowUp followUp = followUp(p);
			assertThat(followUp.isStale()).isFalse();
			assertThat(followUp.pendingCount()).isEqualTo(10);
			assertThat(followUp.outcomes()).hasSize(10);
		});
	}

	private ProjectFollowUp followUp(Project project) {
		return this.mongo.findById(project.id(), ProjectFollowUp.class);
	}

	private List<OutcomeMilestone> milestones() {
		return milestonesOf(this.projects);
	}

	private List<String> notes() {
		return milestones().stream().map(OutcomeMilestone::note).toList();
	}

}
