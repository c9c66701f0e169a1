package org.hacktrail.judging.schedule;

import java.util.List;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round's timetable: organizers set when scoring is due and each candidate's pitch
 * order and room; a judge reads the deadline and the slots of their own proposals on
 * their list; anyone else is refused, and bad slots change nothing.
 */
class RoundScheduleTests extends JudgingApiTestSupport {

	static final String SET = "mutation($i: SetRoundScheduleInput!) { setRoundSchedule(input: $i) "
			+ "{ round { id closesAt } } }";

	static final String MY_JUDGING = "{ myJudging { round { id closesAt } proposals { proposalId } "
			+ "slots { proposalId pitchOrder room } } }";

	@Test
	void organizersSetTheTimetableAndAJudgeReadsItForTheirOwnProposals() {
		TestAccounts.Account judge = this.accounts.user("schedule-judge-" + System.nanoTime());
		TestAccounts.Account other = this.accounts.user("schedule-other-" + System.nanoTime());
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String roundId = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 3);
		this.api.judge(hackathon, judge, "PUBLIC");
		this.api.judge(hackathon, other, "PRIVATE");
		this.api.judge(hackathon, this.accounts.user("schedule-third-" + System.nanoTime()), "PUBLIC");
		this.api.configureOk(JudgingApi.roundInput(roundId, 2));
		this.api.assignOk(roundId, "7");
		this.api.statusOk(roundId, "OPEN", null);

		ObjectNode input = input(roundId, "2026-11-30T18:00:00+08:00");
		ArrayNode slots = input.putArray("slots");
		slots.addObject().put("proposalId", proposals.get(0)).put("pitchOrder", 2).put("room", " Room 201 ");
		slots.addObject().put("proposalId", proposals.get(1)).put("pitchOrder", 1);
		slots.addObject().put("proposalId", proposals.get(2)).put("room", "Stage B");
		JsonNode set = JudgingApi.ok(this.http.graphql(SET, Http.json().set("i", input), this.organizer.headers()),
				"setRoundSchedule");
		assertThat(set.path("round").path("closesAt").asString()).isEqualTo("2026-11-30T10:00:00.000Z");

		JsonNode mine = JudgingApi.ok(this.http.graphql(MY_JUDGING, Http.json(), judge.headers()), "myJudging").get(0);
		assertThat(mine.path("round").path("closesAt").asString()).isEqualTo("2026-11-30T10:00:00.000Z");
		List<String> assigned = mine.path("proposals").findValuesAsString("proposalId");
		// k = 1 and two judges: the judge has some of the three, and sees only their
		// slots.
		assertThat(mine.path("slots").findValuesAsString("proposalId")).containsExactlyInAnyOrderElementsOf(assigned);
		for (JsonNode slot : mine.path("slots")) {
			int index = proposals.indexOf(slot.path("proposalId").asString());
			switch (index) {
				case 0 -> assertThat(slot.toString()).contains("\"pitchOrder\":2", "\"room\":\"Room 201\"");
				case 1 -> assertThat(slot.path("room").isNull()).isTrue();
				default -> assertThat(slot.path("pitchOrder").isNull()).isTrue();
			}
		}

