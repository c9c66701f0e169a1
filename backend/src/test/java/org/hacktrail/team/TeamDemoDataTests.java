package org.hacktrail.team;

import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile: the proposer persona signs in and leads a team with open positions
 * and a pending join request (and has a notification about it); a presidential proposal
 * has a partner agency. Loading again adds nothing.
 */
@DemoServiceTest
class TeamDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	TeamDemoData demoData;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theDemoProposerLeadsATeamWithOpenPositionsAndAPendingRequest() {
		Http http = Http.localhost(this.port);
		http.get("/api/auth/options");
		assertThat(http.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"proposer\"}").statusCode()).isEqualTo(200);
		Http.GraphQlResult result = http.graphql("""
				{ myTeams { viewerCanManage openPositions { skill openings }
				    joinRequests(status: [PENDING]) { requesterName message position { skill } }
				    proposal { title { zhTW } status teamSize } }
				  unreadNotificationCount
				  notifications(first: 50) { edges { node { type } } } }""");
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		JsonNode team = null;
		for (JsonNode candidate : result.data().path("myTeams")) {
			if (TeamDemoData.PROPOSAL_TITLE.equals(candidate.path("proposal").path("title").path("zhTW").asString())) {
				team = candidate;
			}
		}
		assertThat(team).as(result.body().toString()).isNotNull();
		assertThat(team.path("viewerCanManage").asBoolean()).isTrue();
		assertThat(team.path("openPositions").findValuesAsString("skill")).contains("後端", "PM", "設計");
		assertThat(team.path("joinRequests")).hasSize(1);
		assertThat(team.path("joinRequests").get(0).path("message").asString()).contains("災害應變");
		assertThat(team.path("proposal").path("status").asString()).isEqualTo("TEAM_FORMING");
		assertThat(team.path("proposal").path("teamSize").asInt()).isEqualTo(2);
		assertThat(result.data().path("unreadNotificationCount").asInt()).isPositive();
		// Among the follow-up requests of the synthetic projects the demo proposer leads
		// (sent by the demo's first
		// followUpDue run), the team's join request.
		assertThat(result.data().path("notifications").toString()).contains("TEAM_JOIN_REQUEST_RECEIVED");

		JsonNode presidential = http
			.graphql("{ proposals(hackathonSlug: \"presidential-hackathon-2026\") { edges { node { title { zhTW } "
					+ "team { partnerAgency { name department } } } } } }")
			.data();
		assertThat(presidential.toString()).contains("衛生福利部").contains("長期照顧司");

		long teams = this.mongo.count(new Query(), Team.class);
		String before = this.mongo.findAll(Team.class).toString();
		this.demoData.load();
		assertThat(this.mongo.count(new Query(), Team.class)).isEqualTo(teams);
		assertThat(this.mongo.findAll(Team.class).toString()).isEqualTo(before);
	}

}
