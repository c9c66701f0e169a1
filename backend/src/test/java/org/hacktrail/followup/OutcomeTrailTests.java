package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.List;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Project;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome trail through GraphQL: who records, who verifies, who sees what, the
 * evidence rule, idempotent recording by natural key, the derived state, following and
 * notifications.
 */
@ServiceTest
class OutcomeTrailTests {

	static final String RECORD = """
			mutation($input: RecordOutcomeMilestoneInput!) {
			  recordOutcomeMilestone(input: $input) {
			    created changed
			    milestone { id type date agency amount currency evidenceUrl source verification verificationReason version
			      history { action verification reason by } }
			  }
			}""";

	static final String PROJECT = """
			query($id: ID!) {
			  project(id: $id) {
			    state
			    outcomes { id type verification verificationReason history { action } }
			    followUp { state dormant stateIncludingPending pendingCount followerCount followedByMe canRecord
			      serviceStatus serviceSince teamActivity }
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

	TestAccounts.Account organizer;

	TestAccounts.Account lead;

	TestAccounts.Account stranger;

	Project project;

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		this.organizer = accounts.organizer();
		this.lead = accounts.user(FollowUpFixtures.unique("lead"));
		this.stranger = accounts.user(FollowUpFixtures.unique("stranger"));
		this.project = new FollowUpFixtures(this.mongo).outstandingProject("Care", this.lead.id());
	}

	ObjectNode funded(String evidence) {
		ObjectNode input = Http.json()
			.put("projectId", this.project.id())
			.put("type", "FUNDED")
			.put("date", LocalDate.now().minusDays(10).toString())
			.put("agency", "Ministry of Digital Affairs")
			.put("programme", "Civic Tech Grants")
			.put("amount", "1500000.50")
			.put("currency", "twd");
		if (evidence != null) {
			input.put("evidenceUrl", evidence);
		}
		return input;
	}

	Http.GraphQlResult record(TestAccounts.Account as, ObjectNode input) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return (as != null) ? this.http.graphql(RECORD, variables, as.headers()) : this.http.graphql(RECORD, variables);
	}

	JsonNode project(TestAccounts.Account as) {
		ObjectNode variables = Http.json().put("id", this.project.id());
		Http.GraphQlResult result = (as != null) ? this.http.graphql(PROJECT, variables, as.headers())
				: this.http.graphql(PROJECT, variables);
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("project");
	}

	@Test
	void aTeamLeadReportsAMilestoneThatStaysPendingAndHiddenUntilAnOrganizerVerifiesIt() {
		Http.GraphQlResult reported = record(this.lead, funded("https://example.org/grant.pdf"));

		assertThat(reported.hasErrors()).as(reported.body().toString()).isFalse();
		JsonNode milestone = reported.data().path("recordOutcomeMilestone").path("milestone");
		assertThat(milestone.path("source").asString()).isEqualTo("SELF_REPORTED");
		assertThat(milestone.path("verification").asString()).isEqualTo("PENDING");
		assertThat(milestone.path("amount").asString()).isEqualTo("1500000.5");
		assertThat(milestone.path("currency").asString()).isEqualTo("TWD");
		assertThat(reported.data().path("recordOutcomeMilestone").path("created").asBoolean()).isTrue();

		JsonNode publicView = project(null);
		assertThat(publicView.path("outcomes")).isEmpty();
		assertThat(publicView.path("state").asString()).isEqualTo("ACTIVE");
		assertThat(publicView.path("followUp").path("stateIncludingPending").isNull()).isTrue();
		JsonNode leadView = project(this.lead);
		assertThat(leadView.path("outcomes")).hasSize(1);
		assertThat(leadView.path("followUp").path("stateIncludingPending").asString()).isEqualTo("FUNDED");
		assertThat(leadView.path("followUp").path("pendingCount").asInt()).isEqualTo(1);
		assertThat(leadView.path("followUp").path("canRecord").asBoolean()).isTrue();

		Http.GraphQlResult verified = this.http.graphql(
				"mutation { verifyOutcomeMilestone(input: {id: \"" + milestone.path("id").asString()
						+ "\", expectedVersion: 0}) { milestone { verification history { action by } } } }",
				this.organizer.headers());
		assertThat(verified.hasErrors()).as(verified.body().toString()).isFalse();
		assertThat(verified.data().path("verifyOutcomeMilestone").path("milestone").path("history").toString())
			.contains("REPORTED", "VERIFIED", this.organizer.id());

		JsonNode after = project(null);
		assertThat(after.path("outcomes")).hasSize(1);
		assertThat(after.path("state").asString()).isEqualTo("FUNDED");
		assertThat(after.path("followUp").path("serviceStatus").asString()).as("funded, never adopted")
			.isEqualTo("NONE");
		assertThat(after.path("followUp").path("serviceSince").isNull()).isTrue();
		assertThat(after.path("followUp").path("teamActivity").asString()).isEqualTo("ACTIVE");
		assertThat(after.path("outcomes").path(0).path("history").isNull()).as("history is not public").isTrue();
	}

	@Test
	void onlyTeamLeadsAndOrganizersRecordAndOnlyOrganizersVerifyOrReject() {
		ObjectNode input = funded("https://example.org/grant.pdf");
		assertThat(record(null, input).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(record(this.stranger, input).errorCode()).isEqualTo("FORBIDDEN");

		String id = record(this.lead, input).data()
			.path("recordOutcomeMilestone")
			.path("milestone")
			.path("id")
			.asString();
		for (TestAccounts.Account wrong : new TestAccounts.Account[] { this.lead, this.stranger }) {
			assertThat(this.http
				.graphql("mutation { verifyOutcomeMilestone(input: {id: \"" + id + "\"}) { milestone { id } } }",
						wrong.headers())
				.errorCode()).isEqualTo("FORBIDDEN");
			assertThat(this.http
				.graphql("mutation { rejectOutcomeMilestone(input: {id: \"" + id
						+ "\", reason: \"no\"}) { milestone { id } } }", wrong.headers())
				.errorCode()).isEqualTo("FORBIDDEN");
		}
		assertThat(this.http
			.graphql("mutation { verifyOutcomeMilestone(input: {id: \"" + id + "\"}) { milestone { id } } }")
			.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.http.graphql("{ outcomeMilestonesToVerify { id } }", this.lead.headers()).errorCode())
			.isEqualTo("FORBIDDEN");

		// Organizers record any project's milestones, verified at once.
		ObjectNode pilot = Http.json()
			.put("projectId", this.project.id())
			.put("type", "PILOT")
			.put("date", LocalDate.now().minusDays(3).toString())
			.put("agency", "Taipei City Government");
		JsonNode recorded = record(this.organizer, pilot).data().path("recordOutcomeMilestone").path("milestone");
		assertThat(recorded.path("source").asString()).isEqualTo("ORGANIZER");
		assertThat(recorded.path("verification").asString()).isEqualTo("VERIFIED");
		assertThat(this.mongo.findById(id, OutcomeMilestone.class, FollowUpStates.MILESTONES).verification())
			.as("the refused decisions changed nothing")
			.isEqualTo(VerificationState.PENDING);
	}

	@Test
	void fundedAdoptedAndIntegratedMilestonesNeedEvidenceOverHttpOrHttps() {
		Http.GraphQlResult missing = record(this.lead, funded(null));
		assertThat(missing.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(missing.errorMessage()).contains("evidence URL");
		assertThat(missing.body().path("errors").path(0).path("extensions").path("field").asString())
			.isEqualTo("evidenceUrl");

		assertThat(record(this.lead, funded("ftp://example.org/grant.pdf")).errorMessage()).contains("http");
		assertThat(record(this.lead, funded("javascript:alert(1)")).errorCode()).isEqualTo("BAD_USER_INPUT");

		for (String type : new String[] { "ADOPTED", "INTEGRATED_INTO_OPERATIONS" }) {
			ObjectNode input = Http.json()
				.put("projectId", this.project.id())
				.put("type", type)
				.put("date", LocalDate.now().minusDays(1).toString())
				.put("agency", "Ministry of Health and Welfare");
			assertThat(record(this.organizer, input).errorMessage()).as(type).contains("evidence URL");
			input.put("evidenceUrl", "https://www.mohw.gov.tw/news/1");
			assertThat(record(this.organizer, input).hasErrors()).as(type).isFalse();
		}
		// PILOT, FUNDING_APPLIED, DISCONTINUED and ACTIVITY need none.
		ObjectNode pilot = Http.json()
			.put("projectId", this.project.id())
			.put("type", "FUNDING_APPLIED")
			.put("date", LocalDate.now().minusDays(1).toString());
		assertThat(record(this.lead, pilot).hasErrors()).isFalse();
		assertThat(project(null).path("state").asString()).isEqualTo("INTEGRATED");
	}

	@Test
	void recordingTheSameMilestoneAgainIsIdempotentByItsNaturalKey() {
		JsonNode first = record(this.lead, funded("https://example.org/grant.pdf")).data()
			.path("recordOutcomeMilestone");
		// Same project, type, date; agency and programme spelled differently (case,
		// punctuation, spaces).
		ObjectNode again = funded("https://example.org/grant.pdf").put("agency", "  ministry of digital affairs.")
			.put("programme", "CIVIC TECH  grants");
		JsonNode second = record(this.lead, again).data().path("recordOutcomeMilestone");
		assertThat(second.path("milestone").path("id").asString())
			.isEqualTo(first.path("milestone").path("id").asString());
		assertThat(second.path("created").asBoolean()).isFalse();
		assertThat(second.path("changed").asBoolean()).as("the agency text changed").isTrue();

		JsonNode third = record(this.lead, again).data().path("recordOutcomeMilestone");
		assertThat(third.path("changed").asBoolean()).isFalse();
		assertThat(third.path("milestone").path("version").asInt())
			.isEqualTo(second.path("milestone").path("version").asInt());
		assertThat(project(this.lead).path("outcomes")).hasSize(1);
	}

	@Test
	void aRejectionNeedsAReasonWhichTheTeamSeesAndTheHistoryKeeps() {
		String id = record(this.lead, funded("https://example.org/grant.pdf")).data()
			.path("recordOutcomeMilestone")
			.path("milestone")
			.path("id")
			.asString();
		Http.GraphQlResult noReason = this.http.graphql(
				"mutation { rejectOutcomeMilestone(input: {id: \"" + id + "\", reason: \"  \"}) { milestone { id } } }",
				this.organizer.headers());
		assertThat(noReason.errorCode()).isEqualTo("BAD_USER_INPUT");
		Http.GraphQlResult stale = this.http.graphql("mutation { rejectOutcomeMilestone(input: {id: \"" + id
				+ "\", reason: \"x\", expectedVersion: 7}) { milestone { id } } }", this.organizer.headers());
		assertThat(stale.errorCode()).isEqualTo("CONFLICT");

		Http.GraphQlResult rejected = this.http.graphql(
				"mutation { rejectOutcomeMilestone(input: {id: \"" + id
						+ "\", reason: \"The letter is about another project.\"}) { milestone { verification } } }",
				this.organizer.headers());
		assertThat(rejected.hasErrors()).as(rejected.body().toString()).isFalse();

		JsonNode leadView = project(this.lead);
		assertThat(leadView.path("outcomes").path(0).path("verification").asString()).isEqualTo("REJECTED");
		assertThat(leadView.path("outcomes").path(0).path("verificationReason").asString())
			.isEqualTo("The letter is about another project.");
		assertThat(leadView.path("outcomes").path(0).path("history").findValuesAsString("action"))
			.containsExactly("REPORTED", "REJECTED");
		assertThat(leadView.path("followUp").path("stateIncludingPending").asString()).isEqualTo("ACTIVE");
		assertThat(project(this.stranger).path("outcomes")).isEmpty();
	}

	@Test
	void followersAreNotifiedOfChangesButNotOfTheirOwn() {
		String follow = "mutation { followProject(input: {projectId: \"" + this.project.id()
				+ "\"}) { following project { followUp { followerCount followedByMe } } } }";
		assertThat(this.http.graphql(follow).errorCode()).isEqualTo("UNAUTHENTICATED");
		Http.GraphQlResult followed = this.http.graphql(follow, this.stranger.headers());
		assertThat(followed.hasErrors()).as(followed.body().toString()).isFalse();
		this.http.graphql(follow, this.stranger.headers());
		this.http.graphql(follow, this.lead.headers());
		JsonNode view = project(this.stranger).path("followUp");
		assertThat(view.path("followerCount").asInt()).isEqualTo(2);
		assertThat(view.path("followedByMe").asBoolean()).isTrue();

		String id = record(this.lead, funded("https://example.org/grant.pdf")).data()
			.path("recordOutcomeMilestone")
			.path("milestone")
			.path("id")
			.asString();
		this.http.graphql("mutation { verifyOutcomeMilestone(input: {id: \"" + id + "\"}) { milestone { id } } }",
				this.organizer.headers());

		List<FollowUpTestConfiguration.RecordingNotifier.Sent> sent = this.notifier.about(this.project.id());
		assertThat(sent).extracting(FollowUpTestConfiguration.RecordingNotifier.Sent::kind)
			.containsExactly("MILESTONE_ADDED", "MILESTONE_VERIFIED", "STATE_CHANGED");
		assertThat(sent.get(0).recipients()).as("the lead made the change").containsExactly(this.stranger.id());
		assertThat(sent.get(1).recipients()).containsExactlyInAnyOrder(this.stranger.id(), this.lead.id());
		assertThat(((FollowUpNotifier.TrailChange) sent.get(2).payload()).state()).isEqualTo(ProjectState.FUNDED);
		// Delivered to the followers' notifications: the stranger got all three, the lead
		// not their own report.
		assertThat(trailNotifications(this.stranger)).containsExactly("STATE_CHANGED", "MILESTONE_VERIFIED",
				"MILESTONE_ADDED");
		assertThat(trailNotifications(this.lead)).containsExactly("STATE_CHANGED", "MILESTONE_VERIFIED");

		this.http.graphql(
				"mutation { unfollowProject(input: {projectId: \"" + this.project.id() + "\"}) { following } }",
				this.stranger.headers());
		assertThat(project(this.stranger).path("followUp").path("followerCount").asInt()).isEqualTo(1);
	}

	/**
	 * The {@code change} of each PROJECT_TRAIL_CHANGED notification about this project,
	 * newest first.
	 */
	private List<String> trailNotifications(TestAccounts.Account account) {
		JsonNode edges = this.http
			.graphql("{ notifications(first: 50) { edges { node { type link parameters { name " + "value } } } } }",
					account.headers())
			.data()
			.path("notifications")
			.path("edges");
		List<String> changes = new java.util.ArrayList<>();
		for (JsonNode edge : edges) {
			JsonNode node = edge.path("node");
			if (node.path("type").asString().equals("PROJECT_TRAIL_CHANGED")
					&& node.path("link").asString().equals("/projects/" + this.project.id())) {
				for (JsonNode parameter : node.path("parameters")) {
					if (parameter.path("name").asString().equals("change")) {
						changes.add(parameter.path("value").asString());
					}
				}
			}
		}
		return changes;
	}

}
