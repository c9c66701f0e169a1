package org.hacktrail.judging.pairwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.hacktrail.judging.pairwise.ExpoSimulation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/pairwise-reference}, an independent Python implementation written from
 * the documentation, reproduces the Java method: scores and variances to 1e-12, α and β
 * to 1e-10 (Python's exp comes from the C library, Java's from fdlibm, so the last bits
 * may differ), and ranks, comparisons, evidence, rank intervals and P(top N) exactly.
 */
class PairwiseReferenceScriptTests {

	static final Path SCRIPT = Path.of("..", "scripts", "pairwise-reference");

	@TempDir
	Path folder;

	@Test
	void theWorkedExampleIsReproduced() throws Exception {
		check(PairwiseInput.of(PairwiseRankingTests.ABCD, PairwiseRankingTests.workedExample(), 1, 2026));
	}

	@Test
	void aSimulatedExpoWithAdversarialJudgesIsReproduced() throws Exception {
		List<Kind> judges = new ArrayList<>(Collections.nCopies(8, Kind.RELIABLE));
		judges.addAll(Collections.nCopies(2, Kind.ADVERSARIAL));
		ExpoSimulation.Run run = ExpoSimulation.run(20, 1.0, judges, 20, 11, Map.of());
		// Retried answers and a shuffled order must not matter to either implementation.
		List<Comparison> comparisons = new ArrayList<>(run.comparisons());
		comparisons.add(run.comparisons().get(5));
		Collections.reverse(comparisons);
		check(new PairwiseInput(ExpoSimulation.candidates(20), comparisons, PairwisePriors.gavel(), 5, 3, 400, -7L));
	}

	private void check(PairwiseInput input) throws IOException, InterruptedException {
		PairwiseResult result = PairwiseRanking.rank(input);
		List<String[]> lines = run(input);
		assertThat(lines).hasSize(result.ranking().size() + result.judges().size());
		for (int i = 0; i < result.ranking().size(); i++) {
			RankedCandidate line = result.ranking().get(i);
			String[] fields = lines.get(i);
			assertThat(fields[0]).isEqualTo("candidate");
			assertThat(fields[1]).isEqualTo(line.candidateId());
			assertThat(Double.parseDouble(fields[2])).isCloseTo(line.score(), within(1e-12));
			assertThat(Double.parseDouble(fields[3])).isCloseTo(line.variance(), within(1e-12));
			assertThat(List.of(fields).subList(4, 12)).containsExactly(String.valueOf(line.comparisons()),
					String.valueOf(line.rank()), String.valueOf(line.sufficientEvidence()),
					String.valueOf(line.inTopN()), String.valueOf(line.rankLow()), String.valueOf(line.rankHigh()),
					String.valueOf(line.rankP5()), String.valueOf(line.rankP95()));
			double replicates = input.bootstrapReplicates();
			assertThat((Integer.parseInt(fields[12]) + 1) / (replicates + 2)).isEqualTo(line.probabilityTopN());
		}
		for (int j = 0; j < result.judges().size(); j++) {
			JudgeReliability judge = result.judges().get(j);
			String[] fields = lines.get(result.ranking().size() + j);
			assertThat(fields[1]).isEqualTo(judge.judgeId());
			// The moment matching subtracts nearly equal moments, which turns a last-bit
			// difference of exp into about 1e-12 after a few hundred comparisons.
			assertThat(Double.parseDouble(fields[2])).isCloseTo(judge.alpha(), within(1e-10));
			assertThat(Double.parseDouble(fields[3])).isCloseTo(judge.beta(), within(1e-10));
			assertThat(fields[4]).isEqualTo(String.valueOf(judge.comparisons()));
		}
	}

	private List<String[]> run(PairwiseInput input) throws IOException, InterruptedException {
		Path file = this.folder.resolve("round.json");
		Files.writeString(file, json(input), StandardCharsets.UTF_8);
		Process process = new ProcessBuilder("python3", SCRIPT.toString(), file.toString()).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		List<String[]> lines = new ArrayList<>();
		for (String line : output.strip().split("\n")) {
			lines.add(line.split("\t"));
		}
		return lines;
	}

	/**
	 * The input as the script reads it (ids here are plain ASCII: no escaping needed).
	 */
	private static String json(PairwiseInput input) {
		StringJoiner candidates = new StringJoiner("\", \"", "[\"", "\"]");
		input.candidateIds().forEach(candidates::add);
		StringJoiner comparisons = new StringJoiner(", ", "[", "]");
		for (Comparison c : input.comparisons()) {
			comparisons.add("{\"id\": \"" + c.comparisonId() + "\", \"judge\": \"" + c.judgeId() + "\", \"winner\": \""
					+ c.winnerId() + "\", \"loser\": \"" + c.loserId() + "\", \"sequence\": " + c.sequence() + "}");
		}
		return "{\"candidates\": " + candidates + ", \"comparisons\": " + comparisons + ", \"outstandingQuota\": "
				+ input.outstandingQuota() + ", \"minimumComparisons\": " + input.minimumComparisons()
				+ ", \"bootstrapReplicates\": " + input.bootstrapReplicates() + ", \"seed\": \""
				+ Long.toUnsignedString(input.seed()) + "\"}";
	}

}
