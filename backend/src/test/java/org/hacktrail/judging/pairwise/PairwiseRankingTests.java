package org.hacktrail.judging.pairwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hacktrail.judging.pairwise.ExpoSimulation.Kind;
import org.junit.jupiter.api.Test;

class PairwiseRankingTests {

	static final List<String> ABCD = List.of("A", "B", "C", "D");

	/** The worked example of docs/judging-method-pairwise.md ("Worked example"). */
	static List<Comparison> workedExample() {
		return List.of(new Comparison("c1", "J1", "A", "B", 1), new Comparison("c2", "J1", "C", "A", 2),
				new Comparison("c3", "J2", "C", "B", 3), new Comparison("c4", "J2", "D", "C", 4),
				new Comparison("c5", "J1", "C", "D", 5), new Comparison("c6", "J2", "A", "D", 6));
	}

	@Test
	void theWorkedExampleGivesThePublishedNumbers() {
		PairwiseResult result = PairwiseRanking.rank(PairwiseInput.of(ABCD, workedExample(), 1, 2026));

		assertThat(result.algorithmVersion()).isEqualTo("hacktrail-pairwise-1");
		assertThat(result.comparisonsCounted()).isEqualTo(6);
		assertThat(result.ranking()).extracting(RankedCandidate::candidateId).containsExactly("C", "A", "D", "B");
		RankedCandidate c = result.ranking().get(0);
		RankedCandidate a = result.ranking().get(1);
		RankedCandidate d = result.ranking().get(2);
		RankedCandidate b = result.ranking().get(3);
		// Bit for bit: these are the numbers printed in the documentation.
		assertThat(c.score()).isEqualTo(0.6201345187254432);
		assertThat(c.variance()).isEqualTo(0.623764188442964);
		assertThat(a.score()).isEqualTo(0.33321439538702163);
		assertThat(a.variance()).isEqualTo(0.6560126427210292);
		assertThat(d.score()).isEqualTo(-0.2279685206297246);
		assertThat(d.variance()).isEqualTo(0.6882196562190709);
		assertThat(b.score()).isEqualTo(-0.6201672566412034);
		assertThat(b.variance()).isEqualTo(0.7154572695339183);
		assertThat(result.ranking()).extracting(RankedCandidate::comparisons).containsExactly(4, 3, 3, 2);
		assertThat(result.ranking()).extracting(RankedCandidate::rank).containsExactly(1, 2, 3, 4);
		assertThat(result.ranking()).extracting(RankedCandidate::probabilityTopN)
			.containsExactly(526.0 / 1002, 302.0 / 1002, 116.0 / 1002, 60.0 / 1002);
		assertThat(result.ranking()).extracting(RankedCandidate::rankLow).containsExactly(1, 1, 1, 1);
		assertThat(result.ranking()).extracting(RankedCandidate::rankHigh).containsExactly(3, 4, 4, 4);
		// B is in two comparisons, one fewer than the minimum of 3.
		assertThat(b.sufficientEvidence()).isFalse();
		assertThat(List.of(c, a, d)).allMatch(RankedCandidate::sufficientEvidence);
		assertThat(result.ranking()).extracting(RankedCandidate::inTopN).containsExactly(true, false, false, false);

		JudgeReliability j1 = result.judges().get(0);
		JudgeReliability j2 = result.judges().get(1);
		assertThat(j1.judgeId()).isEqualTo("J1");
		assertThat(j1.alpha()).isEqualTo(9.752071939878052);
		assertThat(j1.beta()).isEqualTo(1.00552189695992);
		assertThat(j2.alpha()).isEqualTo(9.986876783769798);
		assertThat(j2.beta()).isEqualTo(1.0052393174869176);
		assertThat(j1.reliability()).isEqualTo(0.9065291075113245);
		assertThat(j1.comparisons()).isEqualTo(3);
	}

