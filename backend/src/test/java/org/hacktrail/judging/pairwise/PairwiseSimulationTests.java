package org.hacktrail.judging.pairwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.judging.pairwise.ExpoSimulation.Kind;
import org.junit.jupiter.api.Test;

/**
 * Simulated expos ({@link ExpoSimulation}): 20 projects of known quality (one logit
 * apart) at tables 1–20, ten judges walking where {@link NextProject} sends them until
 * each has seen every table (about 190 comparisons).
 */
class PairwiseSimulationTests {

	static final int PROJECTS = 20;

	static final double QUALITY_STEP = 1.0;

	static List<Kind> judges(int reliable, int adversarial) {
		List<Kind> judges = new ArrayList<>(Collections.nCopies(reliable, Kind.RELIABLE));
		judges.addAll(Collections.nCopies(adversarial, Kind.ADVERSARIAL));
		return judges;
	}

	@Test
	void reliableJudgesRecoverTheTrueOrder() {
		for (long seed = 1; seed <= 3; seed++) {
			ExpoSimulation.Run run = ExpoSimulation.run(PROJECTS, QUALITY_STEP, judges(10, 0), PROJECTS, seed,
					Map.of());
			PairwiseResult result = PairwiseRanking.rank(run.input());
			assertThat(run.comparisons()).hasSizeGreaterThan(180);
			assertThat(ExpoSimulation.spearman(result)).as("Spearman ρ, seed %d", seed).isGreaterThan(0.9);
			assertThat(result.judgeUpdatesKept()).isZero();
		}
	}

	@Test
	void adversarialJudgesEndLessReliableThanEveryReliableJudge() {
		// J9 and J10 always answer the wrong way round: a fifth of all answers are wrong
		// on
		// purpose, on top of the reliable judges' honest mistakes.
		for (long seed = 1; seed <= 4; seed++) {
			ExpoSimulation.Run run = ExpoSimulation.run(PROJECTS, QUALITY_STEP, judges(8, 2), PROJECTS, seed, Map.of());
			PairwiseResult result = PairwiseRanking.rank(run.input());
			double lowestReliable = 1;
			double highestAdversarial = 0;
			for (JudgeReliability judge : result.judges()) {
				if (judge.judgeId().endsWith("adversarial")) {
					highestAdversarial = Math.max(highestAdversarial, judge.reliability());
				}
				else {
					lowestReliable = Math.min(lowestReliable, judge.reliability());
				}
			}
			assertThat(result.judges()).hasSize(10);
			assertThat(highestAdversarial).as("seed %d", seed).isLessThan(lowestReliable).isLessThan(10.0 / 11);
			assertThat(ExpoSimulation.spearman(result)).as("Spearman ρ, seed %d", seed).isGreaterThan(0.75);
		}
	}

	@Test
	void aRoundReplaysExactlyFromItsSeed() {
		ExpoSimulation.Run first = ExpoSimulation.run(12, QUALITY_STEP, judges(5, 1), 8, 77,
				Map.of("J1", Set.of("P03")));
		ExpoSimulation.Run again = ExpoSimulation.run(12, QUALITY_STEP, judges(5, 1), 8, 77,
				Map.of("J1", Set.of("P03")));
		ExpoSimulation.Run otherSeed = ExpoSimulation.run(12, QUALITY_STEP, judges(5, 1), 8, 78,
				Map.of("J1", Set.of("P03")));
		assertThat(again.visits()).isEqualTo(first.visits());
		assertThat(again.comparisons()).isEqualTo(first.comparisons());
		assertThat(PairwiseRanking.rank(again.input())).isEqualTo(PairwiseRanking.rank(first.input()));
		assertThat(otherSeed.visits()).isNotEqualTo(first.visits());
		// The conflict held through the whole walk.
		assertThat(first.visits()).noneMatch(visit -> visit.startsWith("J1→P03"));
		assertThat(first.visits()).anyMatch(visit -> visit.startsWith("J2→P03"));
	}

}
