package org.hacktrail.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code activityCheck} against a stub of the GitHub API on a loopback port: activity
 * signals, DORMANT after six months of silence, repository errors, and the rate limits —
 * a short wait is slept and retried, a long one stops the run, blocks later runs until
 * the reset, and leaves the unchecked projects to go first next time.
 */
@ServiceTest
class ActivityCheckTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	FollowUpTestConfiguration.StubRepositoryApi api;

	@Autowired
	FollowUpTestConfiguration.RecordingNotifier notifier;

	@Autowired
	RepositoryActivityClient client;

	Http http;

	TestAccounts.Account organizer;

	FollowUpFixtures fixtures;

	Hackathon longAgo;

	LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
		this.organizer = new TestAccounts(this.users, this.tokens).organizer();
		this.fixtures = new FollowUpFixtures(this.mongo);
		this.longAgo = this.fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.ARCHIVED,
				this.today.minusYears(2).minusDays(1), this.today.minusYears(2));
		this.api.reset();
		this.mongo.remove(new Query(), ActivityCheckState.class);
		this.client.forgetRateLimit();
	}

	@AfterEach
	void tearDown() {
		this.mongo.remove(new Query(), ActivityCheckState.class);
		this.client.forgetRateLimit();
	}

	Project pitchedLongAgo(String name, String repository) {
		Project project = this.fixtures.project(name, repository);
		this.fixtures.proposal(this.longAgo, name, null, project, 1, List.of(), ProposalStatus.SUBMITTED);
		return project;
	}

	ProjectFollowUp followUp(Project project) {
		return this.mongo.findById(project.id(), ProjectFollowUp.class);
	}

	@Test
	void recentPushesKeepProjectsActiveAndSixMonthsOfSilenceMakesThemDormant() throws Exception {
		String owner = FollowUpFixtures.unique("org");
		Project active = pitchedLongAgo("Active", "https://github.com/" + owner + "/active.git");
		Project quiet = pitchedLongAgo("Quiet", "https://www.github.com/" + owner + "/quiet/");
		Project gone = pitchedLongAgo("Gone", "https://github.com/" + owner + "/gone");
		Project elsewhere = pitchedLongAgo("Elsewhere", "https://gitlab.com/" + owner + "/elsewhere");
		// No repository, a follow-up document that still says ACTIVE from a pilot seven
		// months ago, and a follower.
		Project silent = pitchedLongAgo("Silent", null);
		this.fixtures.milestone(silent, MilestoneType.PILOT, this.today.minusMonths(7), VerificationState.VERIFIED,
				"Taichung City", null, null);
		this.mongo.upsert(new Query(Criteria.where("_id").is(silent.id())),
				new Update().set("state", ProjectState.ACTIVE)
					.set("publicState", ProjectState.ACTIVE)
					.set("dormant", false)
					.set("publicDormant", false)
					.set("lastActivityOn", this.today.minusMonths(7).toString())
					.set("lastVerifiedActivityOn", this.today.minusMonths(7).toString())
					.set("followers", List.of("follower-1")),
				ProjectFollowUp.class);
		this.api.answer(owner + "/active",
				FollowUpTestConfiguration.StubRepositoryApi.Answer.pushed(this.today.minusDays(10) + "T08:00:00Z"));
		this.api.answer(owner + "/quiet",
				FollowUpTestConfiguration.StubRepositoryApi.Answer.pushed(this.today.minusMonths(8) + "T08:00:00Z"));

		JsonNode run = JobRuns.run(this.http, this.organizer, "activityCheck", Map.of());

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
		assertThat(this.api.lastAuthorization.get()).isEqualTo("Bearer test-token");
		assertThat(this.api.requestsFor(owner + "/elsewhere")).as("not a configured host").isZero();
		assertThat(followUp(active).state()).isEqualTo(ProjectState.ACTIVE);
		assertThat(followUp(active).publicState()).isEqualTo(ProjectState.ACTIVE);
		assertThat(followUp(active).lastPushedOn()).isEqualTo(this.today.minusDays(10).toString());
		List<OutcomeMilestone> signals = this.mongo.find(new Query(Criteria.where("projectId").is(active.id())),
				OutcomeMilestone.class, FollowUpStates.MILESTONES);
		assertThat(signals).singleElement().satisfies((m) -> {
			assertThat(m.type()).isEqualTo(MilestoneType.ACTIVITY);
			assertThat(m.verification()).isEqualTo(VerificationState.VERIFIED);
			assertThat(m.evidenceUrl()).isEqualTo(active.repositoryUrl());
		});
		assertThat(followUp(quiet).publicState()).isEqualTo(ProjectState.DORMANT);
		assertThat(followUp(quiet).publicDormant()).isTrue();
		assertThat(followUp(gone).activityError()).contains("not found");
		assertThat(followUp(elsewhere)).isNull();
		assertThat(followUp(silent).publicState()).as("re-derived by the second step").isEqualTo(ProjectState.DORMANT);
		assertThat(this.notifier.about(silent.id())).extracting(FollowUpTestConfiguration.RecordingNotifier.Sent::kind)
			.containsExactly("STATE_CHANGED");

		// A second run within the minimum interval asks the API nothing; the push a month
		// later is the same signal.
		int before = this.api.requests.size();
		JobRuns.run(this.http, this.organizer, "activityCheck", Map.of());
		assertThat(this.api.requests).hasSize(before);
		assertThat(this.api.requestsFor(owner + "/active/contents/g0v.json")).as("the g0v.json of a repository found")
			.isEqualTo(1);
		assertThat(this.api.requestsFor(owner + "/gone/contents/g0v.json")).as("not for a repository not found")
			.isZero();
		this.api.answer(owner + "/active",
				FollowUpTestConfiguration.StubRepositoryApi.Answer.pushed(this.today.minusDays(1) + "T08:00:00Z"));
		JobRuns.run(this.http, this.organizer, "activityCheck", Map.of("force", "true"));
		assertThat(this.mongo.count(new Query(Criteria.where("projectId").is(active.id())), FollowUpStates.MILESTONES))
			.as("at most one activity signal per project and month")
			.isLessThanOrEqualTo(2);
		assertThat(followUp(active).lastActivityOn()).isEqualTo(this.today.minusDays(1).toString());
	}

	@Test
	void anArchivedRepositoryCountsAsTheTeamStoppingUntilALaterSignSaysOtherwise() throws Exception {
		String owner = FollowUpFixtures.unique("org");
		Project archived = pitchedLongAgo("Archived", "https://github.com/" + owner + "/archived");
		this.api.answer(owner + "/archived",
				new FollowUpTestConfiguration.StubRepositoryApi.Answer(200, Map.of(),
						"{\"full_name\":\"x\",\"archived\":true,\"pushed_at\":\"" + this.today.minusDays(20)
								+ "T08:00:00Z\"}"));

		JsonNode run = JobRuns.run(this.http, this.organizer, "activityCheck", Map.of());
		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");

		// Shown on the trail, and the public state says the team stopped despite a push
		// 20 days ago.
		List<OutcomeMilestone> trail = this.mongo.find(new Query(Criteria.where("projectId").is(archived.id())),
				OutcomeMilestone.class, FollowUpStates.MILESTONES);
		assertThat(trail).filteredOn((m) -> m.type() == MilestoneType.DISCONTINUED).singleElement().satisfies((m) -> {
			assertThat(m.date()).isEqualTo(this.today.toString());
			assertThat(m.verification()).isEqualTo(VerificationState.VERIFIED);
			assertThat(m.note()).isEqualTo(ActivityCheckWriter.ARCHIVED_NOTE);
			assertThat(m.evidenceUrl()).isEqualTo(archived.repositoryUrl());
		});
		assertThat(followUp(archived).publicState()).isEqualTo(ProjectState.DISCONTINUED);

		// Checked again while still archived: nothing new is recorded.
		JobRuns.run(this.http, this.organizer, "activityCheck", Map.of("force", "true"));
		assertThat(this.mongo.count(
				new Query(Criteria.where("projectId").is(archived.id()).and("type").is(MilestoneType.DISCONTINUED)),
				FollowUpStates.MILESTONES))
			.isEqualTo(1);

		// Ten days later the team comes back and an organizer records a pilot: a later
		// milestone says otherwise.
		this.mongo.updateFirst(
				new Query(Criteria.where("projectId").is(archived.id()).and("type").is(MilestoneType.DISCONTINUED)),
				new Update().set("date", this.today.minusDays(10).toString()), FollowUpStates.MILESTONES);
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(archived.id())),
				new Update().set("outcomes.$[].date", this.today.minusDays(10).toString()), ProjectFollowUp.class);
		Http.GraphQlResult pilot = this.http.graphql(
				"mutation { recordOutcomeMilestone(input: {projectId: \"" + archived.id() + "\", type: PILOT, date: \""
						+ this.today + "\", agency: \"Taichung City\"}) " + "{ created } }",
				this.organizer.headers());
		assertThat(pilot.hasErrors()).as(pilot.body().toString()).isFalse();
		assertThat(followUp(archived).publicState()).isEqualTo(ProjectState.ACTIVE);
	}

	@Test
	void aShortRetryAfterIsSleptAndTheRequestRetried() throws Exception {
		String owner = FollowUpFixtures.unique("org");
		Project project = pitchedLongAgo("Busy", "https://github.com/" + owner + "/busy");
		this.api.answer(owner + "/busy",
				new FollowUpTestConfiguration.StubRepositoryApi.Answer(429, Map.of("Retry-After", "1"), "{}"),
				new FollowUpTestConfiguration.StubRepositoryApi.Answer(403,
						Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset",
								Long.toString(Instant.now().getEpochSecond() + 1)),
						"{\"message\":\"API rate limit exceeded\"}"),
				FollowUpTestConfiguration.StubRepositoryApi.Answer.pushed(this.today.minusDays(3) + "T00:00:00Z"));

		long started = System.nanoTime();
		JsonNode run = JobRuns.run(this.http, this.organizer, "activityCheck", Map.of());

		assertThat(run.path("exitCode").asString()).as(run.toString()).isEqualTo("COMPLETED");
		assertThat(this.api.requestsFor(owner + "/busy")).isEqualTo(3);
		assertThat(System.nanoTime() - started).as("waited about a second, twice").isGreaterThan(1_000_000_000L);
		assertThat(followUp(project).lastPushedOn()).isEqualTo(this.today.minusDays(3).toString());
	}

	@Test
	void aLongWaitStopsTheRunAndTheNextRunAfterTheResetStartsWithTheProjectsLeft() throws Exception {
		String owner = FollowUpFixtures.unique("org");
		List<Project> projects = new ArrayList<>();
		long reset = Instant.now().getEpochSecond() + 3600;
		for (int i = 0; i < 4; i++) {
			projects.add(pitchedLongAgo("Limited " + i, "https://github.com/" + owner + "/r" + i));
			// Whichever repository is asked first answers, and says the budget is used up
			// for an hour.
			this.api.answer(owner + "/r" + i,
					new FollowUpTestConfiguration.StubRepositoryApi.Answer(200,
							Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)),
							"{\"pushed_at\":\"" + this.today.minusDays(2) + "T00:00:00Z\"}"));
		}

		JsonNode stopped = JobRuns.run(this.http, this.organizer, "activityCheck", Map.of());

		assertThat(stopped.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(stopped.path("exitCode").asString()).isEqualTo("RATE_LIMITED");
		assertThat(stopped.path("exitDescription").asString()).contains("project(s) left");
		// The same as a code with its values, for the panel to say in the reader's
		// language (#17).
		assertThat(stopped.path("exitReason").path("code").asString()).isEqualTo("RATE_LIMITED");
		assertThat(stopped.path("exitReason").path("args").toString()).contains("{\"name\":\"left\",\"value\":\"3\"}")
			.contains("{\"name\":\"until\",\"value\":\"" + Instant.ofEpochSecond(reset) + "\"}");
		assertThat(stopped.path("progress").isNumber()).as(stopped.toString()).isTrue();
		assertThat(stopped.path("progress").asDouble()).as("a run stopped early never reads as done").isLessThan(1.0);
		assertThat(this.api.requests).as("no request after the budget ran out").hasSize(1);
		String first = this.api.requests.get(0);
		ActivityCheckState state = this.mongo.findById(ActivityCheckState.ID, ActivityCheckState.class);
		assertThat(state.blockedUntil()).isEqualTo(Instant.ofEpochSecond(reset));

		// Before the reset, a run asks nothing at all.
		this.client.forgetRateLimit();
		JsonNode blocked = JobRuns.run(this.http, this.organizer, "activityCheck", Map.of());
		assertThat(blocked.path("exitCode").asString()).isEqualTo("RATE_LIMITED");
		assertThat(this.api.requests).hasSize(1);

		// After the reset (simulated), the projects not checked go first, then nothing is
		// left.
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(ActivityCheckState.ID)),
				new Update().set("blockedUntil", Instant.now().minusSeconds(1)), ActivityCheckState.class);
		this.api.requests.clear();
		for (int i = 0; i < 4; i++) {
			this.api.answer(owner + "/r" + i,
					FollowUpTestConfiguration.StubRepositoryApi.Answer.pushed(this.today.minusDays(2) + "T00:00:00Z"));
		}
		JsonNode resumed = JobRuns.run(this.http, this.organizer, "activityCheck", Map.of());
		assertThat(resumed.path("exitCode").asString()).isEqualTo("COMPLETED");
		assertThat(this.api.repositoryRequests()).hasSize(3).doesNotContain(first);
		assertThat(projects).allSatisfy((p) -> assertThat(followUp(p).lastPushedOn()).isNotNull());
	}

}
