package org.hacktrail.judging.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hacktrail.judging.Sector.ACADEMIC;
import static org.hacktrail.judging.Sector.PRIVATE;
import static org.hacktrail.judging.Sector.PUBLIC;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.JudgeSummary.Treatment;

/** Small rounds whose every number is worked out by hand in the comments. */
class RubricRankingTests {

	private static final double EXACT = 1e-12;

	/**
	 * One criterion "overall" on a 0–10 scale, so a sheet's total r is its single score.
	 */
	private static final Rubric SINGLE = Rubric.uniform(0, 10, Map.of("overall", 1.0));

	static SubmittedSheet sheet(String judge, Sector sector, String proposal, double overall) {
		return new SubmittedSheet(judge, sector, proposal, Map.of("overall", overall));
	}

	static RankedProposal line(RankingResult result, String proposal) {
		return result.ranking().stream().filter((line) -> line.proposalId().equals(proposal)).findFirst().orElseThrow();
	}

	static double normalised(RankingResult result, String judge, String proposal) {
		return result.sheets()
			.stream()
			.filter((sheet) -> sheet.judgeId().equals(judge) && sheet.proposalId().equals(proposal))
			.findFirst()
			.orElseThrow()
			.normalised();
	}

	@Test
	void weightedTotalsSectorMeansAndFinalScoreWithoutNormalisation() {
		// Weights impact 3, feasibility 1 → w_feasibility = 0.25, w_impact = 0.75 (summed
		// in id order).
		Rubric rubric = Rubric.uniform(1, 10, Map.of("impact", 3.0, "feasibility", 1.0));
		// r = 0.25·feasibility + 0.75·impact:
		// A: pub1 0.25·4 + 0.75·8 = 7, priv1 0.25·6 + 0.75·6 = 6 → F = (0.5·7 + 0.5·6) /
		// 1 = 6.5
		// B: pub1 0.25·8 + 0.75·4 = 5, priv1 0.25·6 + 0.75·10 = 9 → F = 7
		// C: pub1 0.25·6 + 0.75·6 = 6, priv1 0.25·2 + 0.75·6 = 5 → F = 5.5
		List<SubmittedSheet> sheets = List.of(
				new SubmittedSheet("pub1", PUBLIC, "A", Map.of("impact", 8.0, "feasibility", 4.0)),
				new SubmittedSheet("priv1", PRIVATE, "A", Map.of("impact", 6.0, "feasibility", 6.0)),
				new SubmittedSheet("pub1", PUBLIC, "B", Map.of("impact", 4.0, "feasibility", 8.0)),
				new SubmittedSheet("priv1", PRIVATE, "B", Map.of("impact", 10.0, "feasibility", 6.0)),
				new SubmittedSheet("pub1", PUBLIC, "C", Map.of("impact", 6.0, "feasibility", 6.0)),
				new SubmittedSheet("priv1", PRIVATE, "C", Map.of("impact", 6.0, "feasibility", 2.0)));
		RankingResult result = RubricRanking.rank(RankingInput.builder(rubric, 7)
			.proposals(List.of("A", "B", "C"))
			.sheets(sheets)
			.normalise(false)
			.outstandingQuota(1)
			.build());

		assertThat(result.algorithmVersion()).isEqualTo("hacktrail-rubric-1");
		assertThat(result.ranking()).extracting(RankedProposal::proposalId).containsExactly("B", "A", "C");
		assertThat(result.ranking()).extracting(RankedProposal::rank).containsExactly(1, 2, 3);
		assertThat(result.ranking()).extracting(RankedProposal::finalScore).containsExactly(7.0, 6.5, 5.5);
		assertThat(line(result, "B").sectorScores()).containsExactly(new SectorScore(PUBLIC, 1, 5.0, 0.5),
				new SectorScore(PRIVATE, 1, 9.0, 0.5));
		assertThat(result.sheets()).extracting(NormalisedSheet::total).containsExactly(6.0, 7.0, 9.0, 5.0, 5.0, 6.0);
		// Normalisation off: n = r.
		assertThat(result.judges()).extracting(JudgeSummary::treatment).containsOnly(Treatment.RAW);
		assertThat(normalised(result, "priv1", "B")).isEqualTo(9.0);

		// μ = (7+6+5+9+6+5)/6 = 38/6; Σ(r−μ)² = 11⅓, σ = √(11⅓ / 6) = √(17/9) ≈ 1.3744;
		// σ_n = σ (n = r).
		assertThat(result.round().mean()).isCloseTo(38.0 / 6, within(EXACT));
		assertThat(result.round().standardDeviation()).isCloseTo(Math.sqrt(17.0 / 9), within(EXACT));
		assertThat(result.round().normalisedStandardDeviation()).isCloseTo(Math.sqrt(17.0 / 9), within(EXACT));
		// Divergence B: |5 − 9| / 1.3744 ≈ 2.910 > 1 → flagged; A and C: 1 / 1.3744 ≈
		// 0.728 → not flagged.
		assertThat(line(result, "B").divergence()).isCloseTo(4 / Math.sqrt(17.0 / 9), within(EXACT));
		assertThat(line(result, "B").divergent()).isTrue();
		assertThat(line(result, "A").divergence()).isCloseTo(1 / Math.sqrt(17.0 / 9), within(EXACT));
		assertThat(line(result, "A").divergent()).isFalse();
		assertThat(result.ranking()).allSatisfy((line) -> assertThat(line.missingSectors()).isEmpty());

		// One judge per sector: the stratified bootstrap can only redraw that same judge,
		// so every replicate
		// reproduces the point ranking; intervals collapse and P(top 1) is 1 for B, 0 for
		// the others.
		assertThat(result.ranking()).allSatisfy((line) -> {
			assertThat(line.rankLow()).isEqualTo(line.rank());
			assertThat(line.rankHigh()).isEqualTo(line.rank());
			assertThat(line.straddlesCut()).isFalse();
		});
		assertThat(result.ranking()).extracting(RankedProposal::probabilityTopN).containsExactly(1.0, 0.0, 0.0);
		assertThat(result.ranking()).extracting(RankedProposal::inTopN).containsExactly(true, false, false);
		assertThat(result.ties()).isEmpty();
		assertThat(result.unranked()).isEmpty();
	}

