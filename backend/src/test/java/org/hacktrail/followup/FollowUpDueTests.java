package org.hacktrail.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.hacktrail.team.JoinedVia;
import org.hacktrail.team.Team;
import org.hacktrail.team.TeamMember;
import org.hacktrail.team.TeamRole;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code followUpDue}: one request per project at its hackathon's current checkpoint, the
 * team leads notified, never twice for the same project and checkpoint however often the
 * job runs; a request left un-notified (a crash between opening and notifying) is
 * notified by the next run, once.
 */
@ServiceTest
class FollowUpDueTests {

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

	@Autowired
	ProjectTeamLeads leads;

	@Test
	void requestsOpenOncePerProjectAndCheckpointAndTheLeadsAreNotified() throws Exception {
		Http http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		TestAccounts.Account organizer = accounts.organizer();
		TestAccounts.Account lead = accounts.user(FollowUpFixtures.unique("lead"));
		TestAccounts.Account otherLead = accounts.user(FollowUpFixtures.unique("lead"));
		TestAccounts.Account stranger = accounts.user(FollowUpFixtures.unique("stranger"));
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));

		// Ended 4 months ago: the 3-month checkpoint is current.
		Hackathon recent = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.FOLLOW_UP,
				today.minusMonths(4).minusDays(1), today.minusMonths(4));
		// Ended 13 months ago: the 12-month checkpoint.
		Hackathon lastYear = fixtures.hackathon(HackathonKind.PRESIDENTIAL, HackathonPhase.ARCHIVED,
				today.minusMonths(13).minusDays(1), today.minusMonths(13));
		// Ended 5 weeks ago: nothing due yet. Ended 4 years ago: only yearly requests,
		// and
		// none for a project without a sign of life (afterTwoYears… below).
		Hackathon tooSoon = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.FOLLOW_UP,
				today.minusWeeks(5).minusDays(1), today.minusWeeks(5));
		Hackathon tooLate = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.ARCHIVED,
				today.minusYears(4).minusDays(1), today.minusYears(4));

		Project shared = fixtures.project("Shared", null);
		Project withdrawn = fixtures.project("Withdrawn", null);
		Project owed = fixtures.project("Owed", null);
		Project quiet = fixtures.project("Too soon", null);
		fixtures.proposal(recent, "Shared at recent", lead.id(), shared, 2, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(lastYear, "Shared at last year", otherLead.id(), shared, 2, List.of(),
				ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW, ProposalStatus.NOT_SHORTLISTED);
		fixtures.proposal(recent, "Withdrawn", lead.id(), withdrawn, 1, List.of(), ProposalStatus.SUBMITTED,
				ProposalStatus.WITHDRAWN);
		fixtures.proposal(recent, "No project", lead.id(), null, 1, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(recent, "Draft", lead.id(), fixtures.project("Draft", null), 1, List.of());
		fixtures.proposal(lastYear, "Owed", otherLead.id(), owed, 1, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(tooSoon, "Too soon", lead.id(), quiet, 1, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(tooLate, "Too late", lead.id(), quiet, 1, List.of(), ProposalStatus.SUBMITTED);
		// A previous run opened this request and died before notifying.
		String owedId = FollowUpRequest.id(owed.id(), lastYear.id(), 12);
		this.mongo.insert(new FollowUpRequest(owedId, owed.id(), lastYear.id(), 12, today.minusMonths(1).toString(),
				Instant.now(), FollowUpRequest.Status.OPEN, List.of(otherLead.id()), null, null, null, null));

		JsonNode run = JobRuns.run(http, organizer, "followUpDue", Map.of());
		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");

		List<FollowUpRequest> requests = requestsOf(shared, withdrawn, owed, quiet);
		assertThat(requests).extracting(FollowUpRequest::id)
			.containsExactlyInAnyOrder(FollowUpRequest.id(shared.id(), recent.id(), 3),
					FollowUpRequest.id(shared.id(), lastYear.id(), 12), owedId);
		assertThat(requests).allSatisfy((r) -> assertThat(r.notifiedAt()).isNotNull());
		FollowUpRequest sharedRecent = requests.stream()
			.filter((r) -> r.hackathonId().equals(recent.id()))
			.findFirst()
			.orElseThrow();
		assertThat(sharedRecent.dueOn()).isEqualTo(today.minusMonths(4).plusMonths(3).toString());
		assertThat(sharedRecent.leads()).containsExactlyInAnyOrder(lead.id(), otherLead.id());
		List<FollowUpTestConfiguration.RecordingNotifier.Sent> sent = requested(shared, owed);
		assertThat(sent).hasSize(3);
		assertThat(sent).filteredOn((s) -> s.projectId().equals(owed.id()))
			.singleElement()
			.satisfies((s) -> assertThat(s.recipients()).containsExactly(otherLead.id()));
		// Delivered: each lead finds the request in their notifications, linking to the
		// project.
		JsonNode leadsInbox = http
			.graphql("{ notifications(first: 50) { edges { node { type link parameters { name value } } } } }",
					lead.headers())
			.data()
			.path("notifications")
			.path("edges");
		assertThat(leadsInbox.findValuesAsString("type")).contains("PROJECT_FOLLOW_UP_REQUESTED");
		assertThat(leadsInbox.findValuesAsString("link")).contains("/projects/" + shared.id());
		// Each notice names the edition it follows, so that eight of them do not read
		// alike.
		assertThat(leadsInbox.findValuesAsString("name")).contains("hackathonSlug", "hackathonName");
		assertThat(http.graphql("{ notifications(first: 50) { edges { node { type } } } }", stranger.headers())
			.data()
			.path("notifications")
			.path("edges")
			.findValuesAsString("type")).doesNotContain("PROJECT_FOLLOW_UP_REQUESTED");

		// Again, and again: nothing new is opened, nobody is notified twice.
		JobRuns.run(http, organizer, "followUpDue", Map.of());
		JobRuns.run(http, organizer, "followUpDue", Map.of());
		assertThat(requestsOf(shared, withdrawn, owed, quiet)).hasSize(3);
		assertThat(requested(shared, owed)).hasSize(3);

		// The lead sees the open request and answers it by reporting a milestone; a
		// stranger cannot answer.
		JsonNode followUp = http
			.graphql("{ project(id: \"" + shared.id() + "\") { followUp { requests { id months "
					+ "status hackathon { slug } } } } }", lead.headers())
			.data()
			.path("project")
			.path("followUp");
		assertThat(followUp.path("requests").findValuesAsString("status")).containsOnly("OPEN");
		assertThat(followUp.path("requests").findValuesAsString("slug")).containsExactlyInAnyOrder(recent.slug(),
				lastYear.slug());
		assertThat(http
			.graphql("{ project(id: \"" + shared.id() + "\") { followUp { requests { id } } } }", stranger.headers())
			.data()
			.path("project")
			.path("followUp")
			.path("requests")).isEmpty();
		assertThat(http
			.graphql("mutation { answerFollowUpRequest(input: {id: \"" + sharedRecent.id()
					+ "\", answer: \"x\"}) { request { status } } }", stranger.headers())
			.errorCode()).isEqualTo("FORBIDDEN");
		Http.GraphQlResult reported = http.graphql(
				"mutation { recordOutcomeMilestone(input: {projectId: \"" + shared.id() + "\", type: PILOT, date: \""
						+ today.minusDays(2) + "\", agency: \"Hsinchu City\"}) { created } }",
				lead.headers());
		assertThat(reported.hasErrors()).as(reported.body().toString()).isFalse();
		assertThat(requestsOf(shared)).allSatisfy((r) -> {
			assertThat(r.status()).isEqualTo(FollowUpRequest.Status.ANSWERED);
			assertThat(r.answeredBy()).isEqualTo(lead.id());
		});
	}

	@Test
	void afterTwoYearsOnlyProjectsInServiceOrWithAnActiveTeamAreAskedOnceAYear() throws Exception {
		Http http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		TestAccounts.Account organizer = accounts.organizer();
		TestAccounts.Account lead = accounts.user(FollowUpFixtures.unique("lead"));
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
		// Ended 49 months ago: the 48-month checkpoint is current.
		Hackathon longAgo = fixtures.hackathon(HackathonKind.PRESIDENTIAL, HackathonPhase.ARCHIVED,
				today.minusMonths(49).minusDays(1), today.minusMonths(49));
		Project inService = fixtures.project("Still in service", null);
		Project forgotten = fixtures.project("Forgotten", null);
		Project stopped = fixtures.project("Stopped", null);
		fixtures.proposal(longAgo, "Still in service", lead.id(), inService, 1, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(longAgo, "Forgotten", lead.id(), forgotten, 1, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(longAgo, "Stopped", lead.id(), stopped, 1, List.of(), ProposalStatus.SUBMITTED);
		record(http, organizer, inService, "ADOPTED", today.minusMonths(40),
				", agency: \"Taipei City\", " + "evidenceUrl: \"https://example.org/adopted\"");
		record(http, organizer, forgotten, "PILOT", today.minusMonths(44), ", agency: \"Taipei City\"");
		record(http, organizer, stopped, "DISCONTINUED", today.minusMonths(2), "");

		JsonNode run = JobRuns.run(http, organizer, "followUpDue", Map.of());
		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");

		assertThat(requestsOf(inService, forgotten, stopped)).singleElement().satisfies((r) -> {
			assertThat(r.projectId()).isEqualTo(inService.id());
			assertThat(r.months()).isEqualTo(48);
			assertThat(r.dueOn()).isEqualTo(today.minusMonths(49).plusMonths(48).toString());
		});
		assertThat(requested(inService)).hasSize(1);
	}

	private static void record(Http http, TestAccounts.Account organizer, Project project, String type, LocalDate date,
			String fields) {
		Http.GraphQlResult recorded = http.graphql("mutation { recordOutcomeMilestone(input: {projectId: \""
				+ project.id() + "\", type: " + type + ", date: \"" + date + "\"" + fields + "}) { created } }",
				organizer.headers());
		assertThat(recorded.hasErrors()).as(recorded.body().toString()).isFalse();
	}

	@Test
	void aProjectsLeadsAreTheLeadMembersOfItsTeamsOrTheProposerWithoutATeam() {
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
		Hackathon hackathon = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.FOLLOW_UP,
				today.minusMonths(4).minusDays(1), today.minusMonths(4));
		Project project = fixtures.project("Led", null);
		String proposer = FollowUpFixtures.unique("proposer");
		String coLead = FollowUpFixtures.unique("co-lead");
		String developer = FollowUpFixtures.unique("developer");
		String earlierProposer = FollowUpFixtures.unique("earlier");
		String withTeam = fixtures
			.proposal(hackathon, "With a team", proposer, project, 1, List.of(), ProposalStatus.SUBMITTED)
			.id();
		String withoutTeam = fixtures
			.proposal(hackathon, "Without a team", earlierProposer, project, 1, List.of(), ProposalStatus.SUBMITTED)
			.id();
		// A proposal's team is created with it; take them away to stand for data from
		// before teams existed, then
		// give the first one a team with two leads and a developer.
		this.mongo.remove(new Query(Criteria.where("_id").in(withTeam, withoutTeam)), Team.class);
		Instant now = Instant.now();
		List<TeamMember> members = List.of(
				new TeamMember(proposer, "Proposer", TeamRole.LEAD, null, null, JoinedVia.PROPOSER, now),
				new TeamMember(coLead, "Co-lead", TeamRole.LEAD, null, null, JoinedVia.INVITATION, now),
				new TeamMember(developer, "Developer", TeamRole.DEVELOPER, null, null, JoinedVia.REQUEST, now));
		this.mongo.insert(new Team(withTeam, hackathon.id(), proposer, members, List.of(), List.of(), List.of(), null,
				false, null, List.of(proposer, coLead, developer), List.of(), List.of(), List.of(), now, now, 0L));

		assertThat(this.leads.leadsOf(project.id())).containsExactlyInAnyOrder(proposer, coLead, earlierProposer);
		assertThat(this.leads.leadsOf(List.of("no-such-project"))).isEmpty();
	}

	private List<FollowUpRequest> requestsOf(Project... projects) {
		return this.mongo.find(
				new Query(Criteria.where("projectId").in(java.util.Arrays.stream(projects).map(Project::id).toList())),
				FollowUpRequest.class);
	}

	private List<FollowUpTestConfiguration.RecordingNotifier.Sent> requested(Project... projects) {
		List<String> ids = java.util.Arrays.stream(projects).map(Project::id).toList();
		return this.notifier.sent.stream()
			.filter((s) -> s.kind().equals("FOLLOW_UP_REQUESTED") && ids.contains(s.projectId()))
			.toList();
	}

}
