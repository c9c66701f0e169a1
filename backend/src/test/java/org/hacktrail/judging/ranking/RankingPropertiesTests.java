package org.hacktrail.judging.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.JudgeSummary.Treatment;
import org.hacktrail.judging.ranking.RandomRounds.Shape;

/**
 * Properties that must hold for every round, checked on seeded random rounds (plain
 * loops: a failure names its seed and reproduces).
 */
class RankingPropertiesTests {

	private static final int ROUNDS = 40;

	@Test
	void inputOrderDoesNotChangeTheResult() {
		for (long seed = 1; seed <= ROUNDS; seed++) {
			RankingInput input = RandomRounds.round(seed, Shape.varied()).build();
			RankingResult expected = RubricRanking.rank(input);
			for (long order = 1; order <= 3; order++) {
				RankingInput shuffled = RandomRounds.shuffled(input, seed * 31 + order);
				assertThat(shuffled).as("seed %d: canonical input", seed).isEqualTo(input);
				assertThat(RubricRanking.rank(shuffled)).as("seed %d order %d", seed, order).isEqualTo(expected);
			}
		}
	}

	@Test
	void sameSeedGivesTheSameResultAndAnotherSeedCanDiffer() {
		int roundsWhereSeedMattered = 0;
		for (long seed = 1; seed <= 10; seed++) {
			RankingInput.Builder round = RandomRounds.round(seed, Shape.varied());
			RankingResult first = RubricRanking.rank(round.build());
			assertThat(RubricRanking.rank(round.build())).isEqualTo(first);
			RankingInput input = round.build();
			RankingResult reseeded = RubricRanking.rank(new RankingInput(input.rubric(), input.proposalIds(),
					input.sheets(), input.sectorWeights(), input.normalise(), input.publicVote(),
					input.outstandingQuota(), input.bootstrapReplicates(), input.seed() + 1));
			// The point estimate never depends on the seed; only the bootstrap columns
			// may.
			assertThat(reseeded.ranking())
				.extracting(RankedProposal::proposalId, RankedProposal::rank, RankedProposal::finalScore)
				.isEqualTo(first.ranking()
					.stream()
					.map((line) -> org.assertj.core.groups.Tuple.tuple(line.proposalId(), line.rank(),
							line.finalScore()))
					.toList());
			if (!reseeded.equals(first)) {
				roundsWhereSeedMattered++;
			}
		}
		assertThat(roundsWhereSeedMattered).isPositive();
	}

	@Test
	void addingAConstantToEveryScoreOfOneJudgeLeavesTheNormalisedResultUnchanged() {
		// With normalisation on and every judge on ≥ 3 sheets, z = (r − μ_j)/σ_j of the
		// shifted judge is unchanged
		// and so is every other judge's. The round's μ and σ do move (the judge's totals
		// are part of them), so all
		// n move by one common affine map n' = μ' + (σ'/σ)(n − μ), which preserves order,
		// ties, divergence
		// (|Δmean| and σ_n scale alike) and therefore every rank, interval, probability
		// and flag.
		for (long seed = 1; seed <= ROUNDS; seed++) {
			RankingInput input = RandomRounds.round(seed, new Shape(3, false, false, false)).build();
			String judge = "J" + (seed % 6);
			double range = input.rubric().criteria().get(0).scaleMax() - input.rubric().criteria().get(0).scaleMin();
			double shift = (seed % 2 == 0 ? 0.15 : -0.15) * range;
			RankingInput shifted = withScores(input, judge, (score) -> score + shift);
			RankingResult before = RubricRanking.rank(input);
			RankingResult after = RubricRanking.rank(shifted);

			assertThat(before.judges())
				.allSatisfy((summary) -> assertThat(summary.treatment()).isIn(Treatment.Z_SCORE, Treatment.NO_SPREAD));
			assertSameZScores(before, after, seed);
			assertSameRankingUpToAffineMap(before, after, seed);
		}
	}

	@Test
	void aJudgeWithIdenticalScoresEverywhereCarriesNoSpreadInformation() {
		// Such a judge's n is exactly μ on every sheet: they cannot separate the
		// proposals they judged. Which
		// constant they used does not matter either (it only moves μ and σ, an affine map
		// of every n).
		for (long seed = 1; seed <= ROUNDS; seed++) {
			RankingInput input = RandomRounds.round(seed, new Shape(3, false, false, false)).build();
			String judge = "J" + (seed % 6);
			double low = input.rubric().criteria().get(0).scaleMin();
			double high = input.rubric().criteria().get(0).scaleMax();
			RankingResult lenient = RubricRanking.rank(withScores(input, judge, (score) -> high - 0.1 * (high - low)));
			RankingResult harsh = RubricRanking.rank(withScores(input, judge, (score) -> low + 0.1 * (high - low)));

			for (RankingResult result : List.of(lenient, harsh)) {
				assertThat(result.judges()).filteredOn((summary) -> summary.judgeId().equals(judge))
					.singleElement()
					.extracting(JudgeSummary::treatment)
					.isEqualTo(Treatment.NO_SPREAD);
				assertThat(result.sheets()).filteredOn((sheet) -> sheet.judgeId().equals(judge))
					.isNotEmpty()
					.allSatisfy((sheet) -> assertThat(sheet.normalised()).isEqualTo(result.round().mean()));
			}
			assertSameRankingUpToAffineMap(lenient, harsh, seed);
		}
	}

