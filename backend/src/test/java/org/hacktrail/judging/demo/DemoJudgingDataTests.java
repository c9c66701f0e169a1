package org.hacktrail.judging.demo;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.sheet.ScoreSheet;
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
 * In the demo, the judge-public persona has proposals to score with a rubric, the
 * organizer sees progress and a ranking, and loading the demo data again changes nothing.
 */
@DemoServiceTest
class DemoJudgingDataTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoJudgingData demo;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aDemoJudgeHasWorkAndTheOrganizerSeesProgressAndARanking() {
		Http judge = signedIn("judge-public");
		JsonNode rounds = JudgingApi.ok(judge.graphql("{ judgingRounds(hackathonSlug: \"" + DemoJudgingData.HACKATHON
				+ "\") { id kind status criteria { id name { zhTW en } } } }"), "judgingRounds");
		JsonNode review = rounds.get(0);
		assertThat(review.path("status").asString()).isEqualTo("OPEN");
		assertThat(review.path("criteria")).hasSize(3);
		String roundId = review.path("id").asString();
		JsonNode mine = JudgingApi.ok(judge.graphql("query($r: ID!) { myAssignments(roundId: $r) { assigned submitted "
				+ "judge { sector conflicts { source } } proposals { proposal { title { zhTW } } sheet { id } } } }",
				Http.json().put("r", roundId)), "myAssignments");
		assertThat(mine.path("assigned").asInt()).isPositive();
		assertThat(mine.path("submitted").asInt()).isZero();
		assertThat(mine.path("judge").path("sector").asString()).isEqualTo("PUBLIC");
		assertThat(mine.path("judge").path("conflicts").findValuesAsString("source")).containsExactly("FOUND");

		Http organizer = signedIn("organizer");
		JsonNode progress = JudgingApi.ok(organizer.graphql(
				"query($r: ID!) { roundProgress(roundId: $r) { assigned "
						+ "submitted judges { judge { displayName } assigned submitted drafts } } }",
				Http.json().put("r", roundId)), "roundProgress");
		assertThat(progress.path("judges")).hasSize(5);
		assertThat(progress.path("submitted").asInt()).isPositive().isLessThan(progress.path("assigned").asInt());
		JsonNode ranking = JudgingApi.ok(
				organizer.graphql("query($r: ID!) { roundRanking(roundId: $r) { lines { rank "
						+ "finalScore proposal { title { zhTW } } } } }", Http.json().put("r", roundId)),
				"roundRanking");
		assertThat(ranking.path("lines").size()).isPositive();

		long rounds2 = this.mongo.count(new Query(), JudgingRound.class);
		long sheets = this.mongo.count(new Query(), ScoreSheet.class);
		this.demo.load();
		assertThat(this.mongo.count(new Query(), JudgingRound.class)).isEqualTo(rounds2);
		assertThat(this.mongo.count(new Query(), ScoreSheet.class)).isEqualTo(sheets);
	}

	private Http signedIn(String persona) {
		Http http = Http.localhost(this.port);
		http.get("/api/auth/options");
		assertThat(http.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"" + persona + "\"}").statusCode())
			.isEqualTo(200);
		return http;
	}

}