	@Test
	void normalisationRemovesEachJudgesLeniencyAndMapsBackOntoTheRoundScale() {
		// J1 (PUBLIC) is harsh: 2, 4, 6 → μ_1 = 4, σ_1 = √(8/3). J2 (PRIVATE) is lenient:
		// 7, 8, 9 → μ_2 = 8,
		// σ_2 = √(2/3). Both order the proposals alike, so z = −√1.5, 0, +√1.5 for both.
		// Round: μ = (2+4+6+7+8+9)/6 = 6; Σ(r−μ)² = 16+4+0+1+4+9 = 34, σ = √(34/6).
		// n = μ + σ·z → A: 6 − √(34/6 · 1.5) = 6 − √8.5, B: 6, C: 6 + √8.5, for both
		// judges.
		RankingResult result = RubricRanking.rank(RankingInput.builder(SINGLE, 7)
			.proposals(List.of("A", "B", "C"))
			.sheets(List.of(sheet("J1", PUBLIC, "A", 2), sheet("J1", PUBLIC, "B", 4), sheet("J1", PUBLIC, "C", 6),
					sheet("J2", PRIVATE, "A", 7), sheet("J2", PRIVATE, "B", 8), sheet("J2", PRIVATE, "C", 9)))
			.build());

		assertThat(result.round().mean()).isCloseTo(6, within(EXACT));
		assertThat(result.round().standardDeviation()).isCloseTo(Math.sqrt(34.0 / 6), within(EXACT));
		assertThat(result.judges()).containsExactly(
				new JudgeSummary("J1", PUBLIC, 3, 4, Math.sqrt(8.0 / 3), Treatment.Z_SCORE),
				new JudgeSummary("J2", PRIVATE, 3, 8, Math.sqrt(2.0 / 3), Treatment.Z_SCORE));
		for (String judge : List.of("J1", "J2")) {
			assertThat(normalised(result, judge, "A")).isCloseTo(6 - Math.sqrt(8.5), within(EXACT));
			assertThat(normalised(result, judge, "B")).isCloseTo(6, within(EXACT));
			assertThat(normalised(result, judge, "C")).isCloseTo(6 + Math.sqrt(8.5), within(EXACT));
		}
		assertThat(result.ranking()).extracting(RankedProposal::proposalId).containsExactly("C", "B", "A");
		assertThat(line(result, "A").finalScore()).isCloseTo(6 - Math.sqrt(8.5), within(EXACT));
		// Raw sector means of A differ by 5 points; after normalisation the sectors
		// agree: divergence 0.
		assertThat(result.ranking()).allSatisfy((line) -> {
			assertThat(line.divergence()).isCloseTo(0, within(EXACT));
			assertThat(line.divergent()).isFalse();
		});
		// n takes each of 6 − √8.5, 6, 6 + √8.5 twice: σ_n = √((8.5+0+8.5)·2/6) = √(34/6)
		// = σ.
		assertThat(result.round().normalisedStandardDeviation()).isCloseTo(Math.sqrt(34.0 / 6), within(EXACT));
	}

