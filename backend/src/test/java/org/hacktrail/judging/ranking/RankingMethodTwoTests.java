package org.hacktrail.judging.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.RandomRounds.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Method hacktrail-rubric-2 (docs/judging-method.md, "Method 2"): worked examples, and
 * properties checked on seeded random rounds (plain loops: a failure names its seed and
 * reproduces).
 */
class RankingMethodTwoTests {

	private static final int ROUNDS = 30;

	private static final Rubric ONE_CRITERION = new Rubric(List.of(new Criterion("overall", 1, 0, 10)));

	// ---- worked examples

	/**
	 * Two PUBLIC and two PRIVATE judges, normalisation off. Q1, Q2 and Q3 have all four:
	 * PUBLIC x − 1 and x + 1, PRIVATE likewise, so every residual is ∓1 · √(2/1) = ∓√2.
	 * Each sector has 6 residuals (fewer than 10) and draws from the round pool of 12,
	 * whose root mean square is √2. P2 has one sheet per sector.
	 */
	@Test
	void residualsAreScaledAndPooledOverTheRound() {
		List<SubmittedSheet> sheets = new ArrayList<>();
		String[] proposals = { "Q1", "Q2", "Q3" };
		double[] level = { 5.5, 5, 4.5 };
		for (int q = 0; q < proposals.length; q++) {
			sheets.add(sheet("A1", Sector.PUBLIC, proposals[q], level[q] - 1));
			sheets.add(sheet("A2", Sector.PUBLIC, proposals[q], level[q] + 1));
			sheets.add(sheet("B1", Sector.PRIVATE, proposals[q], level[q] - 1));
			sheets.add(sheet("B2", Sector.PRIVATE, proposals[q], level[q] + 1));
		}
		sheets.add(sheet("A1", Sector.PUBLIC, "P2", 7));
		sheets.add(sheet("B2", Sector.PRIVATE, "P2", 7));
		RankingResult result = RubricRanking.rank(method2(sheets, 2).build());

		assertThat(result.algorithmVersion()).isEqualTo("hacktrail-rubric-2");
		Uncertainty uncertainty = result.uncertainty();
		assertThat(uncertainty.known()).isTrue();
		assertThat(uncertainty.residualCount()).isEqualTo(12);
		assertThat(uncertainty.spread()).isCloseTo(Math.sqrt(2), within(1e-12));
		assertThat(uncertainty.sectors()).extracting(Uncertainty.ResidualPool::residualCount)
			.containsExactly(6, 6, 0, 0);
		assertThat(uncertainty.sectors()).allSatisfy((pool) -> assertThat(pool.roundPool()).isTrue());
		// P2 rests on one sheet per sector, 1.5 points (about one spread) ahead of Q1: it
		// is first, but not certain to stay in the top 2.
		RankedProposal p2 = line(result, "P2");
		assertThat(p2.rank()).isEqualTo(1);
		assertThat(p2.probabilityTopN()).isStrictlyBetween(0.9, 1.0);
		assertThat(p2.rankHigh()).isGreaterThan(1);
		assertThat(p2.evidence())
			.isEqualTo(new EvidenceCoverage(2, 3, List.of(new EvidenceCoverage.SectorCoverage(Sector.PUBLIC, 1, 1),
					new EvidenceCoverage.SectorCoverage(Sector.PRIVATE, 1, 1)), false));
		assertThat(result.ranking()).filteredOn(RankedProposal::inTopN)
			.extracting(RankedProposal::proposalId)
			.containsExactly("Q1", "Q2");
	}

	/**
	 * Two residuals (one proposal with two sheets of one sector) are too few to measure
	 * the spread between judges: the uncertainty is unknown rather than built on them.
	 */
	@Test
	void tooFewResidualsLeaveTheUncertaintyUnknown() {
		List<SubmittedSheet> sheets = List.of(sheet("A1", Sector.PUBLIC, "P1", 9), sheet("A2", Sector.PUBLIC, "P1", 8),
				sheet("B1", Sector.PRIVATE, "P1", 9), sheet("A1", Sector.PUBLIC, "P2", 3),
				sheet("B1", Sector.PRIVATE, "P2", 2));
		RankingResult result = RubricRanking.rank(method2(sheets, 1).build());
		assertThat(result.uncertainty().residualCount()).isEqualTo(2);
		assertThat(result.uncertainty().known()).isFalse();
		assertThat(result.ranking()).allSatisfy((line) -> assertThat(line.probabilityTopN()).isNull());
	}

