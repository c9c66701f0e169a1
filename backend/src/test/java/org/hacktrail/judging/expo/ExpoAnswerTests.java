package org.hacktrail.judging.expo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may walk an expo round and read its ranking, what a judge's answer must be, and
 * that an answer is stored once whatever the retries: refused requests store nothing.
 */
class ExpoAnswerTests extends JudgingApiTestSupport {

	ExpoApi expo;

	JudgingApi.Hackathon hackathon;

	String round;

	List<String> proposals;

	TestAccounts.Account judge;

	TestAccounts.Account proposer;

	@BeforeEach
	void pairwiseRound() {
		this.expo = new ExpoApi(this.http, this.organizer);
		this.hackathon = this.api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW", "FINAL");
		this.round = this.hackathon.roundIds().get(0);
		this.proposer = this.accounts.user("expo-proposer-" + unique());
		this.proposals = new ArrayList<>(this.api.proposals(this.hackathon, 3));
		this.proposals.add(this.api.proposal(this.hackathon, "Proposer's own " + unique(), this.proposer));
		this.judge = this.accounts.user("expo-judge-" + unique());
		this.api.judge(this.hackathon, this.judge, "PUBLIC");
		this.expo.pairwise(this.round, 1, 100, "7");
	}

	void open() {
		JudgingApi.ok(this.expo.tables(this.round, ExpoApi.tablesInRow(this.proposals), this.organizer),
				"configureExpoTables");
		this.api.statusOk(this.round, "OPEN", null);
	}

