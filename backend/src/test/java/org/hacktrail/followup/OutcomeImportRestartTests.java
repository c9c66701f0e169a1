package org.hacktrail.followup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.hacktrail.proposal.Project;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A run killed in the middle and restarted ends with every valid row stored exactly once.
 * The kill is simulated at the worst moment: the third chunk reaches the store, then the
 * writer fails before the step records its checkpoint, so the restart reads that chunk
 * again and writes it a second time. Also: uploads over the limit (1 MB here) are refused
 * with 413, whether their length is declared or they come in chunks.
 */
class OutcomeImportRestartTests extends OutcomeImportFaultTestSupport {

	@Test
	void aRunKilledAfterAWriteAndRestartedStoresEveryValidRowExactlyOnce() throws Exception {
		TestAccounts.Account organizer = new TestAccounts(this.users, this.tokens).organizer();
		Http http = Http.localhost(this.port);
		List<Project> projects = new ArrayList<>();
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		for (int i = 0; i < 4; i++) {
			projects.add(fixtures.project("Restart " + i, null));
		}
		StringBuilder csv = new StringBuilder(OutcomeImportTests.HEADER);
		int valid = 0;
		for (int row = 2; row <= 44; row++) {
			if (row % 14 == 0) {
				csv.append("missing-project,,,PILOT,2024-01-01,,,,,,,\n");
				continue;
			}
			Project project = projects.get(row % projects.size());
			csv.append(project.id())
				.append(",,,FUNDING_APPLIED,")
				.append(LocalDate.of(2024, 1, 1).plusDays(row))
				.append(",Agency ")
				.append(row)
				.append(",,1000,TWD,,,row ")
				.append(row)
				.append('\n');
			valid++;
		}
		Files.createDirectories(this.settings.importDir());
		Path file = this.settings.importDir().resolve("restart-" + UUID.randomUUID() + ".csv");
		Files.writeString(file, csv);

		AtomicInteger writes = new AtomicInteger();
		doAnswer((invocation) -> {
			Object result = invocation.callRealMethod();
			if (writes.incrementAndGet() == 3) {
				throw new IllegalStateException("Simulated crash after the third chunk was written");
			}
			return result;
		}).when(this.store).upsert(any(), any(), any(), any());

		Http.GraphQlResult started = http.graphql("mutation { startJob(input: {name: \"outcomeImport\", parameters: "
				+ "[{key: \"file\", value: \"" + file.getFileName() + "\"}]}) { run { id } } }", organizer.headers());
		assertThat(started.hasErrors()).as(started.body().toString()).isFalse();
		String firstRun = started.data().path("startJob").path("run").path("id").asString();
		JsonNode failed = await(http, organizer, firstRun);
		assertThat(failed.path("run").path("status").asString()).isEqualTo("FAILED");
		assertThat(failed.path("run").path("exitDescription").asString()).contains("Simulated crash");
		List<OutcomeMilestone> afterCrash = milestonesOf(projects);
		assertThat(afterCrash).as("three chunks reached the store").isNotEmpty().hasSizeLessThan(valid);

		Http.GraphQlResult restarted = http
			.graphql("mutation { restartJob(input: {id: \"" + firstRun + "\"}) { run { id } } }", organizer.headers());
		assertThat(restarted.hasErrors()).as(restarted.body().toString()).isFalse();
		JsonNode done = await(http, organizer, restarted.data().path("restartJob").path("run").path("id").asString());

		assertThat(done.path("run").path("status").asString()).isEqualTo("COMPLETED");
		// The restart resumed after the last checkpoint (two chunks of five rows), not
		// from the start.
		assertThat(done.path("run").path("steps").path(0).path("readCount").asInt()).isEqualTo(43 - 10);
		List<OutcomeMilestone> stored = milestonesOf(projects);
		assertThat(stored).hasSize(valid);
		assertThat(stored).extracting(OutcomeMilestone::note)
			.doesNotHaveDuplicates()
			.allSatisfy((note) -> assertThat(note).startsWith("row "));
		assertThat(stored).allSatisfy((m) -> assertThat(m.history()).extracting(MilestoneEvent::action)
			.as("written once, never changed by the second write")
			.containsExactly(MilestoneEvent.Action.IMPORTED));
		// The restart's own counts are what it did after resuming; the instance's are the
		// file's totals, so adding runs up never counts a row twice.
		assertThat(done.path("instance").path("created").asInt() + done.path("instance").path("unchanged").asInt())
			.isEqualTo(valid);
		assertThat(done.path("created").asInt() + done.path("unchanged").asInt()).isEqualTo(valid
				- failed.path("instance").path("created").asInt() - failed.path("instance").path("unchanged").asInt());
		assertThat(failed.path("created").asInt()).as("the first run's own counts")
			.isEqualTo(failed.path("instance").path("created").asInt())
			.isPositive();
		// The restart is the same import (job instance): every row records it, whichever
		// run wrote it, and either run's id chooses all of them for verification.
		String restartedRun = restarted.data().path("restartJob").path("run").path("id").asString();
		assertThat(stored).extracting((m) -> m.importedFrom().importId())
			.containsOnly(stored.get(0).importedFrom().importId());
		assertThat(stored).extracting((m) -> m.importedFrom().runId())
			.containsOnly(Long.parseLong(firstRun), Long.parseLong(restartedRun))
			.contains(Long.parseLong(firstRun), Long.parseLong(restartedRun));
		for (String run : List.of(firstRun, restartedRun)) {
			Http.GraphQlResult preview = http.graphql(
					"{ outcomeSelectionPreview(selection: {importRunId: \"" + run + "\"}) { count } }",
					organizer.headers());
			assertThat(preview.data().path("outcomeSelectionPreview").path("count").asInt())
				.as(preview.body().toString())
				.isEqualTo(valid);
		}
		assertThat(done.path("skipped").asInt()).as("each invalid row listed once").isEqualTo(3);
		assertThat(done.path("errors").findValues("row").stream().map(JsonNode::asInt).toList()).containsExactly(14, 28,
				42);
		assertThat(Files.exists(file)).as("a server-side file is not deleted; only uploads are").isTrue();
	}

