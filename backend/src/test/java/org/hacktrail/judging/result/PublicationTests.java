package org.hacktrail.judging.result;

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
 * Selection and publication: top N, ties across the cut resolved with a reason, overrides
 * with a published justification, the guard against a ranking that changed after the
 * selection, idempotent publication, and what freezes afterwards.
 */
class PublicationTests extends JudgingApiTestSupport {

	JudgingApi.Hackathon hackathon;

	String roundId;

	List<String> proposals;

	TestAccounts.Account publicJudge;

	TestAccounts.Account privateJudge;

	/**
	 * A FINAL round (cut 1, normalisation off) whose three proposals were shortlisted by
	 * hand; both judges score all three. Proposals 0 and 1 get the same scores: a tie at
	 * rank 1 across the cut.
	 */
	@BeforeEach
	void setUp() {
		this.hackathon = this.api.hackathon("OTHER", "JUDGING", "FINAL");
		this.roundId = this.hackathon.roundIds().get(0);
		this.proposals = this.api.proposals(this.hackathon, 3);
		this.api.shortlist(this.proposals);
		this.publicJudge = this.accounts.user("pub-pub-" + this.hackathon.slug());
		this.privateJudge = this.accounts.user("pub-priv-" + this.hackathon.slug());
		this.api.judge(this.hackathon, this.publicJudge, "PUBLIC");
		this.api.judge(this.hackathon, this.privateJudge, "PRIVATE");
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2).put("cutSize", 1).put("normalise", false));
		this.api.assignOk(this.roundId, "8");
		this.api.statusOk(this.roundId, "OPEN", null);
		double[] impact = { 8, 8, 3 };
		for (TestAccounts.Account judge : List.of(this.publicJudge, this.privateJudge)) {
			for (int i = 0; i < 3; i++) {
				this.api.score(this.roundId, this.proposals.get(i), impact[i], 6, judge);
			}
		}
	}

	@Test
	void aTieAcrossTheCutIsShownAndResolvedOnlyWithARecordedReason() {
		assertThat(
				this.api.select(this.roundId, List.of(this.proposals.get(0)), null, null, this.organizer).errorCode())
			.as("round still OPEN")
			.isEqualTo("BAD_USER_INPUT");
		this.api.statusOk(this.roundId, "CLOSED", null);
		JsonNode ranking = JudgingApi.ok(this.api.ranking(this.roundId, this.organizer), "roundRanking");
		assertThat(ranking.path("ties")).hasSize(1);
		assertThat(ranking.path("ties").get(0).path("acrossCut").asBoolean()).isTrue();
		assertThat(ranking.path("ties").get(0).path("proposalIds")).hasSize(2);
		assertThat(ranking.path("lines").get(0).path("tied").asBoolean()).isTrue();
		assertThat(ranking.path("lines").get(0).path("rank").asInt()).isEqualTo(1);
		assertThat(ranking.path("lines").get(1).path("rank").asInt()).isEqualTo(1);

		Http.GraphQlResult noReason = this.api.select(this.roundId, List.of(this.proposals.get(1)), null, null,
				this.organizer);
		assertThat(noReason.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(noReason.errorMessage()).contains("tied");
		assertThat(
				this.api.select(this.roundId, List.of(this.proposals.get(1)), null, "x", this.publicJudge).errorCode())
			.isEqualTo("FORBIDDEN");
		// A tie resolution is a written reason, the rule of justifications.
		JsonNode before = this.api.round(this.roundId, this.organizer);
		for (String notAReason : List.of("x", "   ", "Better.")) {
			Http.GraphQlResult refused = this.api.select(this.roundId, List.of(this.proposals.get(1)), null, notAReason,
					this.organizer);
			assertThat(refused.errorCode()).as(notAReason).isEqualTo("BAD_USER_INPUT");
			JsonNode extensions = refused.body().path("errors").get(0).path("extensions");
			assertThat(extensions.path("field").asString()).isEqualTo("tieResolution");
			assertThat(extensions.path("minLength").asInt()).isEqualTo(20);
			assertThat(refused.errorMessage()).contains("tied");
		}
		assertThat(this.api.round(this.roundId, this.organizer)).as("nothing changed").isEqualTo(before);
		JsonNode selection = JudgingApi
			.ok(this.api.select(this.roundId, List.of(this.proposals.get(1)), null, "Stronger partner commitment",
					this.organizer), "selectProposals")
			.path("round")
			.path("selection");
		assertThat(selection.path("kind").asString()).isEqualTo("TIE_RESOLVED");
		assertThat(selection.path("tieResolution").asString()).isEqualTo("Stronger partner commitment");
		assertThat(selection.path("topN")).hasSize(2);
	}

	@Test
	void anOverrideNeedsAWrittenJustificationWhichIsPublished() {
		this.api.statusOk(this.roundId, "CLOSED", null);
		List<String> third = List.of(this.proposals.get(2));
		Http.GraphQlResult bare = this.api.select(this.roundId, third, null, null, this.organizer);
		assertThat(bare.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(bare.body().path("errors").get(0).path("extensions").path("topN")).hasSize(2);
		assertThat(this.api.select(this.roundId, third, "Because.", null, this.organizer).errorCode()).as("too short")
			.isEqualTo("BAD_USER_INPUT");
		String why = "The only proposal with a signed adoption agreement from the Ministry of Health.";
		JsonNode selection = JudgingApi
			.ok(this.api.select(this.roundId, third, why, null, this.organizer), "selectProposals")
			.path("round")
			.path("selection");
		assertThat(selection.path("kind").asString()).isEqualTo("OVERRIDE");
		JsonNode published = JudgingApi.ok(this.api.publish(this.roundId, this.organizer), "publishRound");
		assertThat(published.path("movedProposalIds")).hasSize(3);
		assertThat(this.api.proposalStatus(this.proposals.get(2)).path("status").asString()).isEqualTo("OUTSTANDING");
		assertThat(this.api.proposalStatus(this.proposals.get(0)).path("status").asString()).isEqualTo("NOT_SELECTED");
		JsonNode results = Http
			.parse(this.http.get("/api/hackathons/" + this.hackathon.slug() + "/results.json").body());
		JsonNode exported = results.path("rounds").get(0).path("selection");
		assertThat(exported.path("kind").asString()).isEqualTo("OVERRIDE");
		assertThat(exported.path("justification").asString()).isEqualTo(why);
		assertThat(JudgingApi.ok(this.api.ranking(this.roundId, null), "roundRanking")
			.path("selection")
			.path("justification")
			.asString()).isEqualTo(why);

		// The override and the publication are security events organizers can read in the
		// audit log.
		for (String type : List.of("OVERRIDE_APPLIED", "RESULTS_PUBLISHED")) {
			JsonNode events = JudgingApi.ok(this.http.graphql(
					"query($t: AuditEventType) { auditEvents(type: $t, "
							+ "first: 100) { edges { node { actorId subjectId details { key value } } } } }",
					Http.json().put("t", type), this.organizer.headers()), "auditEvents")
				.path("edges");
			JsonNode mine = null;
			for (JsonNode edge : events) {
				if (this.roundId.equals(edge.path("node").path("subjectId").asString())) {
					mine = edge.path("node");
				}
			}
			assertThat(mine).as(type + " recorded for the round").isNotNull();
			assertThat(mine.path("actorId").asString()).isEqualTo(this.organizer.id());
			if (type.equals("OVERRIDE_APPLIED")) {
				assertThat(mine.path("details").toString()).contains(why);
			}
		}
	}

	@Test
	void aProposalPublishingCannotMoveIsReportedAsACodeWithItsStatuses() {
		this.api.statusOk(this.roundId, "CLOSED", null);
		JudgingApi.ok(this.api.select(this.roundId, List.of(this.proposals.get(2)),
				"The only proposal with a signed adoption agreement from the Ministry of Health.", null,
				this.organizer), "selectProposals");
		ObjectNode withdraw = Http.json();
		withdraw.putObject("i")
			.put("proposalId", this.proposals.get(0))
			.put("to", "WITHDRAWN")
			.put("reason", "The team left the hackathon.");
		JudgingApi.ok(this.http.graphql(
				"mutation($i: TransitionProposalInput!) { transitionProposal(input: $i) { proposal { id } } }",
				withdraw, this.organizer.headers()), "transitionProposal");

		JsonNode published = JudgingApi.ok(this.api.publish(this.roundId, this.organizer), "publishRound");

		assertThat(published.path("movedProposalIds")).hasSize(2);
		assertThat(published.path("problems").get(0).asString()).startsWith(this.proposals.get(0) + ": ");
		// The same as a code with the statuses, for the panel to say in the reader's
		// language (#17).
		JsonNode problem = published.path("codedProblems").get(0);
		assertThat(problem.path("proposalId").asString()).isEqualTo(this.proposals.get(0));
		assertThat(problem.path("code").asString()).isEqualTo("PROPOSAL_NOT_MOVED");
		assertThat(problem.path("args").toString()).contains("{\"name\":\"to\",\"value\":\"NOT_SELECTED\"}")
			.contains("{\"name\":\"from\",\"value\":\"WITHDRAWN\"}");
		assertThat(problem.path("message").asString())
			.isEqualTo(published.path("problems").get(0).asString().substring(this.proposals.get(0).length() + 2));
	}

	@Test
	void selectingMoreOrFewerThanTheQuotaNeedsTheExplicitFlagAndAJustification() {
		this.api.statusOk(this.roundId, "CLOSED", null);
		JsonNode before = this.api.round(this.roundId, this.organizer);
		List<String> two = List.of(this.proposals.get(0), this.proposals.get(1));
		String why = "Both tied proposals are strong; the ministry funds a second pilot this year.";
		Http.GraphQlResult unflagged = this.api.select(this.roundId, two, why, null, this.organizer);
		assertThat(unflagged.errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode extensions = unflagged.body().path("errors").get(0).path("extensions");
		assertThat(extensions.path("rule").asString()).isEqualTo("QUOTA");
		assertThat(extensions.path("cut").asInt()).isEqualTo(1);
		assertThat(extensions.path("selected").asInt()).isEqualTo(2);
		assertThat(unflagged.errorMessage()).contains("quotaOverride");
		assertThat(this.api.select(this.roundId, List.of(), why, null, this.organizer).errorCode()).as("none")
			.isEqualTo("BAD_USER_INPUT");
		Http.GraphQlResult noWhy = this.api.select(this.roundId, two, null, null, true, this.organizer);
		assertThat(noWhy.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(noWhy.body().path("errors").get(0).path("extensions").path("field").asString())
			.isEqualTo("justification");
		assertThat(this.api.select(this.roundId, two, "More is better.", null, true, this.organizer).errorCode())
			.as("too short")
			.isEqualTo("BAD_USER_INPUT");
		Http.GraphQlResult exact = this.api.select(this.roundId, List.of(this.proposals.get(2)), why, null, true,
				this.organizer);
		assertThat(exact.errorCode()).as("the flag with exactly N").isEqualTo("BAD_USER_INPUT");
		assertThat(exact.body().path("errors").get(0).path("extensions").path("field").asString())
			.isEqualTo("quotaOverride");
		assertThat(this.api.select(this.roundId, two, why, null, true, this.publicJudge).errorCode())
			.isEqualTo("FORBIDDEN");
		assertThat(this.api.round(this.roundId, this.organizer)).as("nothing changed").isEqualTo(before);

		JsonNode round = JudgingApi
			.ok(this.api.select(this.roundId, two, why, null, true, this.organizer), "selectProposals")
			.path("round");
		assertThat(round.path("selection").path("kind").asString()).isEqualTo("OVERRIDE");
		assertThat(round.path("selection").path("proposalIds")).hasSize(2);
		assertThat(round.path("selection").path("justification").asString()).isEqualTo(why);
		JsonNode event = round.path("history").get(round.path("history").size() - 1);
		assertThat(event.path("detail").asString()).contains("instead of N = 1 (quota override)");
		// The same as values for the panel's sentence, the justification as written.
		assertThat(event.path("args").toString()).contains("{\"name\":\"kind\",\"value\":\"OVERRIDE\"}")
			.contains("{\"name\":\"count\",\"value\":\"2\"}")
			.contains("{\"name\":\"cut\",\"value\":\"1\"}")
			.contains("{\"name\":\"quotaOverride\",\"value\":\"true\"}");
		assertThat(event.path("reason").asString()).isEqualTo(why);
	}

	@Test
	void thePreviewListsWhatWouldBePublishedAndEveryOpenCaseAndPublishingPastOpenCasesNeedsConfirmation() {
		this.api.statusOk(this.roundId, "CLOSED", null);
		// An academic weight without academic judges: every proposal misses a sector.
		ObjectNode weights = Http.json()
			.put("roundId", this.roundId)
			.put("reason", "The committee weighs academia too this year.");
		weights.putArray("sectorWeights")
			.add(Http.json().put("sector", "PUBLIC").put("weight", 0.5))
			.add(Http.json().put("sector", "PRIVATE").put("weight", 0.5))
			.add(Http.json().put("sector", "ACADEMIC").put("weight", 0.2));
		this.api.configureOk(weights);
		JsonNode unselected = JudgingApi.ok(this.api.publicationPreview(this.roundId, this.organizer),
				"publicationPreview");
		assertThat(unselected.path("ready").asBoolean()).isFalse();
		assertThat(unselected.path("blockers").toString()).contains("selectProposals");
		// The same as a code, for the panel to say in the reader's language (#17).
		assertThat(unselected.path("codedBlockers").findValuesAsString("code")).containsExactly("SELECTION_MISSING");
		assertThat(unselected.path("codedBlockers").get(0).path("message").asString())
			.isEqualTo(unselected.path("blockers").get(0).asString());
		JsonNode tie = unselected.path("openCases").get(0);
		assertThat(tie.path("kind").asString()).isEqualTo("TIE_AT_CUT");
		assertThat(tie.path("resolved").asBoolean()).isFalse();
		assertThat(tie.path("proposals")).hasSize(2);

		String why = "Stronger partner commitment from the city transport office.";
		JudgingApi.ok(this.api.select(this.roundId, List.of(this.proposals.get(1)), null, why, this.organizer),
				"selectProposals");
		JsonNode preview = JudgingApi.ok(this.api.publicationPreview(this.roundId, this.organizer),
				"publicationPreview");
		assertThat(preview.path("ready").asBoolean()).as(preview.toString()).isTrue();
		assertThat(preview.path("cut").asInt()).isEqualTo(1);
		assertThat(preview.path("selected").findValuesAsString("proposalId")).containsExactly(this.proposals.get(1));
		List<String> kinds = preview.path("openCases").findValuesAsString("kind");
		assertThat(kinds).contains("TIE_AT_CUT");
		assertThat(kinds.stream().filter("MISSING_SECTORS"::equals)).hasSize(3);
		assertThat(preview.path("openCases").get(0).path("resolved").asBoolean()).as("the tie is resolved").isTrue();
		int unresolved = preview.path("unresolvedCount").asInt();
		assertThat(unresolved).isGreaterThanOrEqualTo(3);
		assertThat(preview.path("openCases").toString()).contains("ACADEMIC");

		assertThat(this.api.publicationPreview(this.roundId, this.publicJudge).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.publicationPreview(this.roundId, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		Http.GraphQlResult refused = this.api.publish(this.roundId, null, this.organizer);
		assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode extensions = refused.body().path("errors").get(0).path("extensions");
		assertThat(extensions.path("rule").asString()).isEqualTo("OPEN_CASES");
		assertThat(extensions.path("openCaseCount").asInt()).isEqualTo(unresolved);
		assertThat(extensions.path("openCases").findValuesAsString("kind")).contains("MISSING_SECTORS")
			.doesNotContain("TIE_AT_CUT");
		assertThat(refused.errorMessage()).contains("MISSING_SECTORS").contains("confirmOpenCases");
		assertThat(this.api.publish(this.roundId, false, this.organizer).errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(this.api.publish(this.roundId, true, this.publicJudge).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.round(this.roundId, this.organizer).path("status").asString()).as("nothing published")
			.isEqualTo("CLOSED");
		assertThat(this.api.proposalStatus(this.proposals.get(1)).path("status").asString()).isEqualTo("FINALIST");
		assertThat(this.http.get("/api/hackathons/" + this.hackathon.slug() + "/results.json").body())
			.doesNotContain(why);

		JsonNode published = JudgingApi.ok(this.api.publish(this.roundId, true, this.organizer), "publishRound");
		assertThat(published.path("round").path("status").asString()).isEqualTo("PUBLISHED");
		JsonNode history = this.api.round(this.roundId, this.organizer).path("history");
		assertThat(history.get(history.size() - 1).path("detail").asString())
			.contains(unresolved + " open case(s) confirmed by the organizer")
			.contains("MISSING_SECTORS");
	}

	@Test
	void aRankingThatChangedAfterTheSelectionMustBeSelectedAgainAndPublishingTwiceChangesNothing() {
		Http.GraphQlResult open = this.api.publish(this.roundId, this.organizer);
		assertThat(open.body().path("errors").get(0).path("extensions").path("rule").asString())
			.isEqualTo("ROUND_NOT_CLOSED");
		assertThat(open.body().path("errors").get(0).path("extensions").path("status").asString()).isEqualTo("OPEN");
		assertThat(JudgingApi.ok(this.api.publicationPreview(this.roundId, this.organizer), "publicationPreview")
			.path("codedBlockers")
			.get(0)
			.path("args")
			.toString()).isEqualTo("[{\"name\":\"status\",\"value\":\"OPEN\"}]");
		this.api.statusOk(this.roundId, "CLOSED", null);
		Http.GraphQlResult unselected = this.api.publish(this.roundId, this.organizer);
		assertThat(unselected.errorMessage()).contains("selectProposals");
		// The refusal names its rule, the code the preview gives as a blocker (#17).
		assertThat(unselected.body().path("errors").get(0).path("extensions").path("rule").asString())
			.isEqualTo("SELECTION_MISSING");
		JudgingApi.ok(this.api.select(this.roundId, List.of(this.proposals.get(0)), null,
				"Stronger pilot with the city transport office", this.organizer), "selectProposals");
		// A sheet is reopened and changed after the selection.
		this.api.statusOk(this.roundId, "OPEN", "Correcting a typo in a sheet");
		String sheetId = this.roundId + ":" + this.publicJudge.id() + ":" + this.proposals.get(2);
		ObjectNode reopen = Http.json();
		reopen.putObject("i").put("sheetId", sheetId).put("reason", "Typo: 3 should have been 5");
		JsonNode reopened = JudgingApi.ok(this.http.graphql(
				"mutation($i: ReopenScoreSheetInput!) { reopenScoreSheet(" + "input: $i) { sheet { version } } }",
				reopen, this.organizer.headers()), "reopenScoreSheet");
		JudgingApi.ok(this.api.submit(JudgingApi.sheetInput(this.roundId, this.proposals.get(2), 5.0, 6.0,
				reopened.path("sheet").path("version").asInt()), this.publicJudge), "submitScoreSheet");
		this.api.statusOk(this.roundId, "CLOSED", null);
		Http.GraphQlResult stale = this.api.publish(this.roundId, this.organizer);
		assertThat(stale.errorCode()).isEqualTo("CONFLICT");
		assertThat(stale.body().path("errors").get(0).path("extensions").path("rule").asString())
			.isEqualTo("SELECTION_STALE");
		assertThat(JudgingApi.ok(this.api.publicationPreview(this.roundId, this.organizer), "publicationPreview")
			.path("codedBlockers")
			.findValuesAsString("code")).containsExactly("SELECTION_STALE");

		JudgingApi.ok(this.api.select(this.roundId, List.of(this.proposals.get(0)), null,
				"Stronger pilot with the city transport office", this.organizer), "selectProposals");
		assertThat(this.api.publish(this.roundId, this.publicJudge).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.publish(this.roundId, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		JsonNode first = JudgingApi.ok(this.api.publish(this.roundId, this.organizer), "publishRound");
		assertThat(first.path("round").path("status").asString()).isEqualTo("PUBLISHED");
		String body = this.http.get("/api/hackathons/" + this.hackathon.slug() + "/results.json").body();
		JsonNode again = JudgingApi.ok(this.api.publish(this.roundId, this.organizer), "publishRound");
		assertThat(again.path("problems")).isEmpty();
		assertThat(this.http.get("/api/hackathons/" + this.hackathon.slug() + "/results.json").body()).isEqualTo(body);
		JsonNode phase = JudgingApi.ok(this.http.graphql("query($s: String!) { hackathon(slug: $s) { phase } }",
				Http.json().put("s", this.hackathon.slug())), "hackathon");
		assertThat(phase.path("phase").asString()).isEqualTo("RESULTS_PUBLISHED");

		// Nothing about a published round changes.
		assertThat(this.api.status(this.roundId, "OPEN", "again", this.organizer).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		ObjectNode weights = Http.json().put("roundId", this.roundId).put("normalise", true).put("reason", "late");
		assertThat(this.api.configure(weights, this.organizer).errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(this.api
			.save(JudgingApi.sheetInput(this.roundId, this.proposals.get(1), 1.0, 1.0, null), this.publicJudge)
			.errorCode()).isEqualTo("BAD_USER_INPUT");
		List<String> statuses = new ArrayList<>();
		this.proposals.forEach((p) -> statuses.add(this.api.proposalStatus(p).path("status").asString()));
		assertThat(statuses).containsExactly("OUTSTANDING", "NOT_SELECTED", "NOT_SELECTED");
	}

}