	@Test
	void ranksAndTiesFollowTheRoundedFinalScoresAndTiesAreAllReported() {
		int tiesSeen = 0;
		for (long seed = 1; seed <= ROUNDS; seed++) {
			// Integer scores on one criterion without normalisation make exact ties
			// common.
			RankingResult result = RubricRanking
				.rank(RandomRounds.round(seed, new Shape(0, true, true, false)).normalise(false).build());
			List<RankedProposal> ranking = result.ranking();
			for (int i = 0; i < ranking.size(); i++) {
				RankedProposal line = ranking.get(i);
				long key = RubricRanking.tieKey(line.finalScore());
				long higher = ranking.stream()
					.filter((other) -> RubricRanking.tieKey(other.finalScore()) > key)
					.count();
				long equal = ranking.stream()
					.filter((other) -> RubricRanking.tieKey(other.finalScore()) == key)
					.count();
				assertThat(line.rank()).as("seed %d %s", seed, line.proposalId()).isEqualTo(1 + higher);
				assertThat(line.tied()).isEqualTo(equal > 1);
				if (i > 0) {
					RankedProposal previous = ranking.get(i - 1);
					long previousKey = RubricRanking.tieKey(previous.finalScore());
					assertThat(previousKey).isGreaterThanOrEqualTo(key);
					if (previousKey == key) {
						assertThat(previous.proposalId()).isLessThan(line.proposalId());
					}
				}
			}
			Map<Integer, List<String>> byRank = new LinkedHashMap<>();
			ranking.forEach(
					(line) -> byRank.computeIfAbsent(line.rank(), (rank) -> new ArrayList<>()).add(line.proposalId()));
			List<TieGroup> expected = new ArrayList<>();
			int quota = result.round().outstandingQuota();
			byRank.forEach((rank, ids) -> {
				if (ids.size() > 1) {
					expected.add(new TieGroup(rank, ids, rank <= quota && quota < rank + ids.size() - 1));
				}
			});
			assertThat(result.ties()).as("seed %d", seed).isEqualTo(expected);
			tiesSeen += result.ties().size();
		}
		assertThat(tiesSeen).as("the generator must produce ties for this property to mean anything").isPositive();
	}

	@Test
	void missingSectorsDivergenceAndFinalScoreFollowTheirDefinitions() {
		int flaggedMissing = 0;
		int flaggedDivergent = 0;
		for (long seed = 1; seed <= ROUNDS; seed++) {
			RankingInput input = RandomRounds.round(seed, Shape.varied()).build();
			RankingResult result = RubricRanking.rank(input);
			Map<String, Set<Sector>> present = new HashMap<>();
			input.sheets()
				.forEach((sheet) -> present.computeIfAbsent(sheet.proposalId(), (id) -> EnumSet.noneOf(Sector.class))
					.add(sheet.sector()));
			double sigmaN = result.round().normalisedStandardDeviation();
			for (RankedProposal line : result.ranking()) {
				List<Sector> missing = new ArrayList<>();
				for (Sector sector : Sector.values()) {
					if (input.sectorWeights().get(sector) > 0 && !present.get(line.proposalId()).contains(sector)) {
						missing.add(sector);
					}
				}
				assertThat(line.missingSectors()).as("seed %d %s", seed, line.proposalId()).isEqualTo(missing);
				flaggedMissing += missing.isEmpty() ? 0 : 1;

				Map<Sector, Double> means = new HashMap<>();
				double numerator = 0;
				double denominator = 0;
				for (SectorScore score : line.sectorScores()) {
					means.put(score.sector(), score.mean());
					numerator += score.weight() * score.mean();
					denominator += score.weight();
				}
				if (input.publicVote() != null) {
					numerator += input.publicVote().weight() * line.voteScore();
					denominator += input.publicVote().weight();
				}
				assertThat(line.finalScore()).isCloseTo(numerator / denominator, within(1e-9));
				if (means.containsKey(Sector.PUBLIC) && means.containsKey(Sector.PRIVATE)) {
					double divergence = Math.abs(means.get(Sector.PUBLIC) - means.get(Sector.PRIVATE)) / sigmaN;
					assertThat(line.divergence()).isCloseTo(divergence, within(1e-9));
					assertThat(line.divergent()).isEqualTo(divergence > 1.0);
					flaggedDivergent += line.divergent() ? 1 : 0;
				}
				else {
					assertThat(line.divergence()).isNull();
					assertThat(line.divergent()).isFalse();
				}
			}
		}
		assertThat(flaggedMissing).isPositive();
		assertThat(flaggedDivergent).isPositive();
	}