	@Test
	void judgesWithoutSpreadOrWithFewerThanThreeSheetsAreShiftedToTheRoundMean() {
		// J1 PUBLIC: A 2, B 4, C 6 (3 sheets, spread) → z-scored. J2 PRIVATE: 5, 5, 5 →
		// σ_2 = 0 → n = μ.
		// J3 PRIVATE: A 9, B 7 (2 sheets) → μ_3 = 8, n = μ + (r − 8), its raw spread kept
		// but not rescaled.
		// r in (proposal, judge) order: 2,5,9 | 4,5,7 | 6,5 → Σ = 43, μ = 43/8 = 5.375.
		// Σ(r−μ)² = 3.375² + 0.375² + 3.625² + 1.375² + 0.375² + 1.625² + 0.625² + 0.375²
		// = 29.875,
		// σ = √(29.875/8) = √3.734375.
		// J1: μ_1 = 4, σ_1 = √(8/3), z = ∓√1.5 → n_A = 5.375 − √(3.734375·1.5), n_B =
		// 5.375, n_C = 5.375 + √(…).
		// J2: n = 5.375 everywhere. J3: n_A = 5.375 + 1 = 6.375, n_B = 5.375 − 1 = 4.375.
		// F_A = (n_A,J1 + (5.375 + 6.375)/2) / 2, F_B = (5.375 + (5.375 + 4.375)/2) / 2 =
		// 5.125,
		// F_C = (n_C,J1 + 5.375) / 2.
		RankingResult result = RubricRanking.rank(RankingInput.builder(SINGLE, 7)
			.proposals(List.of("A", "B", "C"))
			.sheets(List.of(sheet("J1", PUBLIC, "A", 2), sheet("J1", PUBLIC, "B", 4), sheet("J1", PUBLIC, "C", 6),
					sheet("J2", PRIVATE, "A", 5), sheet("J2", PRIVATE, "B", 5), sheet("J2", PRIVATE, "C", 5),
					sheet("J3", PRIVATE, "A", 9), sheet("J3", PRIVATE, "B", 7)))
			.build());

		double mu = 5.375;
		double spread = Math.sqrt(3.734375 * 1.5);
		assertThat(result.round().mean()).isEqualTo(mu);
		assertThat(result.round().standardDeviation()).isCloseTo(Math.sqrt(3.734375), within(EXACT));
		assertThat(result.judges()).extracting(JudgeSummary::treatment)
			.containsExactly(Treatment.Z_SCORE, Treatment.NO_SPREAD, Treatment.SHIFTED);
		assertThat(normalised(result, "J2", "A")).isEqualTo(mu);
		assertThat(normalised(result, "J2", "C")).isEqualTo(mu);
		assertThat(normalised(result, "J3", "A")).isEqualTo(6.375);
		assertThat(normalised(result, "J3", "B")).isEqualTo(4.375);
		assertThat(line(result, "A").finalScore()).isCloseTo((mu - spread + 5.875) / 2, within(EXACT));
		assertThat(line(result, "B").finalScore()).isCloseTo(5.125, within(EXACT));
		assertThat(line(result, "C").finalScore()).isCloseTo((mu + spread + mu) / 2, within(EXACT));
		assertThat(result.ranking()).extracting(RankedProposal::proposalId).containsExactly("C", "B", "A");
		assertThat(line(result, "C").sectorScores()).containsExactly(new SectorScore(PUBLIC, 1, mu + spread, 0.5),
				new SectorScore(PRIVATE, 1, mu, 0.5));
	}

