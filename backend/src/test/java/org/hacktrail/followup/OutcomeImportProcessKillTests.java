package org.hacktrail.followup;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.hacktrail.HacktrailApplication;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.hacktrail.support.Http;
import org.hacktrail.support.TimingSensitive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real thing: the service runs in a child JVM on the embedded store's H2 file, an
 * import is under way, the process is killed with SIGKILL, a new process opens the same
 * file, the run (marked FAILED at start-up) is restarted, and every valid row is stored
 * exactly once.
 *
 * <p>
 * The H2 file is committed every 200 ms here; the kill loses what was written since the
 * last commit — milestones and job metadata alike, as they live in the same file — and
 * the restart redoes it from the last checkpoint that survived.
 */
@EmbeddedStoreOnly
@TimingSensitive
class OutcomeImportProcessKillTests {

	static final String TOKEN = "ht_process-kill-test-token-0123456789abcdef";

	@TempDir
	Path dataDir;

	Process service;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.service != null && this.service.isAlive()) {
			this.service.destroy();
			if (!this.service.waitFor(30, TimeUnit.SECONDS)) {
				this.service.destroyForcibly();
			}
		}
	}

	@Test
	void anImportKilledWithSigkillAndRestartedInANewProcessStoresEveryValidRowOnce() throws Exception {
		Http http = start();
		List<String> projects = new ArrayList<>();
		String slug = "kill-test-" + System.nanoTime() % 100000;
		graphql(http, "mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { hackathon { id } } }",
				input(Http.json()
					.put("slug", slug)
					.put("kind", "COMMUNITY")
					.put("startsAt", "2023-05-01T09:00:00+08:00")
					.put("endsAt", "2023-05-02T18:00:00+08:00")
					.put("timeZone", "Asia/Taipei")
					.set("name", Http.json().put("en", "Kill test"))));
		for (int i = 0; i < 3; i++) {
			JsonNode proposal = graphql(http,
					"mutation($input: CreateProposalInput!) { createProposal(input: $input) " + "{ proposal { id } } }",
					input(Http.json()
						.put("hackathonSlug", slug)
						.put("proposerName", "Team " + i)
						.set("title", Http.json().put("en", "Kill test project " + i))))
				.path("createProposal")
				.path("proposal");
			projects.add(graphql(http,
					"mutation { linkProposalToProject(input: {proposalId: \"" + proposal.path("id").asString()
							+ "\"}) { proposal { project { id } } } }")
				.path("linkProposalToProject")
				.path("proposal")
				.path("project")
				.path("id")
				.asString());
		}

		int rows = 4000;
		StringBuilder csv = new StringBuilder(OutcomeImportTests.HEADER);
		Set<String> expected = new HashSet<>();
		for (int row = 2; row < rows + 2; row++) {
			if (row % 500 == 0) {
				csv.append("no-such-project,,,PILOT,2024-01-01,,,,,,,\n");
				continue;
			}
			csv.append(projects.get(row % 3))
				.append(",,,PILOT,")
				.append(LocalDate.of(2020, 1, 1).plusDays(row % 1500))
				.append(",Agency ")
				.append(row)
				.append(",,,,,,row ")
				.append(row)
				.append('\n');
			expected.add("row " + row);
		}
		HttpResponse<String> uploaded = http.post("/api/outcomes/import", "text/csv", csv.toString(), auth());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
		String runId = Http.parse(uploaded.body()).path("run").path("id").asString();

		// Kill the process in the middle of the import, once a good part of the file has
		// been read.
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		int readBeforeKill = 0;
		while (System.nanoTime() < deadline) {
			JsonNode run = graphql(http, "{ jobRun(id: \"" + runId + "\") { status readCount } }").path("jobRun");
			readBeforeKill = run.path("readCount").asInt();
			assertThat(run.path("status").asString()).as("the import must still be running when killed")
				.isIn("STARTING", "STARTED");
			if (readBeforeKill >= 1000) {
				break;
			}
			Thread.sleep(20);
		}
		this.service.destroyForcibly();
		assertThat(this.service.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.service.exitValue()).as("killed by SIGKILL").isEqualTo(137);

		http = start();
		JsonNode orphan = graphql(http, "{ jobRun(id: \"" + runId + "\") { status exitDescription readCount } }")
			.path("jobRun");
		assertThat(orphan.path("status").asString()).as("marked failed at start-up").isEqualTo("FAILED");
		assertThat(orphan.path("exitDescription").asString()).as("says why")
			.startsWith("The service stopped before this run ended");
		String restartedId = graphql(http, "mutation { restartJob(input: {id: \"" + runId + "\"}) { run { id } } }")
			.path("restartJob")
			.path("run")
			.path("id")
			.asString();
		JsonNode report = null;
		deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			report = graphql(http, "{ outcomeImport(runId: \"" + restartedId + "\") { created unchanged skipped "
					+ "run { status exitDescription } } }")
				.path("outcomeImport");
			if (!report.path("run").path("status").asString().startsWith("START")) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(report.path("run").path("status").asString()).as(report.toString()).isEqualTo("COMPLETED");

		List<String> notes = new ArrayList<>();
		for (String project : projects) {
			graphql(http, "{ project(id: \"" + project + "\") { outcomes { note } } }").path("project")
				.path("outcomes")
				.forEach((milestone) -> notes.add(milestone.path("note").asString()));
		}
		Set<String> missing = new java.util.TreeSet<>(expected);
		missing.removeAll(notes);
		System.out.printf("process kill: read before kill %d, orphan %s, report %s, missing %s%n", readBeforeKill,
				orphan, report, missing);
		assertThat(notes).hasSize(expected.size()).doesNotHaveDuplicates();
		assertThat(new HashSet<>(notes)).isEqualTo(expected);
		assertThat(report.path("skipped").asInt()).isEqualTo(rows / 500);
		System.out.printf("process kill: killed after %d rows read; restart completed with %d created, %d unchanged%n",
				readBeforeKill, report.path("created").asInt(), report.path("unchanged").asInt());
	}

	private Http start() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String classpath = System.getProperty("java.class.path");
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-XX:TieredStopAtLevel=1", "-cp", classpath, HacktrailApplication.class.getName(),
				"--server.port=" + port, "--spring.mongodb.uri=", "--hacktrail.store.embedded.backend=h2",
				"--hacktrail.store.embedded.data-dir=" + this.dataDir,
				"--hacktrail.store.embedded.commit-interval=200ms", "--hacktrail.bootstrap-token=" + TOKEN,
				"--hacktrail.outcomes.import-chunk-size=50", "--hacktrail.http.max-upload-body=64MB",
				"--logging.level.root=warn", "--spring.main.banner-mode=off");
		File log = this.dataDir.resolve("service-" + port + ".log").toFile();
		this.service = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
		Http http = Http.localhost(port);
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.service.isAlive()) {
				throw new AssertionError("The service exited at start-up:\n" + tail(log));
			}
			try {
				if (http.get("/actuator/health").statusCode() == 200) {
					return http;
				}
			}
			catch (IllegalStateException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		throw new AssertionError("The service did not start in 180 s:\n" + tail(log));
	}

	private static String tail(File log) throws IOException {
		List<String> lines = Files.readAllLines(log.toPath());
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static ObjectNode input(ObjectNode input) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return variables;
	}

	private JsonNode graphql(Http http, String query) {
		return graphql(http, query, null);
	}

	private JsonNode graphql(Http http, String query, ObjectNode variables) {
		Http.GraphQlResult result = http.graphql(query, variables, auth());
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data();
	}

	private static String[] auth() {
		return new String[] { "Authorization", "Bearer " + TOKEN };
	}

}
