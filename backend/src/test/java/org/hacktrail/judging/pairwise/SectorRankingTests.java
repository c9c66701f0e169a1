package org.hacktrail.judging.pairwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hacktrail.judging.Sector;
import org.junit.jupiter.api.Test;

/** hacktrail-pairwise-2: docs/judging-method-pairwise.md, "P7. Sectors". */
class SectorRankingTests {

	private static final Map<Sector, Double> THREE_TO_ONE = Map.of(Sector.PUBLIC, 3.0, Sector.PRIVATE, 1.0);

	/** The example of P7: J1 is PUBLIC, J2 PRIVATE. */
	static SectorPairwiseInput sectorExample(long seed) {
		List<Comparison> comparisons = List.of(new Comparison("c1", "J1", "A", "B", 1),
				new Comparison("c2", "J2", "B", "A", 2), new Comparison("c3", "J1", "C", "A", 3));
		Map<String, Sector> sectors = Map.of("c1", Sector.PUBLIC, "c2", Sector.PRIVATE, "c3", Sector.PUBLIC);
		PairwiseInput pairwise = new PairwiseInput(List.of("A", "B", "C"), comparisons, PairwisePriors.gavel(), 1, 2,
				1000, seed);
		return new SectorPairwiseInput(pairwise, sectors, THREE_TO_ONE);
	}

	@Test
	void theSectorExampleGivesTheHandComputedNumbers() {
		SectorPairwiseResult result = SectorRanking.rank(sectorExample(2026));

		assertThat(result.combined().algorithmVersion()).isEqualTo("hacktrail-pairwise-2");
		SectorPass publicPass = result.sectors().get(0);
		SectorPass privatePass = result.sectors().get(1);
		assertThat(result.sectors()).extracting(SectorPass::sector).containsExactly(Sector.values());
		assertThat(result.sectors()).extracting(SectorPass::comparisonsCounted).containsExactly(2, 1, 0, 0);
		// PUBLIC: J1's two answers are the first two of P1's worked example.
		assertThat(publicPass.candidates().get(0).mu()).isCloseTo(0.017729, within(5e-7));
		assertThat(publicPass.candidates().get(1).mu()).isEqualTo(-9.0 / 22, within(1e-15));
		assertThat(publicPass.candidates().get(2).mu()).isCloseTo(0.470023, within(5e-7));
		// PRIVATE: one answer between fresh candidates, ±9/22 and σ² = 403/484; C keeps
		// the prior N(0, 1).
		assertThat(privatePass.candidates().get(0).mu()).isEqualTo(-9.0 / 22, within(1e-15));
		assertThat(privatePass.candidates().get(1).mu()).isEqualTo(9.0 / 22, within(1e-15));
		assertThat(privatePass.candidates().get(1).sigmaSquared()).isEqualTo(403.0 / 484, within(1e-15));
		assertThat(privatePass.candidates().get(2).mu()).isZero();
		assertThat(privatePass.candidates().get(2).sigmaSquared()).isEqualTo(1.0);

		List<RankedCandidate> lines = result.combined().ranking();
		assertThat(lines).extracting(RankedCandidate::candidateId).containsExactly("C", "A", "B");
		RankedCandidate c = lines.get(0);
		RankedCandidate a = lines.get(1);
		RankedCandidate b = lines.get(2);
		// B: (3 · (−9/22) + 1 · 9/22) / 4 = −9/44; (9 · 403/484 + 1 · 403/484) / 16 =
		// 4030/7744.
		assertThat(b.score()).isEqualTo(-9.0 / 44, within(1e-15));
		assertThat(b.variance()).isEqualTo(4030.0 / 7744, within(1e-15));
		// A and C by the formula, from the sector passes, in this exact order.
		double muA = publicPass.candidates().get(0).mu();
		double s2A = publicPass.candidates().get(0).sigmaSquared();
		assertThat(a.score()).isEqualTo((0.0 + 3.0 * muA + 1.0 * privatePass.candidates().get(0).mu()) / 4.0);
		assertThat(a.score()).isCloseTo(-0.088976, within(5e-7));
		assertThat(a.variance())
			.isEqualTo((0.0 + 9.0 * s2A + 1.0 * privatePass.candidates().get(0).sigmaSquared()) / 16.0);
		double s2C = publicPass.candidates().get(2).sigmaSquared();
		assertThat(c.score()).isCloseTo(0.352517, within(5e-7));
		// C was never compared by PRIVATE: that sector's prior variance 1 counts in full.
		assertThat(c.variance()).isEqualTo((9.0 * s2C + 1.0) / 16.0);
		assertThat(lines).extracting(RankedCandidate::comparisons).containsExactly(1, 3, 2);
		// C lacks PRIVATE: insufficient, never proposed; A is first among the rest.
		assertThat(lines).extracting(RankedCandidate::sufficientEvidence).containsExactly(false, true, true);
		assertThat(lines).extracting(RankedCandidate::inTopN).containsExactly(false, true, false);

		// Bit for bit: the numbers printed in the documentation (P7).
		assertThat(c.score()).isEqualTo(0.3525174734733802);
		assertThat(c.variance()).isEqualTo(0.554069021589821);
		assertThat(a.score()).isEqualTo(-0.0889763260532484);
		assertThat(a.variance()).isEqualTo(0.47122665258256446);
		assertThat(b.score()).isEqualTo(-0.2045454545454545);
		assertThat(lines).extracting(RankedCandidate::probabilityTopN)
			.containsExactly(561.0 / 1002, 240.0 / 1002, 202.0 / 1002);
		assertThat(lines).extracting(RankedCandidate::rankLow).containsExactly(1, 1, 1);
		assertThat(lines).extracting(RankedCandidate::rankHigh).containsExactly(3, 3, 3);
		assertThat(result.candidates().get(0).divergence()).isEqualTo(0.3397889863085189);
		assertThat(result.candidates()).extracting(CandidateSectors::candidateId).containsExactly("A", "B", "C");
		CandidateSectors sectorsOfB = result.candidates().get(1);
		// |−9/22 − 9/22| / √(2 · 403/484) ≈ 0.634: not divergent.
		assertThat(sectorsOfB.divergence()).isCloseTo((18.0 / 22) / Math.sqrt(806.0 / 484), within(1e-12));
		assertThat(sectorsOfB.divergent()).isFalse();
		assertThat(result.candidates().get(2).divergence()).isNull();
		assertThat(result.candidates().get(2).missingSectors()).containsExactly(Sector.PRIVATE);
		assertThat(result.candidates().get(0).missingSectors()).isEmpty();
		assertThat(result.combined().judges()).extracting(JudgeReliability::judgeId).containsExactly("J1", "J2");
		assertThat(result.combined().comparisonsCounted()).isEqualTo(3);
		// Every P(top 1) strictly between 0 and 1, and they add up over the replicates.
		double sum = 0;
		for (RankedCandidate line : lines) {
			assertThat(line.probabilityTopN()).isStrictlyBetween(0.0, 1.0);
			sum += line.probabilityTopN() * 1002 - 1;
		}
		assertThat(sum).isCloseTo(1000, within(1e-9));
	}