	/**
	 * The leader lacks evidence: it keeps rank 1 and is marked, and the proposed top N is
	 * formed from the proposals with sufficient evidence, ranked among themselves.
	 */
	@Test
	void aProposalWithoutSufficientEvidenceIsRankedButNeverInTheTopN() {
		List<SubmittedSheet> sheets = new ArrayList<>();
		String[] proposals = { "P1", "P2", "P3", "P4" };
		double[] level = { 9, 7, 6, 5 };
		for (int p = 0; p < proposals.length; p++) {
			sheets.add(sheet("A1", Sector.PUBLIC, proposals[p], level[p]));
			sheets.add(sheet("B1", Sector.PRIVATE, proposals[p], level[p] - 0.5));
			if (p > 0) {
				sheets.add(sheet("A2", Sector.PUBLIC, proposals[p], level[p] + 0.5));
			}
		}
		RankingResult result = RubricRanking.rank(method2(sheets, 2).build());

		RankedProposal leader = line(result, "P1");
		assertThat(leader.rank()).isEqualTo(1);
		assertThat(leader.evidence().sufficient()).isFalse();
		assertThat(leader.inTopN()).isFalse();
		assertThat(result.ranking()).filteredOn(RankedProposal::inTopN)
			.extracting(RankedProposal::proposalId)
			.containsExactly("P2", "P3");
		assertThat(line(result, "P4").inTopN()).isFalse();
	}

	/**
	 * Ties across the cut are judged among the proposals with sufficient evidence: an
	 * insufficient proposal in the tie does not make it cross the cut.
	 */
	@Test
	void aTieAcrossTheCutCountsOnlyProposalsWithSufficientEvidence() {
		List<SubmittedSheet> sheets = new ArrayList<>();
		for (String proposal : List.of("P1", "P2", "P3")) {
			sheets.add(sheet("A1", Sector.PUBLIC, proposal, proposal.equals("P3") ? 4 : 6));
			sheets.add(sheet("B1", Sector.PRIVATE, proposal, proposal.equals("P3") ? 4 : 6));
			if (!proposal.equals("P2")) {
				sheets.add(sheet("A2", Sector.PUBLIC, proposal, proposal.equals("P3") ? 4 : 6));
			}
		}
		RankingResult result = RubricRanking.rank(method2(sheets, 1).build());
		assertThat(result.ties()).singleElement().satisfies((tie) -> {
			assertThat(tie.proposalIds()).containsExactly("P1", "P2");
			assertThat(tie.acrossCut()).isFalse();
		});
		assertThat(line(result, "P1").inTopN()).isTrue();
		assertThat(line(result, "P2").inTopN()).isFalse();

		RankingResult method1 = RubricRanking.rank(method2(sheets, 1).method(RankingMethod.RUBRIC_1).build());
		assertThat(method1.ties()).singleElement().satisfies((tie) -> assertThat(tie.acrossCut()).isTrue());
	}

	/**
	 * No proposal has two sheets of one sector: no between-judge spread was measured, so
	 * the rank interval and P(top N) are unknown (null), never 0 % or 100 %.
	 */
	@Test
	void withoutAnyResidualTheUncertaintyIsUnknownNotCertain() {
		List<SubmittedSheet> sheets = List.of(sheet("A1", Sector.PUBLIC, "P1", 9), sheet("B1", Sector.PRIVATE, "P1", 9),
				sheet("A1", Sector.PUBLIC, "P2", 3), sheet("B1", Sector.PRIVATE, "P2", 2));
		RankingResult result = RubricRanking.rank(method2(sheets, 1).build());

		assertThat(result.uncertainty().known()).isFalse();
		assertThat(result.uncertainty().residualCount()).isZero();
		assertThat(result.ranking()).allSatisfy((line) -> {
			assertThat(line.probabilityTopN()).isNull();
			assertThat(line.rankLow()).isNull();
			assertThat(line.rankHigh()).isNull();
			assertThat(line.bootstrapRankP5()).isNull();
			assertThat(line.bootstrapRankP95()).isNull();
			assertThat(line.straddlesCut()).isNull();
		});
		assertThat(result.ranking()).extracting(RankedProposal::rank).containsExactly(1, 2);
	}