	@Test
	void bootstrapIntervalsContainThePointRankAndProbabilitiesAreConsistent() {
		int straddling = 0;
		for (long seed = 1; seed <= ROUNDS; seed++) {
			RankingResult result = RubricRanking.rank(RandomRounds.round(seed, Shape.varied()).build());
			int quota = result.round().outstandingQuota();
			int replicates = result.round().bootstrapReplicates();
			for (RankedProposal line : result.ranking()) {
				String what = "seed " + seed + " " + line.proposalId();
				assertThat(line.rankLow()).as(what).isBetween(1, line.rank());
				assertThat(line.rankHigh()).as(what).isBetween(line.rank(), result.round().rankedCount());
				assertThat(line.bootstrapRankP5()).as(what).isLessThanOrEqualTo(line.bootstrapRankP95());
				assertThat(line.rankLow()).isEqualTo(Math.min(line.bootstrapRankP5(), line.rank()));
				assertThat(line.rankHigh()).isEqualTo(Math.max(line.bootstrapRankP95(), line.rank()));
				assertThat(line.probabilityTopN()).as(what).isBetween(0.0, 1.0);
				double count = line.probabilityTopN() * replicates;
				assertThat(count).as(what).isCloseTo(Math.rint(count), within(1e-6));
				// The percentiles and the probability describe the same replicate ranks.
				if (line.bootstrapRankP95() <= quota) {
					assertThat(line.probabilityTopN()).as(what).isGreaterThanOrEqualTo(0.95);
				}
				if (line.bootstrapRankP5() > quota) {
					assertThat(line.probabilityTopN()).as(what).isLessThan(0.05);
				}
				assertThat(line.straddlesCut()).isEqualTo(line.rankLow() <= quota && quota < line.rankHigh());
				assertThat(line.inTopN()).isEqualTo(line.rank() <= quota);
				straddling += line.straddlesCut() ? 1 : 0;
			}
		}
		assertThat(straddling).isPositive();
	}

	private static RankingInput withScores(RankingInput input, String judge, UnaryOperator<Double> change) {
		List<SubmittedSheet> sheets = new ArrayList<>();
		for (SubmittedSheet sheet : input.sheets()) {
			if (sheet.judgeId().equals(judge)) {
				Map<String, Double> scores = new HashMap<>();
				sheet.scores().forEach((criterion, score) -> scores.put(criterion, change.apply(score)));
				sheets.add(new SubmittedSheet(judge, sheet.sector(), sheet.proposalId(), scores));
			}
			else {
				sheets.add(sheet);
			}
		}
		return new RankingInput(input.rubric(), input.proposalIds(), sheets, input.sectorWeights(), input.normalise(),
				input.publicVote(), input.outstandingQuota(), input.bootstrapReplicates(), input.seed());
	}

	private static void assertSameZScores(RankingResult before, RankingResult after, long seed) {
		for (int s = 0; s < before.sheets().size(); s++) {
			double zBefore = (before.sheets().get(s).normalised() - before.round().mean())
					/ before.round().standardDeviation();
			double zAfter = (after.sheets().get(s).normalised() - after.round().mean())
					/ after.round().standardDeviation();
			assertThat(zAfter).as("seed %d sheet %d", seed, s).isCloseTo(zBefore, within(1e-9));
		}
	}

	/**
	 * Same ranks, ties, flags and bootstrap figures; F related by n' = μ' + (σ'/σ)(n −
	 * μ).
	 */
	private static void assertSameRankingUpToAffineMap(RankingResult before, RankingResult after, long seed) {
		double scale = after.round().standardDeviation() / before.round().standardDeviation();
		assertThat(after.ties()).as("seed %d", seed).isEqualTo(before.ties());
		assertThat(after.unranked()).isEqualTo(before.unranked());
		assertThat(after.ranking()).hasSameSizeAs(before.ranking());
		for (int i = 0; i < before.ranking().size(); i++) {
			RankedProposal a = before.ranking().get(i);
			RankedProposal b = after.ranking().get(i);
			String what = "seed " + seed + " " + a.proposalId();
			assertThat(b.proposalId()).as(what).isEqualTo(a.proposalId());
			assertThat(b.rank()).as(what).isEqualTo(a.rank());
			assertThat(b.finalScore()).as(what)
				.isCloseTo(after.round().mean() + scale * (a.finalScore() - before.round().mean()), within(1e-9));
			assertThat(b.divergent()).as(what).isEqualTo(a.divergent());
			if (a.divergence() != null) {
				assertThat(b.divergence()).as(what).isCloseTo(a.divergence(), within(1e-9));
			}
			assertThat(b.missingSectors()).isEqualTo(a.missingSectors());
			assertThat(b.rankLow()).as(what).isEqualTo(a.rankLow());
			assertThat(b.rankHigh()).as(what).isEqualTo(a.rankHigh());
			assertThat(b.probabilityTopN()).as(what).isEqualTo(a.probabilityTopN());
			assertThat(b.straddlesCut()).as(what).isEqualTo(a.straddlesCut());
		}
	}

}
