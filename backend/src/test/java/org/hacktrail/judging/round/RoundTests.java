package org.hacktrail.judging.round;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Rounds and assignment over GraphQL: configuration and what freezes when, who may do it,
 * the seeded plan with its sector rule and conflicts, and local changes when a judge
 * drops out or declares a conflict.
 */
class RoundTests extends JudgingApiTestSupport {

	JudgingApi.Hackathon hackathon;

	String roundId;

	@BeforeEach
	void setUp() {
		this.hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW", "PUBLIC_VOTE", "FINAL");
		this.roundId = this.hackathon.roundIds().get(0);
	}

	@Test
	void anUnconfiguredRoundShowsTheDefaultsAndOnlyOrganizersConfigureIt() {
		JsonNode defaults = this.api.round(this.roundId, null);
		assertThat(defaults.path("configured").asBoolean()).isFalse();
		assertThat(defaults.path("judgesPerProposal").asInt()).isEqualTo(3);
		assertThat(defaults.path("sectorMinimums").toString()).contains("{\"sector\":\"PUBLIC\",\"minimum\":1}")
			.contains("{\"sector\":\"PRIVATE\",\"minimum\":1}");
		assertThat(defaults.path("sectorWeights").toString()).contains("{\"sector\":\"PUBLIC\",\"weight\":0.5}");
		assertThat(defaults.path("publicVote").path("credits").asInt()).isEqualTo(99);
		assertThat(defaults.path("plan").isNull()).isTrue();
		assertThat(defaults.path("history").isNull()).as("organizers only").isTrue();
		JsonNode rounds = JudgingApi
			.ok(this.http.graphql("query($s: String!) { judgingRounds(hackathonSlug: $s) { id kind } }",
					Http.json().put("s", this.hackathon.slug())), "judgingRounds");
		assertThat(rounds.findValuesAsString("kind")).as("PUBLIC_VOTE rounds are not judged")
			.containsExactly("REVIEW", "FINAL");

		TestAccounts.Account someone = this.accounts.user("round-someone");
		assertThat(this.api.configure(JudgingApi.roundInput(this.roundId, 2), someone).errorCode())
			.isEqualTo("FORBIDDEN");
		assertThat(this.api.configure(JudgingApi.roundInput(this.roundId, 2), null).errorCode())
			.isEqualTo("UNAUTHENTICATED");
		assertThat(this.api.assign(this.roundId, null, someone).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.status(this.roundId, "OPEN", null, someone).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.configure(JudgingApi.roundInput(this.hackathon.roundIds().get(1), 2), this.organizer)
			.errorCode()).as("a PUBLIC_VOTE round").isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void invalidConfigurationsAreRefusedNamingTheField() {
		ObjectNode badScale = JudgingApi.roundInput(this.roundId, 3);
		((ObjectNode) badScale.path("criteria").get(0)).put("scaleMin", 10.0);
		assertField(this.api.configure(badScale, this.organizer), "criteria[0]");
		ObjectNode badId = JudgingApi.roundInput(this.roundId, 3);
		((ObjectNode) badId.path("criteria").get(1)).put("id", "impact");
		assertField(this.api.configure(badId, this.organizer), "criteria[1].id");
		ObjectNode minimums = JudgingApi.roundInput(this.roundId, 2);
		minimums.putArray("sectorMinimums")
			.add(Http.json().put("sector", "PUBLIC").put("minimum", 2))
			.add(Http.json().put("sector", "ACADEMIC").put("minimum", 1));
		assertField(this.api.configure(minimums, this.organizer), "sectorMinimums");
		ObjectNode weights = JudgingApi.roundInput(this.roundId, 3);
		weights.putArray("sectorWeights").add(Http.json().put("sector", "PUBLIC").put("weight", 0.0));
		assertField(this.api.configure(weights, this.organizer), "sectorWeights");
		ObjectNode seed = JudgingApi.roundInput(this.roundId, 3).put("seed", "-1");
		assertField(this.api.configure(seed, this.organizer), "seed");
		ObjectNode candidates = JudgingApi.roundInput(this.roundId, 3);
		candidates.putArray("candidateProposalIds").add("no-such-proposal");
		assertField(this.api.configure(candidates, this.organizer), "candidateProposalIds");
	}

	@Test
	void theRubricFreezesWhenTheRoundOpensAndRankingParametersChangeWithAReason() {
		this.api.proposals(this.hackathon, 2);
		judges(2, 2);
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2));
		assertThat(this.api.status(this.roundId, "OPEN", null, this.organizer).errorMessage()).contains("Assign");
		this.api.assignOk(this.roundId, "7");
		this.api.statusOk(this.roundId, "OPEN", null);
		assertField(this.api.configure(JudgingApi.roundInput(this.roundId, 2), this.organizer), "criteria");
		ObjectNode weights = Http.json().put("roundId", this.roundId);
		weights.putArray("sectorWeights")
			.add(Http.json().put("sector", "PUBLIC").put("weight", 0.6))
			.add(Http.json().put("sector", "PRIVATE").put("weight", 0.4));
		assertField(this.api.configure(weights, this.organizer), "reason");
		weights.put("reason", "The committee asked for 60/40");
		JsonNode changed = this.api.configureOk(weights);
		assertThat(changed.path("sectorWeights").get(0).path("weight").asDouble()).isEqualTo(0.6);
		JsonNode history = changed.path("history");
		assertThat(history.get(history.size() - 1).path("detail").asString())
			.isEqualTo("The committee asked for 60/40");
		assertThat(this.api.status(this.roundId, "DRAFT", null, this.organizer).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		// Nobody scored: closing needs the organizer's confirmation.
		JudgingApi.ok(this.api.status(this.roundId, "CLOSED", "Testing the freeze before anyone scores.", true,
				this.organizer), "changeRoundStatus");
		assertField(this.api.status(this.roundId, "OPEN", null, this.organizer), "reason");
		assertThat(this.api.statusOk(this.roundId, "OPEN", "A judge was ill").path("status").asString())
			.isEqualTo("OPEN");
	}

