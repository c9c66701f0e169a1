package org.hacktrail.judging.reminder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.hacktrail.team.TeamTestConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminding late judges over the API: exactly the judges with sheets not submitted get
 * one notification each, listing what is left and the deadline; a judge with nothing left
 * gets nothing; a second reminder within the hour is skipped; only organizers remind, and
 * a wrong judge id or a round that is not OPEN changes nothing. In an expo round, what is
 * left is the tables not visited yet.
 */
class JudgeReminderTests extends JudgingApiTestSupport {

	static final String REMIND = """
			mutation($i: RemindJudgesInput!) { remindJudges(input: $i) { remindedCount
			  reminded { judge { id } remaining proposals { id } dueAt remindedAt }
			  skipped { judge { id } reason remindedAt } } }""";

	static final String WORK_LEFT = """
			query($r: ID!) { judgesWithWorkLeft(roundId: $r) { judge { id userId } remaining
			  proposals { id title { en } } dueAt remindedAt } }""";

	static final String NOTIFICATIONS = "{ notifications(first: 50) { edges { node { type link "
			+ "parameters { name value } } } } }";

	JudgingApi.Hackathon hackathon;

	String roundId;

	Map<String, String> titles = new HashMap<>();

	List<TestAccounts.Account> judges = new ArrayList<>();

	Map<String, String> judgeIds = new HashMap<>();