	@Test
	void theSameInputGivesTheSameResultWhateverItsOrderAndAnotherSeedOtherDraws() {
		SectorPairwiseResult first = SectorRanking.rank(divergentRound(7));
		SectorPairwiseInput input = divergentRound(7);
		List<Comparison> shuffled = new ArrayList<>(input.pairwise().comparisons());
		Collections.shuffle(shuffled, new Random(3));
		List<String> candidates = new ArrayList<>(input.pairwise().candidateIds());
		Collections.reverse(candidates);
		PairwiseInput p = input.pairwise();
		SectorPairwiseInput reordered = new SectorPairwiseInput(new PairwiseInput(candidates, shuffled, p.priors(),
				p.outstandingQuota(), p.minimumComparisons(), p.bootstrapReplicates(), p.seed()), input.sectors(),
				input.weights());

		assertThat(SectorRanking.rank(reordered)).isEqualTo(first);
		assertThat(SectorRanking.rank(divergentRound(7))).isEqualTo(first);
		SectorPairwiseResult otherSeed = SectorRanking.rank(divergentRound(8));
		assertThat(otherSeed.combined().ranking()).extracting(RankedCandidate::score)
			.isEqualTo(first.combined().ranking().stream().map(RankedCandidate::score).toList());
		assertThat(otherSeed.combined().ranking()).extracting(RankedCandidate::probabilityTopN)
			.isNotEqualTo(first.combined().ranking().stream().map(RankedCandidate::probabilityTopN).toList());
	}

