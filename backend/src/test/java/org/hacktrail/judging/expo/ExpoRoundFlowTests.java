package org.hacktrail.judging.expo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.judging.pairwise.Comparison;
import org.hacktrail.judging.pairwise.JudgeReliability;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwisePriors;
import org.hacktrail.judging.pairwise.PairwiseRanking;
import org.hacktrail.judging.pairwise.PairwiseResult;
import org.hacktrail.judging.pairwise.RankedCandidate;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole small expo round over the API: three judges walk six tables by
 * {@code nextExpoVisit} and answer, one of them with a conflict; retries change nothing;
 * the organizers' ranking equals the pure method's on the stored answers.
 */
class ExpoRoundFlowTests extends JudgingApiTestSupport {

	@Test
	void threeJudgesWalkSixTablesAndTheRankingIsThePureMethodsOnTheStoredAnswers() {
		ExpoApi expo = new ExpoApi(this.http, this.organizer);
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String round = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 6);
		List<TestAccounts.Account> judges = new ArrayList<>();
		Map<String, String> judgeIds = new HashMap<>();
		for (String sector : List.of("PUBLIC", "PRIVATE", "PUBLIC")) {
			TestAccounts.Account judge = this.accounts.user("expo-" + UUID.randomUUID().toString().substring(0, 8));
			judgeIds.put(judge.id(), this.api.judge(hackathon, judge, sector).path("id").asString());
			judges.add(judge);
		}
		// The first judge has a conflict with the first proposal.
		TestAccounts.Account conflicted = judges.get(0);
		ObjectNode add = Http.json();
		add.putObject("i")
			.put("judgeId", judgeIds.get(conflicted.id()))
			.put("proposalId", proposals.get(0))
			.put("reason", "PERSONAL")
			.put("comment", "Former colleague");
		JudgingApi.ok(this.http.graphql("mutation($i: AddConflictInput!) { addConflict(input: $i) { judge { id } } }",
				add, this.organizer.headers()), "addConflict");

		JsonNode configured = expo.pairwise(round, 2, 200, "2026");
		assertThat(configured.path("seed").asString()).isEqualTo("2026");
		JsonNode tabled = JudgingApi
			.ok(expo.tables(round, ExpoApi.tablesInRow(proposals), this.organizer), "configureExpoTables")
			.path("round");
		assertThat(tabled.path("method").asString()).isEqualTo("PAIRWISE");
		assertThat(tabled.path("expoTables")).hasSize(6);
		assertThat(this.api.statusOk(round, "OPEN", null).path("status").asString()).isEqualTo("OPEN");
		proposals
			.forEach((p) -> assertThat(this.api.proposalStatus(p).path("status").asString()).isEqualTo("IN_REVIEW"));

		// The judges walk: each asks for a table (asking again gives the same one), then
		// answers it; the later proposals are the better ones.
		Map<String, String> previous = new HashMap<>();
		Set<String> done = new HashSet<>();
		int retried = 0;
		for (int step = 0; step < 60 && done.size() < judges.size(); step++) {
			Map<TestAccounts.Account, JsonNode> sent = new HashMap<>();
			for (TestAccounts.Account judge : judges) {
				if (done.contains(judge.id())) {
					continue;
				}
				JsonNode next = JudgingApi.ok(expo.next(round, judge), "nextExpoVisit");
				if (next.path("visit").isNull()) {
					if (next.path("done").asBoolean()) {
						done.add(judge.id());
					}
					continue;
				}
				JsonNode again = JudgingApi.ok(expo.next(round, judge), "nextExpoVisit");
				assertThat(again.path("visit").path("id")).isEqualTo(next.path("visit").path("id"));
				sent.put(judge, next.path("visit"));
			}
			for (Map.Entry<TestAccounts.Account, JsonNode> entry : sent.entrySet()) {
				TestAccounts.Account judge = entry.getKey();
				String current = entry.getValue().path("proposalId").asString();
				String before = previous.get(judge.id());
				String winner = (before == null) ? null
						: (proposals.indexOf(current) > proposals.indexOf(before)) ? "CURRENT" : "PREVIOUS";
				ObjectNode input = ExpoApi.comparison(round, ExpoApi.clientId(), current, before, winner);
				JsonNode answered = JudgingApi.ok(expo.compare(input, judge), "recordExpoComparison").path("visit");
				assertThat(answered.path("status").asString()).isEqualTo((before == null) ? "VISITED" : "COMPARED");
				assertThat(answered.path("answeredBy").asString()).isEqualTo(judge.id());
				assertThat(answered.path("answeredAt").isNull()).isFalse();
				if (step % 2 == 0) {
					// A retry (lost connection): the same stored answer, no second
					// effect.
					JsonNode retry = JudgingApi.ok(expo.compare(input, judge), "recordExpoComparison").path("visit");
					assertThat(retry).isEqualTo(answered);
					retried++;
				}
				previous.put(judge.id(), current);
			}
		}
		assertThat(done).hasSize(3);
		assertThat(retried).isPositive();

