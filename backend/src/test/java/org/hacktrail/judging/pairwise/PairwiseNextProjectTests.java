package org.hacktrail.judging.pairwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.judging.pairwise.NextChoice.Reason;
import org.junit.jupiter.api.Test;

class PairwiseNextProjectTests {

	static final PairwisePriors PRIORS = PairwisePriors.gavel();

	/**
	 * The judge J stands at A (table 1). B is the most informative next step (closest μ
	 * to A's, widest σ²) but far away (table 10); C (table 8) and D (table 3) are equally
	 * informative and a little less so; E (table 2) is well known and far above A.
	 */
	static PairwiseEstimate hall(int comparisonsOfF) {
		return new PairwiseEstimate(PRIORS, 3,
				List.of(new CandidateEstimate("A", 0, 0.5, 5), new CandidateEstimate("B", 0.1, 1.0, 5),
						new CandidateEstimate("C", 0.1, 0.6, 5), new CandidateEstimate("D", 0.1, 0.6, 5),
						new CandidateEstimate("E", 3, 0.2, 5), new CandidateEstimate("F", 2.5, 0.2, comparisonsOfF)),
				List.of(new JudgeReliability("J", 9, 1.2, 8)), 20, 0);
	}

	static final Map<String, Location> TABLES = Map.of("A", Location.table(1), "B", Location.table(10), "C",
			Location.table(8), "D", Location.table(3), "E", Location.table(2), "F", Location.table(20));

	static double gain(PairwiseEstimate estimate, String candidate) {
		CandidateEstimate a = estimate.candidate("A");
		CandidateEstimate other = estimate.candidate(candidate);
		return CrowdBt.expectedInformationGain(9, 1.2, a.mu(), a.sigmaSquared(), other.mu(), other.sigmaSquared(),
				PRIORS.kappa(), PRIORS.gamma());
	}

	static NextProjectRequest atA(Set<String> seen, Map<String, String> visiting, Map<String, Set<String>> conflicts,
			int perTable, double tolerance, double exploration, long seed) {
		Set<String> seenWithA = new HashSet<>(seen);
		seenWithA.add("A");
		return new NextProjectRequest("J", "A", seenWithA, visiting, conflicts, TABLES, perTable, tolerance,
				exploration, seed);
	}

	@Test
	void theMostInformativeTableWinsWhenNoOtherIsClose() {
		PairwiseEstimate estimate = hall(5);
		assertThat(gain(estimate, "B")).isGreaterThan(gain(estimate, "C"));
		assertThat(gain(estimate, "C")).isEqualTo(gain(estimate, "D")).isGreaterThan(gain(estimate, "E"));

		NextChoice choice = NextProject.choose(estimate, atA(Set.of(), Map.of(), Map.of(), 2, 0, 0, 1));

		assertThat(choice.candidateId()).isEqualTo("B");
		assertThat(choice.reason()).isEqualTo(Reason.BEST_GAIN);
		assertThat(choice.expectedGain()).isEqualTo(gain(estimate, "B"));
		assertThat(choice.eligible()).isEqualTo(5);
	}

	@Test
	void aNearbyTableWithinTheToleranceWinsOverAFartherBetterOne() {
		PairwiseEstimate estimate = hall(5);
		double shortfall = 1 - gain(estimate, "D") / gain(estimate, "B");
		assertThat(shortfall).isStrictlyBetween(0.0, 0.5);

		NextChoice withinTolerance = NextProject.choose(estimate,
				atA(Set.of(), Map.of(), Map.of(), 2, shortfall + 0.01, 0, 1));
		NextChoice justOutside = NextProject.choose(estimate,
				atA(Set.of(), Map.of(), Map.of(), 2, shortfall - 0.01, 0, 1));

		// C and D gain the same; D (table 3) is nearer to A (table 1) than C (table 8).
		assertThat(withinTolerance.candidateId()).isEqualTo("D");
		assertThat(withinTolerance.reason()).isEqualTo(Reason.NEARBY);
		assertThat(justOutside.candidateId()).isEqualTo("B");
		// Without D, the nearer of the close ones is C.
		assertThat(NextProject.choose(estimate, atA(Set.of("D"), Map.of(), Map.of(), 2, shortfall + 0.01, 0, 1))
			.candidateId()).isEqualTo("C");
	}

	@Test
	void equalGainsGoToTheNearerTableThenTheSmallerId() {
		PairwiseEstimate estimate = hall(5);
		NextChoice nearer = NextProject.choose(estimate, atA(Set.of("B"), Map.of(), Map.of(), 2, 0, 0, 1));
		assertThat(nearer.candidateId()).isEqualTo("D");
		assertThat(nearer.reason()).isEqualTo(Reason.BEST_GAIN);

		Map<String, Location> sameDistance = Map.of("A", Location.table(5), "C", Location.table(3), "D",
				Location.table(7));
		NextProjectRequest request = new NextProjectRequest("J", "A", Set.of("A", "B"), Map.of(), Map.of(),
				sameDistance, 2, 0, 0, 1);
		assertThat(NextProject.choose(estimate, request).candidateId()).isEqualTo("C");
	}

