package org.hacktrail.judging.expo;

import java.util.ArrayList;
import java.util.List;

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
 * A judge who skips a table with "conflict of interest" declares that conflict: the
 * organizers' panel lists it (source EXPO_SKIP) and its log shows the judge's decision,
 * other rounds keep the judge away from the proposal, and retries or a conflict declared
 * already add nothing.
 */
class ExpoConflictSkipTests extends JudgingApiTestSupport {

	static final String CONFLICTS = "query($s: String!) { judges(hackathonSlug: $s) { userId conflicts { proposalId "
			+ "status source reason comment history { by actor action reason comment } } } }";

	static final String LOG = "query($s: String!) { conflictLog(hackathonSlug: $s) { proposalId judge { userId } "
			+ "decision { action actor } } }";

	static final String DECLARE = "mutation($i: DeclareConflictInput!) { declareConflict(input: $i) { judge { id } } }";

	ExpoApi expo;

	JudgingApi.Hackathon hackathon;

	String round;

	List<String> proposals;

	TestAccounts.Account judge;

	@BeforeEach
	void openPairwiseRound() {
		this.expo = new ExpoApi(this.http, this.organizer);
		this.hackathon = this.api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW", "FINAL");
		this.round = this.hackathon.roundIds().get(0);
		this.proposals = new ArrayList<>(this.api.proposals(this.hackathon, 3));
		this.judge = this.accounts.user("expo-coi-judge-" + ExpoAnswerTests.unique());
		this.api.judge(this.hackathon, this.judge, "PUBLIC");
		this.api.openPairwise(this.round, this.proposals, "11");
	}