	@Test
	void uploadsOverTheLimitAreRefusedWith413WhetherDeclaredOrChunked() throws Exception {
		TestAccounts.Account organizer = new TestAccounts(this.users, this.tokens).organizer();
		Http http = Http.localhost(this.port);
		String big = OutcomeImportTests.HEADER + "x".repeat(1_100_000);
		java.net.http.HttpResponse<String> declared = http.post("/api/outcomes/import", "text/csv", big,
				organizer.headers());
		assertThat(declared.statusCode()).isEqualTo(413);

		byte[] bytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		java.net.http.HttpRequest chunked = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/outcomes/import"))
			.header("Content-Type", "text/csv")
			.header(organizer.headers()[0], organizer.headers()[1])
			.POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
			.build();
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("larger than the limit");
		try (var files = Files.list(this.settings.importDir())) {
			assertThat(files.map((f) -> f.getFileName().toString())).as("a refused upload leaves no file behind")
				.noneMatch((name) -> name.startsWith(OutcomeImportFiles.UPLOAD_PREFIX) && name.endsWith(".csv")
						&& sizeOf(this.settings.importDir().resolve(name)) > 1_000_000);
		}
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		}
		catch (java.io.IOException ex) {
			return 0;
		}
	}

	private static JsonNode await(Http http, TestAccounts.Account organizer, String runId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode report = http
				.graphql("{ outcomeImport(runId: \"" + runId
						+ "\") { created unchanged instance { created unchanged } skipped errors { row } "
						+ "run { status exitDescription steps { name readCount } } } }", organizer.headers())
				.data()
				.path("outcomeImport");
			String status = report.path("run").path("status").asString();
			if (!status.equals("STARTING") && !status.equals("STARTED")) {
				return report;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Run " + runId + " did not end in 60 s");
	}

}
