package org.hacktrail.followup;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outcome import's skipped rows carry a code with its arguments beside the English
 * reason (issue #17), stored with the run's report; rows stored before codes were still
 * read, with no code, for the panel to show their English.
 */
@ServiceTest
class OutcomeImportCodesApiTests extends OutcomeImportTestSupport {

	JsonNode report(String runId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			Http.GraphQlResult result = this.http.graphql(
					"{ outcomeImport(runId: \"" + runId
							+ "\") { run { status } errors { row column reason code args { name value } } } }",
					this.organizer.headers());
			assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
			JsonNode report = result.data().path("outcomeImport");
			String status = report.path("run").path("status").asString();
			if (!status.equals("STARTING") && !status.equals("STARTED")) {
				return report;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Import run " + runId + " did not end in 60 s");
	}

	static Map<String, String> args(JsonNode error) {
		Map<String, String> args = new java.util.LinkedHashMap<>();
		error.path("args").forEach((arg) -> args.put(arg.path("name").asString(), arg.path("value").asString()));
		return args;
	}

	@Test
	void skippedRowsAreCodedAndOldStoredRowsStillRead() throws Exception {
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		Hackathon hackathon = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.FOLLOW_UP,
				LocalDate.of(2023, 9, 2), LocalDate.of(2023, 9, 3));
		Project airMap = fixtures.project("Air map", null);
		fixtures.proposal(hackathon, "Air map", null, airMap, 2, List.of(), ProposalStatus.SUBMITTED);
		String p = airMap.id();
		String h = hackathon.slug();
		String csv = OutcomeImportTests.HEADER //
				+ "nope,,,PILOT,2024-04-01,,,,,,,\r\n" // 2: unknown project
				+ "," + h + ",No such idea,PILOT,2024-04-01,,,,,,,\r\n" // 3: unknown
																		// proposal
				+ p + ",,,PILOT,01/02/2024,,,,,,,\r\n" // 4: not a date
				+ p + ",,,PILOT,2999-01-01,,,,,,,\r\n" // 5: in the future
				+ p + ",,,PILOT," + LocalDate.now() + "," + "a".repeat(201) + ",,,,,,\r\n" // 6
				+ p + ",,,PILOT\r\n" // 7: too few cells
				+ p + ",,,PILOT,2024-04-01,,,,,,,fine\r\n"; // 8
		String runId = Http
			.parse(this.http.post("/api/outcomes/import", "text/csv; charset=UTF-8", csv, this.organizer.headers())
				.body())
			.path("run")
			.path("id")
			.asString();
		JsonNode errors = report(runId).path("errors");
		assertThat(errors.findValues("code").stream().map(JsonNode::asString).toList()).containsExactly(
				"UNKNOWN_PROJECT", "UNKNOWN_PROPOSAL", "DATE_INVALID", "DATE_IN_FUTURE", "TOO_LONG", "CELL_COUNT");
		assertThat(args(errors.path(0))).isEqualTo(Map.of("projectRef", "nope"));
		assertThat(errors.path(0).path("reason").asString()).isEqualTo("There is no project with the id 'nope'.");
		assertThat(args(errors.path(1))).isEqualTo(Map.of("title", "No such idea", "slug", h));
		assertThat(errors.path(1).path("column").asString()).isEqualTo("proposal_title");
		assertThat(args(errors.path(2))).isEqualTo(Map.of("value", "01/02/2024"));
		assertThat(errors.path(3).path("column").asString()).isEqualTo("date");
		assertThat(args(errors.path(3))).isEqualTo(Map.of("date", "2999-01-01"));
		assertThat(errors.path(4).path("column").asString()).isEqualTo("agency");
		assertThat(args(errors.path(4))).isEqualTo(Map.of("max", "200"));
		assertThat(args(errors.path(5))).isEqualTo(Map.of("cells", "4", "columns", "12"));

		// A row stored before codes were: no code, no args, its English reason.
		Document stored = this.mongo.getCollection("outcome_import_errors")
			.find(new Document("executionId", Long.parseLong(runId)))
			.first();
		long instanceId = stored.get("instanceId", Number.class).longValue();
		Document old = new Document("_id", OutcomeImportError.id(instanceId, 99)).append("instanceId", instanceId)
			.append("executionId", Long.parseLong(runId))
			.append("row", 99)
			.append("reason", "An old reason.")
			.append("cells", new Document())
			.append("recordedAt", new java.util.Date());
		this.mongo.getCollection("outcome_import_errors").insertOne(old);
		JsonNode withOld = report(runId).path("errors");
		assertThat(withOld).hasSize(7);
		JsonNode last = withOld.path(6);
		assertThat(last.path("row").asInt()).isEqualTo(99);
		assertThat(last.path("code").isNull()).isTrue();
		assertThat(last.path("args")).isEmpty();
		assertThat(last.path("reason").asString()).isEqualTo("An old reason.");
		assertThat(this.mongo
			.findOne(new Query(Criteria.where("_id").is(OutcomeImportError.id(instanceId, 99))),
					OutcomeImportError.class)
			.args()).isEmpty();
		// The downloaded list keeps the English reasons.
		String download = this.http.get("/api/outcomes/import/" + runId + "/errors.csv", this.organizer.headers())
			.body();
		assertThat(download).contains("2,project_ref,There is no project with the id 'nope'.");
	}

	@Test
	void jsonItemProblemsAreCoded() throws Exception {
		Project grants = new FollowUpFixtures(this.mongo).project("Grants tracker", null);
		String json = """
				[
				  "not an object",
				  {"project_ref": "%s", "milestone": "PILOT", "date": "2024-04-01", "colour": "blue"},
				  {"project_ref": "%s", "milestone": "PILOT", "date": "2024-04-01", "agency": {"name": "x"}},
				  {"project_ref": "%s", "milestone": "LAUNCHED", "date": "2024-04-01"}
				]""".formatted(grants.id(), grants.id(), grants.id());
		String runId = Http
			.parse(this.http.post("/api/outcomes/import", "application/json", json, this.organizer.headers()).body())
			.path("run")
			.path("id")
			.asString();
		JsonNode errors = report(runId).path("errors");
		assertThat(errors.findValues("code").stream().map(JsonNode::asString).toList()).containsExactly("NOT_AN_OBJECT",
				"UNKNOWN_FIELD", "FIELD_NOT_TEXT", "UNKNOWN_MILESTONE");
		assertThat(args(errors.path(1))).containsEntry("field", "colour")
			.containsEntry("fields", String.join(", ", OutcomeFileFormat.COLUMNS));
		assertThat(args(errors.path(2))).isEqualTo(Map.of("field", "agency"));
		assertThat(args(errors.path(3))).containsEntry("value", "LAUNCHED");
		assertThat(errors.path(3).path("reason").asString()).startsWith("Unknown milestone type 'LAUNCHED'");
	}

}