	// ---- properties on random rounds

	/**
	 * Everything else equal, a proposal T judged by one judge per sector has a rank
	 * interval at least as wide, and a P(top N) no further from ½, as T judged by four
	 * judges per sector who gave the same scores (so T's sector means, and every other
	 * proposal's data, are the same; the pool only loses T's zero residuals). T is put
	 * near the cut so the intervals are not degenerate.
	 * <p>
	 * Monte-Carlo tolerance: with B = 2,000 each P(top N) is a binomial proportion with
	 * standard deviation at most ½/√2000 ≈ 0.011; the two rankings draw different streams
	 * (T consumes a different number of draws), so their difference has standard
	 * deviation at most 0.016, and 0.06 is about 3.8 of them. An interval end is a
	 * nearest-rank percentile of B ranks and can move by one rank from Monte-Carlo noise
	 * alone: widths are compared with a tolerance of one rank, and the total width over
	 * all rounds must grow strictly.
	 */
	@Test
	void fewerSheetsGiveAWiderIntervalAndAProbabilityNoFurtherFromAHalf() {
		int widerOverall = 0;
		int narrowerOverall = 0;
		for (long seed = 1; seed <= ROUNDS; seed++) {
			RankingInput base = RandomRounds.round(seed, new Shape(0, false, false, false))
				.normalise(false)
				.bootstrapReplicates(2000)
				.method(RankingMethod.RUBRIC_2)
				.build();
			RankingResult baseResult = RubricRanking.rank(base);
			int quota = base.outstandingQuota();
			List<RankedProposal> lines = baseResult.ranking();
			double cut = lines.get(Math.min(quota, lines.size()) - 1).finalScore();
			double spread = baseResult.uncertainty().spread();
			Criterion criterion = base.rubric().criteria().get(0);
			double score = Math.max(criterion.scaleMin(),
					Math.min(criterion.scaleMax(), cut + ((seed % 5) - 2) * 0.2 * spread + 0.01 * spread));
			RankedProposal more = line(RubricRanking.rank(withTarget(base, score, 4)), "T");
			RankedProposal fewer = line(RubricRanking.rank(withTarget(base, score, 1)), "T");
			if (fewer.probabilityTopN() == null) {
				// Too few residuals without T's: unknown, which claims nothing.
				continue;
			}
			String what = "seed " + seed + ": 4 judges per sector " + more + ", 1 judge per sector " + fewer;

			assertThat(fewer.finalScore()).as(what).isCloseTo(more.finalScore(), within(1e-9));
			int widthFewer = fewer.rankHigh() - fewer.rankLow();
			int widthMore = more.rankHigh() - more.rankLow();
			assertThat(widthFewer).as(what).isGreaterThanOrEqualTo(widthMore - 1);
			assertThat(Math.abs(fewer.probabilityTopN() - 0.5)).as(what)
				.isLessThanOrEqualTo(Math.abs(more.probabilityTopN() - 0.5) + 0.06);
			widerOverall += widthFewer;
			narrowerOverall += widthMore;
		}
		assertThat(widerOverall).as("total width, one judge vs four judges per sector").isGreaterThan(narrowerOverall);
	}

