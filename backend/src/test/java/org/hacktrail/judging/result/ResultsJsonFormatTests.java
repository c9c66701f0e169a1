package org.hacktrail.judging.result;

import java.time.Duration;
import org.hacktrail.judging.RecomputeScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.assignment.AssignmentRequest;
import org.hacktrail.judging.ranking.Criterion;
import org.hacktrail.judging.ranking.EvidenceRule;
import org.hacktrail.judging.ranking.PublicVote;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingInput;
import org.hacktrail.judging.ranking.RankingMethod;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.Rubric;
import org.hacktrail.judging.ranking.RubricRanking;
import org.hacktrail.judging.ranking.SubmittedSheet;
import org.hacktrail.judging.round.RoundConfig;
import org.hacktrail.judging.round.RubricCriterion;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.judging.round.VoteMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The format of {@code results.json}, which anyone recomputes published rankings from, is
 * pinned: five fixed published rounds give exactly the bytes of
 * {@code results.golden.json}, and {@code scripts/recompute-ranking} reproduces that
 * file. Two were published with method hacktrail-rubric-1 (one with a public vote, a tie
 * across the cut, an unranked proposal and a tie resolution; one without a vote,
 * normalisation off, a single criterion), two with hacktrail-rubric-2 (one where the
 * leader lacks evidence and stays out of the top N; one with a single judge per sector,
 * whose uncertainty is unknown), and one PAIRWISE round with hacktrail-pairwise-1
 * ({@link PairwiseGoldenRound}: comparisons, skips, a candidate with too few
 * comparisons). The script also still reproduces the file of format hacktrail-results-1
 * ({@code results.format1.golden.json}, the same two method-1 rounds as that format wrote
 * them).
 *
 * <p>
 * A difference is a change of the published format: if it is intended, give the format a
 * new version ({@code ResultsExport.FORMAT}), say what changed in
 * {@code docs/judging-method.md} ("Open data") and the script, and replace the golden
 * file with {@code target/results.actual.json}, which a failing run writes.
 */
class ResultsJsonFormatTests {

	static final Path GOLDEN = Path.of("src", "test", "resources", "org", "hacktrail", "judging", "result",
			"results.golden.json");

	static final Path FORMAT_1 = Path.of("src", "test", "resources", "org", "hacktrail", "judging", "result",
			"results.format1.golden.json");

	static final Path ACTUAL = Path.of("target", "results.actual.json");

	static final Instant PUBLISHED_AT = Instant.parse("2026-05-04T10:15:30Z");

	@Test
	void aFixedHackathonsResultsAreExactlyTheGoldenFile() throws Exception {
		String json = resultsJson();
		String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
		if (!json.equals(golden)) {
			Files.createDirectories(ACTUAL.getParent());
			Files.writeString(ACTUAL, json, StandardCharsets.UTF_8);
		}
		assertThat(json).as("results.json of the fixed rounds (written to %s; see the class comment)", ACTUAL)
			.isEqualTo(golden);
	}

	@Test
	void theRecomputeScriptReproducesTheGoldenFile() throws Exception {
		String output = recompute(GOLDEN);
		assertThat(output).contains("All 5 round(s) reproduced exactly.")
			.contains("hacktrail-pairwise-1")
			.contains("insufficient-evidence(2 comparisons)")
			.contains("hacktrail-rubric-1")
			.contains("hacktrail-rubric-2")
			.contains("insufficient-evidence(2/3 sheets)")
			.contains("P(top N) are unknown");
	}

	@Test
	void theRecomputeScriptStillReproducesFilesOfTheFirstFormat() throws Exception {
		assertThat(Files.readString(FORMAT_1)).contains("\"format\" : \"hacktrail-results-1\"");
		assertThat(recompute(FORMAT_1)).contains("All 2 round(s) reproduced exactly.");
	}

	private static String recompute(Path file) throws Exception {
		RecomputeScript.Run run = RecomputeScript.run(file, Duration.ofSeconds(120));
		assertThat(run.exit()).as(run.output()).isZero();
		return run.output();
	}

