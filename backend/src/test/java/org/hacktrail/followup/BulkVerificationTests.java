package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Project;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many milestones verified with one decision: by ids or by project with the count the
 * organizer saw; every refusal changes nothing; one audit event; one state change notice;
 * two organizers deciding the same milestones at once verify each exactly once.
 */
@ServiceTest
class BulkVerificationTests {

	static final String VERIFY_MANY = """
			mutation($input: VerifyOutcomeMilestonesInput!) {
			  verifyOutcomeMilestones(input: $input) {
			    decisionId verifiedCount unchangedIds
			    verified { id verification verificationReason history { action reason by } }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	FollowUpTestConfiguration.RecordingNotifier notifier;

	Http http;

	TestAccounts accounts;

	TestAccounts.Account organizer;

	TestAccounts.Account lead;

	Project project;

	List<String> reported;

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
		this.accounts = new TestAccounts(this.users, this.tokens);
		this.organizer = this.accounts.organizer();
		this.lead = this.accounts.user(FollowUpFixtures.unique("bulk-lead"));
		this.project = new FollowUpFixtures(this.mongo).outstandingProject("Bulk", this.lead.id());
		this.reported = new ArrayList<>();
		for (int days = 10; days <= 12; days++) {
			ObjectNode variables = Http.json();
			variables.putObject("input")
				.put("projectId", this.project.id())
				.put("type", "FUNDED")
				.put("date", LocalDate.now().minusDays(days).toString())
				.put("agency", "Agency " + days)
				.put("amount", "1000")
				.put("currency", "TWD")
				.put("evidenceUrl", "https://example.org/grant-" + days + ".pdf");
			Http.GraphQlResult result = this.http.graphql(OutcomeTrailTests.RECORD, variables, this.lead.headers());
			assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
			this.reported.add(result.data().path("recordOutcomeMilestone").path("milestone").path("id").asString());
		}
	}

	Http.GraphQlResult verifyMany(TestAccounts.Account as, ObjectNode input) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return (as != null) ? this.http.graphql(VERIFY_MANY, variables, as.headers())
				: this.http.graphql(VERIFY_MANY, variables);
	}

	ObjectNode byIds(List<String> ids, String note) {
		ObjectNode input = Http.json();
		ArrayNode array = input.putArray("ids");
		ids.forEach(array::add);
		if (note != null) {
			input.put("note", note);
		}
		return input;
	}

	VerificationState state(String id) {
		return this.mongo.findById(id, OutcomeMilestone.class, FollowUpStates.MILESTONES).verification();
	}

	@Test
	void organizersVerifyTheChosenMilestonesWithOneDecisionAndTheOthersStayPending() {
		TestAccounts.Account follower = this.accounts.user(FollowUpFixtures.unique("bulk-follower"));
		Http.GraphQlResult followed = this.http.graphql(
				"mutation { followProject(input: {projectId: \"" + this.project.id() + "\"}) { following } }",
				follower.headers());
		assertThat(followed.hasErrors()).as(followed.body().toString()).isFalse();
		Http.GraphQlResult done = verifyMany(this.organizer,
				byIds(this.reported.subList(0, 2), "Checked against the ministry's list of 2026-11."));

		assertThat(done.hasErrors()).as(done.body().toString()).isFalse();
		JsonNode payload = done.data().path("verifyOutcomeMilestones");
		assertThat(payload.path("verifiedCount").asInt()).isEqualTo(2);
		assertThat(payload.path("unchangedIds")).isEmpty();
		for (JsonNode milestone : payload.path("verified")) {
			assertThat(milestone.path("verification").asString()).isEqualTo("VERIFIED");
			JsonNode last = milestone.path("history").get(milestone.path("history").size() - 1);
			assertThat(last.path("action").asString()).isEqualTo("VERIFIED");
			assertThat(last.path("by").asString()).isEqualTo(this.organizer.id());
			assertThat(last.path("reason").asString()).startsWith("Checked against");
		}
		assertThat(state(this.reported.get(2))).isEqualTo(VerificationState.PENDING);
		assertThat(this.notifier.about(this.project.id()))
			.extracting(FollowUpTestConfiguration.RecordingNotifier.Sent::kind)
			.as("one notice per verified milestone, the state change once")
			.containsExactly("MILESTONE_VERIFIED", "MILESTONE_VERIFIED", "STATE_CHANGED");

		JsonNode events = this.http
			.graphql("{ auditEvents(type: MILESTONES_VERIFIED, first: 100) { edges { node { id actorId subjectId "
					+ "details { key value } } } } }", this.organizer.headers())
			.data()
			.path("auditEvents")
			.path("edges");
		JsonNode decision = null;
		for (JsonNode edge : events) {
			if (edge.path("node").path("id").asString().equals(payload.path("decisionId").asString())) {
				decision = edge.path("node");
			}
		}
		assertThat(decision).as("the decision is one audit event").isNotNull();
		assertThat(decision.path("actorId").asString()).isEqualTo(this.organizer.id());
		assertThat(decision.path("subjectId").asString()).isEqualTo(this.project.id());
		assertThat(decision.path("details").toString()).contains("\"verified\"", "\"2\"");

		// Again: nothing left to verify among them.
		JsonNode again = verifyMany(this.organizer, byIds(this.reported.subList(0, 2), null)).data()
			.path("verifyOutcomeMilestones");
		assertThat(again.path("verifiedCount").asInt()).isZero();
		assertThat(again.path("unchangedIds")).hasSize(2);
	}

	@Test
	void anUnknownRepeatedOrRejectedMilestoneTheWrongCountOrTheWrongActorRefusesEverything() {
		String first = this.reported.get(0);
		assertThat(verifyMany(this.organizer, byIds(List.of(first, "nope:1"), null)).errorCode())
			.isEqualTo("NOT_FOUND");
		assertThat(verifyMany(this.organizer, byIds(List.of(first, first), null)).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(verifyMany(this.organizer, byIds(List.of(), null)).errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(verifyMany(this.organizer, Http.json()).errorCode()).as("neither ids nor a project")
			.isEqualTo("BAD_USER_INPUT");
		Http.GraphQlResult rejected = this.http.graphql(
				"mutation { rejectOutcomeMilestone(input: {id: \"" + this.reported.get(2)
						+ "\", reason: \"The agency has no record of it.\"}) { milestone { id } } }",
				this.organizer.headers());
		assertThat(rejected.hasErrors()).as(rejected.body().toString()).isFalse();
		Http.GraphQlResult withRejected = verifyMany(this.organizer, byIds(this.reported, null));
		assertThat(withRejected.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(withRejected.body().toString()).contains(this.reported.get(2), "one at a time");

		ObjectNode wrongCount = Http.json().put("projectId", this.project.id()).put("expectedCount", 5);
		Http.GraphQlResult conflict = verifyMany(this.organizer, wrongCount);
		assertThat(conflict.errorCode()).isEqualTo("CONFLICT");
		assertThat(conflict.body().toString()).contains("2 pending milestone(s) now, not 5");
		assertThat(verifyMany(this.organizer, Http.json().put("projectId", this.project.id())).errorCode())
			.as("a project needs the count the organizer saw")
			.isEqualTo("BAD_USER_INPUT");

		assertThat(verifyMany(this.lead, byIds(List.of(first), null)).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(verifyMany(null, byIds(List.of(first), null)).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(List.of(state(first), state(this.reported.get(1)))).as("every refused decision changed nothing")
			.containsOnly(VerificationState.PENDING);

		// With the right count, every pending milestone of the project.
		JsonNode done = verifyMany(this.organizer,
				Http.json().put("projectId", this.project.id()).put("expectedCount", 2))
			.data()
			.path("verifyOutcomeMilestones");
		assertThat(done.path("verifiedCount").asInt()).isEqualTo(2);
		assertThat(state(this.reported.get(2))).as("the rejection stands").isEqualTo(VerificationState.REJECTED);
	}

	@Test
	void twoOrganizersVerifyingTheSameMilestonesAtOnceVerifyEachExactlyOnce() throws Exception {
		TestAccounts.Account other = this.accounts.organizer();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Http.GraphQlResult>> both = List.of(
					() -> verifyMany(this.organizer, byIds(this.reported, null)),
					() -> verifyMany(other, byIds(this.reported, null)));
			int verified = 0;
			for (Future<Http.GraphQlResult> answer : pool.invokeAll(both)) {
				Http.GraphQlResult result = answer.get();
				assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
				verified += result.data().path("verifyOutcomeMilestones").path("verifiedCount").asInt();
			}
			assertThat(verified).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
		for (String id : this.reported) {
			OutcomeMilestone milestone = this.mongo.findById(id, OutcomeMilestone.class, FollowUpStates.MILESTONES);
			assertThat(milestone.verification()).isEqualTo(VerificationState.VERIFIED);
			assertThat(milestone.history()).filteredOn((event) -> event.action() == MilestoneEvent.Action.VERIFIED)
				.as("verified once: %s", id)
				.hasSize(1);
		}
	}

}