	@Test
	void theFirstComparisonOfTheWorkedExampleIsTheHandComputedOne() {
		PairwiseEstimate estimate = PairwiseRanking
			.estimate(PairwiseInput.of(ABCD, workedExample().subList(0, 1), 1, 2026));
		// μ = ±9/22, σ² = 403/484 (PairwiseCrowdBtTests); C and D keep the prior.
		assertThat(estimate.candidate("A").mu()).isEqualTo(0.40909090909090906);
		assertThat(estimate.candidate("B").mu()).isEqualTo(-0.40909090909090906);
		assertThat(estimate.candidate("A").sigmaSquared()).isEqualTo(0.8326446280991735);
		assertThat(estimate.candidate("C").mu()).isZero();
		assertThat(estimate.candidate("C").sigmaSquared()).isEqualTo(1.0);
		// α stays 10 in exact arithmetic; the moment matching's differences leave a
		// trace.
		assertThat(estimate.judge("J1").alpha()).isEqualTo(9.999999999999808);
		assertThat(estimate.judge("J9").alpha()).isEqualTo(10.0);
		assertThat(estimate.judge("J9").comparisons()).isZero();
	}

	@Test
	void inputOrderAndRetriedAnswersDoNotMatter() {
		List<Comparison> shuffled = new ArrayList<>(workedExample());
		shuffled.add(workedExample().get(2));
		shuffled.add(workedExample().get(4));
		Collections.shuffle(shuffled, new Random(5));
		List<String> candidates = new ArrayList<>(List.of("D", "B", "A", "C"));

		PairwiseResult result = PairwiseRanking.rank(PairwiseInput.of(candidates, shuffled, 1, 2026));

		assertThat(result).isEqualTo(PairwiseRanking.rank(PairwiseInput.of(ABCD, workedExample(), 1, 2026)));
		assertThat(result.comparisonsCounted()).isEqualTo(6);
	}

	@Test
	void answersWithTheSameSequenceAreAppliedInComparisonIdOrder() {
		// Two answers stored in the same instant: the method takes them by comparison id,
		// whatever order they arrive in — as if their sequence numbers followed the ids.
		List<Comparison> sameSequence = List.of(new Comparison("x2", "J2", "B", "C", 7),
				new Comparison("x1", "J1", "C", "B", 7), new Comparison("x0", "J1", "A", "B", 3));
		List<Comparison> inIdOrder = List.of(new Comparison("x0", "J1", "A", "B", 3),
				new Comparison("x1", "J1", "C", "B", 8), new Comparison("x2", "J2", "B", "C", 9));
		List<Comparison> otherWayRound = List.of(new Comparison("x0", "J1", "A", "B", 3),
				new Comparison("x2", "J2", "B", "C", 8), new Comparison("x1", "J1", "C", "B", 9));

		PairwiseResult result = PairwiseRanking.rank(PairwiseInput.of(ABCD, sameSequence, 2, 1));
		List<Comparison> reversed = new ArrayList<>(sameSequence);
		Collections.reverse(reversed);

		assertThat(PairwiseRanking.rank(PairwiseInput.of(ABCD, reversed, 2, 1))).isEqualTo(result);
		assertThat(PairwiseRanking.rank(PairwiseInput.of(ABCD, inIdOrder, 2, 1)).ranking()).isEqualTo(result.ranking());
		// The online method depends on the order: that is why the order is canonical.
		assertThat(PairwiseRanking.rank(PairwiseInput.of(ABCD, otherWayRound, 2, 1)).ranking())
			.isNotEqualTo(result.ranking());
	}