	@Test
	void oneSectorOfWeightOneIsExactlyThePairwiseOneRanking() {
		// Every comparison PUBLIC, W_PUBLIC = 1: 1 · x / 1 is x, and the bootstrap draws
		// one normal per candidate in the same order, so the lines are pairwise-1's.
		PairwiseInput pairwise = PairwiseInput.of(PairwiseRankingTests.ABCD, PairwiseRankingTests.workedExample(), 1,
				2026);
		Map<String, Sector> sectors = new HashMap<>();
		pairwise.comparisons().forEach((c) -> sectors.put(c.comparisonId(), Sector.PUBLIC));
		SectorPairwiseResult result = SectorRanking
			.rank(new SectorPairwiseInput(pairwise, sectors, Map.of(Sector.PUBLIC, 1.0)));

		assertThat(result.combined().ranking()).isEqualTo(PairwiseRanking.rank(pairwise).ranking());
		assertThat(result.combined().algorithmVersion()).isEqualTo("hacktrail-pairwise-2");
	}

	@Test
	void sectorsThatDisagreeAreFlaggedDivergent() {
		SectorPairwiseResult result = SectorRanking.rank(divergentRound(7));

		CandidateSectors a = result.candidates().get(0);
		assertThat(a.candidateId()).isEqualTo("A");
		assertThat(a.divergence()).isGreaterThan(SectorRanking.DIVERGENCE_THRESHOLD);
		assertThat(a.divergent()).isTrue();
		// The divergence is the gap in its own standard error.
		CandidateEstimate publicA = result.sectors().get(0).candidates().get(0);
		CandidateEstimate privateA = result.sectors().get(1).candidates().get(0);
		assertThat(publicA.mu()).isPositive();
		assertThat(privateA.mu()).isNegative();
		assertThat(a.divergence()).isEqualTo(Math.abs(publicA.mu() - privateA.mu())
				/ StrictMath.sqrt(publicA.sigmaSquared() + privateA.sigmaSquared()));
		// Candidates the sectors agree on are not flagged.
		assertThat(result.candidates().stream().filter(CandidateSectors::divergent).map(CandidateSectors::candidateId))
			.containsExactly("A");
	}

	@Test
	void badInputIsRefusedWithTheReason() {
		PairwiseInput pairwise = sectorExample(1).pairwise();
		Map<String, Sector> some = Map.of("c1", Sector.PUBLIC, "c2", Sector.PRIVATE);
		assertThatIllegalArgumentException().isThrownBy(() -> new SectorPairwiseInput(pairwise, some, THREE_TO_ONE))
			.withMessageContaining("comparison 'c3' has no sector");
		Map<String, Sector> extra = new HashMap<>(sectorExample(1).sectors());
		extra.put("c9", Sector.PUBLIC);
		assertThatIllegalArgumentException().isThrownBy(() -> new SectorPairwiseInput(pairwise, extra, THREE_TO_ONE))
			.withMessageContaining("not among the comparisons");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SectorPairwiseInput(pairwise, sectorExample(1).sectors(), Map.of(Sector.PUBLIC, 0.0)))
			.withMessageContaining("at least one sector weight");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new SectorPairwiseInput(pairwise, sectorExample(1).sectors(), Map.of(Sector.PUBLIC, -1.0)))
			.withMessageContaining("PUBLIC");
	}

	/**
	 * Four PUBLIC judges put A first every time, four PRIVATE judges last; on B, C, D
	 * both sectors answer alike (the better of the two by name order, B over C over D).
	 */
	static SectorPairwiseInput divergentRound(long seed) {
		List<Comparison> comparisons = new ArrayList<>();
		Map<String, Sector> sectors = new HashMap<>();
		int sequence = 0;
		String[][] pairs = { { "A", "B" }, { "A", "C" }, { "A", "D" }, { "B", "C" }, { "C", "D" }, { "B", "D" } };
		for (Sector sector : new Sector[] { Sector.PUBLIC, Sector.PRIVATE }) {
			for (int j = 1; j <= 4; j++) {
				String judge = sector.name().charAt(1) + "" + j;
				for (String[] pair : pairs) {
					boolean aPair = pair[0].equals("A");
					boolean firstWins = !aPair || sector == Sector.PUBLIC;
					String id = "c" + (++sequence);
					comparisons.add(new Comparison(id, judge, firstWins ? pair[0] : pair[1],
							firstWins ? pair[1] : pair[0], sequence));
					sectors.put(id, sector);
				}
			}
		}
		PairwiseInput pairwise = new PairwiseInput(List.of("A", "B", "C", "D"), comparisons, PairwisePriors.gavel(), 1,
				3, 500, seed);
		return new SectorPairwiseInput(pairwise, sectors,
				Map.of(Sector.PUBLIC, 0.5, Sector.PRIVATE, 0.5, Sector.ACADEMIC, 0.0));
	}

}
