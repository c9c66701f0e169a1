package org.hacktrail.judging.expo;

import java.util.List;
import java.util.UUID;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the judge's phone reads: the previous table to compare with, the visits answered
 * and the tables left on {@code nextExpoVisit}, and the judge's PAIRWISE rounds on
 * {@code myExpoRounds} (only for active judges of the round's hackathon).
 */
class ExpoJudgeViewTests extends JudgingApiTestSupport {

	static final String NEXT = "mutation($id: ID!) { nextExpoVisit(roundId: $id) { done answered remaining "
			+ "visit { proposalId number } previous { proposalId table { label } proposal { id } } } }";

	static final String MINE = "{ myExpoRounds { answered tables judge { id } round { id status method } } }";

	@Test
	void theJudgeSeesThePreviousTableTheVisitsAnsweredAndTheTablesLeft() {
		ExpoApi expo = new ExpoApi(this.http, this.organizer);
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String round = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 4);
		TestAccounts.Account judge = this.accounts.user("expo-view-" + unique());
		TestAccounts.Account outsider = this.accounts.user("expo-outsider-" + unique());
		this.api.judge(hackathon, judge, "PUBLIC");
		expo.pairwise(round, 1, 50, "11");
		// The organizer reads the proposals that need a table; a judge does not.
		String candidates = "query($id: ID!) { judgingRound(roundId: $id) { expoCandidates { id } } }";
		JsonNode forOrganizer = JudgingApi
			.ok(this.http.graphql(candidates, Http.json().put("id", round), this.organizer.headers()), "judgingRound");
		assertThat(forOrganizer.path("expoCandidates").findValues("id").stream().map(JsonNode::asString))
			.containsExactlyElementsOf(proposals.stream().sorted().toList());
		JsonNode forJudge = JudgingApi.ok(this.http.graphql(candidates, Http.json().put("id", round), judge.headers()),
				"judgingRound");
		assertThat(forJudge.path("expoCandidates").isNull()).isTrue();
		// Not listed before it opens.
		assertThat(JudgingApi.ok(this.http.graphql(MINE, judge.headers()), "myExpoRounds")
			.findValues("id")
			.stream()
			.map(JsonNode::asString)).doesNotContain(round);
		JudgingApi.ok(expo.tables(round, ExpoApi.tablesInRow(proposals), this.organizer), "configureExpoTables");
		this.api.statusOk(round, "OPEN", null);

		JsonNode mine = only(JudgingApi.ok(this.http.graphql(MINE, judge.headers()), "myExpoRounds"), round);
		assertThat(mine.path("answered").asInt()).isZero();
		assertThat(mine.path("tables").asInt()).isEqualTo(4);
		assertThat(mine.path("round").path("method").asString()).isEqualTo("PAIRWISE");
		assertThat(JudgingApi.ok(this.http.graphql(MINE, outsider.headers()), "myExpoRounds")).isEmpty();
		assertThat(this.http.graphql(MINE).errorCode()).isEqualTo("UNAUTHENTICATED");

		JsonNode first = next(round, judge);
		assertThat(first.path("previous").isNull()).isTrue();
		assertThat(first.path("answered").asInt()).isZero();
		assertThat(first.path("remaining").asInt()).isEqualTo(4);
		String firstId = first.path("visit").path("proposalId").asString();
		JudgingApi.ok(expo.compare(ExpoApi.comparison(round, ExpoApi.clientId(), firstId, null, null), judge),
				"recordExpoComparison");

		JsonNode second = next(round, judge);
		assertThat(second.path("previous").path("proposalId").asString()).isEqualTo(firstId);
		assertThat(second.path("previous").path("proposal").path("id").asString()).isEqualTo(firstId);
		assertThat(second.path("previous").path("table").path("label").asString())
			.isEqualTo("Table " + (proposals.indexOf(firstId) + 1));
		assertThat(second.path("answered").asInt()).isEqualTo(1);
		assertThat(second.path("remaining").asInt()).isEqualTo(3);
		String secondId = second.path("visit").path("proposalId").asString();
		JudgingApi.ok(expo.skip(round, ExpoApi.clientId(), secondId, "ABSENT", judge), "skipExpoVisit");

		// A skipped table is not the previous one: the comparison is still with the
		// first.
		JsonNode third = next(round, judge);
		assertThat(third.path("previous").path("proposalId").asString()).isEqualTo(firstId);
		assertThat(third.path("answered").asInt()).isEqualTo(2);
		assertThat(third.path("remaining").asInt()).isEqualTo(2);
		mine = only(JudgingApi.ok(this.http.graphql(MINE, judge.headers()), "myExpoRounds"), round);
		assertThat(mine.path("answered").asInt()).isEqualTo(2);
	}

	private JsonNode next(String round, TestAccounts.Account judge) {
		return JudgingApi.ok(this.http.graphql(NEXT, Http.json().put("id", round), judge.headers()), "nextExpoVisit");
	}

	private static JsonNode only(JsonNode rounds, String round) {
		for (JsonNode item : rounds) {
			if (item.path("round").path("id").asString().equals(round)) {
				return item;
			}
		}
		throw new AssertionError("Round " + round + " is not in " + rounds);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