	@Test
	void equalTotalsThatDifferOnlyByRoundingCountAsNoSpread() {
		// 0.7 + 0.7 + 0.7 = 2.0999999999999996, / 3 = 0.6999999999999998 ≠ 0.7: σ_judge
		// comes out ≈ 1e-16, not 0.
		// Dividing by it would blow rounding noise up to full-size z-scores; the
		// tolerance treats it as 0.
		Rubric unit = Rubric.uniform(0, 1, Map.of("overall", 1.0));
		RankingResult result = RubricRanking.rank(RankingInput.builder(unit, 7)
			.proposals(List.of("A", "B", "C"))
			.sheets(List.of(sheet("J1", PUBLIC, "A", 0.7), sheet("J1", PUBLIC, "B", 0.7), sheet("J1", PUBLIC, "C", 0.7),
					sheet("J2", PRIVATE, "A", 0.2), sheet("J2", PRIVATE, "B", 0.5), sheet("J2", PRIVATE, "C", 0.9)))
			.build());

		assertThat(result.judges().get(0).standardDeviation()).isGreaterThan(0);
		assertThat(result.judges().get(0).treatment()).isEqualTo(Treatment.NO_SPREAD);
		assertThat(result.sheets().stream().filter((sheet) -> sheet.judgeId().equals("J1")))
			.allSatisfy((sheet) -> assertThat(sheet.normalised()).isEqualTo(result.round().mean()));
		assertThat(result.ranking()).extracting(RankedProposal::proposalId).containsExactly("C", "B", "A");
	}

	@Test
	void equalFinalScoresShareARankAndAreReportedAsATieNeverBroken() {
		// Normalisation off. A: (6 + 8)/2 = 7, B: (8 + 6)/2 = 7, C: (5 + 5)/2 = 5, D: (9
		// + 9)/2 = 9.
		// Competition ranks: D 1, A 2, B 2, C 4. With N = 2 the cut falls inside {A, B}:
		// 2 ≤ 2 < 2 + 2 − 1.
		RankingInput.Builder round = RankingInput.builder(SINGLE, 7)
			.proposals(List.of("D", "C", "B", "A"))
			.sheets(List.of(sheet("pub", PUBLIC, "A", 6), sheet("priv", PRIVATE, "A", 8), sheet("pub", PUBLIC, "B", 8),
					sheet("priv", PRIVATE, "B", 6), sheet("pub", PUBLIC, "C", 5), sheet("priv", PRIVATE, "C", 5),
					sheet("pub", PUBLIC, "D", 9), sheet("priv", PRIVATE, "D", 9)))
			.normalise(false)
			.outstandingQuota(2);
		RankingResult result = RubricRanking.rank(round.build());

		assertThat(result.ranking()).extracting(RankedProposal::proposalId).containsExactly("D", "A", "B", "C");
		assertThat(result.ranking()).extracting(RankedProposal::rank).containsExactly(1, 2, 2, 4);
		assertThat(result.ranking()).extracting(RankedProposal::tied).containsExactly(false, true, true, false);
		assertThat(result.ranking()).extracting(RankedProposal::inTopN).containsExactly(true, true, true, false);
		assertThat(result.ties()).containsExactly(new TieGroup(2, List.of("A", "B"), true));
		// Both tied proposals are in the top 2 in every replicate (ranks are shared there
		// too).
		assertThat(line(result, "A").probabilityTopN()).isEqualTo(1.0);
		assertThat(line(result, "B").probabilityTopN()).isEqualTo(1.0);

		// With N = 3 the whole tie group is inside the quota: still a tie, but not across
		// the cut.
		RankingResult quotaThree = RubricRanking.rank(round.outstandingQuota(3).build());
		assertThat(quotaThree.ties()).containsExactly(new TieGroup(2, List.of("A", "B"), false));
	}