	/** The document as {@code GET /api/hackathons/{slug}/results.json} writes it. */
	static String resultsJson() {
		Map<String, LocalizedText> titles = new LinkedHashMap<>();
		titles.put("P1", new LocalizedText("公車即時到站", "Bus arrival times"));
		titles.put("P2", new LocalizedText(null, "Shelter map"));
		titles.put("P3", new LocalizedText("青銀共居", null));
		List<ResultsJson.RoundEntry> rounds = List.of(ResultsExport.roundJson(review(), PUBLISHED_AT, titles),
				ResultsExport.roundJson(finals(), PUBLISHED_AT.plusSeconds(86_400), titles),
				ResultsExport.roundJson(evidenceReview(), PUBLISHED_AT.plusSeconds(2 * 86_400), titles),
				ResultsExport.roundJson(singleJudges(), PUBLISHED_AT.plusSeconds(3 * 86_400), titles),
				ResultsExport.roundEntry(PairwiseGoldenRound.expo(), PUBLISHED_AT.plusSeconds(4 * 86_400), titles));
		return ResultsExport.write(new ResultsJson(ResultsJson.Hackathon.of(hackathon()), rounds));
	}

	/**
	 * A REVIEW round: two criteria, four judges in three sectors, P2 and P3 scored alike
	 * (a tie at rank 2 across a cut of 2), P5 without sheets (unranked), a quadratic
	 * vote, and the tie resolved with a reason.
	 */
	static PublishedRound review() {
		Rubric rubric = new Rubric(List.of(new Criterion("feasibility", 2, 1, 10), new Criterion("impact", 3, 1, 10)));
		List<SubmittedSheet> sheets = new ArrayList<>();
		double[][] scores = { { 8, 9 }, { 6, 7 }, { 6, 7 }, { 4, 5 } };
		String[] judges = { "J-0a1b2c3d4e5f6071", "J-1b2c3d4e5f607182", "J-2c3d4e5f60718293", "J-3d4e5f6071829304" };
		Sector[] sectors = { Sector.PUBLIC, Sector.PUBLIC, Sector.PRIVATE, Sector.ACADEMIC };
		for (int j = 0; j < judges.length; j++) {
			for (int p = 0; p < scores.length; p++) {
				double lean = (j == 1) ? 1 : 0;
				sheets.add(new SubmittedSheet(judges[j], sectors[j], "P" + (p + 1),
						Map.of("feasibility", scores[p][0] - lean, "impact", scores[p][1] - 0.5 * j)));
			}
		}
		Map<Sector, Double> weights = new EnumMap<>(Sector.class);
		weights.put(Sector.PUBLIC, 0.4);
		weights.put(Sector.PRIVATE, 0.4);
		weights.put(Sector.ACADEMIC, 0.2);
		PublicVote vote = new PublicVote(Map.of("P1", 12.0, "P2", 5.0, "P3", 5.0), 0.2);
		RankingInput input = RankingInput.builder(rubric, 2026)
			.proposals(List.of("P1", "P2", "P3", "P4", "P5"))
			.sheets(sheets)
			.sectorWeights(weights)
			.publicVote(vote)
			.outstandingQuota(2)
			.bootstrapReplicates(50)
			.build();
		RankingResult result = RubricRanking.rank(input);
		List<RubricCriterion> criteria = List.of(
				new RubricCriterion("feasibility", new LocalizedText("可行性", "Feasibility"),
						new LocalizedText("團隊能否做到？", "Can the team deliver it?"), 2, 1, 10),
				new RubricCriterion("impact", new LocalizedText("影響力", "Impact"), LocalizedText.EMPTY, 3, 1, 10));
		RoundConfig config = new RoundConfig(criteria, 3, AssignmentRequest.defaultSectorMinimums(), null, weights,
				true, VoteMode.QUADRATIC, 0.2, RoundConfig.DEFAULT_VOTE_CREDITS, 2, null, 50, 2026);
		Selection selection = new Selection(List.of("P1", "P3"), Selection.Kind.TIE_RESOLVED, null,
				"P3's team has a partner agency", List.of("P1", "P2"), "fingerprint-review", "organizer",
				Instant.parse("2026-05-03T09:00:00Z"));
		return new PublishedRound("R-review", "H-1", new LocalizedText("初審", "Preliminary review"), RoundKind.REVIEW,
				config, 2, input.proposalIds(), input.sheets(),
				new PublishedRound.Vote(VoteMode.QUADRATIC, 0.2, RoundConfig.DEFAULT_VOTE_CREDITS, 31, vote.totals()),
				result, selection, "fingerprint-review");
	}