		// Setting it again replaces it: no deadline, no slots.
		JudgingApi.ok(this.http.graphql(SET, Http.json().set("i", Http.json().put("roundId", roundId)),
				this.organizer.headers()), "setRoundSchedule");
		JsonNode cleared = JudgingApi.ok(this.http.graphql(MY_JUDGING, Http.json(), judge.headers()), "myJudging")
			.get(0);
		assertThat(cleared.path("round").path("closesAt").isNull()).isTrue();
		assertThat(cleared.path("slots")).isEmpty();
	}

	@Test
	void onlyOrganizersSetItAndBadSlotsAreRefusedWithNothingChanged() {
		TestAccounts.Account judge = this.accounts.user("schedule-wrong-judge-" + System.nanoTime());
		TestAccounts.Account stranger = this.accounts.user("schedule-stranger-" + System.nanoTime());
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String roundId = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 2);
		this.api.judge(hackathon, judge, "PUBLIC");
		this.api.configureOk(JudgingApi.roundInput(roundId, 2));
		ObjectNode good = input(roundId, "2026-11-30T18:00:00+08:00");
		good.putArray("slots").addObject().put("proposalId", proposals.get(0)).put("pitchOrder", 1);
		for (TestAccounts.Account wrong : List.of(judge, stranger)) {
			assertThat(this.http.graphql(SET, Http.json().set("i", good), wrong.headers()).errorCode())
				.isEqualTo("FORBIDDEN");
		}
		assertThat(Http.localhost(this.port).graphql(SET, Http.json().set("i", good)).errorCode())
			.isEqualTo("UNAUTHENTICATED");
		JudgingApi.ok(this.http.graphql(SET, Http.json().set("i", good), this.organizer.headers()), "setRoundSchedule");

		assertRefused(slots(roundId, proposals.get(0), 1, proposals.get(1), 1), "pitchOrder",
				"'1' is listed twice in pitchOrder.", "DUPLICATE");
		assertRefused(slots(roundId, proposals.get(0), 0, null, 0), "pitchOrder",
				"The pitchOrder is between 1 and 10000, not 0.", "OUT_OF_RANGE");
		assertRefused(slots(roundId, "no-such-proposal", 3, null, 0), "slots",
				"'no-such-proposal' is not a candidate of this round.", "NOT_A_CANDIDATE");
		ObjectNode longRoom = input(roundId, null);
		longRoom.putArray("slots").addObject().put("proposalId", proposals.get(0)).put("room", "R".repeat(101));
		assertRefused(longRoom, "room", "The room is longer than 100 characters.", "TOO_LONG");
		ObjectNode twoLines = input(roundId, null);
		twoLines.putArray("slots").addObject().put("proposalId", proposals.get(0)).put("room", "Room\n201");
		assertThat(this.http.graphql(SET, Http.json().set("i", twoLines), this.organizer.headers()).errorCode())
			.isEqualTo("BAD_USER_INPUT");

		// Nothing changed: the deadline and the one slot set first.
		JsonNode round = JudgingApi.ok(this.http.graphql("query($r: ID!) { judgingRound(roundId: $r) { closesAt } }",
				Http.json().put("r", roundId), this.organizer.headers()), "judgingRound");
		assertThat(round.path("closesAt").asString()).isEqualTo("2026-11-30T10:00:00.000Z");
	}

	static final String TIMETABLE = "query($r: ID!) { judgingRound(roundId: $r) { timetable { closesAt version "
			+ "updatedAt slots { proposalId pitchOrder room } candidates { id } } } }";

	@Test
	void organizersReadTheWholeTimetableAndAStaleVersionIsAConflictThatChangesNothing() {
		TestAccounts.Account judge = this.accounts.user("schedule-version-judge-" + System.nanoTime());
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String roundId = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 3);
		this.api.judge(hackathon, judge, "PUBLIC");
		this.api.configureOk(JudgingApi.roundInput(roundId, 2));

		// None saved yet: version 0, no slots, every candidate listed.
		JsonNode empty = timetable(roundId);
		assertThat(empty.path("version").asInt()).isEqualTo(0);
		assertThat(empty.path("slots")).isEmpty();
		assertThat(empty.path("updatedAt").isNull()).isTrue();
		assertThat(empty.path("candidates").findValuesAsString("id")).containsExactlyInAnyOrderElementsOf(proposals);

		// The first save says it read none (0); slots come back in pitch order.
		ObjectNode first = slots(roundId, proposals.get(0), 2, proposals.get(1), 1);
		first.put("expectedVersion", 0);
		JudgingApi.ok(this.http.graphql(SET, Http.json().set("i", first), this.organizer.headers()),
				"setRoundSchedule");
		JsonNode saved = timetable(roundId);
		assertThat(saved.path("version").asInt()).isEqualTo(1);
		assertThat(saved.path("closesAt").asString()).isEqualTo("2026-12-01T10:00:00.000Z");
		assertThat(saved.path("slots").findValuesAsString("proposalId")).containsExactly(proposals.get(1),
				proposals.get(0));

		// Another organizer's save that read version 0 too is refused; nothing changes.
		ObjectNode stale = slots(roundId, proposals.get(2), 1, null, 0);
		stale.put("expectedVersion", 0);
		Http.GraphQlResult refused = this.http.graphql(SET, Http.json().set("i", stale), this.organizer.headers());
		assertThat(refused.errorCode()).isEqualTo("CONFLICT");
		assertThat(refused.errorMessage()).startsWith("Someone else saved this round's timetable since you read it");
		assertThat(timetable(roundId)).isEqualTo(saved);

		// With the version read, it replaces the timetable.
		stale.put("expectedVersion", 1);
		JudgingApi.ok(this.http.graphql(SET, Http.json().set("i", stale), this.organizer.headers()),
				"setRoundSchedule");
		JsonNode replaced = timetable(roundId);
		assertThat(replaced.path("version").asInt()).isEqualTo(2);
		assertThat(replaced.path("slots").findValuesAsString("proposalId")).containsExactly(proposals.get(2));

		// A judge reads the deadline, not the whole timetable.
		JsonNode judgeView = JudgingApi.ok(this.http.graphql(TIMETABLE.replace("timetable {", "closesAt timetable {"),
				Http.json().put("r", roundId), judge.headers()), "judgingRound");
		assertThat(judgeView.path("timetable").isNull()).isTrue();
	}

	private JsonNode timetable(String roundId) {
		return JudgingApi
			.ok(this.http.graphql(TIMETABLE, Http.json().put("r", roundId), this.organizer.headers()), "judgingRound")
			.path("timetable");
	}

	private void assertRefused(ObjectNode input, String field, String message) {
		assertRefused(input, field, message, null);
	}

	/**
	 * Refused with {@code message}, naming {@code field} and, unless null, the reason.
	 */
	private void assertRefused(ObjectNode input, String field, String message, String reason) {
		Http.GraphQlResult result = this.http.graphql(SET, Http.json().set("i", input), this.organizer.headers());
		assertThat(result.errorCode()).as(message).isEqualTo("BAD_USER_INPUT");
		assertThat(result.errorMessage()).isEqualTo(message);
		JsonNode extensions = result.body().path("errors").path(0).path("extensions");
		assertThat(extensions.path("field").asString()).isEqualTo(field);
		if (reason != null) {
			assertThat(extensions.path("reason").asString()).as(message).isEqualTo(reason);
		}
	}

	private static ObjectNode input(String roundId, String closesAt) {
		ObjectNode input = Http.json().put("roundId", roundId);
		if (closesAt != null) {
			input.put("closesAt", closesAt);
		}
		return input;
	}

	private static ObjectNode slots(String roundId, String first, int firstOrder, String second, int secondOrder) {
		ObjectNode input = input(roundId, "2026-12-01T18:00:00+08:00");
		ArrayNode slots = input.putArray("slots");
		slots.addObject().put("proposalId", first).put("pitchOrder", firstOrder);
		if (second != null) {
			slots.addObject().put("proposalId", second).put("pitchOrder", secondOrder);
		}
		return input;
	}

}