	@Test
	void aConflictedOrAlreadySeenTableIsNeverOffered() {
		PairwiseEstimate estimate = hall(5);
		Map<String, Set<String>> conflicts = Map.of("J", Set.of("B"), "K", Set.of("D"));
		for (long seed = 0; seed < 300; seed++) {
			for (double exploration : new double[] { 0, 0.25, 1 }) {
				NextChoice choice = NextProject.choose(estimate,
						atA(Set.of("C"), Map.of(), conflicts, 2, 0.1, exploration, seed));
				assertThat(choice.candidateId()).isIn("D", "E", "F");
			}
		}
		// Another judge's conflict is not this judge's.
		assertThat(NextProject.choose(estimate, atA(Set.of("C"), Map.of(), conflicts, 2, 0, 0, 1)).candidateId())
			.isEqualTo("D");
	}

	@Test
	void aTableAtItsBoundOfJudgesIsNotOffered() {
		PairwiseEstimate estimate = hall(5);
		Map<String, String> twoAtB = Map.of("K", "B", "L", "B", "M", "E");
		Map<String, String> oneAtB = Map.of("K", "B", "J", "B");

		// Without B, the best are C and D (equal gains), and D is nearer.
		assertThat(NextProject.choose(estimate, atA(Set.of(), twoAtB, Map.of(), 2, 0, 0, 1)).candidateId())
			.isEqualTo("D");
		// The judge's own entry does not count: one other judge at B is below the bound
		// 2.
		assertThat(NextProject.choose(estimate, atA(Set.of(), oneAtB, Map.of(), 2, 0, 0, 1)).candidateId())
			.isEqualTo("B");
		assertThat(NextProject.choose(estimate, atA(Set.of(), oneAtB, Map.of(), 1, 0, 0, 1)).candidateId())
			.isEqualTo("D");
		for (long seed = 0; seed < 100; seed++) {
			assertThat(NextProject.choose(estimate, atA(Set.of(), twoAtB, Map.of(), 2, 0, 1, seed)).candidateId())
				.isNotEqualTo("B");
		}
	}

	@Test
	void nothingEligibleMeansWait() {
		PairwiseEstimate estimate = hall(5);
		NextChoice choice = NextProject.choose(estimate,
				atA(Set.of("B", "C", "D"), Map.of("K", "E"), Map.of("J", Set.of("F")), 1, 0, 0, 1));
		assertThat(choice.candidateId()).isNull();
		assertThat(choice.reason()).isEqualTo(Reason.NONE);
		assertThat(choice.eligible()).isZero();
	}

	@Test
	void candidatesShortOfTheMinimumComparisonsComeFirst() {
		// F has 1 comparison (minimum 3): it is the only one in the pool, however little
		// it
		// teaches.
		PairwiseEstimate estimate = hall(1);
		NextChoice choice = NextProject.choose(estimate, atA(Set.of(), Map.of(), Map.of(), 2, 0, 0, 1));
		assertThat(choice.candidateId()).isEqualTo("F");
		assertThat(choice.eligible()).isEqualTo(5);
		assertThat(gain(estimate, "F")).isLessThan(gain(estimate, "B"));
	}

	@Test
	void firstVisitsAndExplorationAreSeededRandomPicks() {
		PairwiseEstimate estimate = hall(5);
		Set<String> firstPicks = new HashSet<>();
		int explorations = 0;
		for (long seed = 0; seed < 200; seed++) {
			NextProjectRequest first = new NextProjectRequest("J", null, Set.of(), Map.of(), Map.of(), TABLES, 2, 0.1,
					0.25, seed);
			NextChoice choice = NextProject.choose(estimate, first);
			assertThat(choice.reason()).isEqualTo(Reason.FIRST_VISIT);
			assertThat(choice.expectedGain()).isNull();
			assertThat(NextProject.choose(estimate, first)).isEqualTo(choice);
			firstPicks.add(choice.candidateId());
			if (NextProject.choose(estimate, atA(Set.of(), Map.of(), Map.of(), 2, 0.1, 0.25, seed))
				.reason() == Reason.EXPLORATION) {
				explorations++;
			}
		}
		assertThat(firstPicks).containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F");
		// ε = 0.25: about 50 of 200 choices explore.
		assertThat(explorations).isBetween(30, 70);
	}

	@Test
	void theChoiceStreamIsSeededByTheSeedTheJudgeAndTheVisitCount() {
		// FNV-1a 64 of "a" (published test vector) and the documented seed derivation.
		assertThat(NextProject.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
		assertThat(NextProject.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
		long seed = NextProject.choiceSeed(7, "a", 2);
		assertThat(seed).isEqualTo(org.hacktrail.judging.SplitMix64
			.mix64(org.hacktrail.judging.SplitMix64.mix64(7 ^ 0xaf63dc4c8601ec8cL) + 2));
		assertThat(NextProject.choiceSeed(7, "a", 3)).isNotEqualTo(seed);
		assertThat(NextProject.choiceSeed(7, "b", 2)).isNotEqualTo(seed);
	}

}