	@Test
	void aConflictSkipDeclaresTheConflictOnceAndTheRubricRoundNeverAssignsIt() {
		JsonNode visit = JudgingApi.ok(this.expo.next(this.round, this.judge), "nextExpoVisit").path("visit");
		String here = visit.path("proposalId").asString();
		String elsewhere = this.proposals.stream().filter((p) -> !p.equals(here)).findFirst().orElseThrow();
		// A refused skip declares nothing; nor does another person's skip.
		ExpoAnswerTests.refused(this.expo.skip(this.round, ExpoApi.clientId(), elsewhere, "CONFLICT", this.judge),
				"You were sent to");
		assertThat(this.expo.skip(this.round, ExpoApi.clientId(), here, "CONFLICT", this.organizer).errorCode())
			.isEqualTo("FORBIDDEN");
		assertThat(conflicts(this.judge)).isEmpty();

		String clientId = ExpoApi.clientId();
		JsonNode skipped = JudgingApi.ok(this.expo.skip(this.round, clientId, here, "CONFLICT", this.judge),
				"skipExpoVisit");
		JsonNode again = JudgingApi.ok(this.expo.skip(this.round, clientId, here, "CONFLICT", this.judge),
				"skipExpoVisit");
		assertThat(again).isEqualTo(skipped);

		JsonNode conflicts = conflicts(this.judge);
		assertThat(conflicts).hasSize(1);
		JsonNode conflict = conflicts.get(0);
		assertThat(conflict.path("proposalId").asString()).isEqualTo(here);
		assertThat(conflict.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(conflict.path("source").asString()).isEqualTo("EXPO_SKIP");
		assertThat(conflict.path("reason").isNull()).as("the judge gave no reason at the table").isTrue();
		assertThat(conflict.path("comment").asString()).contains(visit.path("table").path("label").asString())
			.contains("conflict of interest");
		assertThat(conflict.path("history")).as("declared once, whatever the retries").hasSize(1);
		JsonNode decision = conflict.path("history").get(0);
		assertThat(decision.path("action").asString()).isEqualTo("DECLARED");
		assertThat(decision.path("actor").asString()).isEqualTo("JUDGE");
		assertThat(decision.path("by").asString()).isEqualTo(this.judge.id());
		JsonNode log = JudgingApi.ok(
				this.http.graphql(LOG, Http.json().put("s", this.hackathon.slug()), this.organizer.headers()),
				"conflictLog");
		assertThat(log).hasSize(1);
		assertThat(log.get(0).path("proposalId").asString()).isEqualTo(here);
		assertThat(log.get(0).path("judge").path("userId").asString()).isEqualTo(this.judge.id());

		// The FINAL round, judged on rubric sheets: the judge never gets the proposal's
		// sheet, and gets the others'.
		for (String proposal : this.proposals) {
			ObjectNode move = Http.json();
			move.putObject("input").put("proposalId", proposal).put("to", "SHORTLISTED");
			JudgingApi.ok(
					this.http.graphql("mutation($input: TransitionProposalInput!) { transitionProposal("
							+ "input: $input) { proposal { status } } }", move, this.organizer.headers()),
					"transitionProposal");
		}
		TestAccounts.Account colleague = this.accounts.user("expo-coi-colleague-" + ExpoAnswerTests.unique());
		this.api.judge(this.hackathon, colleague, "PRIVATE");
		String rubric = this.hackathon.roundIds().get(1);
		ObjectNode rules = JudgingApi.roundInput(rubric, 2);
		rules.set("candidateProposalIds", JudgingApi.array(this.proposals));
		this.api.configureOk(rules);
		this.api.assignOk(rubric, "5");
		this.api.statusOk(rubric, "OPEN", null);
		List<String> assigned = this.api.assigned(rubric, this.judge);
		assertThat(assigned).doesNotContain(here);
		assertThat(assigned)
			.containsExactlyInAnyOrderElementsOf(this.proposals.stream().filter((p) -> !p.equals(here)).toList());
		assertThat(this.api.assigned(rubric, colleague)).containsExactlyInAnyOrderElementsOf(this.proposals);
	}

	@Test
	void aConflictDeclaredAlreadyIsKeptAndARetryNeverUndoesAnOrganizersClearing() {
		// Declared (PERSONAL) while at the table, then skipped with "conflict": the
		// declaration stands, nothing is added.
		String first = JudgingApi.ok(this.expo.next(this.round, this.judge), "nextExpoVisit")
			.path("visit")
			.path("proposalId")
			.asString();
		ObjectNode declare = Http.json();
		declare.putObject("i")
			.put("hackathonId", this.hackathon.id())
			.put("proposalId", first)
			.put("reason", "PERSONAL");
		JudgingApi.ok(this.http.graphql(DECLARE, declare, this.judge.headers()), "declareConflict");
		JudgingApi.ok(this.expo.skip(this.round, ExpoApi.clientId(), first, "CONFLICT", this.judge), "skipExpoVisit");
		JsonNode declared = conflicts(this.judge);
		assertThat(declared).hasSize(1);
		assertThat(declared.get(0).path("source").asString()).isEqualTo("DECLARED");
		assertThat(declared.get(0).path("reason").asString()).isEqualTo("PERSONAL");
		assertThat(declared.get(0).path("history")).hasSize(1);

		// An absent team is no conflict.
		String second = JudgingApi.ok(this.expo.next(this.round, this.judge), "nextExpoVisit")
			.path("visit")
			.path("proposalId")
			.asString();
		JudgingApi.ok(this.expo.skip(this.round, ExpoApi.clientId(), second, "ABSENT", this.judge), "skipExpoVisit");
		assertThat(conflicts(this.judge)).hasSize(1);

		// Skipped with "conflict", cleared by an organizer: the same skip sent again
		// (a retry) leaves the organizer's decision as it is.
		String third = JudgingApi.ok(this.expo.next(this.round, this.judge), "nextExpoVisit")
			.path("visit")
			.path("proposalId")
			.asString();
		String clientId = ExpoApi.clientId();
		JudgingApi.ok(this.expo.skip(this.round, clientId, third, "CONFLICT", this.judge), "skipExpoVisit");
		String judgeRecord = JudgingApi
			.ok(this.http.graphql("query($s: String!) { myJudgeRecord(hackathonSlug: $s) { id } }",
					Http.json().put("s", this.hackathon.slug()), this.judge.headers()), "myJudgeRecord")
			.path("id")
			.asString();
		ObjectNode clear = Http.json();
		clear.putObject("i")
			.put("judgeId", judgeRecord)
			.put("proposalId", third)
			.put("comment", "Asked the judge: a namesake, no tie to the team");
		JudgingApi
			.ok(this.http.graphql("mutation($i: ClearConflictInput!) { clearConflict(input: $i) { judge { id } } }",
					clear, this.organizer.headers()), "clearConflict");
		JudgingApi.ok(this.expo.skip(this.round, clientId, third, "CONFLICT", this.judge), "skipExpoVisit");
		JsonNode cleared = null;
		for (JsonNode c : conflicts(this.judge)) {
			if (c.path("proposalId").asString().equals(third)) {
				cleared = c;
			}
		}
		assertThat(cleared).isNotNull();
		assertThat(cleared.path("source").asString()).isEqualTo("EXPO_SKIP");
		assertThat(cleared.path("status").asString()).isEqualTo("CLEARED");
		assertThat(cleared.path("history").findValuesAsString("action")).containsExactly("DECLARED", "CLEARED");
		assertThat(conflicts(this.judge)).hasSize(2);
	}

	/** The judge's conflicts as the organizers' panel lists them. */
	JsonNode conflicts(TestAccounts.Account account) {
		JsonNode judges = JudgingApi.ok(
				this.http.graphql(CONFLICTS, Http.json().put("s", this.hackathon.slug()), this.organizer.headers()),
				"judges");
		for (JsonNode judge : judges) {
			if (judge.path("userId").asString().equals(account.id())) {
				return judge.path("conflicts");
			}
		}
		throw new AssertionError("No judge record for " + account.id());
	}

}
