package org.hacktrail.judging.expo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.judging.pairwise.NextChoice;
import org.hacktrail.judging.pairwise.NextProjectRequest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round's visits kept in memory for the walk ({@link ExpoRoundVisits}): judges asking
 * at once never exceed the bound of judges per table, and a visit another instance stored
 * (it moves the round's write counter) is seen by the next choice.
 */
class ExpoRoundVisitsTests extends JudgingApiTestSupport {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ExpoRoundVisits roundVisits;

	@Test
	void judgesAskingAtOnceNeverExceedTheBoundOfJudgesPerTable() throws Exception {
		ExpoApi expo = new ExpoApi(this.http, this.organizer);
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String round = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 3);
		List<TestAccounts.Account> judges = new ArrayList<>();
		for (int j = 0; j < 8; j++) {
			TestAccounts.Account judge = this.accounts
				.user("expo-bound-" + UUID.randomUUID().toString().substring(0, 8));
			this.api.judge(hackathon, judge, (j % 2 == 0) ? "PUBLIC" : "PRIVATE");
			judges.add(judge);
		}
		expo.pairwise(round, 1, 100, "11");
		JudgingApi.ok(expo.tables(round, ExpoApi.tablesInRow(proposals), this.organizer), "configureExpoTables");
		this.api.statusOk(round, "OPEN", null);

		// Eight judges, three tables, at most two judges at a table: six are sent, two
		// wait.
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(judges.size());
		List<Future<JsonNode>> asked = new ArrayList<>();
		for (TestAccounts.Account judge : judges) {
			asked.add(pool.submit(() -> {
				start.await();
				return JudgingApi.ok(expo.next(round, judge), "nextExpoVisit");
			}));
		}
		start.countDown();
		int sent = 0;
		for (Future<JsonNode> answer : asked) {
			JsonNode next = answer.get();
			if (!next.path("visit").isNull()) {
				sent++;
			}
			else {
				assertThat(next.path("done").asBoolean()).as("a judge who waits is not done").isFalse();
			}
		}
		pool.shutdown();
		List<ExpoVisit> open = this.mongo.find(
				new Query(Criteria.where("roundId").is(round).and("status").is(ExpoVisitStatus.OPEN)), ExpoVisit.class);
		Map<String, Long> perTable = open.stream()
			.collect(Collectors.groupingBy(ExpoVisit::proposalId, Collectors.counting()));
		assertThat(sent).isEqualTo(open.size()).isEqualTo(6);
		assertThat(perTable.values()).allSatisfy((judgesThere) -> assertThat(judgesThere)
			.isLessThanOrEqualTo(NextProjectRequest.DEFAULT_MAX_JUDGES_PER_TABLE));
	}

	@Test
	void aVisitAnotherInstanceStoredIsSeenByTheNextRead() {
		ExpoApi expo = new ExpoApi(this.http, this.organizer);
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String round = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 3);
		TestAccounts.Account judge = this.accounts.user("expo-cache-" + UUID.randomUUID().toString().substring(0, 8));
		this.api.judge(hackathon, judge, "PUBLIC");
		expo.pairwise(round, 1, 100, "12");
		JudgingApi.ok(expo.tables(round, ExpoApi.tablesInRow(proposals), this.organizer), "configureExpoTables");
		this.api.statusOk(round, "OPEN", null);
		JsonNode first = JudgingApi.ok(expo.next(round, judge), "nextExpoVisit").path("visit");
		assertThat(this.roundVisits.current(round)).extracting(ExpoVisit::id)
			.containsExactly(first.path("id").asString());

		// Another instance answers the visit and sends a second judge somewhere: it
		// writes the visits and moves the round's counter, as ExpoRoundVisits does.
		String clientId = UUID.randomUUID().toString();
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(first.path("id").asString())),
				new Update().set("status", ExpoVisitStatus.VISITED)
					.set("clientId", clientId)
					.set("answeredAt", Instant.now())
					.set("sequence", 1L),
				ExpoVisit.class);
		ExpoVisit elsewhere = new ExpoVisit(ExpoVisit.idOf(round, "another-judge", 1), round, hackathon.id(),
				"another-judge", 1, proposals.get(2),
				this.mongo.findById(first.path("id").asString(), ExpoVisit.class).table(), ExpoVisitStatus.OPEN,
				NextChoice.Reason.FIRST_VISIT, null, Instant.now(), null, null, null, null, null, null, null, null);
		this.mongo.insert(elsewhere);
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(round)), new Update().inc("writes", 2L),
				ExpoRoundVisits.RoundWrites.class);

		assertThat(this.roundVisits.current(round)).extracting(ExpoVisit::id, ExpoVisit::status)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(first.path("id").asString(), ExpoVisitStatus.VISITED),
					org.assertj.core.groups.Tuple.tuple(elsewhere.id(), ExpoVisitStatus.OPEN));
		// The first visit is answered now: the judge is sent to a second table, not
		// given the first one again as if it were still open.
		JsonNode second = JudgingApi.ok(expo.next(round, judge), "nextExpoVisit").path("visit");
		assertThat(second.path("number").asInt()).isEqualTo(2);
		assertThat(second.path("proposalId").asString()).isNotEqualTo(first.path("proposalId").asString());
	}

}