	@BeforeEach
	void openRoundWithThreeJudges() {
		this.hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		this.roundId = this.hackathon.roundIds().get(0);
		for (int i = 0; i < 3; i++) {
			String title = "Reminded " + i + " " + UUID.randomUUID().toString().substring(0, 6);
			this.titles.put(this.api.proposal(this.hackathon, title, null), title);
		}
		for (String sector : List.of("PUBLIC", "PRIVATE", "PUBLIC")) {
			TestAccounts.Account judge = this.accounts.user("remind-" + UUID.randomUUID().toString().substring(0, 8));
			this.judgeIds.put(judge.id(), this.api.judge(this.hackathon, judge, sector).path("id").asString());
			this.judges.add(judge);
		}
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2));
		this.api.assignOk(this.roundId, "11");
		this.api.statusOk(this.roundId, "OPEN", null);
		ObjectNode schedule = Http.json();
		schedule.putObject("i").put("roundId", this.roundId).put("closesAt", "2026-12-20T18:00:00+08:00");
		JudgingApi.ok(this.http.graphql(
				"mutation($i: SetRoundScheduleInput!) { setRoundSchedule(input: $i) " + "{ round { id } } }", schedule,
				this.organizer.headers()), "setRoundSchedule");
	}

	@AfterEach
	void resetClock() {
		TeamTestConfiguration.CLOCK.reset();
	}

	@Test
	void exactlyTheLateJudgesAreRemindedOfWhatIsLeftAndNotTwiceWithinTheHour() {
		TestAccounts.Account done = this.judges.get(0);
		TestAccounts.Account halfway = this.judges.get(1);
		TestAccounts.Account late = this.judges.get(2);
		List<String> doneWork = this.api.assigned(this.roundId, done);
		doneWork.forEach((p) -> this.api.score(this.roundId, p, 7, 7, done));
		List<String> halfwayWork = this.api.assigned(this.roundId, halfway);
		this.api.score(this.roundId, halfwayWork.get(0), 5, 5, halfway);
		// A draft is not submitted: still work left.
		JudgingApi.ok(this.api.save(JudgingApi.sheetInput(this.roundId, halfwayWork.get(1), 4.0, null, null), halfway),
				"saveScoreSheet");
		List<String> lateWork = this.api.assigned(this.roundId, late).stream().sorted().toList();

		JsonNode preview = JudgingApi.ok(
				this.http.graphql(WORK_LEFT, Http.json().put("r", this.roundId), this.organizer.headers()),
				"judgesWithWorkLeft");
		Map<String, JsonNode> byUser = new HashMap<>();
		preview.forEach((w) -> byUser.put(w.path("judge").path("userId").asString(), w));
		assertThat(byUser).containsOnlyKeys(halfway.id(), late.id());
		assertThat(byUser.get(halfway.id()).path("remaining").asInt()).isEqualTo(halfwayWork.size() - 1);
		assertThat(byUser.get(late.id()).path("proposals").findValuesAsString("id")).isEqualTo(lateWork);
		assertThat(byUser.get(late.id()).path("dueAt").asString()).isEqualTo("2026-12-20T10:00:00.000Z");
		assertThat(byUser.get(late.id()).path("remindedAt").isNull()).isTrue();

		JsonNode reminded = JudgingApi.ok(remind(null, this.organizer), "remindJudges");
		assertThat(reminded.path("remindedCount").asInt()).isEqualTo(2);
		List<String> remindedIds = new ArrayList<>();
		reminded.path("reminded").forEach((w) -> remindedIds.add(w.path("judge").path("id").asString()));
		assertThat(remindedIds).containsExactlyInAnyOrder(this.judgeIds.get(halfway.id()),
				this.judgeIds.get(late.id()));
		assertThat(reminded.path("skipped")).hasSize(1);
		assertThat(reminded.path("skipped").get(0).path("judge").path("id").asString())
			.isEqualTo(this.judgeIds.get(done.id()));
		assertThat(reminded.path("skipped").get(0).path("reason").asString()).isEqualTo("NOTHING_LEFT");

		// The late judge's one notification lists what is left and the deadline with the
		// event's time zone; the judge with nothing left got nothing.
		List<JsonNode> lateNotes = reminders(late);
		assertThat(lateNotes).hasSize(1);
		Map<String, String> parameters = parameters(lateNotes.get(0));
		assertThat(parameters).containsEntry("remaining", Integer.toString(lateWork.size()))
			.containsEntry("closesAt", "2026-12-20T10:00:00Z")
			.containsEntry("timeZone", "Asia/Taipei")
			.containsEntry("roundId", this.roundId)
			.containsEntry("method", "RUBRIC")
			.containsEntry("hackathonNameZhTW", "評審測試")
			.containsEntry("hackathonNameEn", "Judging test");
		for (int i = 0; i < lateWork.size(); i++) {
			assertThat(parameters).containsEntry("proposal" + (i + 1), this.titles.get(lateWork.get(i)));
		}
		assertThat(parameters).doesNotContainKey("more");
		assertThat(lateNotes.get(0).path("link").asString()).isEqualTo("/judge");
		Map<String, String> halfwayNote = parameters(reminders(halfway).get(0));
		assertThat(halfwayNote).containsEntry("remaining", Integer.toString(halfwayWork.size() - 1))
			.doesNotContainValue(this.titles.get(halfwayWork.get(0)));
		assertThat(reminders(done)).isEmpty();

		// Again within the hour: skipped with when, nothing sent.
		JsonNode again = JudgingApi.ok(remind(null, this.organizer), "remindJudges");
		assertThat(again.path("remindedCount").asInt()).isZero();
		assertThat(again.path("skipped").findValuesAsString("reason")).containsExactlyInAnyOrder("NOTHING_LEFT",
				"RECENTLY_REMINDED", "RECENTLY_REMINDED");
		again.path("skipped").forEach((s) -> {
			if (s.path("reason").asString().equals("RECENTLY_REMINDED")) {
				assertThat(s.path("remindedAt").isNull()).isFalse();
			}
		});
		assertThat(reminders(late)).hasSize(1);

		// An hour later the late judges can be reminded again.
		TeamTestConfiguration.CLOCK.advance(Duration.ofMinutes(61));
		JsonNode later = JudgingApi.ok(remind(null, this.organizer), "remindJudges");
		assertThat(later.path("remindedCount").asInt()).isEqualTo(2);
		assertThat(reminders(late)).hasSize(2);
		TeamTestConfiguration.CLOCK.reset();

		// The reminder is an audit event of the round.
		JsonNode events = JudgingApi.ok(this.http
			.graphql("query { auditEvents(type: JUDGES_REMINDED, first: 100) { edges { node { actorId subjectId "
					+ "details { key value } } } } }", this.organizer.headers()),
				"auditEvents")
			.path("edges");
		List<JsonNode> mine = new ArrayList<>();
		events.forEach((e) -> {
			if (this.roundId.equals(e.path("node").path("subjectId").asString())) {
				mine.add(e.path("node"));
			}
		});
		assertThat(mine).hasSize(2);
		assertThat(mine.get(0).path("actorId").asString()).isEqualTo(this.organizer.id());
		assertThat(mine.get(0).path("details").toString()).contains("\"reminded\"", "\"value\":\"2\"");
	}

	@Test
	void namedJudgesOnlyAndOnlyOrganizers() {
		TestAccounts.Account late = this.judges.get(2);
		TestAccounts.Account proposer = this.accounts.user("remind-proposer-" + System.nanoTime());
		for (TestAccounts.Account wrong : List.of(this.judges.get(0), proposer)) {
			assertThat(remind(null, wrong).errorCode()).isEqualTo("FORBIDDEN");
			assertThat(this.http.graphql(WORK_LEFT, Http.json().put("r", this.roundId), wrong.headers()).errorCode())
				.isEqualTo("FORBIDDEN");
		}
		assertThat(remind(null, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		Http.GraphQlResult unknown = remind(List.of(this.judgeIds.get(late.id()), "no-such-judge"), this.organizer);
		assertThat(unknown.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(unknown.errorMessage()).contains("no-such-judge");
		this.judges.forEach((j) -> assertThat(reminders(j)).as("nobody reminded").isEmpty());

		JsonNode one = JudgingApi.ok(remind(List.of(this.judgeIds.get(late.id())), this.organizer), "remindJudges");
		assertThat(one.path("remindedCount").asInt()).isEqualTo(1);
		assertThat(one.path("skipped")).isEmpty();
		assertThat(reminders(late)).hasSize(1);
		assertThat(reminders(this.judges.get(0))).isEmpty();

		// A round that is not OPEN: refused.
		this.api.closeLeavingUnsubmittedOut(this.roundId);
		assertThat(remind(null, this.organizer).errorCode()).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void inAnExpoRoundWhatIsLeftIsTheTablesNotVisited() {
		JudgingApi.Hackathon expo = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String round = expo.roundIds().get(0);
		List<String> proposals = this.api.proposals(expo, 3);
		TestAccounts.Account walker = this.accounts.user("remind-walk-" + UUID.randomUUID().toString().substring(0, 8));
		TestAccounts.Account idle = this.accounts.user("remind-idle-" + UUID.randomUUID().toString().substring(0, 8));
		this.api.judge(expo, walker, "PUBLIC");
		String idleId = this.api.judge(expo, idle, "PRIVATE").path("id").asString();
		this.api.openPairwise(round, proposals, "3");
		// The walker answers the first table.
		JsonNode visit = JudgingApi
			.ok(this.http.graphql("mutation($r: ID!) { nextExpoVisit(roundId: $r) " + "{ visit { proposalId } } }",
					Http.json().put("r", round), walker.headers()), "nextExpoVisit")
			.path("visit");
		ObjectNode answer = Http.json();
		answer.putObject("i")
			.put("roundId", round)
			.put("clientId", UUID.randomUUID().toString())
			.put("currentProposalId", visit.path("proposalId").asString());
		JudgingApi.ok(this.http.graphql(
				"mutation($i: RecordExpoComparisonInput!) { recordExpoComparison(" + "input: $i) { visit { id } } }",
				answer, walker.headers()), "recordExpoComparison");

		JsonNode reminded = JudgingApi.ok(this.http.graphql(REMIND,
				Http.json().set("i", Http.json().put("roundId", round)), this.organizer.headers()), "remindJudges");
		assertThat(reminded.path("remindedCount").asInt()).isEqualTo(2);
		Map<String, JsonNode> byJudge = new HashMap<>();
		reminded.path("reminded").forEach((w) -> byJudge.put(w.path("judge").path("id").asString(), w));
		assertThat(byJudge.get(idleId).path("remaining").asInt()).isEqualTo(3);
		List<JsonNode> walkerNotes = reminders(walker);
		assertThat(walkerNotes).hasSize(1);
		assertThat(parameters(walkerNotes.get(0))).containsEntry("remaining", "2").containsEntry("method", "PAIRWISE");
		assertThat(walkerNotes.get(0).path("link").asString()).isEqualTo("/judge/rounds/" + round + "/expo");
		assertThat(parameters(walkerNotes.get(0))).doesNotContainKey("closesAt");
	}

	private Http.GraphQlResult remind(List<String> judgeIds, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("roundId", this.roundId);
		if (judgeIds != null) {
			ArrayNode ids = input.putArray("judgeIds");
			judgeIds.forEach(ids::add);
		}
		return this.http.graphql(REMIND, Http.json().set("i", input), (as != null) ? as.headers() : new String[0]);
	}

	private List<JsonNode> reminders(TestAccounts.Account judge) {
		List<JsonNode> found = new ArrayList<>();
		JudgingApi.ok(this.http.graphql(NOTIFICATIONS, judge.headers()), "notifications").path("edges").forEach((e) -> {
			if (e.path("node").path("type").asString().equals("JUDGING_REMINDER")) {
				found.add(e.path("node"));
			}
		});
		return found;
	}

	private static Map<String, String> parameters(JsonNode notification) {
		Map<String, String> parameters = new HashMap<>();
		notification.path("parameters")
			.forEach((p) -> parameters.put(p.path("name").asString(), p.path("value").asString()));
		return parameters;
	}

}