	/**
	 * A FINAL round: one criterion, normalisation off, no public vote, an unsigned seed
	 * above 2^63, and an override with its justification.
	 */
	static PublishedRound finals() {
		long seed = Long.parseUnsignedLong("18000000000000000000");
		Rubric rubric = new Rubric(List.of(new Criterion("overall", 1, 0, 100)));
		List<SubmittedSheet> sheets = new ArrayList<>();
		String[] judges = { "J-0a1b2c3d4e5f6071", "J-2c3d4e5f60718293", "J-4e5f607182930415" };
		Sector[] sectors = { Sector.PUBLIC, Sector.PRIVATE, Sector.CIVIL_SOCIETY };
		double[][] scores = { { 81.5, 77, 90 }, { 64, 70.25, 58 } };
		for (int j = 0; j < judges.length; j++) {
			for (int p = 0; p < scores.length; p++) {
				sheets.add(new SubmittedSheet(judges[j], sectors[j], "P" + (p + 1), Map.of("overall", scores[p][j])));
			}
		}
		Map<Sector, Double> weights = new EnumMap<>(Sector.class);
		weights.put(Sector.PUBLIC, 0.5);
		weights.put(Sector.PRIVATE, 0.5);
		RankingInput input = RankingInput.builder(rubric, seed)
			.proposals(List.of("P1", "P2"))
			.sheets(sheets)
			.sectorWeights(weights)
			.normalise(false)
			.outstandingQuota(1)
			.bootstrapReplicates(20)
			.build();
		RankingResult result = RubricRanking.rank(input);
		RoundConfig config = new RoundConfig(
				List.of(new RubricCriterion("overall", new LocalizedText("總評", "Overall"), LocalizedText.EMPTY, 1, 0,
						100)),
				3, AssignmentRequest.defaultSectorMinimums(), null, weights, false, VoteMode.NONE, 0,
				RoundConfig.DEFAULT_VOTE_CREDITS, 1, null, 20, seed);
		Selection selection = new Selection(List.of("P2"), Selection.Kind.OVERRIDE,
				"P1 withdrew after the final pitch; P2 takes its place.", null, List.of("P1"), "fingerprint-final",
				"organizer", Instant.parse("2026-05-04T09:00:00Z"));
		return new PublishedRound("R-final", "H-1", new LocalizedText("決選", "Finals"), RoundKind.FINAL, config, 1,
				input.proposalIds(), input.sheets(), null, result, selection, "fingerprint-final");
	}

	/**
	 * A method-2 REVIEW round: k = 3, PUBLIC 1 and PRIVATE 1; four judges (two PUBLIC,
	 * two PRIVATE). P1 scores best but has only two sheets (insufficient evidence: ranked
	 * first, not in the top 2); P4 has no PRIVATE sheet (insufficient too). PUBLIC has 10
	 * residuals and draws from its own pool, PRIVATE 8 and draws from the round pool.
	 */
	static PublishedRound evidenceReview() {
		Rubric rubric = new Rubric(List.of(new Criterion("impact", 1, 1, 10)));
		String[] judges = { "J-5f6071829304152a", "J-6071829304152a3b", "J-71829304152a3b4c", "J-829304152a3b4c5d" };
		Sector[] sectors = { Sector.PUBLIC, Sector.PUBLIC, Sector.PRIVATE, Sector.PRIVATE };
		// Rows: proposals P1..P4; columns: judges; 0 means no sheet.
		double[][] scores = { { 9.5, 0, 9, 0 }, { 7, 8, 7.5, 6 }, { 6, 7.5, 8, 7 }, { 5, 6.5, 0, 0 }, { 4, 5, 6, 4.5 },
				{ 6.5, 5, 5.5, 7 } };
		List<SubmittedSheet> sheets = new ArrayList<>();
		for (int p = 0; p < scores.length; p++) {
			for (int j = 0; j < judges.length; j++) {
				if (scores[p][j] > 0) {
					sheets
						.add(new SubmittedSheet(judges[j], sectors[j], "P" + (p + 1), Map.of("impact", scores[p][j])));
				}
			}
		}
		Map<Sector, Double> weights = RankingInput.defaultSectorWeights();
		RankingInput input = RankingInput.builder(rubric, 77)
			.proposals(List.of("P1", "P2", "P3", "P4", "P5", "P6"))
			.sheets(sheets)
			.sectorWeights(weights)
			.normalise(false)
			.outstandingQuota(2)
			.bootstrapReplicates(40)
			.method(RankingMethod.RUBRIC_2)
			.evidenceRule(EvidenceRule.defaults())
			.build();
		return method2Round("R-review-2", new LocalizedText("複審", "Second review"), input, weights);
	}