	@Test
	void scoresEqualUpToFloatingPointRoundingAreTied() {
		// Three criteria weighted 1 each: w = 1/3, which binary floating point cannot
		// hold exactly.
		// Criteria sum in id order a, b, c: A = w·1 + w·2 + w·3 = 2.0, B = w·3 + w·2 +
		// w·1 = 1.9999999999999998.
		// Mathematically both are 2; F = (0.5·r + 0.5·r) / 1 keeps the difference, but at
		// the 1e-9 tie precision
		// they are equal.
		Rubric rubric = Rubric.uniform(1, 5, Map.of("a", 1.0, "b", 1.0, "c", 1.0));
		RankingResult result = RubricRanking.rank(RankingInput.builder(rubric, 7)
			.proposals(List.of("A", "B"))
			.sheets(List.of(new SubmittedSheet("pub", PUBLIC, "A", Map.of("a", 1.0, "b", 2.0, "c", 3.0)),
					new SubmittedSheet("pub", PUBLIC, "B", Map.of("a", 3.0, "b", 2.0, "c", 1.0)),
					new SubmittedSheet("priv", PRIVATE, "A", Map.of("a", 1.0, "b", 2.0, "c", 3.0)),
					new SubmittedSheet("priv", PRIVATE, "B", Map.of("a", 3.0, "b", 2.0, "c", 1.0))))
			.normalise(false)
			.build());

		assertThat(line(result, "A").finalScore()).isNotEqualTo(line(result, "B").finalScore());
		assertThat(result.ranking()).extracting(RankedProposal::rank).containsExactly(1, 1);
		assertThat(result.ties()).containsExactly(new TieGroup(1, List.of("A", "B"), false));
	}

	@Test
	void aMissingWeightedSectorIsFlaggedAndTheFinalScoreUsesTheSectorsPresent() {
		// Weights PUBLIC 0.5, PRIVATE 0.5, ACADEMIC 0.25. A has all three: F = (0.5·6 +
		// 0.5·8 + 0.25·4) / 1.25 = 6.4.
		// B has PRIVATE only: F = 0.5·7 / 0.5 = 7, PUBLIC and ACADEMIC flagged missing,
		// no divergence.
		// C has only CIVIL_SOCIETY (weight 0): no weighted group → unranked with a
		// reason. D has no sheet at all.
		RankingResult result = RubricRanking.rank(RankingInput.builder(SINGLE, 7)
			.proposals(List.of("A", "B", "C", "D"))
			.sheets(List.of(sheet("pub", PUBLIC, "A", 6), sheet("priv", PRIVATE, "A", 8),
					sheet("aca", ACADEMIC, "A", 4), sheet("priv", PRIVATE, "B", 7),
					sheet("civ", Sector.CIVIL_SOCIETY, "C", 9)))
			.sectorWeights(Map.of(PUBLIC, 0.5, PRIVATE, 0.5, ACADEMIC, 0.25))
			.normalise(false)
			.build());

		assertThat(line(result, "A").finalScore()).isCloseTo(6.4, within(EXACT));
		assertThat(line(result, "A").missingSectors()).isEmpty();
		assertThat(line(result, "B").finalScore()).isEqualTo(7.0);
		assertThat(line(result, "B").missingSectors()).containsExactly(PUBLIC, ACADEMIC);
		assertThat(line(result, "B").divergence()).isNull();
		assertThat(line(result, "B").divergent()).isFalse();
		// Each reason as a code with its values, for the panel to say in zh-TW (#17).
		assertThat(result.unranked()).containsExactly(new UnrankedProposal("C",
				"only sheets from sectors weighted 0 (CIVIL_SOCIETY); give such a sector a weight or add sheets from a weighted sector",
				UnrankedProposal.Code.ONLY_ZERO_WEIGHT_SECTORS, List.of(Sector.CIVIL_SOCIETY)),
				new UnrankedProposal("D", "no submitted sheets", UnrankedProposal.Code.NO_SUBMITTED_SHEETS, List.of()));
		assertThat(result.round().rankedCount()).isEqualTo(2);
		// C's sheet still counts towards the round's statistics: μ = (6+8+4+7+9)/5 = 6.8.
		assertThat(result.round().mean()).isCloseTo(6.8, within(EXACT));
	}

	@Test
	void aZeroWeightSectorIsNotReportedMissing() {
		// Default weights: ACADEMIC and CIVIL_SOCIETY weigh 0, so only a missing PUBLIC
		// or PRIVATE is flagged.
		RankingResult result = RubricRanking.rank(RankingInput.builder(SINGLE, 7)
			.proposals(List.of("A"))
			.sheets(List.of(sheet("pub", PUBLIC, "A", 6), sheet("aca", ACADEMIC, "A", 2)))
			.build());

		assertThat(line(result, "A").missingSectors()).containsExactly(PRIVATE);
		// ACADEMIC weighs 0: F is the PUBLIC mean. One sheet per judge → NO_SPREAD → n =
		// μ = (6+2)/2 = 4.
		assertThat(line(result, "A").finalScore()).isEqualTo(4.0);
	}

