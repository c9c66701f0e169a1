package org.hacktrail.followup;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hacktrail.proposal.Project;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded store, an import that would take the milestones past the envelope (30
 * documents here) is refused before any run starts, saying the limit and how to move to
 * MongoDB, whether uploaded or started over GraphQL; with the operator's confirmation it
 * runs, and the log says it went beyond. Within the envelope nothing is asked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "hacktrail.jobs.embedded-envelope=30")
@Import(FollowUpTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class OutcomeImportEnvelopeTests extends OutcomeImportTestSupport {

	List<String> uploads() throws IOException {
		Files.createDirectories(this.settings.importDir());
		try (Stream<Path> files = Files.list(this.settings.importDir())) {
			return files.map((f) -> f.getFileName().toString())
				.filter((name) -> name.startsWith(OutcomeImportFiles.UPLOAD_PREFIX))
				.toList();
		}
	}

	@Test
	void anImportBeyondTheEnvelopeIsRefusedUpFrontAndRunsOnlyWhenConfirmed(CapturedOutput output) throws Exception {
		Http http = this.http;
		TestAccounts.Account organizer = this.organizer;
		List<Project> projects = List.of(new FollowUpFixtures(this.mongo).project("Envelope", null));

		// Within the envelope: 10 rows into an empty collection, nothing asked.
		HttpResponse<String> small = http.post("/api/outcomes/import", "text/csv", pilotRows(projects, 0, 10),
				organizer.headers());
		assertThat(small.statusCode()).as(small.body()).isEqualTo(202);
		JsonNode smallRun = JobRuns.await(http, organizer, Http.parse(small.body()).path("run").path("id").asString());
		assertThat(smallRun.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(this.mongo.count(new Query(), FollowUpStates.MILESTONES)).isEqualTo(10);

		// 10 stored + 40 rows > 30: refused before a run starts, the upload deleted,
		// nothing written.
		List<String> uploadsBefore = uploads();
		int runsBefore = runs(http, organizer);
		HttpResponse<String> refused = http.post("/api/outcomes/import", "text/csv", pilotRows(projects, 100, 40),
				organizer.headers());
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode error = Http.parse(refused.body()).path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
		assertThat(error.path("extensions").path("rule").asString()).isEqualTo("embeddedEnvelope");
		assertThat(error.path("message").asString()).contains(
				"50 documents in outcome_milestones (10 stored and 40 rows",
				"suits up to about 30 documents per collection", "hacktrail.jobs.embedded-envelope", "MONGODB_URI",
				"confirmBeyondEmbeddedEnvelope=true");
		assertThat(uploads()).as("the refused upload is deleted").isEqualTo(uploadsBefore);
		assertThat(runs(http, organizer)).as("no run started").isEqualTo(runsBefore);
		assertThat(this.mongo.count(new Query(), FollowUpStates.MILESTONES)).isEqualTo(10);

		// The same through startJob with a file in the import folder.
		String file = importFile(pilotRows(projects, 100, 40));
		Http.GraphQlResult started = http.graphql("mutation { startJob(input: {name: \"outcomeImport\", parameters: "
				+ "[{key: \"file\", value: \"" + file + "\"}]}) { run { id } } }", organizer.headers());
		assertThat(started.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(started.body().path("errors").path(0).path("extensions").path("rule").asString())
			.isEqualTo("embeddedEnvelope");
		assertThat(runs(http, organizer)).isEqualTo(runsBefore);

		// Confirmed by the operator: it runs, and the log says it went beyond the
		// envelope.
		HttpResponse<String> confirmed = http.post("/api/outcomes/import?confirmBeyondEmbeddedEnvelope=true",
				"text/csv", pilotRows(projects, 100, 40), organizer.headers());
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
		String runId = Http.parse(confirmed.body()).path("run").path("id").asString();
		JsonNode run = JobRuns.await(http, organizer, runId);
		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
		assertThat(this.mongo.count(new Query(), FollowUpStates.MILESTONES)).isEqualTo(50);
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("Job run " + runId + " (outcomeImport)")
					&& line.contains("beyond the embedded store's envelope on the operator's confirmation")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN", "50 documents in outcome_milestones"));
	}

	private static int runs(Http http, TestAccounts.Account organizer) {
		return http.graphql("{ jobRuns(jobName: \"outcomeImport\", first: 100) { id } }", organizer.headers())
			.data()
			.path("jobRuns")
			.size();
	}

}