	/**
	 * A method-2 FINAL round with one PUBLIC and one PRIVATE judge: no proposal has two
	 * sheets of a sector, so the spread is unknown and every rank interval and P(top N)
	 * is null.
	 */
	static PublishedRound singleJudges() {
		Rubric rubric = new Rubric(List.of(new Criterion("overall", 1, 0, 100)));
		double[][] scores = { { 90, 60 }, { 70, 80 }, { 40, 55 } };
		List<SubmittedSheet> sheets = new ArrayList<>();
		for (int p = 0; p < scores.length; p++) {
			sheets.add(new SubmittedSheet("J-0a1b2c3d4e5f6071", Sector.PUBLIC, "P" + (p + 1),
					Map.of("overall", scores[p][0])));
			sheets.add(new SubmittedSheet("J-2c3d4e5f60718293", Sector.PRIVATE, "P" + (p + 1),
					Map.of("overall", scores[p][1])));
		}
		Map<Sector, Double> weights = RankingInput.defaultSectorWeights();
		RankingInput input = RankingInput.builder(rubric, 5)
			.proposals(List.of("P1", "P2", "P3"))
			.sheets(sheets)
			.sectorWeights(weights)
			.outstandingQuota(1)
			.bootstrapReplicates(30)
			.method(RankingMethod.RUBRIC_2)
			.evidenceRule(new EvidenceRule(2, Map.of(Sector.PUBLIC, 1, Sector.PRIVATE, 1)))
			.build();
		return method2Round("R-final-2", new LocalizedText("決選（二）", "Finals II"), input, weights);
	}

	private static PublishedRound method2Round(String id, LocalizedText name, RankingInput input,
			Map<Sector, Double> weights) {
		RankingResult result = RubricRanking.rank(input);
		List<RubricCriterion> criteria = input.rubric()
			.criteria()
			.stream()
			.map((c) -> new RubricCriterion(c.id(), new LocalizedText(null, c.id()), LocalizedText.EMPTY, c.weight(),
					c.scaleMin(), c.scaleMax()))
			.toList();
		RoundConfig config = new RoundConfig(criteria, input.evidenceRule().judgesPerProposal(),
				input.evidenceRule().sectorMinimums(), null, weights, input.normalise(), VoteMode.NONE, 0,
				RoundConfig.DEFAULT_VOTE_CREDITS, input.outstandingQuota(), null, input.bootstrapReplicates(),
				input.seed());
		List<String> topN = result.ranking()
			.stream()
			.filter(RankedProposal::inTopN)
			.map(RankedProposal::proposalId)
			.toList();
		Selection selection = new Selection(topN, Selection.Kind.TOP_N, null, null, topN, "fingerprint-" + id,
				"organizer", Instant.parse("2026-05-05T09:00:00Z"));
		RoundKind kind = id.contains("final") ? RoundKind.FINAL : RoundKind.REVIEW;
		return new PublishedRound(id, "H-1", name, kind, config, input.outstandingQuota(), input.proposalIds(),
				input.sheets(), null, result, selection, "fingerprint-" + id);
	}

	static Hackathon hackathon() {
		Instant start = Instant.parse("2026-03-01T00:00:00Z");
		return new Hackathon("H-1", "presidential-hackathon-2026", new LocalizedText("總統盃黑客松 2026", null),
				HackathonKind.PRESIDENTIAL, null, start, start.plusSeconds(86_400 * 90), "Asia/Taipei", null,
				HackathonPhase.RESULTS_PUBLISHED, List.of(), List.of(), 5, false, false, start, null, start, 3L);
	}

}
