package org.hacktrail.followup;

import java.time.LocalDate;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code statisticsRollup} and the statistics query: the public sees published hackathons
 * and verified outcomes, organizers everything but DRAFTs and rejections; filters by
 * kind, years and issue area. The dataset sits in 2011–2012, away from the other tests'
 * hackathons.
 */
@ServiceTest
class StatisticsTests {

	static final String QUERY = """
			query($filter: OutcomeStatisticsFilter, $view: StatisticsView) {
			  outcomeStatistics(filter: $filter, view: $view) {
			    view computedAt
			    total { proposals teams shortlisted outstanding notSelected funded adopted integrated
			      fundingTotals { currency amount } medianMonthsToAdoption
			      stages { name count rateOfProposals within rateWithin rateOfPrevious }
			      outstandingVsNotSelected { outstanding { count funded fundedRate } notSelected { count integrated integratedRate } } }
			    byHackathon { slug year kind funnel { proposals adopted } }
			    byYear { year funnel { proposals } }
			    byKind { kind funnel { proposals } }
			    byIssueArea { issueArea { id } funnel { proposals funded } }
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

	@Test
	void thePublicSeesPublishedVerifiedOutcomesAndOrganizersSeeEverything() throws Exception {
		Http http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		TestAccounts.Account organizer = accounts.organizer();
		TestAccounts.Account user = accounts.user(FollowUpFixtures.unique("user"));
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		Hackathon published = fixtures.hackathon(HackathonKind.PRESIDENTIAL, HackathonPhase.FOLLOW_UP,
				LocalDate.of(2011, 8, 1), LocalDate.of(2011, 8, 2));
		Hackathon judging = fixtures.hackathon(HackathonKind.PRESIDENTIAL, HackathonPhase.JUDGING,
				LocalDate.of(2012, 8, 1), LocalDate.of(2012, 8, 2));
		Project a = fixtures.project("Stats A", null);
		Project b = fixtures.project("Stats B", null);
		Project c = fixtures.project("Stats C", null);
		fixtures.proposal(published, "p1", null, a, 4, List.of("health"), ProposalStatus.SUBMITTED,
				ProposalStatus.IN_REVIEW, ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST,
				ProposalStatus.OUTSTANDING);
		fixtures.proposal(published, "p2", null, b, 1, List.of("environment"), ProposalStatus.SUBMITTED,
				ProposalStatus.TEAM_FORMING, ProposalStatus.HACKING, ProposalStatus.IN_REVIEW,
				ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST, ProposalStatus.NOT_SELECTED);
		fixtures.proposal(published, "p3", null, null, 3, List.of("health"), ProposalStatus.SUBMITTED,
				ProposalStatus.IN_REVIEW, ProposalStatus.NOT_SHORTLISTED);
		fixtures.proposal(published, "draft", null, null, 1, List.of("health"));
		fixtures.proposal(judging, "p4", null, c, 1, List.of(), ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW,
				ProposalStatus.SHORTLISTED);
		fixtures.milestone(a, MilestoneType.FUNDED, LocalDate.of(2011, 12, 1), VerificationState.VERIFIED, "MODA",
				"100", "TWD");
		fixtures.milestone(a, MilestoneType.ADOPTED, LocalDate.of(2012, 3, 1), VerificationState.PENDING, "NDC", null,
				null);
		fixtures.milestone(a, MilestoneType.PILOT, LocalDate.of(2012, 1, 1), VerificationState.REJECTED, "X", null,
				null);
		fixtures.milestone(b, MilestoneType.INTEGRATED_INTO_OPERATIONS, LocalDate.of(2013, 1, 2),
				VerificationState.VERIFIED, "MOHW", null, null);
		fixtures.milestone(c, MilestoneType.FUNDED, LocalDate.of(2012, 10, 1), VerificationState.VERIFIED, "NSTC", "50",
				"USD");

		JsonNode run = JobRuns.run(http, organizer, "statisticsRollup", Map.of());
		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
		assertThat(run.path("steps").findValuesAsString("name")).containsExactly("projectTrailStep",
				"statisticsRollupStep");
		assertThat(this.mongo.findById(a.id(), ProjectFollowUp.class).state()).isEqualTo(ProjectState.ADOPTED);

		Map<String, Object> years = Map.of("kind", "PRESIDENTIAL", "fromYear", 2011, "toYear", 2012);
		JsonNode anonymous = statistics(http, null, years, null);
		assertThat(anonymous.path("view").asString()).isEqualTo("PUBLIC");
		assertThat(anonymous.path("computedAt").isNull()).isFalse();
		assertThat(anonymous.path("byHackathon").findValuesAsString("slug")).containsExactly(published.slug());
		JsonNode total = anonymous.path("total");
		assertThat(List.of(total.path("proposals").asInt(), total.path("teams").asInt(),
				total.path("shortlisted").asInt(), total.path("outstanding").asInt(), total.path("notSelected").asInt(),
				total.path("funded").asInt(), total.path("adopted").asInt(), total.path("integrated").asInt()))
			.containsExactly(3, 3, 2, 1, 1, 1, 1, 1);
		assertThat(total.path("fundingTotals").toString()).isEqualTo("[{\"currency\":\"TWD\",\"amount\":\"100\"}]");
		assertThat(total.path("medianMonthsToAdoption").asDouble()).isEqualTo(17.0);
		assertThat(total.path("stages").path(2).path("rateOfProposals").asDouble()).isEqualTo(2 / 3.0);
		// Each stage's rate names what it is a share of; shortlisted is of the proposals
		// (competitions shortlist written proposals without a team), outstanding of the
		// shortlisted.
		assertThat(total.path("stages").path(2).path("within").asString()).isEqualTo("proposals");
		assertThat(total.path("stages").path(2).path("rateOfPrevious").isNull()).isTrue();
		assertThat(total.path("stages").path(3).path("within").asString()).isEqualTo("shortlisted");
		assertThat(total.path("stages").path(3).path("rateWithin").asDouble()).isEqualTo(0.5);
		assertThat(total.path("stages").findValues("rateWithin")).allSatisfy(
				(rate) -> assertThat(rate.isNull() || rate.asDouble() <= 1.0).as("rateWithin %s", rate).isTrue());
		assertThat(total.path("outstandingVsNotSelected").path("outstanding").path("fundedRate").asDouble())
			.isEqualTo(1.0);
		assertThat(total.path("outstandingVsNotSelected").path("notSelected").path("integratedRate").asDouble())
			.isEqualTo(1.0);
		assertThat(anonymous.path("byIssueArea").toString()).contains("\"health\"").contains("\"environment\"");

		JsonNode organizers = statistics(http, organizer, years, null);
		assertThat(organizers.path("view").asString()).isEqualTo("ORGANIZER");
		assertThat(organizers.path("byHackathon").findValuesAsString("slug")).containsExactly(published.slug(),
				judging.slug());
		assertThat(organizers.path("total").path("proposals").asInt()).isEqualTo(4);
		assertThat(organizers.path("total").path("adopted").asInt()).as("the pending adoption counts").isEqualTo(2);
		assertThat(organizers.path("total").path("fundingTotals").findValuesAsString("currency")).containsExactly("TWD",
				"USD");
		assertThat(statistics(http, organizer, years, "PUBLIC").path("total").path("proposals").asInt()).isEqualTo(3);

		JsonNode health = statistics(http, null, Map.of("fromYear", 2011, "toYear", 2011, "issueArea", "醫療健康"), null);
		assertThat(health.path("total").path("proposals").asInt()).isEqualTo(2);
		assertThat(health.path("total").path("funded").asInt()).isEqualTo(1);
		assertThat(health.path("byIssueArea").findValuesAsString("id")).containsExactly("health");

		assertThat(result(http, null, years, "ORGANIZER").errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(result(http, user, years, "ORGANIZER").errorCode()).isEqualTo("FORBIDDEN");
		assertThat(result(http, null, Map.of("issueArea", "no-such-area"), null).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(result(http, null, Map.of("fromYear", 2013, "toYear", 2012), null).errorCode())
			.isEqualTo("BAD_USER_INPUT");
	}

	private JsonNode statistics(Http http, TestAccounts.Account as, Map<String, Object> filter, String view) {
		Http.GraphQlResult result = result(http, as, filter, view);
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("outcomeStatistics");
	}

	private Http.GraphQlResult result(Http http, TestAccounts.Account as, Map<String, Object> filter, String view) {
		var variables = Http.json();
		var f = variables.putObject("filter");
		filter.forEach((key, value) -> {
			if (value instanceof Integer number) {
				f.put(key, number);
			}
			else {
				f.put(key, value.toString());
			}
		});
		if (view != null) {
			variables.put("view", view);
		}
		return (as != null) ? http.graphql(QUERY, variables, as.headers()) : http.graphql(QUERY, variables);
	}

}