	@Test
	void aProposerAJudgeOfAnotherHackathonAndAnonymousCallersAreRefused() {
		open();
		JudgingApi.Hackathon other = this.api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW");
		TestAccounts.Account elsewhere = this.accounts.user("expo-elsewhere-" + unique());
		this.api.judge(other, elsewhere, "PRIVATE");
		ObjectNode first = ExpoApi.comparison(this.round, ExpoApi.clientId(), this.proposals.get(0), null, null);

		assertThat(this.expo.next(this.round, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.expo.compare(first, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.expo.skip(this.round, ExpoApi.clientId(), this.proposals.get(0), "ABSENT", null).errorCode())
			.isEqualTo("UNAUTHENTICATED");
		assertThat(this.expo.ranking(this.round, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.expo.visits(this.round, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		for (TestAccounts.Account refused : List.of(this.proposer, elsewhere)) {
			assertThat(this.expo.next(this.round, refused).errorCode()).isEqualTo("FORBIDDEN");
			assertThat(this.expo.compare(first, refused).errorCode()).isEqualTo("FORBIDDEN");
			assertThat(this.expo.ranking(this.round, refused).errorCode()).isEqualTo("FORBIDDEN");
		}
		// A judge of the round walks it, but neither reads the ranking nor sets tables.
		assertThat(this.expo.ranking(this.round, this.judge).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.expo.visits(this.round, this.judge).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.expo.tables(this.round, ExpoApi.tablesInRow(this.proposals), this.judge).errorCode())
			.isEqualTo("FORBIDDEN");
		assertThat(this.expo.visitsOk(this.round)).isEmpty();
	}

	@Test
	void badInputIsRefusedWithAClearErrorAndNothingIsStored() {
		// A RUBRIC round has no tables.
		String rubric = this.hackathon.roundIds().get(1);
		this.api.configureOk(JudgingApi.roundInput(rubric, 2));
		refused(this.expo.next(rubric, this.judge), "RUBRIC");
		refused(this.expo.compare(ExpoApi.comparison(rubric, ExpoApi.clientId(), this.proposals.get(0), null, null),
				this.judge), "RUBRIC");
		refused(this.expo.tables(rubric, ExpoApi.tablesInRow(this.proposals), this.organizer), "PAIRWISE");
		// A PAIRWISE round opens only when every candidate has a table, and its tables
		// show its candidates only.
		refused(this.api.status(this.round, "OPEN", null, this.organizer), "no table");
		List<String> withStranger = new ArrayList<>(this.proposals);
		withStranger.add("no-such-proposal");
		refused(this.expo.tables(this.round, ExpoApi.tablesInRow(withStranger), this.organizer), "not a candidate");
		// Not OPEN yet: no visits.
		JudgingApi.ok(this.expo.tables(this.round, ExpoApi.tablesInRow(this.proposals), this.organizer),
				"configureExpoTables");
		refused(this.expo.next(this.round, this.judge), "DRAFT");
		this.api.statusOk(this.round, "OPEN", null);
		ObjectNode method = Http.json().put("roundId", this.round).put("method", "RUBRIC").put("reason", "oops");
		refused(this.api.configure(method, this.organizer), "fixed once the round is OPEN");

		JsonNode visit = JudgingApi.ok(this.expo.next(this.round, this.judge), "nextExpoVisit").path("visit");
		String here = visit.path("proposalId").asString();
		String elsewhere = this.proposals.stream().filter((p) -> !p.equals(here)).findFirst().orElseThrow();
		refused(this.expo.compare(ExpoApi.comparison(this.round, ExpoApi.clientId(), "no-such-proposal", null, null),
				this.judge), "not a candidate");
		refused(this.expo.compare(ExpoApi.comparison(this.round, ExpoApi.clientId(), here, here, "CURRENT"),
				this.judge), "not with itself");
		refused(this.expo.compare(ExpoApi.comparison(this.round, ExpoApi.clientId(), elsewhere, null, null),
				this.judge), "You were sent to Table");
		refused(this.expo.compare(ExpoApi.comparison(this.round, ExpoApi.clientId(), here, elsewhere, "CURRENT"),
				this.judge), "first table");
		refused(this.expo.compare(ExpoApi.comparison(this.round, "", here, null, null), this.judge), "client id");
		JsonNode visits = this.expo.visitsOk(this.round);
		assertThat(visits).hasSize(1);
		assertThat(visits.get(0).path("status").asString()).isEqualTo("OPEN");
		assertThat(visits.get(0).path("clientId").isNull()).isTrue();

		// Answered once; the same id with other content is refused and changes nothing.
		String clientId = ExpoApi.clientId();
		JsonNode answered = JudgingApi
			.ok(this.expo.compare(ExpoApi.comparison(this.round, clientId, here, null, null), this.judge),
					"recordExpoComparison")
			.path("visit");
		refused(this.expo.skip(this.round, clientId, here, "ABSENT", this.judge), "other content");
		JsonNode second = JudgingApi.ok(this.expo.next(this.round, this.judge), "nextExpoVisit").path("visit");
		refused(this.expo.compare(
				ExpoApi.comparison(this.round, ExpoApi.clientId(), second.path("proposalId").asString(), here, null),
				this.judge), "CURRENT or PREVIOUS");
		refused(this.expo.compare(
				ExpoApi.comparison(this.round, ExpoApi.clientId(), second.path("proposalId").asString(), null, null),
				this.judge), "previous table");
		assertThat(this.expo.visitsOk(this.round).get(0)).isEqualTo(answered);

		// Once CLOSED no new answer, but a retry still gets its stored answer back.
		this.api.statusOk(this.round, "CLOSED", null);
		refused(this.expo.next(this.round, this.judge), "CLOSED");
		refused(this.expo.skip(this.round, ExpoApi.clientId(), second.path("proposalId").asString(), "ABSENT",
				this.judge), "CLOSED");
		assertThat(JudgingApi
			.ok(this.expo.compare(ExpoApi.comparison(this.round, clientId, here, null, null), this.judge),
					"recordExpoComparison")
			.path("visit")).isEqualTo(answered);
	}

	@Test
	void twoIdenticalAnswersAtOnceStoreOneAnswerAndASkippedTableIsNotComparedWith() throws Exception {
		open();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			String previous = null;
			List<String> skipped = new ArrayList<>();
			for (int visitNumber = 1; visitNumber <= this.proposals.size(); visitNumber++) {
				JsonNode visit = JudgingApi.ok(this.expo.next(this.round, this.judge), "nextExpoVisit").path("visit");
				assertThat(visit.path("number").asInt()).isEqualTo(visitNumber);
				String here = visit.path("proposalId").asString();
				String clientId = ExpoApi.clientId();
				boolean skip = visitNumber == 2;
				ObjectNode input = ExpoApi.comparison(this.round, clientId, here, previous,
						(previous != null) ? "PREVIOUS" : null);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Http.GraphQlResult>> answers = new ArrayList<>();
				for (int t = 0; t < 2; t++) {
					answers.add(pool.submit(() -> {
						start.await();
						return skip ? this.expo.skip(this.round, clientId, here, "ABSENT", this.judge)
								: this.expo.compare(input, this.judge);
					}));
				}
				start.countDown();
				String field = skip ? "skipExpoVisit" : "recordExpoComparison";
				JsonNode one = JudgingApi.ok(answers.get(0).get(), field).path("visit");
				JsonNode two = JudgingApi.ok(answers.get(1).get(), field).path("visit");
				assertThat(one).isEqualTo(two);
				assertThat(one.path("id")).isEqualTo(visit.path("id"));
				assertThat(one.path("clientId").asString()).isEqualTo(clientId);
				if (skip) {
					skipped.add(here);
				}
				else {
					previous = here;
				}
			}
			JsonNode visits = this.expo.visitsOk(this.round);
			assertThat(visits).hasSize(this.proposals.size());
			List<String> statuses = new ArrayList<>();
			visits.forEach((v) -> statuses.add(v.path("status").asString()));
			assertThat(statuses).containsExactly("VISITED", "SKIPPED", "COMPARED", "COMPARED");
			// The visit after the skipped table compared with the table before it.
			assertThat(visits.get(2).path("previousProposalId").asString())
				.isEqualTo(visits.get(0).path("proposalId").asString());
			assertThat(visits.get(1).path("skipReason").asString()).isEqualTo("ABSENT");
			assertThat(skipped).hasSize(1);
			JsonNode next = JudgingApi.ok(this.expo.next(this.round, this.judge), "nextExpoVisit");
			assertThat(next.path("visit").isNull()).isTrue();
			assertThat(next.path("done").asBoolean()).isTrue();
			JsonNode ranking = JudgingApi.ok(this.expo.ranking(this.round, this.organizer), "expoRanking");
			assertThat(ranking.path("comparisonsCounted").asInt()).isEqualTo(2);
			assertThat(ranking.path("skippedVisits").asInt()).isEqualTo(1);
			ranking.path("lines")
				.forEach((line) -> assertThat(line.path("sufficientEvidence").asBoolean()).as("few comparisons")
					.isFalse());
		}
		finally {
			pool.shutdownNow();
		}
	}

	static void refused(Http.GraphQlResult result, String messagePart) {
		assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.errorMessage()).contains(messagePart);
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