	/**
	 * A proposal next to the cut (the last one inside the top N by rank, or the first one
	 * outside) whose lead over the cut (its distance in F to the nearest proposal on the
	 * other side) is smaller than the pooled between-judge spread of every pool its
	 * weighted sectors draw from is never shown at 0 % or 100 %: one overtaking is enough
	 * to cross. (A proposal further from the cut must overtake, or be overtaken by,
	 * several proposals in the same replicate, so it can rightly show 0 % or 100 % within
	 * one spread of the cut; the property is not claimed for it.) The rounds have no
	 * public vote (which is not resampled and would damp F's spread) and at most five
	 * sheets per proposal, so F's standard deviation in a replicate is at least spread /
	 * √5 (weights 0.5, 0.5 and at most 0.25 for ACADEMIC), that of the difference to a
	 * rival at least 0.63 spread: such a lead is under 1.6 standard deviations and is
	 * crossed in more than 5 % of replicates, about 50 of B = 1,000. None at all would be
	 * a failure of the method, not Monte-Carlo luck.
	 */
	@Test
	void aLeadSmallerThanTheSpreadIsNeverShownAsCertain() {
		int checked = 0;
		for (long seed = 1; seed <= ROUNDS; seed++) {
			RankingInput input = RandomRounds.round(seed, new Shape(0, false, false, false))
				.bootstrapReplicates(1000)
				.method(RankingMethod.RUBRIC_2)
				.build();
			RankingResult result = RubricRanking.rank(input);
			int quota = input.outstandingQuota();
			List<RankedProposal> inside = result.ranking().stream().filter((l) -> l.rank() <= quota).toList();
			List<RankedProposal> outside = result.ranking().stream().filter((l) -> l.rank() > quota).toList();
			if (inside.isEmpty() || outside.isEmpty()) {
				continue;
			}
			double lowestInside = inside.stream().mapToDouble(RankedProposal::finalScore).min().orElseThrow();
			double highestOutside = outside.stream().mapToDouble(RankedProposal::finalScore).max().orElseThrow();
			int lastInside = inside.get(inside.size() - 1).rank();
			int firstOutside = outside.get(0).rank();
			for (RankedProposal line : result.ranking()) {
				if (line.rank() != lastInside && line.rank() != firstOutside || !result.uncertainty().known()) {
					continue;
				}
				double lead = (line.rank() <= quota) ? line.finalScore() - highestOutside
						: lowestInside - line.finalScore();
				double spread = Double.POSITIVE_INFINITY;
				for (SectorScore sector : line.sectorScores()) {
					if (sector.weight() == 0) {
						continue;
					}
					spread = Math.min(spread, result.uncertainty().sectors().get(sector.sector().ordinal()).spread());
				}
				if (lead < spread) {
					checked++;
					assertThat(line.probabilityTopN()).as("seed %d %s lead %s spread %s", seed, line, lead, spread)
						.isStrictlyBetween(0.0, 1.0);
				}
			}
		}
		assertThat(checked).as("proposals next to the cut within one spread").isGreaterThan(ROUNDS / 2);
	}

	/**
	 * With normalisation on and every judge on ≥ 3 sheets, adding a constant to one
	 * judge's scores maps every n by one affine map; the residuals scale with it and the
	 * draws are the same, so ranks, intervals, probabilities, evidence and the top N do
	 * not change.
	 */
	@Test
	void addingAConstantToOneJudgesScoresChangesNothing() {
		for (long seed = 1; seed <= ROUNDS; seed++) {
			RankingInput input = RandomRounds.round(seed, new Shape(3, false, false, false))
				.method(RankingMethod.RUBRIC_2)
				.build();
			String judge = "J" + (seed % 6);
			double range = input.rubric().criteria().get(0).scaleMax() - input.rubric().criteria().get(0).scaleMin();
			double shift = (seed % 2 == 0 ? 0.15 : -0.15) * range;
			RankingResult before = RubricRanking.rank(input);
			RankingResult after = RubricRanking.rank(shifted(input, judge, shift));
			String what = "seed " + seed;
			assertThat(after.ties()).as(what).isEqualTo(before.ties());
			assertThat(after.uncertainty().known()).isEqualTo(before.uncertainty().known());
			assertThat(after.ranking()).hasSameSizeAs(before.ranking());
			for (int i = 0; i < before.ranking().size(); i++) {
				RankedProposal a = before.ranking().get(i);
				RankedProposal b = after.ranking().get(i);
				assertThat(b.proposalId()).as(what).isEqualTo(a.proposalId());
				assertThat(b.rank()).as(what).isEqualTo(a.rank());
				assertThat(b.inTopN()).as(what).isEqualTo(a.inTopN());
				assertThat(b.rankLow()).as(what).isEqualTo(a.rankLow());
				assertThat(b.rankHigh()).as(what).isEqualTo(a.rankHigh());
				assertThat(b.probabilityTopN()).as(what).isEqualTo(a.probabilityTopN());
				assertThat(b.straddlesCut()).as(what).isEqualTo(a.straddlesCut());
				assertThat(b.evidence()).as(what).isEqualTo(a.evidence());
			}
		}
	}