	@Test
	void aRoundWithoutSheetsRanksNothingAndSaysWhy() {
		RankingResult result = RubricRanking.rank(RankingInput.builder(SINGLE, 7).proposals(List.of("A")).build());

		assertThat(result.ranking()).isEmpty();
		assertThat(result.ties()).isEmpty();
		assertThat(result.unranked()).containsExactly(
				new UnrankedProposal("A", "no submitted sheets", UnrankedProposal.Code.NO_SUBMITTED_SHEETS, List.of()));
		assertThat(result.round().sheetCount()).isZero();
		assertThat(RubricRanking.rank(RankingInput.builder(SINGLE, 7).build()).ranking()).isEmpty();
	}

	@Test
	void publicVoteTotalsAreMappedMinMaxOntoTheRubricScaleAsTheirOwnGroup() {
		// Rubric 1–10. Votes A 10, B 30, C none (= 0): v_min 0, v_max 30.
		// vote_A = 1 + 9·(10/30) = 4, vote_B = 1 + 9·(30/30) = 10, vote_C = 1 + 9·0 = 1.
		// Normalisation off, W_PUBLIC = W_PRIVATE = 0.5, W_vote = 1:
		// F_A = (0.5·8 + 0.5·8 + 1·4) / 2 = 6, F_B = (0.5·5 + 0.5·5 + 1·10) / 2 = 7.5,
		// F_C = (9 + 1) / 2 = 5.
		Rubric rubric = Rubric.uniform(1, 10, Map.of("overall", 1.0));
		RankingResult result = RubricRanking.rank(RankingInput.builder(rubric, 7)
			.proposals(List.of("A", "B", "C"))
			.sheets(List.of(sheet("pub", PUBLIC, "A", 8), sheet("priv", PRIVATE, "A", 8), sheet("pub", PUBLIC, "B", 5),
					sheet("priv", PRIVATE, "B", 5), sheet("pub", PUBLIC, "C", 9), sheet("priv", PRIVATE, "C", 9)))
			.publicVote(new PublicVote(Map.of("A", 10.0, "B", 30.0), 1.0))
			.normalise(false)
			.build());

		assertThat(line(result, "A").voteTotal()).isEqualTo(10.0);
		assertThat(line(result, "C").voteTotal()).isEqualTo(0.0);
		assertThat(line(result, "A").voteScore()).isCloseTo(4, within(EXACT));
		assertThat(line(result, "B").voteScore()).isEqualTo(10.0);
		assertThat(line(result, "C").voteScore()).isEqualTo(1.0);
		assertThat(result.ranking()).extracting(RankedProposal::proposalId).containsExactly("B", "A", "C");
		assertThat(line(result, "A").finalScore()).isCloseTo(6, within(EXACT));
		assertThat(line(result, "B").finalScore()).isEqualTo(7.5);
		assertThat(line(result, "C").finalScore()).isEqualTo(5.0);
		assertThat(result.round().voteWeight()).isEqualTo(1.0);

		// All totals equal → every proposal gets the midpoint (1 + 10)/2 = 5.5 and the
		// vote cannot reorder them.
		RankingResult flat = RubricRanking.rank(RankingInput.builder(rubric, 7)
			.proposals(List.of("A", "B"))
			.sheets(List.of(sheet("pub", PUBLIC, "A", 8), sheet("pub", PUBLIC, "B", 5)))
			.publicVote(new PublicVote(Map.of("A", 3.0, "B", 3.0), 1.0))
			.build());
		assertThat(flat.ranking()).extracting(RankedProposal::voteScore).containsOnly(5.5);
	}

