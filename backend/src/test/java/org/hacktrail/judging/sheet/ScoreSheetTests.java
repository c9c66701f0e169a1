package org.hacktrail.judging.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.judging.assignment.service.AssignmentService;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Score sheets over GraphQL: drafts, validation, submission, reopening, the
 * optimistic-lock race, who sees a sheet and a ranking, progress, and a conflict declared
 * after scoring.
 */
class ScoreSheetTests extends JudgingApiTestSupport {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ScoreSheetService sheets;

	@Autowired
	AssignmentService assignments;

	@Autowired
	RoundService rounds;

	JudgingApi.Hackathon hackathon;

	String roundId;

	List<String> proposals;

	TestAccounts.Account publicJudge;

	TestAccounts.Account privateJudge;

	TestAccounts.Account proposer;

	/**
	 * A REVIEW round, OPEN, with 3 proposals and 2 judges (k = 2: each judge has every
	 * proposal).
	 */
	@BeforeEach
	void setUp() {
		JudgingApi.Hackathon open = this.api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW");
		this.hackathon = open;
		this.roundId = open.roundIds().get(0);
		this.proposer = this.accounts.user("sheet-proposer-" + open.slug());
		this.proposals = new ArrayList<>(List.of(this.api.proposal(open, "Mine", this.proposer)));
		this.proposals.addAll(this.api.proposals(open, 2));
		String suffix = open.slug();
		this.publicJudge = this.accounts.user("sheet-pub-" + suffix);
		this.privateJudge = this.accounts.user("sheet-priv-" + suffix);
		this.api.judge(open, this.publicJudge, "PUBLIC");
		this.api.judge(open, this.privateJudge, "PRIVATE");
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2));
		this.api.assignOk(this.roundId, "5");
		this.api.statusOk(this.roundId, "OPEN", null);
	}

	@Test
	void aJudgeSavesDraftsThenSubmitsACompleteSheetWhichIsThenLocked() {
		String proposal = this.proposals.get(1);
		JsonNode draft = sheet(
				this.api.save(JudgingApi.sheetInput(this.roundId, proposal, 7.5, null, null), this.publicJudge),
				"saveScoreSheet");
		assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.path("version").asInt()).isZero();
		assertThat(draft.path("scores")).hasSize(1);
		Http.GraphQlResult incomplete = this.api
			.submit(JudgingApi.sheetInput(this.roundId, proposal, null, null, 0).putNull("scores"), this.publicJudge);
		assertThat(incomplete.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(incomplete.errorMessage()).contains("feasibility");
		ObjectNode comment = JudgingApi.sheetInput(this.roundId, proposal, 7.5, 6.0, 0).put("comment", "清楚可行 🙂");
		JsonNode saved = sheet(this.api.save(comment, this.publicJudge), "saveScoreSheet");
		assertThat(saved.path("version").asInt()).isEqualTo(1);
		assertThat(saved.path("comment").asString()).isEqualTo("清楚可行 🙂");
		ObjectNode submit = Http.json()
			.put("roundId", this.roundId)
			.put("proposalId", proposal)
			.put("expectedVersion", 1);
		JsonNode submitted = sheet(this.api.submit(submit, this.publicJudge), "submitScoreSheet");
		assertThat(submitted.path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.path("scores").findValuesAsString("criterionId")).containsExactly("feasibility", "impact");
		Http.GraphQlResult locked = this.api.save(JudgingApi.sheetInput(this.roundId, proposal, 1.0, 1.0, 2),
				this.publicJudge);
		assertThat(locked.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(locked.errorMessage()).contains("submitted");
		JsonNode mine = JudgingApi.ok(this.api.myAssignments(this.roundId, this.publicJudge), "myAssignments");
		assertThat(mine.path("assigned").asInt()).isEqualTo(3);
		assertThat(mine.path("submitted").asInt()).isEqualTo(1);
	}

	/**
	 * Progress and ranking read the round's sheets from the stored documents (no mapping
	 * to {@link ScoreSheet}): what they get is what was saved, for the plan's pairs only.
	 */
	@Test
	void theRoundReadGivesEveryPlannedSheetAsSaved() {
		sheet(this.api.save(JudgingApi.sheetInput(this.roundId, this.proposals.get(0), 7.5, null, null),
				this.publicJudge), "saveScoreSheet");
		sheet(this.api.save(JudgingApi.sheetInput(this.roundId, this.proposals.get(1), 3.0, 9.25, null),
				this.privateJudge), "saveScoreSheet");
		sheet(this.api.submit(Http.json()
			.put("roundId", this.roundId)
			.put("proposalId", this.proposals.get(1))
			.put("expectedVersion", 0), this.privateJudge), "submitScoreSheet");
		JudgingRound round = this.mongo.findById(this.roundId, JudgingRound.class);
		ScoreSheet stray = this.mongo
			.findById(ScoreSheet.idOf(this.roundId, this.privateJudge.id(), this.proposals.get(1)), ScoreSheet.class);
		// A sheet of a pair that is not in the plan (as after a judge is dropped) is left
		// out.
		this.mongo.insert(new ScoreSheet(ScoreSheet.idOf(this.roundId, "dropped-judge", this.proposals.get(2)),
				stray.hackathonId(), this.roundId, "dropped-judge", this.proposals.get(2), stray.scores(), null,
				SheetStatus.SUBMITTED, List.of(), stray.submittedAt(), stray.createdAt(), stray.updatedAt(), 0L));

		List<ScoreSheetService.PlannedSheet> read = this.sheets.sheetsOf(round,
				this.assignments.works(this.rounds.currentPlan(round)));

		assertThat(read).containsExactlyInAnyOrder(
				new ScoreSheetService.PlannedSheet(this.publicJudge.id(), this.proposals.get(0), SheetStatus.DRAFT,
						new TreeMap<>(Map.of("impact", 7.5))),
				new ScoreSheetService.PlannedSheet(this.privateJudge.id(), this.proposals.get(1), SheetStatus.SUBMITTED,
						new TreeMap<>(Map.of("feasibility", 9.25, "impact", 3.0))));
		assertThat(read.get(0).scores()).isUnmodifiable();
	}

	@Test
	void scoresAreCheckedAgainstTheRubricAndOnlyAssignedProposalsInAnOpenRoundCanBeScored() {
		String proposal = this.proposals.get(1);
		Http.GraphQlResult outOfScale = this.api.save(JudgingApi.sheetInput(this.roundId, proposal, 11.0, null, null),
				this.publicJudge);
		assertThat(outOfScale.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(outOfScale.body().path("errors").get(0).path("extensions").path("criterionId").asString())
			.isEqualTo("impact");
		ObjectNode unknown = Http.json().put("roundId", this.roundId).put("proposalId", proposal);
		unknown.putArray("scores").addObject().put("criterionId", "beauty").put("value", 3);
		assertThat(this.api.save(unknown, this.publicJudge).errorCode()).isEqualTo("BAD_USER_INPUT");
		TestAccounts.Account stranger = this.accounts.user("sheet-stranger");
		assertThat(this.api.save(JudgingApi.sheetInput(this.roundId, proposal, 5.0, 5.0, null), stranger).errorCode())
			.isEqualTo("FORBIDDEN");
		assertThat(this.api.save(JudgingApi.sheetInput(this.roundId, proposal, 5.0, 5.0, null), null).errorCode())
			.isEqualTo("UNAUTHENTICATED");
		assertThat(this.api.save(JudgingApi.sheetInput(this.roundId, "not-assigned", 5.0, 5.0, null), this.publicJudge)
			.errorCode()).isEqualTo("FORBIDDEN");
		this.api.closeLeavingUnsubmittedOut(this.roundId);
		assertThat(this.api.save(JudgingApi.sheetInput(this.roundId, proposal, 5.0, 5.0, null), this.publicJudge)
			.errorCode()).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void ofConcurrentSavesOfOneSheetOneWinsTheOthersGetConflictAndNoWriteIsLost() throws Exception {
		String proposal = this.proposals.get(2);
		sheet(this.api.save(JudgingApi.sheetInput(this.roundId, proposal, 0.0, 0.0, null), this.privateJudge),
				"saveScoreSheet");
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int iteration = 0; iteration < 25; iteration++) {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Http.GraphQlResult>> saves = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					double value = t;
					int version = iteration;
					saves.add(pool.submit(() -> {
						start.await();
						return this.api.save(JudgingApi.sheetInput(this.roundId, proposal, value, 10 - value, version),
								this.privateJudge);
					}));
				}
				start.countDown();
				List<JsonNode> winners = new ArrayList<>();
				int conflicts = 0;
				for (Future<Http.GraphQlResult> save : saves) {
					Http.GraphQlResult result = save.get();
					if (result.hasErrors()) {
						assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("CONFLICT");
						conflicts++;
					}
					else {
						winners.add(result.data().path("saveScoreSheet").path("sheet"));
					}
				}
				assertThat(winners).as("iteration %d", iteration).hasSize(1);
				assertThat(conflicts).isEqualTo(threads - 1);
				JsonNode stored = storedSheet(proposal, this.privateJudge, this.privateJudge);
				assertThat(stored.path("version").asInt()).isEqualTo(iteration + 1);
				assertThat(stored.path("scores")).isEqualTo(winners.get(0).path("scores"));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(
				this.mongo.count(
						new org.springframework.data.mongodb.core.query.Query(
								org.springframework.data.mongodb.core.query.Criteria.where("_id")
									.is(ScoreSheet.idOf(this.roundId, this.privateJudge.id(), proposal))),
						ScoreSheet.class))
			.isEqualTo(1);
	}

	@Test
	void onlyTheJudgeAndOrganizersSeeASheetAndOnlyOrganizersTheRankingBeforePublication() {
		String proposal = this.proposals.get(0);
		JsonNode mine = this.api.score(this.roundId, proposal, 8, 7, this.publicJudge);
		String sheetId = mine.path("id").asString();
		assertThat(sheetQuery(sheetId, this.publicJudge).hasErrors()).isFalse();
		assertThat(sheetQuery(sheetId, this.organizer).hasErrors()).isFalse();
		assertThat(sheetQuery(sheetId, this.privateJudge).errorCode()).as("another judge").isEqualTo("FORBIDDEN");
		assertThat(sheetQuery(sheetId, this.proposer).errorCode()).as("the proposer").isEqualTo("FORBIDDEN");
		assertThat(sheetQuery(sheetId, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		// The other judge's panel shows their own (absent) sheet, never this one.
		JsonNode theirs = JudgingApi.ok(this.api.myAssignments(this.roundId, this.privateJudge), "myAssignments");
		theirs.path("proposals").forEach((p) -> assertThat(p.path("sheet").isNull()).isTrue());
		assertThat(this.api.ranking(this.roundId, this.privateJudge).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.ranking(this.roundId, this.proposer).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.ranking(this.roundId, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.http.get("/api/hackathons/" + this.hackathon.slug() + "/results.json").statusCode())
			.isEqualTo(404);
		assertThat(this.api.myAssignments(this.roundId, this.proposer).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.http
			.graphql("query($id: ID!) { roundProgress(roundId: $id) { assigned } }",
					Http.json().put("id", this.roundId), this.publicJudge.headers())
			.errorCode()).isEqualTo("FORBIDDEN");

		// After publication: the proposer reads the published ranking, still never a
		// sheet.
		for (String p : this.proposals) {
			for (TestAccounts.Account judge : List.of(this.publicJudge, this.privateJudge)) {
				if (!(p.equals(proposal) && judge == this.publicJudge)) {
					this.api.score(this.roundId, p, 5 + this.proposals.indexOf(p), 5, judge);
				}
			}
		}
		this.api.closeLeavingUnsubmittedOut(this.roundId);
		List<String> top = new ArrayList<>();
		JudgingApi.ok(this.api.ranking(this.roundId, this.organizer), "roundRanking").path("lines").forEach((l) -> {
			if (l.path("inTopN").asBoolean()) {
				top.add(l.path("proposalId").asString());
			}
		});
		JudgingApi.ok(this.api.select(this.roundId, top, null, null, this.organizer), "selectProposals");
		JudgingApi.ok(this.api.publish(this.roundId, this.organizer), "publishRound");
		JsonNode published = JudgingApi.ok(this.api.ranking(this.roundId, this.proposer), "roundRanking");
		assertThat(published.path("published").asBoolean()).isTrue();
		assertThat(published.path("lines")).hasSize(3);
		assertThat(JudgingApi.ok(this.api.ranking(this.roundId, null), "roundRanking").path("published").asBoolean())
			.isTrue();
		assertThat(sheetQuery(sheetId, this.proposer).errorCode()).isEqualTo("FORBIDDEN");
		var json = this.http.get("/api/hackathons/" + this.hackathon.slug() + "/results.json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.body()).doesNotContain(this.publicJudge.id())
			.doesNotContain(this.privateJudge.id())
			.doesNotContain("sheet-pub-");
		assertThat(Http.parse(json.body()).path("rounds").get(0).path("sheets")).hasSize(6);
		var csv = this.http.get("/api/hackathons/" + this.hackathon.slug() + "/results.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body().lines().count()).as("header + 6 sheets × 2 criteria").isEqualTo(13);
		assertThat(csv.body()).doesNotContain(this.publicJudge.id());
	}

	@Test
	void anOrganizerReopensASubmittedSheetWithAReason() {
		String proposal = this.proposals.get(1);
		String sheetId = this.api.score(this.roundId, proposal, 3, 3, this.publicJudge).path("id").asString();
		String reopen = "mutation($i: ReopenScoreSheetInput!) { reopenScoreSheet(input: $i) { sheet { status version history { from to reason } } } }";
		ObjectNode input = Http.json();
		input.putObject("i").put("sheetId", sheetId).put("reason", "The scores were swapped");
		assertThat(this.http.graphql(reopen, input, this.publicJudge.headers()).errorCode()).isEqualTo("FORBIDDEN");
		ObjectNode noReason = Http.json();
		noReason.putObject("i").put("sheetId", sheetId).put("reason", "");
		assertThat(this.http.graphql(reopen, noReason, this.organizer.headers()).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		JsonNode reopened = JudgingApi
			.ok(this.http.graphql(reopen, input, this.organizer.headers()), "reopenScoreSheet")
			.path("sheet");
		assertThat(reopened.path("status").asString()).isEqualTo("DRAFT");
		JsonNode last = reopened.path("history").get(reopened.path("history").size() - 1);
		assertThat(last.path("from").asString()).isEqualTo("SUBMITTED");
		assertThat(last.path("reason").asString()).isEqualTo("The scores were swapped");
		JsonNode fixed = sheet(this.api.submit(
				JudgingApi.sheetInput(this.roundId, proposal, 9.0, 8.0, reopened.path("version").asInt()),
				this.publicJudge), "submitScoreSheet");
		assertThat(fixed.path("status").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void aConflictDeclaredAfterScoringVoidsTheSheetAndGivesTheProposalToAnotherJudge() {
		TestAccounts.Account spare = this.accounts.user("sheet-spare-" + this.hackathon.slug());
		this.api.judge(this.hackathon, spare, "PUBLIC");
		String proposal = this.proposals.get(1);
		String sheetId = this.api.score(this.roundId, proposal, 9, 9, this.publicJudge).path("id").asString();
		assertThat(this.api.assigned(this.roundId, spare)).isEmpty();
		ObjectNode declare = Http.json();
		declare.putObject("i")
			.put("hackathonId", this.hackathon.id())
			.put("proposalId", proposal)
			.put("reason", "PROFESSIONAL")
			.put("comment", "Turns out I advised them");
		JudgingApi
			.ok(this.http.graphql("mutation($i: DeclareConflictInput!) { declareConflict(input: $i) { judge { id } } }",
					declare, this.publicJudge.headers()), "declareConflict");
		assertThat(sheetQuery(sheetId, this.organizer).data().path("scoreSheet").path("status").asString())
			.isEqualTo("VOIDED");
		assertThat(this.api.assigned(this.roundId, this.publicJudge)).doesNotContain(proposal).hasSize(2);
		assertThat(this.api.assigned(this.roundId, spare)).containsExactly(proposal);
		assertThat(this.api.assigned(this.roundId, this.privateJudge)).hasSize(3);
		JsonNode progress = JudgingApi.ok(this.http.graphql("""
				query($id: ID!) { roundProgress(roundId: $id) { assigned submitted
				  judges { judge { userId } assigned submitted voided drafts }
				  proposals { proposalId proposal { id } assigned submitted judgeIds } } }""",
				Http.json().put("id", this.roundId), this.organizer.headers()), "roundProgress");
		assertThat(progress.path("assigned").asInt()).isEqualTo(6);
		assertThat(progress.path("submitted").asInt()).isZero();
		for (JsonNode line : progress.path("proposals")) {
			assertThat(line.path("assigned").asInt()).isEqualTo(2);
			assertThat(line.path("proposal").path("id").asString()).isEqualTo(line.path("proposalId").asString());
		}
		assertThat(this.api.save(JudgingApi.sheetInput(this.roundId, proposal, 1.0, 1.0, null), this.publicJudge)
			.errorCode()).isEqualTo("FORBIDDEN");
	}

	private JsonNode storedSheet(String proposal, TestAccounts.Account judge, TestAccounts.Account as) {
		return sheetQuery(ScoreSheet.idOf(this.roundId, judge.id(), proposal), as).data().path("scoreSheet");
	}

	private Http.GraphQlResult sheetQuery(String id, TestAccounts.Account as) {
		return this.http.graphql("query($id: ID!) { scoreSheet(id: $id) { " + JudgingApi.SHEET_FIELDS + " } }",
				Http.json().put("id", id), (as != null) ? as.headers() : new String[0]);
	}

	private static JsonNode sheet(Http.GraphQlResult result, String field) {
		return JudgingApi.ok(result, field).path("sheet");
	}

}
