package org.hacktrail.followup;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.platform.audit.AuditEvent;
import org.hacktrail.platform.audit.AuditEventType;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.support.CsvFiles;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outcomeImport} end to end: an organizer uploads a CSV or JSON file, the job
 * imports the valid rows, skips the invalid ones with their row numbers and reasons
 * (downloadable as CSV), and a re-import changes nothing; only organizers import, and
 * only files inside the import folder.
 */
@ServiceTest
class OutcomeImportTests {

	static final String HEADER = "project_ref,hackathon_slug,proposal_title,milestone,date,agency,programme,amount,"
			+ "currency,evidence_url,source,note\r\n";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	Http http;

	TestAccounts.Account organizer;

	TestAccounts.Account user;

	Hackathon hackathon;

	Project airMap;

	Project grants;

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		this.organizer = accounts.organizer();
		this.user = accounts.user(FollowUpFixtures.unique("user"));
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		this.hackathon = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.FOLLOW_UP, LocalDate.of(2023, 9, 2),
				LocalDate.of(2023, 9, 3));
		this.airMap = fixtures.project("Air map", null);
		this.grants = fixtures.project("Grants tracker", null);
		Project twinA = fixtures.project("Twin A", null);
		Project twinB = fixtures.project("Twin B", null);
		fixtures.proposal(this.hackathon, "Air map", null, this.airMap, 2, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(this.hackathon, "Unlinked idea", null, null, 1, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(this.hackathon, "Twin", this.user.id(), twinA, 1, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(this.hackathon, "Twin", this.organizer.id(), twinB, 1, List.of(), ProposalStatus.SUBMITTED);
	}

	String csv() {
		String p = this.grants.id();
		String h = this.hackathon.slug();
		return HEADER //
				+ p
				+ ",,,FUNDED,2024-03-01,Ministry of Digital Affairs,Civic Tech,1500000,TWD,https://example.org/a,,\r\n" // 2
				+ "," + h + ",Air map,ADOPTED,2024-06-01,Taipei City Government,,,,https://example.org/b,ORGANIZER,\r\n" // 3
				+ "," + h + ",AIR MAP!,PILOT,2024-04-01,,,,,,,\"two\r\nlines\"\r\n" // 4
																					// (a
																					// quoted
																					// line
																					// break)
				+ "nope,,,PILOT,2024-04-01,,,,,,,\r\n" // 5: unknown project
				+ p + ",,,FUNDED,2024-05-01,Someone,,,,,,\r\n" // 6: no evidence
				+ p + ",,,PILOT,01/02/2024,,,,,,,\r\n" // 7: not a date
				+ p + ",,,FUNDED,2024-05-01,X,,\"1,000\",TWD,https://example.org/c,,\r\n" // 8:
																							// thousands
																							// separator
				+ "," + h + ",Unlinked idea,PILOT,2024-04-01,,,,,,,\r\n" // 9: no project
																			// yet
				+ "," + h + ",Twin,PILOT,2024-04-01,,,,,,,\r\n" // 10: ambiguous title
				+ ",nohack,Air map,PILOT,2024-04-01,,,,,,,\r\n" // 11: unknown hackathon
				+ p + ",,,PILOT\r\n" // 12: too few cells
				+ "\r\n" // 13: blank, not a milestone
				+ p + ",,,activity,2024-07-05,,,,,,,\r\n"; // 14
	}

	JsonNode upload(String contentType, String body) {
		HttpResponse<String> response = this.http.post("/api/outcomes/import", contentType, body,
				this.organizer.headers());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return Http.parse(response.body()).path("run");
	}

	JsonNode awaitReport(String runId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			Http.GraphQlResult result = this.http.graphql("{ outcomeImport(runId: \"" + runId
					+ "\") { authoritative verified created updated "
					+ "unchanged skipped run { status exitDescription readCount writeCount skipCount total progress } "
					+ "errors { row column reason } } }", this.organizer.headers());
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

	List<OutcomeMilestone> milestonesOf(Project... projects) {
		return this.mongo.find(
				new Query(Criteria.where("projectId").in(java.util.Arrays.stream(projects).map(Project::id).toList())),
				OutcomeMilestone.class, FollowUpStates.MILESTONES);
	}

	@Test
	void validRowsAreImportedAndInvalidRowsSkippedWithTheirRowNumbersAndReasons() throws Exception {
		JsonNode run = upload("text/csv; charset=UTF-8", csv());
		JsonNode report = awaitReport(run.path("id").asString());

		assertThat(report.path("run").path("status").asString()).as(report.toString()).isEqualTo("COMPLETED");
		assertThat(report.path("created").asInt()).isEqualTo(4);
		assertThat(report.path("skipped").asInt()).isEqualTo(8);
		assertThat(report.path("run").path("skipCount").asInt()).isEqualTo(8);
		assertThat(report.path("errors").findValues("row").stream().map(JsonNode::asInt).toList()).containsExactly(5, 6,
				7, 8, 9, 10, 11, 12);
		assertThat(report.path("errors").path(0).path("column").asString()).isEqualTo("project_ref");
		assertThat(report.path("errors").path(1).path("column").asString()).isEqualTo("evidence_url");
		assertThat(report.path("errors").path(2).path("reason").asString()).contains("YYYY-MM-DD");
		assertThat(report.path("errors").path(3).path("reason").asString()).contains("thousands separators");
		assertThat(report.path("errors").path(4).path("reason").asString()).contains("not linked to a project");
		assertThat(report.path("errors").path(5).path("reason").asString()).contains("Several proposals");
		assertThat(report.path("errors").path(6).path("column").asString()).isEqualTo("hackathon_slug");
		assertThat(report.path("errors").path(7).path("reason").asString()).contains("has 4 cells");

		List<OutcomeMilestone> stored = milestonesOf(this.airMap, this.grants);
		assertThat(stored).hasSize(4);
		assertThat(stored).allSatisfy((m) -> {
			assertThat(m.verification()).isEqualTo(VerificationState.PENDING);
			assertThat(m.history()).extracting(MilestoneEvent::action).containsExactly(MilestoneEvent.Action.IMPORTED);
			assertThat(m.history().get(0).by()).isEqualTo(this.organizer.id());
		});
		assertThat(stored).filteredOn((m) -> m.type() == MilestoneType.ADOPTED).singleElement().satisfies((m) -> {
			assertThat(m.source()).as("a file's claim of ORGANIZER is not trusted").isEqualTo(MilestoneSource.IMPORTED);
			assertThat(m.history().get(0).reason()).as("the claim is kept for the organizer who verifies")
				.contains("ORGANIZER");
		});
		assertThat(report.path("authoritative").asBoolean()).isFalse();
		assertThat(report.path("verified").asInt()).isZero();
		assertThat(stored).filteredOn((m) -> m.type() == MilestoneType.PILOT)
			.singleElement()
			.satisfies((m) -> assertThat(m.note()).isEqualTo("two\r\nlines"));

		// The refresh step brought the projects' follow-up documents up to date.
		ProjectFollowUp airMap = this.mongo.findById(this.airMap.id(), ProjectFollowUp.class);
		assertThat(airMap.state()).isEqualTo(ProjectState.ADOPTED);
		assertThat(airMap.publicState()).as("nothing verified yet").isIn(ProjectState.DORMANT, ProjectState.ACTIVE);
		assertThat(airMap.pendingCount()).isEqualTo(2);
		assertThat(airMap.isStale()).isFalse();

		HttpResponse<String> errors = this.http.get("/api/outcomes/import/" + run.path("id").asString() + "/errors.csv",
				this.organizer.headers());
		assertThat(errors.statusCode()).isEqualTo(200);
		assertThat(errors.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		List<String> lines = errors.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("row,column,reason," + String.join(",", OutcomeFileFormat.COLUMNS));
		assertThat(lines).hasSize(9);
		assertThat(lines.get(1)).startsWith("5,project_ref,There is no project with the id 'nope'.,nope,");
	}

	@Test
	void theSkippedRowsArePagedLikeEveryOtherList() throws Exception {
		String runId = upload("text/csv", HEADER + "nope,,,PILOT,2024-04-01,,,,,,,\r\n").path("id").asString();
		assertThat(awaitReport(runId).path("skipped").asInt()).isEqualTo(1);
		for (int size : new int[] { -1, 0, 101, 1000 }) {
			Http.GraphQlResult result = this.http.graphql(
					"{ outcomeImport(runId: \"" + runId + "\") { errors(first: " + size + ") { row } } }",
					this.organizer.headers());
			assertThat(result.errorCode()).as(size + " -> " + result.body()).isEqualTo("BAD_USER_INPUT");
			assertThat(result.errorMessage()).isEqualTo("Page size must be between 1 and 100, was " + size + ".");
		}
		Http.GraphQlResult first = this.http.graphql(
				"{ outcomeImport(runId: \"" + runId + "\") { errors(first: 1) { " + "row } } }",
				this.organizer.headers());
		assertThat(first.data().path("outcomeImport").path("errors")).hasSize(1);
	}

	@Test
	void theSkippedRowsForSpreadsheetAppsNeutraliseFormulasInTheEchoedCells() throws Exception {
		String evil = "=HYPERLINK(\"http://evil\",\"x\")";
		String file = HEADER //
				+ "\"" + evil.replace("\"", "\"\"") + "\",,,PILOT,2024-04-01,+cmd,-prog,,,,,@note\r\n" // 2
				+ this.grants.id() + ",,,FUNDED,2024-05-01,\"\t=agency\",a=b,,,,,\r\n"; // 3:
																						// no
																						// evidence
		String runId = upload("text/csv", file).path("id").asString();
		assertThat(awaitReport(runId).path("skipped").asInt()).isEqualTo(2);
		String path = "/api/outcomes/import/" + runId + "/errors.csv";

		HttpResponse<String> asTyped = this.http.get(path, this.organizer.headers());
		HttpResponse<String> safe = this.http.get(path + "?for=spreadsheet", this.organizer.headers());
		assertThat(safe.statusCode()).isEqualTo(200);
		assertThat(safe.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(safe.headers().firstValue("Content-Disposition").orElse(""))
			.contains("outcome-import-" + runId + "-errors-spreadsheet.csv");
		assertThat(safe.body()).as("a byte order mark for spreadsheet apps").startsWith("\uFEFF");
		assertThat(asTyped.body()).doesNotStartWith("\uFEFF");
		assertThat(safe.body().substring(1).lines().findFirst()).isEqualTo(asTyped.body().lines().findFirst());
		List<CSVRecord> typedRows = CsvFiles.records(asTyped.body());
		List<CSVRecord> safeRows = CsvFiles.records(safe.body());
		assertThat(typedRows).hasSize(2);
		assertThat(safeRows).hasSize(2);
		for (int i = 0; i < 2; i++) {
			for (String column : typedRows.get(i).getParser().getHeaderNames()) {
				assertThat(safeRows.get(i).get(column)).as(column)
					.isEqualTo(CsvFiles.forSpreadsheet(typedRows.get(i).get(column)));
			}
		}
		assertThat(typedRows.get(0).get("project_ref")).isEqualTo(evil);
		assertThat(safeRows.get(0).get("project_ref")).isEqualTo("'" + evil);
		assertThat(safeRows.get(0).get("agency")).isEqualTo("'+cmd");
		assertThat(safeRows.get(0).get("programme")).isEqualTo("'-prog");
		assertThat(safeRows.get(0).get("note")).isEqualTo("'@note");
		assertThat(safeRows.get(0).get("reason")).as("a reason quoting the cell starts with words").contains(evil);
		assertThat(typedRows.get(1).get("agency")).isEqualTo("\t=agency");
		assertThat(safeRows.get(1).get("agency")).isEqualTo("'\t=agency");
		assertThat(safeRows.get(1).get("programme")).isEqualTo("a=b");

		HttpResponse<String> refused = this.http.get(path + "?for=csv", this.organizer.headers());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Http.parse(refused.body()).path("message").asString()).contains("'csv'", "'spreadsheet'");
		assertThat(this.http.get(path + "?for=spreadsheet", this.user.headers()).statusCode())
			.as("only organizers, whatever the flavour")
			.isEqualTo(403);
	}

	@Test
	void reImportingTheSameFileChangesNothingAndAChangedRowGoesBackToPending() throws Exception {
		String firstRun = upload("text/csv", csv()).path("id").asString();
		awaitReport(firstRun);
		List<OutcomeMilestone> first = milestonesOf(this.airMap, this.grants);
		OutcomeMilestone funded = first.stream()
			.filter((m) -> m.type() == MilestoneType.FUNDED)
			.findFirst()
			.orElseThrow();
		Http.GraphQlResult verified = this.http.graphql("mutation { verifyOutcomeMilestone(input: {id: \"" + funded.id()
				+ "\"}) { milestone { verification } } }", this.organizer.headers());
		assertThat(verified.hasErrors()).isFalse();

		JsonNode again = awaitReport(upload("text/csv", csv()).path("id").asString());
		assertThat(again.path("created").asInt()).isZero();
		assertThat(again.path("updated").asInt()).isZero();
		assertThat(again.path("unchanged").asInt()).isEqualTo(4);
		List<OutcomeMilestone> second = milestonesOf(this.airMap, this.grants);
		assertThat(second).hasSize(4);
		assertThat(this.mongo.findById(funded.id(), OutcomeMilestone.class, FollowUpStates.MILESTONES).verification())
			.as("a re-import leaves a verified milestone verified")
			.isEqualTo(VerificationState.VERIFIED);

		String changed = csv().replace("https://example.org/a", "https://example.org/a-corrected");
		String thirdRun = upload("text/csv", changed).path("id").asString();
		JsonNode third = awaitReport(thirdRun);
		assertThat(third.path("updated").asInt()).isEqualTo(1);
		assertThat(third.path("unchanged").asInt()).isEqualTo(3);
		OutcomeMilestone corrected = this.mongo.findById(funded.id(), OutcomeMilestone.class,
				FollowUpStates.MILESTONES);
		assertThat(corrected.evidenceUrl()).isEqualTo("https://example.org/a-corrected");
		assertThat(corrected.verification()).as("new evidence needs a new check").isEqualTo(VerificationState.PENDING);
		assertThat(corrected.history()).extracting(MilestoneEvent::action)
			.containsExactly(MilestoneEvent.Action.IMPORTED, MilestoneEvent.Action.VERIFIED,
					MilestoneEvent.Action.CHANGED);
		assertThat(milestonesOf(this.airMap, this.grants)).hasSize(4);
		// The changed content is the third file's: choosing by import finds it there; the
		// rows it carried unchanged stay the first file's.
		assertThat(corrected.importedFrom().runId()).isEqualTo(Long.parseLong(thirdRun));
		assertThat(milestonesOf(this.airMap, this.grants)).filteredOn((m) -> !m.id().equals(funded.id()))
			.allSatisfy((m) -> assertThat(m.importedFrom().runId()).isEqualTo(Long.parseLong(firstRun)));
	}

	@Test
	void anAuthoritativeImportVerifiesItsRowsAsTheOrganizersRecordedDecision() throws Exception {
		// First an ordinary import: every row waits; the organizer rejects one of them.
		awaitReport(upload("text/csv", csv()).path("id").asString());
		OutcomeMilestone pilot = milestonesOf(this.airMap).stream()
			.filter((m) -> m.type() == MilestoneType.PILOT)
			.findFirst()
			.orElseThrow();
		assertThat(this.http
			.graphql(
					"mutation { rejectOutcomeMilestone(input: {id: \"" + pilot.id()
							+ "\", reason: \"No evidence.\"}) { milestone { verification } } }",
					this.organizer.headers())
			.hasErrors()).isFalse();

		// The same file again, now vouched for as the agency's own list, with one row
		// corrected.
		String changed = csv().replace("https://example.org/a", "https://example.org/a-corrected");
		HttpResponse<String> response = this.http.post("/api/outcomes/import?authoritative=true", "text/csv", changed,
				this.organizer.headers());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		String runId = Http.parse(response.body()).path("run").path("id").asString();
		JsonNode report = awaitReport(runId);
		assertThat(report.path("run").path("status").asString()).isEqualTo("COMPLETED");
		assertThat(report.path("authoritative").asBoolean()).isTrue();
		assertThat(report.path("updated").asInt()).isEqualTo(1);
		assertThat(report.path("verified").asInt()).as("the corrected row and the two still waiting").isEqualTo(3);

		List<OutcomeMilestone> stored = milestonesOf(this.airMap, this.grants);
		assertThat(stored).filteredOn((m) -> m.id().equals(pilot.id()))
			.singleElement()
			.satisfies((m) -> assertThat(m.verification()).as("an organizer's rejection stands")
				.isEqualTo(VerificationState.REJECTED));
		assertThat(stored).filteredOn((m) -> !m.id().equals(pilot.id())).hasSize(3).allSatisfy((m) -> {
			assertThat(m.verification()).isEqualTo(VerificationState.VERIFIED);
			assertThat(m.decidedBy()).isEqualTo(this.organizer.id());
			assertThat(m.decidedAt()).isNotNull();
		});
		assertThat(stored).filteredOn((m) -> m.type() == MilestoneType.ADOPTED)
			.singleElement()
			.satisfies((m) -> assertThat(m.history()).last()
				.satisfies((e) -> assertThat(e.reason()).contains("import run " + runId)));
		// The verified adoption is public now.
		assertThat(this.mongo.findById(this.airMap.id(), ProjectFollowUp.class).publicState())
			.isEqualTo(ProjectState.ADOPTED);
		// One recorded decision: who, and which run.
		List<AuditEvent> decisions = this.mongo.find(new Query(Criteria.where("type")
			.is(AuditEventType.MILESTONES_VERIFIED)
			.and("subjectType")
			.is("jobRun")
			.and("subjectId")
			.is(runId)), AuditEvent.class);
		assertThat(decisions).singleElement().satisfies((e) -> assertThat(e.actorId()).isEqualTo(this.organizer.id()));

		// A new file marked authoritative: its rows are VERIFIED from the start, and its
		// source column trusted.
		String p = this.grants.id();
		JsonNode fresh = awaitReport(Http
			.parse(this.http.post("/api/outcomes/import?authoritative=true", "text/csv", HEADER + p
					+ ",,,INTEGRATED_INTO_OPERATIONS,2024-09-01,Ministry of Digital Affairs,,,,https://example.org/i,"
					+ "ORGANIZER,\r\n", this.organizer.headers())
				.body())
			.path("run")
			.path("id")
			.asString());
		assertThat(fresh.path("created").asInt()).isEqualTo(1);
		assertThat(fresh.path("verified").asInt()).isEqualTo(1);
		assertThat(milestonesOf(this.grants)).filteredOn((m) -> m.type() == MilestoneType.INTEGRATED_INTO_OPERATIONS)
			.singleElement()
			.satisfies((m) -> {
				assertThat(m.verification()).isEqualTo(VerificationState.VERIFIED);
				assertThat(m.source()).isEqualTo(MilestoneSource.ORGANIZER);
			});
	}

	@Test
	void onlyAnOrganizerCanVouchForAFile() {
		assertThat(this.http.post("/api/outcomes/import?authoritative=true", "text/csv", csv(), this.user.headers())
			.statusCode()).isEqualTo(403);
		assertThat(this.http.post("/api/outcomes/import?authoritative=true", "text/csv", csv()).statusCode())
			.isEqualTo(401);
		assertThat(milestonesOf(this.airMap, this.grants)).isEmpty();
		assertThat(this.mongo.count(new Query(
				Criteria.where("type").is(AuditEventType.MILESTONES_VERIFIED).and("actorId").is(this.user.id())),
				AuditEvent.class))
			.isZero();
	}

	@Test
	void aJsonFileIsImportedTheSameWay() throws Exception {
		String json = """
				[
				  {"project_ref": "%s", "milestone": "FUNDED", "date": "2024-03-01", "agency": "MODA",
				   "amount": 250000.5, "currency": "TWD", "evidence_url": "https://example.org/j"},
				  {"hackathon_slug": "%s", "proposal_title": "air map", "milestone": "DISCONTINUED", "date": "2024-08-01"},
				  "not an object",
				  {"project_ref": "%s", "milestone": "PILOT", "date": "2024-04-01", "colour": "blue"},
				  {"project_ref": "%s", "milestone": "PILOT", "date": "2024-04-01", "agency": {"name": "x"}}
				]"""
			.formatted(this.grants.id(), this.hackathon.slug(), this.grants.id(), this.grants.id());
		JsonNode report = awaitReport(upload("application/json", json).path("id").asString());

		assertThat(report.path("run").path("status").asString()).isEqualTo("COMPLETED");
		assertThat(report.path("created").asInt()).isEqualTo(2);
		assertThat(report.path("errors").findValues("row").stream().map(JsonNode::asInt).toList()).containsExactly(3, 4,
				5);
		assertThat(report.path("errors").path(1).path("reason").asString()).contains("Unknown field 'colour'");
		assertThat(milestonesOf(this.grants)).singleElement()
			.satisfies((m) -> assertThat(m.amount()).isEqualTo("250000.5"));
		assertThat(this.mongo.findById(this.airMap.id(), ProjectFollowUp.class).state())
			.isEqualTo(ProjectState.DISCONTINUED);
	}

	@Test
	void onlyOrganizersImportAndOnlyFilesInsideTheImportFolder() {
		assertThat(this.http.post("/api/outcomes/import", "text/csv", csv(), this.user.headers()).statusCode())
			.isEqualTo(403);
		assertThat(this.http.post("/api/outcomes/import", "text/csv", csv()).statusCode()).isEqualTo(401);
		assertThat(this.http.post("/api/outcomes/import", "text/plain", csv(), this.organizer.headers()).statusCode())
			.isEqualTo(400);
		assertThat(this.http.graphql("{ outcomeImport(runId: \"1\") { created } }", this.user.headers()).errorCode())
			.isEqualTo("FORBIDDEN");

		for (String outside : new String[] { "/etc/passwd", "../../../../etc/passwd", "../application.properties" }) {
			Http.GraphQlResult refused = this.http
				.graphql(
						"mutation { startJob(input: {name: \"outcomeImport\", "
								+ "parameters: [{key: \"file\", value: \"" + outside + "\"}]}) { run { id } } }",
						this.organizer.headers());
			assertThat(refused.errorCode()).as(outside).isEqualTo("BAD_USER_INPUT");
			assertThat(refused.errorMessage()).as(outside).containsAnyOf("outside the import folder", "no file");
		}
		Http.GraphQlResult missing = this.http.graphql(
				"mutation { startJob(input: {name: \"outcomeImport\"}) { run { id } } }", this.organizer.headers());
		assertThat(missing.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(missing.errorMessage()).contains("'file'");
		assertThat(milestonesOf(this.airMap, this.grants)).isEmpty();
	}

}