	@Test
	void bootstrapRankIntervalAndProbabilityOfTopNMatchTheResamplingOdds() {
		// Normalisation off. X: PUBLIC judges p1 = 4, p2 = 8 (mean 6), PRIVATE q1 = 6 →
		// F_X = (6 + 6)/2 = 6.
		// Y: PUBLIC p1 = 6, PRIVATE q1 = 6.5 → F_Y = 6.25. Point ranks: Y 1, X 2.
		// A replicate redraws X's two PUBLIC sheets: (4,4) → F 5, (4,8) or (8,4) → F 6,
		// (8,8) → F 7, with odds
		// 1/4, 1/2, 1/4. Only (8,8) beats Y, so P(X in top 1) = 1/4 and P(Y in top 1) =
		// 3/4 (Y never varies).
		// X's ranks: 1 a quarter of the time, else 2 → 5th percentile 1, 95th 2: the
		// interval [1, 2] straddles N = 1.
		RankingResult result = RubricRanking.rank(RankingInput.builder(SINGLE, 2024)
			.proposals(List.of("X", "Y"))
			.sheets(List.of(sheet("p1", PUBLIC, "X", 4), sheet("p2", PUBLIC, "X", 8), sheet("q1", PRIVATE, "X", 6),
					sheet("p1", PUBLIC, "Y", 6), sheet("q1", PRIVATE, "Y", 6.5)))
			.normalise(false)
			.outstandingQuota(1)
			.bootstrapReplicates(4000)
			.build());

		RankedProposal x = line(result, "X");
		RankedProposal y = line(result, "Y");
		assertThat(x.rank()).isEqualTo(2);
		assertThat(x.probabilityTopN()).isCloseTo(0.25, within(0.03));
		assertThat(y.probabilityTopN()).isCloseTo(1 - x.probabilityTopN(), within(EXACT));
		assertThat(x.bootstrapRankP5()).isEqualTo(1);
		assertThat(x.bootstrapRankP95()).isEqualTo(2);
		assertThat(x.rankLow()).isEqualTo(1);
		assertThat(x.rankHigh()).isEqualTo(2);
		assertThat(x.straddlesCut()).isTrue();
		assertThat(y.straddlesCut()).isTrue();
		// Probabilities are whole counts of replicates.
		assertThat(x.probabilityTopN() * 4000).isCloseTo(Math.rint(x.probabilityTopN() * 4000), within(1e-6));
	}

	@Test
	void theReportedIntervalAlwaysContainsThePointRankEvenWhenTheBootstrapPercentilesDoNot() {
		// Normalisation off. A never varies (one judge per sector): F_A = (4.9 + 4.9)/2 =
		// 4.9.
		// B0…B9 each have nine PUBLIC judges scoring 1, 2, …, 9 (mean 5) and a PRIVATE 5
		// → F = 5 > 4.9, so A's
		// point rank is 11. A replicate puts B above A when its nine redrawn PUBLIC
		// scores sum to 44 or more
		// (mean > 4.8): odds 0.576. A is 11th in a replicate only when all ten B stay
		// above, about
		// 0.576^10 ≈ 0.004; so A's 95th-percentile replicate rank is below 11 and the
		// plain percentile interval would
		// exclude the published rank. The reported interval is widened to contain it.
		List<SubmittedSheet> sheets = new java.util.ArrayList<>(
				List.of(sheet("pA", PUBLIC, "A", 4.9), sheet("qA", PRIVATE, "A", 4.9)));
		List<String> proposals = new java.util.ArrayList<>(List.of("A"));
		for (int b = 0; b < 10; b++) {
			String proposal = "B" + b;
			proposals.add(proposal);
			for (int judge = 1; judge <= 9; judge++) {
				sheets.add(sheet("p" + judge, PUBLIC, proposal, judge));
			}
			sheets.add(sheet("q1", PRIVATE, proposal, 5));
		}
		RankingResult result = RubricRanking.rank(RankingInput.builder(SINGLE, 11)
			.proposals(proposals)
			.sheets(sheets)
			.normalise(false)
			.outstandingQuota(1)
			.build());

		RankedProposal a = line(result, "A");
		assertThat(a.rank()).isEqualTo(11);
		assertThat(a.bootstrapRankP95()).isLessThan(11);
		assertThat(a.rankLow()).isEqualTo(a.bootstrapRankP5());
		assertThat(a.rankHigh()).isEqualTo(11);
		// The ten B proposals tie at rank 1.
		assertThat(result.ties()).singleElement().satisfies((tie) -> {
			assertThat(tie.rank()).isEqualTo(1);
			assertThat(tie.proposalIds()).hasSize(10);
			assertThat(tie.acrossCut()).isTrue();
		});
	}

}
