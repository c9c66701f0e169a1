package org.hacktrail.followup;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification by selection: every PENDING milestone of one import, or of a filter (type,
 * agency, date range, hackathon), previewed with its count and verified with the count
 * the organizer saw. Another count is a CONFLICT that changes nothing; a selection over
 * the cap is refused; REJECTED milestones are never chosen; only organizers preview or
 * decide; two organizers verifying one import at once verify each milestone once.
 */
@ServiceTest
class SelectionVerificationTests {

	static final String PREVIEW = """
			query($s: OutcomeSelectionInput!) {
			  outcomeSelectionPreview(selection: $s, first: 2) { count limit milestones { id agency verification } }
			}""";

	static final String IMPORTS = """
			{ outcomeImportsToVerify(first: 20) { run { id status } file authoritative pendingCount } }""";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	MilestoneStore store;

	Http http;

	TestAccounts accounts;

	TestAccounts.Account organizer;

	TestAccounts.Account lead;

	Hackathon hackathon;

	Project pitched;

	Project other;

	/** Unique to this test: every agency of its file contains it. */
	String token;

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
		this.accounts = new TestAccounts(this.users, this.tokens);
		this.organizer = this.accounts.organizer();
		this.lead = this.accounts.user(FollowUpFixtures.unique("selection-lead"));
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		this.hackathon = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.FOLLOW_UP, LocalDate.of(2023, 9, 2),
				LocalDate.of(2023, 9, 3));
		// Led by the lead (pitched at a presidential hackathon), and pitched again here.
		this.pitched = fixtures.outstandingProject("Pitched", this.lead.id());
		this.other = fixtures.project("Other", null);
		fixtures.proposal(this.hackathon, "Pitched again", this.lead.id(), this.pitched, 2, List.of(),
				ProposalStatus.SUBMITTED);
		this.token = UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Five rows: three of the pitched project, two of the other; three agencies "City".
	 */
	String csv() {
		String a = this.pitched.id();
		String b = this.other.id();
		String t = this.token;
		return OutcomeImportTests.HEADER //
				+ a + ",,,FUNDED,2024-03-01,Ministry " + t + ",,1000,TWD,https://example.org/a,,\r\n" + a
				+ ",,,PILOT,2024-04-01,City " + t + ",,,,,,\r\n" //
				+ b + ",,,PILOT,2024-05-01,City " + t + ",,,,,,\r\n" //
				+ b + ",,,ADOPTED,2024-06-01,City " + t + ",,,,https://example.org/b,,\r\n" + a
				+ ",,,FUNDING_APPLIED,2024-07-01,Ministry " + t + ",,,,,,\r\n";
	}

	/** Uploads the file and waits for its run; the run's id. */
	String importFile(String body) throws InterruptedException {
		HttpResponse<String> response = this.http.post("/api/outcomes/import", "text/csv", body,
				this.organizer.headers());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		String runId = Http.parse(response.body()).path("run").path("id").asString();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			String status = this.http.graphql("{ jobRun(id: \"" + runId + "\") { status } }", this.organizer.headers())
				.data()
				.path("jobRun")
				.path("status")
				.asString();
			if (status.equals("COMPLETED")) {
				return runId;
			}
			assertThat(status).isIn("STARTING", "STARTED");
			Thread.sleep(100);
		}
		throw new AssertionError("Import run " + runId + " did not end in 60 s");
	}

	Http.GraphQlResult preview(TestAccounts.Account as, ObjectNode selection) {
		ObjectNode variables = Http.json();
		variables.set("s", selection);
		return (as != null) ? this.http.graphql(PREVIEW, variables, as.headers())
				: this.http.graphql(PREVIEW, variables);
	}

	int count(ObjectNode selection) {
		Http.GraphQlResult result = preview(this.organizer, selection);
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("outcomeSelectionPreview").path("count").asInt();
	}

	Http.GraphQlResult verify(TestAccounts.Account as, ObjectNode selection, Integer expectedCount) {
		ObjectNode input = Http.json();
		input.set("selection", selection);
		if (expectedCount != null) {
			input.put("expectedCount", expectedCount);
		}
		input.put("note", "Checked against the agencies' lists.");
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return (as != null) ? this.http.graphql(BulkVerificationTests.VERIFY_MANY, variables, as.headers())
				: this.http.graphql(BulkVerificationTests.VERIFY_MANY, variables);
	}

	static String rule(Http.GraphQlResult result) {
		return result.body().path("errors").path(0).path("extensions").path("rule").asString();
	}

	static ObjectNode byRun(String runId) {
		return Http.json().put("importRunId", runId);
	}

	List<OutcomeMilestone> ofTheFile() {
		return this.mongo.find(new Query(Criteria.where("projectId").in(this.pitched.id(), this.other.id())),
				OutcomeMilestone.class, FollowUpStates.MILESTONES);
	}

	List<VerificationState> states() {
		return ofTheFile().stream().map(OutcomeMilestone::verification).toList();
	}

	JsonNode importListed(String runId) {
		JsonNode imports = this.http.graphql(IMPORTS, this.organizer.headers()).data().path("outcomeImportsToVerify");
		for (JsonNode entry : imports) {
			if (entry.path("run").path("id").asString().equals(runId)) {
				return entry;
			}
		}
		throw new AssertionError("Import run " + runId + " is not listed: " + imports);
	}

	JsonNode decision(String decisionId) {
		JsonNode events = this.http
			.graphql("{ auditEvents(type: MILESTONES_VERIFIED, first: 100) { edges { node { id actorId subjectType "
					+ "subjectId details { key value } } } } }", this.organizer.headers())
			.data()
			.path("auditEvents")
			.path("edges");
		for (JsonNode edge : events) {
			if (edge.path("node").path("id").asString().equals(decisionId)) {
				return edge.path("node");
			}
		}
		throw new AssertionError("No audit event " + decisionId);
	}

	static String detail(JsonNode event, String key) {
		for (JsonNode entry : event.path("details")) {
			if (entry.path("key").asString().equals(key)) {
				return entry.path("value").asString();
			}
		}
		return null;
	}

	@Test
	void anOrganizerVerifiesEveryPendingMilestoneOfOneImportWithTheCountTheySaw() throws Exception {
		String runId = importFile(csv());
		List<OutcomeMilestone> imported = ofTheFile();
		assertThat(imported).hasSize(5).allSatisfy((m) -> {
			assertThat(m.importedFrom()).as("each imported milestone records its import").isNotNull();
			assertThat(m.importedFrom().runId()).isEqualTo(Long.parseLong(runId));
			assertThat(m.importedFrom().file()).endsWith(".csv");
		});
		// A milestone a lead reports is not the file's, and is not chosen with it.
		ObjectNode report = Http.json();
		report.putObject("input")
			.put("projectId", this.pitched.id())
			.put("type", "PILOT")
			.put("date", "2024-08-01")
			.put("agency", "City " + this.token);
		Http.GraphQlResult reported = this.http.graphql(OutcomeTrailTests.RECORD, report, this.lead.headers());
		assertThat(reported.hasErrors()).as(reported.body().toString()).isFalse();

		JsonNode page = preview(this.organizer, byRun(runId)).data().path("outcomeSelectionPreview").path("milestones");
		Http.GraphQlResult origin = this.http.graphql(
				"query($p: ID!) { project(id: $p) { outcomes { id importedFrom { importId runId file } } } }",
				Http.json().put("p", this.other.id()), this.organizer.headers());
		assertThat(origin.data().path("project").path("outcomes").path(0).path("importedFrom").path("runId").asString())
			.as(origin.body().toString())
			.isEqualTo(runId);
		Http.GraphQlResult asLead = this.http.graphql(
				"query($p: ID!) { project(id: $p) { outcomes { id importedFrom { runId } } } }",
				Http.json().put("p", this.pitched.id()), this.lead.headers());
		assertThat(asLead.data().path("project").path("outcomes").findValues("importedFrom"))
			.as("organizers only: " + asLead.body())
			.isNotEmpty()
			.allSatisfy((node) -> assertThat(node.isNull()).isTrue());
		assertThat(page).hasSize(2);
		JsonNode listed = importListed(runId);
		assertThat(listed.path("pendingCount").asInt()).isEqualTo(5);
		assertThat(listed.path("authoritative").asBoolean()).isFalse();
		JsonNode preview = preview(this.organizer, byRun(runId)).data().path("outcomeSelectionPreview");
		assertThat(preview.path("count").asInt()).isEqualTo(5);
		assertThat(preview.path("limit").asInt()).isEqualTo(MilestoneSelections.MAX_SELECTION);
		assertThat(preview.path("milestones")).as("the first page").hasSize(2);

		// One is rejected meanwhile: the count seen (5) is no longer true.
		String rejected = imported.get(0).id();
		assertThat(
				this.http
					.graphql(
							"mutation { rejectOutcomeMilestone(input: {id: \"" + rejected
									+ "\", reason: \"No such grant.\"}) { milestone { id } } }",
							this.organizer.headers())
					.hasErrors())
			.isFalse();
		Http.GraphQlResult stale = verify(this.organizer, byRun(runId), 5);
		assertThat(stale.errorCode()).isEqualTo("CONFLICT");
		assertThat(rule(stale)).isEqualTo(MilestoneSelections.CHANGED);
		assertThat(stale.body().path("errors").path(0).path("extensions").path("count").asInt()).isEqualTo(4);
		assertThat(stale.errorMessage()).contains("4 pending milestone(s) now, not 5", "Nothing was verified");
		assertThat(states()).as("the refused decision changed nothing")
			.containsOnly(VerificationState.PENDING, VerificationState.REJECTED);
		assertThat(verify(this.organizer, byRun(runId), null).errorCode()).as("the count seen is required")
			.isEqualTo("BAD_USER_INPUT");

		Http.GraphQlResult done = verify(this.organizer, byRun(runId), 4);
		assertThat(done.hasErrors()).as(done.body().toString()).isFalse();
		JsonNode payload = done.data().path("verifyOutcomeMilestones");
		assertThat(payload.path("verifiedCount").asInt()).isEqualTo(4);
		for (OutcomeMilestone milestone : ofTheFile()) {
			if (milestone.id().equals(rejected)) {
				assertThat(milestone.verification()).as("a rejection is never undone by a selection")
					.isEqualTo(VerificationState.REJECTED);
			}
			else if (milestone.importedFrom() == null) {
				assertThat(milestone.verification()).as("the lead's report").isEqualTo(VerificationState.PENDING);
			}
			else {
				assertThat(milestone.verification()).isEqualTo(VerificationState.VERIFIED);
				assertThat(milestone.decidedBy()).isEqualTo(this.organizer.id());
				assertThat(milestone.history().get(milestone.history().size() - 1).reason())
					.isEqualTo("Checked against the agencies' lists.");
			}
		}
		JsonNode event = decision(payload.path("decisionId").asString());
		assertThat(event.path("actorId").asString()).isEqualTo(this.organizer.id());
		assertThat(event.path("subjectType").asString()).isEqualTo("jobRun");
		assertThat(event.path("subjectId").asString()).isEqualTo(runId);
		assertThat(detail(event, "verified")).isEqualTo("4");
		assertThat(detail(event, "importRunId")).isEqualTo(runId);
		assertThat(detail(event, "file")).endsWith(".csv");
		assertThat(detail(event, "expectedCount")).isEqualTo("4");
		assertThat(detail(event, "selection")).contains("outcome import");
		assertThat(importListed(runId).path("pendingCount").asInt()).isZero();
	}

	@Test
	void anOrganizerVerifiesTheMilestonesAFilterChoosesAfterPreviewingThem() throws Exception {
		importFile(csv());
		ObjectNode city = Http.json().put("agency", "city " + this.token.toUpperCase());
		assertThat(count(city)).as("agency text, ignoring case").isEqualTo(3);
		assertThat(count(Http.json().put("agency", this.token).put("type", "PILOT"))).isEqualTo(2);
		assertThat(count(Http.json().put("agency", this.token).put("from", "2024-04-15").put("to", "2024-06-30")))
			.as("a date range, inclusive")
			.isEqualTo(2);
		assertThat(count(Http.json().put("agency", this.token).put("to", "2024-04-01"))).isEqualTo(2);
		assertThat(count(Http.json().put("hackathonId", this.hackathon.id())))
			.as("the milestones of projects pitched at the hackathon")
			.isEqualTo(3);
		assertThat(count(Http.json().put("agency", ".*"))).as("the agency is text, never a pattern").isZero();

		ObjectNode pilots = Http.json().put("agency", "City " + this.token).put("type", "PILOT");
		Http.GraphQlResult stale = verify(this.organizer, pilots, 3);
		assertThat(stale.errorCode()).isEqualTo("CONFLICT");
		assertThat(rule(stale)).isEqualTo(MilestoneSelections.CHANGED);
		assertThat(states()).containsOnly(VerificationState.PENDING);

		Http.GraphQlResult done = verify(this.organizer, pilots, 2);
		assertThat(done.hasErrors()).as(done.body().toString()).isFalse();
		assertThat(done.data().path("verifyOutcomeMilestones").path("verifiedCount").asInt()).isEqualTo(2);
		assertThat(ofTheFile()).filteredOn((m) -> m.verification() == VerificationState.VERIFIED)
			.extracting(OutcomeMilestone::type)
			.containsOnly(MilestoneType.PILOT)
			.hasSize(2);
		assertThat(count(pilots)).as("nothing pending is left to choose").isZero();
		JsonNode event = decision(done.data().path("verifyOutcomeMilestones").path("decisionId").asString());
		assertThat(detail(event, "type")).isEqualTo("PILOT");
		assertThat(detail(event, "agency")).isEqualTo("City " + this.token);
		assertThat(detail(event, "selection")).contains("of type PILOT", "agency contains");
	}

	@Test
	void aBadSelectionIsRefusedClearlyAndChangesNothing() throws Exception {
		String runId = importFile(csv());
		assertThat(preview(this.organizer, Http.json()).errorCode()).as("an empty selection")
			.isEqualTo("BAD_USER_INPUT");
		assertThat(verify(this.organizer, Http.json(), 5).errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(preview(this.organizer, Http.json().put("from", "2024-06-01").put("to", "2024-01-01")).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(preview(this.organizer, byRun("999999999")).errorCode()).isEqualTo("NOT_FOUND");
		assertThat(preview(this.organizer, byRun("not-a-run")).errorCode()).isEqualTo("NOT_FOUND");
		assertThat(preview(this.organizer, Http.json().put("hackathonId", "nope")).errorCode()).isEqualTo("NOT_FOUND");
		ObjectNode both = Http.json();
		both.putArray("ids").add(ofTheFile().get(0).id());
		both.set("selection", byRun(runId));
		both.put("expectedCount", 5);
		ObjectNode variables = Http.json();
		variables.set("input", both);
		assertThat(
				this.http.graphql(BulkVerificationTests.VERIFY_MANY, variables, this.organizer.headers()).errorCode())
			.as("ids and a selection at once")
			.isEqualTo("BAD_USER_INPUT");
		assertThat(states()).containsOnly(VerificationState.PENDING);
	}

	@Test
	void onlyOrganizersPreviewListOrVerifyASelection() throws Exception {
		String runId = importFile(csv());
		TestAccounts.Account stranger = this.accounts.user(FollowUpFixtures.unique("stranger"));
		for (TestAccounts.Account notOrganizer : List.of(this.lead, stranger)) {
			assertThat(preview(notOrganizer, byRun(runId)).errorCode()).isEqualTo("FORBIDDEN");
			assertThat(verify(notOrganizer, byRun(runId), 5).errorCode()).isEqualTo("FORBIDDEN");
			assertThat(this.http.graphql(IMPORTS, notOrganizer.headers()).errorCode()).isEqualTo("FORBIDDEN");
		}
		assertThat(preview(null, byRun(runId)).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(verify(null, byRun(runId), 5).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.http.graphql(IMPORTS).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(states()).containsOnly(VerificationState.PENDING);
	}

	@Test
	void aSelectionLargerThanOneDecisionIsRefusedWithItsCount() {
		// Stored straight, recorded far in the future so that they stay behind every
		// other test's milestones in the queue, and removed afterwards.
		String agency = "Cap " + this.token;
		String project = "cap-" + this.token;
		Instant later = Instant.now().plus(Duration.ofDays(36_500));
		List<OutcomeMilestone> many = new ArrayList<>();
		for (int i = 0; i <= MilestoneSelections.MAX_SELECTION; i++) {
			MilestoneDraft draft = new MilestoneDraft(MilestoneType.PILOT, LocalDate.of(2024, 1, 1), agency, null,
					"programme " + i, null, null, null, null);
			many.add(OutcomeMilestone.create(project, draft, MilestoneSource.IMPORTED, VerificationState.PENDING,
					new MilestoneEvent(later, null, MilestoneEvent.Action.IMPORTED, VerificationState.PENDING, null),
					null));
		}
		try {
			this.store.upsert(many, VerificationState.PENDING, null, later);
			ObjectNode selection = Http.json().put("agency", agency);
			assertThat(count(selection)).isEqualTo(MilestoneSelections.MAX_SELECTION + 1);
			Http.GraphQlResult refused = verify(this.organizer, selection, MilestoneSelections.MAX_SELECTION + 1);
			assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
			assertThat(rule(refused)).isEqualTo(MilestoneSelections.TOO_LARGE);
			assertThat(refused.errorMessage()).contains("5001 pending milestones", "at most 5000", "Narrow it");
			assertThat(this.mongo.count(
					new Query(
							Criteria.where("projectId").is(project).and("verification").is(VerificationState.PENDING)),
					OutcomeMilestone.class, FollowUpStates.MILESTONES))
				.as("nothing was verified")
				.isEqualTo(MilestoneSelections.MAX_SELECTION + 1);
		}
		finally {
			this.mongo.remove(new Query(Criteria.where("projectId").is(project)), FollowUpStates.MILESTONES);
		}
	}

	@Test
	void twoOrganizersVerifyingTheSameImportAtOnceVerifyEachMilestoneOnce() throws Exception {
		String runId = importFile(csv());
		TestAccounts.Account other = this.accounts.organizer();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		int verified = 0;
		try {
			List<Callable<Http.GraphQlResult>> both = List.of(() -> verify(this.organizer, byRun(runId), 5),
					() -> verify(other, byRun(runId), 5));
			for (Future<Http.GraphQlResult> answer : pool.invokeAll(both)) {
				Http.GraphQlResult result = answer.get();
				if (result.hasErrors()) {
					// The other decision was all done before this one counted: the set
					// changed.
					assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("CONFLICT");
					continue;
				}
				verified += result.data().path("verifyOutcomeMilestones").path("verifiedCount").asInt();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(verified).isEqualTo(5);
		for (OutcomeMilestone milestone : ofTheFile()) {
			assertThat(milestone.verification()).isEqualTo(VerificationState.VERIFIED);
			assertThat(milestone.history()).filteredOn((event) -> event.action() == MilestoneEvent.Action.VERIFIED)
				.as("verified once: %s", milestone.id())
				.hasSize(1);
		}
	}

}