	@Test
	void changingTheAssignmentRulesOfADraftRoundDiscardsItsPlan() {
		this.api.proposals(this.hackathon, 2);
		judges(2, 2);
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2));
		assertThat(this.api.assignOk(this.roundId, "4").path("plan").isNull()).isFalse();
		JsonNode weightsOnly = this.api.configureOk(Http.json().put("roundId", this.roundId).put("normalise", false));
		assertThat(weightsOnly.path("plan").isNull()).as("ranking parameters do not touch the plan").isFalse();
		JsonNode changed = this.api.configureOk(Http.json().put("roundId", this.roundId).put("judgesPerProposal", 3));
		assertThat(changed.path("plan").isNull()).isTrue();
		assertThat(changed.path("history").findValuesAsString("action")).contains("PLAN_DISCARDED");
		assertThat(this.api.status(this.roundId, "OPEN", null, this.organizer).errorMessage()).contains("Assign");
	}

	@Test
	void thePlanRespectsTheSectorRuleAndConflictsAndTheSameSeedGivesTheSamePlan() {
		List<String> proposals = this.api.proposals(this.hackathon, 6);
		Map<String, TestAccounts.Account> judges = judges(3, 3);
		TestAccounts.Account conflicted = judges.values().iterator().next();
		ObjectNode declare = Http.json();
		declare.putObject("i")
			.put("hackathonId", this.hackathon.id())
			.put("proposalId", proposals.get(0))
			.put("reason", "PERSONAL");
		JudgingApi
			.ok(this.http.graphql("mutation($i: DeclareConflictInput!) { declareConflict(input: $i) { judge { id } } }",
					declare, conflicted.headers()), "declareConflict");
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 3));
		JsonNode plan = this.api.assignOk(this.roundId, "123").path("plan");
		assertThat(plan.path("assignmentCount").asInt()).isEqualTo(18);
		assertThat(plan.path("problems")).isEmpty();
		assertThat(plan.path("loadSpread").asInt()).isZero();
		Map<String, Set<String>> first = assignments(judges);
		assertThat(first.get(conflicted.id())).doesNotContain(proposals.get(0));
		Map<String, Integer> publicJudges = new HashMap<>();
		Map<String, Integer> privateJudges = new HashMap<>();
		judges.forEach((name, account) -> first.get(account.id())
			.forEach((p) -> (name.startsWith("PUBLIC") ? publicJudges : privateJudges).merge(p, 1, Integer::sum)));
		proposals.forEach((p) -> {
			assertThat(publicJudges.getOrDefault(p, 0)).as("PUBLIC judges on %s", p).isGreaterThanOrEqualTo(1);
			assertThat(privateJudges.getOrDefault(p, 0)).as("PRIVATE judges on %s", p).isGreaterThanOrEqualTo(1);
		});
		this.api.assignOk(this.roundId, "123");
		assertThat(assignments(judges)).isEqualTo(first);
	}

	@Test
	void aMissingSectorIsReportedAsAProblemNamingTheProposal() {
		List<String> proposals = this.api.proposals(this.hackathon, 2);
		judges(0, 3);
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2));
		JsonNode problems = this.api.assignOk(this.roundId, "1").path("plan").path("problems");
		assertThat(problems).hasSize(2);
		assertThat(problems.findValuesAsString("rule")).containsOnly("SECTOR_MINIMUM");
		assertThat(problems.findValuesAsString("sector")).containsOnly("PUBLIC");
		assertThat(problems.findValuesAsString("proposalId")).containsExactlyInAnyOrderElementsOf(proposals);
		assertThat(problems.get(0).path("message").asString()).contains("PUBLIC");
		// The cause as a code with its count, for the panel to say in the reader's
		// language (#17).
		assertThat(problems.findValuesAsString("cause")).containsOnly("TOO_FEW_AVAILABLE");
		assertThat(problems.get(0).path("causeArgs").toString()).isEqualTo("[{\"name\":\"judges\",\"value\":\"0\"}]");
	}

	@Test
	void droppingAJudgeMovesOnlyTheirProposals() {
		Map<String, TestAccounts.Account> judges = openRoundOfFourProposalsAndSixJudges();
		Map<String, Set<String>> before = assignments(judges);
		TestAccounts.Account leaving = judges.values()
			.stream()
			.filter((j) -> !before.get(j.id()).isEmpty())
			.findFirst()
			.orElseThrow();
		ObjectNode drop = Http.json();
		drop.putObject("i").put("judgeId", this.hackathon.id() + ":" + leaving.id()).put("reason", "Moved abroad");
		JudgingApi.ok(this.http.graphql("mutation($i: DropJudgeInput!) { dropJudge(input: $i) { judge { status } } }",
				drop, this.organizer.headers()), "dropJudge");
		JsonNode plan = this.api.round(this.roundId, this.organizer).path("plan");
		assertThat(plan.path("reason").asString()).contains("Moved abroad");
		assertThat(plan.path("assignmentCount").asInt()).isEqualTo(8);
		assertThat(this.api.myAssignments(this.roundId, leaving).errorCode()).as("no longer an active judge")
			.isEqualTo("FORBIDDEN");
		Map<String, Set<String>> after = assignments(judges);
		for (TestAccounts.Account judge : judges.values()) {
			if (judge != leaving) {
				assertThat(after.get(judge.id())).as("kept").containsAll(before.get(judge.id()));
			}
		}
		Set<String> moved = new HashSet<>();
		judges.values().stream().filter((j) -> j != leaving).forEach((j) -> {
			Set<String> gained = new HashSet<>(after.get(j.id()));
			gained.removeAll(before.get(j.id()));
			moved.addAll(gained);
		});
		assertThat(moved).containsExactlyInAnyOrderElementsOf(before.get(leaving.id()));
	}

	@Test
	void closingWithSheetsNotSubmittedIsRefusedNamingThemUnlessConfirmedWithAReason() {
		List<String> proposals = this.api.proposals(this.hackathon, 2);
		Map<String, TestAccounts.Account> judges = judges(1, 1);
		TestAccounts.Account done = judges.get("PUBLIC-0");
		TestAccounts.Account late = judges.get("PRIVATE-1");
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2));
		this.api.assignOk(this.roundId, "5");
		this.api.statusOk(this.roundId, "OPEN", null);
		proposals.forEach((p) -> this.api.score(this.roundId, p, 7, 7, done));
		JudgingApi.ok(this.api.save(JudgingApi.sheetInput(this.roundId, proposals.get(0), 5.0, null, null), late),
				"saveScoreSheet");
		JsonNode before = this.api.round(this.roundId, this.organizer);

		Http.GraphQlResult refused = this.api.status(this.roundId, "CLOSED", null, this.organizer);
		assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode extensions = refused.body().path("errors").get(0).path("extensions");
		assertThat(extensions.path("rule").asString()).isEqualTo("ROUND_INCOMPLETE");
		assertThat(extensions.path("unsubmittedCount").asInt()).isEqualTo(2);
		assertThat(extensions.path("unsubmitted").findValuesAsString("judgeUserId")).containsOnly(late.id());
		assertThat(extensions.path("unsubmitted").findValuesAsString("proposalId"))
			.containsExactlyInAnyOrderElementsOf(proposals);
		assertThat(extensions.path("unsubmitted").findValuesAsString("status")).containsExactlyInAnyOrder("DRAFT",
				"MISSING");
		String lateName = extensions.path("unsubmitted").get(0).path("judgeName").asString();
		assertThat(refused.errorMessage()).contains("2 sheets are not submitted")
			.contains(lateName)
			.contains(extensions.path("unsubmitted").get(0).path("proposalTitle").asString())
			.contains("confirmIncomplete");

		String why = "The private-sector judge is ill; the public-sector sheets suffice for this round.";
		assertThat(this.api.status(this.roundId, "CLOSED", why, true, late).errorCode()).as("a judge")
			.isEqualTo("FORBIDDEN");
		assertThat(this.api.status(this.roundId, "CLOSED", why, true, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertField(this.api.status(this.roundId, "CLOSED", null, true, this.organizer), "reason");
		assertField(this.api.status(this.roundId, "CLOSED", "x", true, this.organizer), "reason");
		assertField(this.api.status(this.roundId, "CLOSED", "   ", true, this.organizer), "reason");
		assertThat(this.api.round(this.roundId, this.organizer)).as("nothing changed").isEqualTo(before);

		JsonNode closed = JudgingApi
			.ok(this.api.status(this.roundId, "CLOSED", why, true, this.organizer), "changeRoundStatus")
			.path("round");
		assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
		JsonNode event = closed.path("history").get(closed.path("history").size() - 1);
		assertThat(event.path("action").asString()).isEqualTo("CLOSED");
		assertThat(event.path("detail").asString()).contains("confirmed by the organizer")
			.contains(why)
			.contains("2 sheets")
			.contains(lateName);
		// The same as values, for the panel's sentence; the organizer's reason as
		// written.
		assertThat(event.path("coded").asBoolean()).isTrue();
		assertThat(arg(event, "notSubmitted")).isEqualTo("2");
		assertThat(event.path("reason").asString()).isEqualTo(why);
		assertField(this.api.status(this.roundId, "OPEN", "Reopening to let the judge finish the sheets.", true,
				this.organizer), "confirmIncomplete");
	}

	@Test
	void aCompleteRoundClosesWithoutConfirmation() {
		List<String> proposals = this.api.proposals(this.hackathon, 2);
		Map<String, TestAccounts.Account> judges = judges(1, 1);
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2));
		this.api.assignOk(this.roundId, "5");
		this.api.statusOk(this.roundId, "OPEN", null);
		judges.values().forEach((j) -> proposals.forEach((p) -> this.api.score(this.roundId, p, 6, 6, j)));
		assertThat(this.api.statusOk(this.roundId, "CLOSED", null).path("status").asString()).isEqualTo("CLOSED");
	}

	@Test
	void aDroppedJudgesSubmittedSheetsAreKeptUnlessVoidedWithAReasonAndTheAnswerSaysWhatBecameOfEach() {
		Map<String, TestAccounts.Account> judges = openRoundOfFourProposalsAndSixJudges();
		Map<String, Set<String>> before = assignments(judges);
		TestAccounts.Account leaving = judges.values()
			.stream()
			.filter((j) -> before.get(j.id()).size() >= 2)
			.findFirst()
			.orElseThrow();
		List<String> work = before.get(leaving.id()).stream().sorted().toList();
		String submitted = work.get(0);
		String draft = work.get(1);
		this.api.score(this.roundId, submitted, 9, 9, leaving);
		JudgingApi.ok(this.api.save(JudgingApi.sheetInput(this.roundId, draft, 4.0, null, null), leaving),
				"saveScoreSheet");
		String judgeId = this.hackathon.id() + ":" + leaving.id();
		TestAccounts.Account other = judges.values().stream().filter((j) -> j != leaving).findFirst().orElseThrow();
		JsonNode roundBefore = this.api.round(this.roundId, this.organizer);

		// Bad input and the wrong caller change nothing.
		String voidWhy = "The judge disclosed a prior consultancy for this ministry after scoring.";
		assertField(drop(judgeId, "Moved abroad", true, null, this.organizer), "voidReason");
		assertField(drop(judgeId, "Moved abroad", true, "x", this.organizer), "voidReason");
		assertField(drop(judgeId, "Moved abroad", null, voidWhy, this.organizer), "voidReason");
		assertField(drop(judgeId, " ", null, null, this.organizer), "reason");
		assertThat(drop(judgeId, "Moved abroad", null, null, other).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(drop(judgeId, "Moved abroad", null, null, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.api.round(this.roundId, this.organizer)).as("nothing changed").isEqualTo(roundBefore);
		assertThat(this.api.myAssignments(this.roundId, leaving).hasErrors()).as("still a judge").isFalse();

		// Kept by default: the submitted sheet counts; the draft's proposal moves.
		JsonNode answer = JudgingApi.ok(drop(judgeId, "Moved abroad", null, null, this.organizer), "dropJudge");
		assertThat(answer.path("judge").path("status").asString()).isEqualTo("DROPPED");
		assertThat(answer.path("rounds")).hasSize(1);
		JsonNode outcome = answer.path("rounds").get(0);
		assertThat(outcome.path("roundId").asString()).isEqualTo(this.roundId);
		assertThat(outcome.path("kept").findValuesAsString("proposalId")).containsExactly(submitted);
		assertThat(outcome.path("voided")).isEmpty();
		assertThat(outcome.path("notReassigned")).isEmpty();
		assertThat(outcome.path("reassigned").findValuesAsString("proposalId"))
			.containsExactlyInAnyOrderElementsOf(work.subList(1, work.size()));
		JsonNode moved = outcome.path("reassigned").get(0);
		assertThat(moved.path("proposalId").asString()).isEqualTo(draft);
		assertThat(moved.path("droppedSheet").asString()).isEqualTo("DRAFT");
		assertThat(moved.path("toJudgeIds")).hasSize(1);
		assertThat(moved.path("toJudgeIds").get(0).asString()).isNotEqualTo(judgeId).startsWith(this.hackathon.id());
		JsonNode plan = this.api.round(this.roundId, this.organizer).path("plan");
		assertThat(plan.path("assignmentCount").asInt()).as("the kept pair stays").isEqualTo(8);
		assertThat(plan.path("loads").findValuesAsString("judgeId")).as("dropped judges are not in the load figures")
			.hasSize(5)
			.doesNotContain(judgeId);
		JsonNode progress = JudgingApi.ok(this.http.graphql(
				"query($id: ID!) { roundProgress(roundId: $id) { submitted judges { judge { id } submitted } } }",
				Http.json().put("id", this.roundId), this.organizer.headers()), "roundProgress");
		assertThat(progress.path("submitted").asInt()).as("the kept sheet counts").isEqualTo(1);

		// Voided later, with a reason: dropping again settles the work again.
		JsonNode again = JudgingApi.ok(drop(judgeId, "Moved abroad", true, voidWhy, this.organizer), "dropJudge");
		JsonNode second = again.path("rounds").get(0);
		assertThat(second.path("kept")).isEmpty();
		assertThat(second.path("voided").findValuesAsString("proposalId")).containsExactly(submitted);
		assertThat(second.path("reassigned").findValuesAsString("proposalId")).containsExactly(submitted);
		assertThat(second.path("reassigned").get(0).path("droppedSheet").asString()).isEqualTo("VOIDED");
		JsonNode sheet = JudgingApi
			.ok(this.http.graphql("query($id: ID!) { scoreSheet(id: $id) { status history " + "{ to reason } } }",
					Http.json().put("id", this.roundId + ":" + leaving.id() + ":" + submitted),
					this.organizer.headers()), "scoreSheet");
		assertThat(sheet.path("status").asString()).isEqualTo("VOIDED");
		assertThat(sheet.path("history").get(sheet.path("history").size() - 1).path("reason").asString())
			.contains(voidWhy);
		assertThat(this.api.round(this.roundId, this.organizer).path("plan").path("assignmentCount").asInt())
			.isEqualTo(8);
	}

	private Http.GraphQlResult drop(String judgeId, String reason, Boolean voidSheets, String voidReason,
			TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("i").put("judgeId", judgeId).put("reason", reason);
		if (voidSheets != null) {
			input.put("voidSubmittedSheets", voidSheets);
		}
		if (voidReason != null) {
			input.put("voidReason", voidReason);
		}
		return this.http.graphql("mutation($i: DropJudgeInput!) { dropJudge(input: $i) { judge { status } "
				+ "rounds { roundId kept { proposalId proposal { id } } voided { proposalId } "
				+ "reassigned { proposalId toJudgeIds droppedSheet proposal { id } } notReassigned { proposalId } } } }",
				variables, (as != null) ? as.headers() : new String[0]);
	}

	@Test
	void aFinalRoundRefusesToOpenWithProposalsThatCannotBecomeFinalists() {
		JudgingApi.Hackathon presidential = this.api.hackathon("PRESIDENTIAL", "JUDGING", "FINAL");
		String fin = presidential.roundIds().get(0);
		List<String> proposals = this.api.proposals(presidential, 2);
		TestAccounts.Account pub = this.accounts.user("final-pub");
		TestAccounts.Account priv = this.accounts.user("final-priv");
		this.api.judge(presidential, pub, "PUBLIC");
		this.api.judge(presidential, priv, "PRIVATE");
		ObjectNode input = JudgingApi.roundInput(fin, 2);
		input.set("candidateProposalIds", JudgingApi.array(proposals));
		this.api.configureOk(input);
		this.api.assignOk(fin, null);
		Http.GraphQlResult refused = this.api.status(fin, "OPEN", null, this.organizer);
		assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(refused.errorMessage()).contains(proposals.get(0))
			.contains(proposals.get(1))
			.contains("SHORTLISTED");
		assertThat(this.api.round(fin, this.organizer).path("status").asString()).isEqualTo("DRAFT");
	}

	/**
	 * Four proposals, three public and three private judges, k = 2, assigned (seed 99)
	 * and OPEN; the judges by name.
	 */
	private Map<String, TestAccounts.Account> openRoundOfFourProposalsAndSixJudges() {
		this.api.proposals(this.hackathon, 4);
		Map<String, TestAccounts.Account> judges = judges(3, 3);
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2));
		this.api.assignOk(this.roundId, "99");
		this.api.statusOk(this.roundId, "OPEN", null);
		return judges;
	}

	/** Invites and accepts judges named PUBLIC-n and PRIVATE-n; returns them by name. */
	private Map<String, TestAccounts.Account> judges(int publicCount, int privateCount) {
		Map<String, TestAccounts.Account> judges = new java.util.LinkedHashMap<>();
		for (int i = 0; i < publicCount + privateCount; i++) {
			String name = ((i < publicCount) ? "PUBLIC-" : "PRIVATE-") + i;
			TestAccounts.Account account = this.accounts.user("round-" + this.hackathon.slug() + "-" + name);
			this.api.judge(this.hackathon, account, (i < publicCount) ? "PUBLIC" : "PRIVATE");
			judges.put(name, account);
		}
		return judges;
	}

	private Map<String, Set<String>> assignments(Map<String, TestAccounts.Account> judges) {
		Map<String, Set<String>> byJudge = new HashMap<>();
		judges.values().forEach((judge) -> {
			Http.GraphQlResult result = this.api.myAssignments(this.roundId, judge);
			byJudge.put(judge.id(),
					result.hasErrors() ? Set.of() : new HashSet<>(this.api.assigned(this.roundId, judge)));
		});
		return byJudge;
	}

	private static void assertField(Http.GraphQlResult result, String field) {
		assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.body().path("errors").get(0).path("extensions").path("field").asString()).isEqualTo(field);
	}

	private static String arg(JsonNode event, String name) {
		for (JsonNode arg : event.path("args")) {
			if (arg.path("name").asString().equals(name)) {
				return arg.path("value").asString();
			}
		}
		return null;
	}

}