		JsonNode visits = expo.visitsOk(round);
		Map<String, List<String>> seen = new HashMap<>();
		List<Comparison> comparisons = new ArrayList<>();
		for (JsonNode visit : visits) {
			assertThat(visit.path("status").asString()).isIn("VISITED", "COMPARED");
			seen.computeIfAbsent(visit.path("judgeId").asString(), (k) -> new ArrayList<>())
				.add(visit.path("proposalId").asString());
			if (visit.path("status").asString().equals("COMPARED")) {
				boolean current = visit.path("winner").asString().equals("CURRENT");
				String here = visit.path("proposalId").asString();
				String before = visit.path("previousProposalId").asString();
				comparisons.add(new Comparison(visit.path("clientId").asString(), visit.path("judgeId").asString(),
						current ? here : before, current ? before : here,
						Long.parseUnsignedLong(visit.path("sequence").asString())));
			}
		}
		// Every judge saw every table once, except that the conflicted judge was never
		// sent to the conflicted proposal's table.
		assertThat(seen.get(judgeIds.get(conflicted.id()))).hasSize(5).doesNotContain(proposals.get(0));
		assertThat(seen.get(judgeIds.get(judges.get(1).id()))).containsExactlyInAnyOrderElementsOf(proposals);
		assertThat(seen.get(judgeIds.get(judges.get(2).id()))).containsExactlyInAnyOrderElementsOf(proposals);
		assertThat(comparisons).hasSize(4 + 5 + 5);

		JsonNode ranking = JudgingApi.ok(expo.ranking(round, this.organizer), "expoRanking");
		PairwiseResult pure = PairwiseRanking
			.rank(new PairwiseInput(proposals, comparisons, PairwisePriors.gavel(), 2, 3, 200, 2026));
		assertThat(ranking.path("algorithmVersion").asString()).isEqualTo("hacktrail-pairwise-1");
		assertThat(ranking.path("outstandingQuota").asInt()).isEqualTo(2);
		assertThat(ranking.path("bootstrapReplicates").asInt()).isEqualTo(200);
		assertThat(ranking.path("seed").asString()).isEqualTo("2026");
		assertThat(ranking.path("comparisonsCounted").asInt()).isEqualTo(14);
		assertThat(ranking.path("firstVisits").asInt()).isEqualTo(3);
		assertThat(ranking.path("lines")).hasSize(6);
		for (int i = 0; i < pure.ranking().size(); i++) {
			RankedCandidate expected = pure.ranking().get(i);
			JsonNode line = ranking.path("lines").get(i);
			assertThat(line.path("proposalId").asString()).isEqualTo(expected.candidateId());
			assertThat(line.path("rank").asInt()).isEqualTo(expected.rank());
			assertThat(line.path("score").asDouble()).isEqualTo(expected.score());
			assertThat(line.path("variance").asDouble()).isEqualTo(expected.variance());
			assertThat(line.path("comparisons").asInt()).isEqualTo(expected.comparisons());
			assertThat(line.path("sufficientEvidence").asBoolean()).isEqualTo(expected.sufficientEvidence());
			assertThat(line.path("inTopN").asBoolean()).isEqualTo(expected.inTopN());
			assertThat(line.path("rankLow").asInt()).isEqualTo(expected.rankLow());
			assertThat(line.path("rankHigh").asInt()).isEqualTo(expected.rankHigh());
			assertThat(line.path("probabilityTopN").asDouble()).isEqualTo(expected.probabilityTopN())
				.isStrictlyBetween(0.0, 1.0);
			assertThat(line.path("table").path("label").asString()).startsWith("Table ");
		}
		// The best proposal (the last) leads: every judge who compared it preferred it.
		assertThat(ranking.path("lines").get(0).path("proposalId").asString()).isEqualTo(proposals.get(5));
		assertThat(ranking.path("judges")).hasSize(3);
		for (int i = 0; i < pure.judges().size(); i++) {
			JudgeReliability expected = pure.judges().get(i);
			JsonNode judge = ranking.path("judges").get(i);
			assertThat(judge.path("judgeId").asString()).isEqualTo(expected.judgeId());
			assertThat(judge.path("alpha").asDouble()).isEqualTo(expected.alpha());
			assertThat(judge.path("beta").asDouble()).isEqualTo(expected.beta());
			assertThat(judge.path("reliability").asDouble()).isEqualTo(expected.reliability());
			assertThat(judge.path("displayName").asString()).isNotBlank();
		}
	}

}