	@Test
	void fewComparisonsNeverLookCertain() {
		List<String> candidates = List.of("A", "B", "C", "D", "E", "F", "G", "H");
		List<Comparison> comparisons = List.of(new Comparison("1", "J1", "A", "B", 1),
				new Comparison("2", "J1", "A", "C", 2), new Comparison("3", "J2", "A", "D", 3));

		PairwiseResult result = PairwiseRanking.rank(PairwiseInput.of(candidates, comparisons, 2, 42));

		assertThat(result.ranking().get(0).candidateId()).isEqualTo("A");
		assertThat(result.ranking().get(0).comparisons()).isEqualTo(3);
		assertThat(result.ranking().get(0).sufficientEvidence()).isTrue();
		assertThat(result.ranking()).allSatisfy(line -> {
			assertThat(line.probabilityTopN()).isStrictlyBetween(0.0, 1.0);
			assertThat(line.rankHigh() - line.rankLow()).isGreaterThanOrEqualTo(3);
		});
		assertThat(result.ranking().subList(1, 8)).allSatisfy(line -> {
			assertThat(line.sufficientEvidence()).isFalse();
			assertThat(line.inTopN()).isFalse();
		});
		// E, F, G, H were never compared: equal μ, a tie sharing one rank.
		assertThat(result.ranking()).filteredOn(line -> "EFGH".contains(line.candidateId()))
			.allSatisfy(line -> assertThat(line.tied()).isTrue())
			.extracting(RankedCandidate::rank)
			.containsOnly(result.ranking().get(4).rank());
	}

	@Test
	void aNewcomerAmongWellKnownCandidatesIsNeitherInNorOut() {
		// A simulated round, then one more candidate that nobody has compared yet.
		ExpoSimulation.Run run = ExpoSimulation.run(12, 1.0, new ArrayList<>(Collections.nCopies(8, Kind.RELIABLE)), 12,
				3, Map.of());
		List<String> candidates = new ArrayList<>(ExpoSimulation.candidates(12));
		candidates.add("P99");

		PairwiseResult result = PairwiseRanking.rank(PairwiseInput.of(candidates, run.comparisons(), 3, 3));

		RankedCandidate newcomer = result.ranking()
			.stream()
			.filter(line -> line.candidateId().equals("P99"))
			.findFirst()
			.orElseThrow();
		assertThat(newcomer.comparisons()).isZero();
		assertThat(newcomer.sufficientEvidence()).isFalse();
		assertThat(newcomer.inTopN()).isFalse();
		assertThat(newcomer.probabilityTopN()).isStrictlyBetween(0.0, 1.0);
		assertThat(newcomer.rankHigh() - newcomer.rankLow()).isGreaterThan(5);
		// The best-known candidates are far more certain than the newcomer.
		assertThat(result.ranking().get(0).variance()).isLessThan(newcomer.variance() / 2);
		assertThat(result.ranking()).filteredOn(RankedCandidate::inTopN).hasSize(3);
	}

	@Test
	void inputIsCheckedWithMessagesThatNameTheProblem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PairwiseInput.of(ABCD, List.of(new Comparison("c", "J", "A", "Z", 1)), 1, 1))
			.withMessageContaining("'Z', which is not among the round's candidates");
		assertThatIllegalArgumentException().isThrownBy(() -> new Comparison("c", "J", "A", "A", 1))
			.withMessageContaining("with itself");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PairwiseInput.of(ABCD,
					List.of(new Comparison("c", "J", "A", "B", 1), new Comparison("c", "J", "B", "A", 1)), 1, 1))
			.withMessageContaining("comparison id 'c' is given twice with different content");
		assertThatIllegalArgumentException().isThrownBy(() -> PairwiseInput.of(List.of("A", "A"), List.of(), 1, 1))
			.withMessageContaining("duplicate candidate id 'A'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PairwiseInput(ABCD, List.of(), PairwisePriors.gavel(), 0, 3, 1000, 1))
			.withMessageContaining("N must be at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PairwiseInput(ABCD, List.of(), PairwisePriors.gavel(), 1, 3, 10_001, 1))
			.withMessageContaining("between 1 and 10000");
		assertThatIllegalArgumentException().isThrownBy(() -> new PairwisePriors(0, 0, 10, 1, 1e-4, 0.1))
			.withMessageContaining("σ₀²");
	}

}