	@Test
	void inputOrderChangesNothing() {
		for (long seed = 1; seed <= ROUNDS; seed++) {
			RankingInput input = RandomRounds.round(seed, Shape.varied())
				.method(RankingMethod.RUBRIC_2)
				.evidenceRule(new EvidenceRule(3, Map.of(Sector.PUBLIC, 1, Sector.PRIVATE, 1)))
				.build();
			RankingResult expected = RubricRanking.rank(input);
			for (long order = 1; order <= 3; order++) {
				RankingInput shuffled = RandomRounds.shuffled(input, seed * 31 + order);
				assertThat(shuffled).as("seed %d: canonical input", seed).isEqualTo(input);
				assertThat(RubricRanking.rank(shuffled)).as("seed %d order %d", seed, order).isEqualTo(expected);
			}
		}
	}

	// ---- helpers

	private static SubmittedSheet sheet(String judge, Sector sector, String proposal, double score) {
		return new SubmittedSheet(judge, sector, proposal, Map.of("overall", score));
	}

	private static RankingInput.Builder method2(List<SubmittedSheet> sheets, int quota) {
		List<String> proposals = sheets.stream().map(SubmittedSheet::proposalId).distinct().toList();
		return RankingInput.builder(ONE_CRITERION, 99)
			.proposals(proposals)
			.sheets(sheets)
			.normalise(false)
			.outstandingQuota(quota)
			.bootstrapReplicates(1000)
			.method(RankingMethod.RUBRIC_2);
	}

	private static RankedProposal line(RankingResult result, String proposal) {
		return result.ranking().stream().filter((l) -> l.proposalId().equals(proposal)).findFirst().orElseThrow();
	}

	/**
	 * The round with one more proposal, T, scored {@code score} on every criterion by
	 * {@code judges} new PUBLIC judges and as many new PRIVATE judges.
	 */
	private static RankingInput withTarget(RankingInput input, double score, int judges) {
		List<String> proposals = new ArrayList<>(input.proposalIds());
		proposals.add("T");
		List<SubmittedSheet> sheets = new ArrayList<>(input.sheets());
		Map<String, Double> scores = new HashMap<>();
		input.rubric().criteria().forEach((criterion) -> scores.put(criterion.id(), score));
		for (int j = 0; j < judges; j++) {
			sheets.add(new SubmittedSheet("T-PUBLIC-" + j, Sector.PUBLIC, "T", scores));
			sheets.add(new SubmittedSheet("T-PRIVATE-" + j, Sector.PRIVATE, "T", scores));
		}
		return new RankingInput(input.rubric(), proposals, sheets, input.sectorWeights(), input.normalise(),
				input.publicVote(), input.outstandingQuota(), input.bootstrapReplicates(), input.seed(), input.method(),
				input.evidenceRule());
	}

	private static RankingInput shifted(RankingInput input, String judge, double shift) {
		List<SubmittedSheet> sheets = new ArrayList<>();
		for (SubmittedSheet sheet : input.sheets()) {
			if (sheet.judgeId().equals(judge)) {
				Map<String, Double> scores = new HashMap<>();
				sheet.scores().forEach((criterion, score) -> scores.put(criterion, score + shift));
				sheets.add(new SubmittedSheet(judge, sheet.sector(), sheet.proposalId(), scores));
			}
			else {
				sheets.add(sheet);
			}
		}
		return new RankingInput(input.rubric(), input.proposalIds(), sheets, input.sectorWeights(), input.normalise(),
				input.publicVote(), input.outstandingQuota(), input.bootstrapReplicates(), input.seed(), input.method(),
				input.evidenceRule());
	}

}
