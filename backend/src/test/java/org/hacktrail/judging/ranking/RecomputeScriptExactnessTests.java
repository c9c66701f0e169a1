package org.hacktrail.judging.ranking;

import java.time.Duration;
import org.hacktrail.judging.RecomputeScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.result.PublishedRound;
import org.hacktrail.judging.result.ResultsExport;
import org.hacktrail.judging.round.RoundConfig;
import org.hacktrail.judging.round.RubricCriterion;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.judging.round.VoteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/recompute-ranking} agrees with {@link RubricRanking} bit for bit on 40
 * seeded random rounds — integer and fractional scores, normalisation on and off, public
 * votes with missing totals, weighted and unweighted extra sectors, ties — written
 * exactly as {@code results.json} writes them. This is the cross-check the script was
 * first validated with (60 rounds, raw bit patterns), now through the published format
 * itself — for method hacktrail-rubric-1 and for hacktrail-rubric-2.
 */
class RecomputeScriptExactnessTests {

	@Test
	void theScriptReproducesRandomRoundsThroughTheExportFormat(@TempDir Path dir) throws Exception {
		assertReproduced(dir, RankingMethod.RUBRIC_1);
	}

	/**
	 * Method 2 on the same kind of rounds, with evidence rules that some proposals miss
	 * (k from 2 to 5, minimums of 0 to 2 per sector) and, in every fifth round, only one
	 * sheet per sector everywhere, so that the uncertainty is unknown.
	 */
	@Test
	void theScriptReproducesMethodTwoOnRandomRounds(@TempDir Path dir) throws Exception {
		assertReproduced(dir, RankingMethod.RUBRIC_2);
	}

	private static void assertReproduced(Path dir, RankingMethod method) throws Exception {
		List<Object> rounds = new ArrayList<>();
		int ties = 0;
		int insufficient = 0;
		int unknown = 0;
		for (long seed = 1; seed <= 40; seed++) {
			boolean integers = seed % 3 == 0;
			RankingInput input = RandomRounds.round(seed, new RandomRounds.Shape(0, integers, false, true))
				.normalise(seed % 4 != 1)
				.bootstrapReplicates(100 + (int) (seed % 3) * 50)
				.method(method)
				.evidenceRule(new EvidenceRule(2 + (int) (seed % 4),
						Map.of(Sector.PUBLIC, (int) (seed % 3), Sector.PRIVATE, 1, Sector.ACADEMIC,
								(seed % 5 == 0) ? 1 : 0)))
				.build();
			if (method == RankingMethod.RUBRIC_2 && seed % 5 == 0) {
				input = RandomRounds.oneSheetPerSector(input);
			}
			RankingResult result = RubricRanking.rank(input);
			ties += result.ties().size();
			insufficient += (int) result.ranking()
				.stream()
				.filter((line) -> line.evidence() != null && !line.evidence().sufficient())
				.count();
			unknown += (result.uncertainty() != null && !result.uncertainty().known()) ? 1 : 0;
			rounds.add(ResultsExport.roundJson(published("R" + seed, input, result), null, Map.of()));
		}
		assertThat(ties).as("integer scores make some ties").isPositive();
		if (method == RankingMethod.RUBRIC_2) {
			assertThat(insufficient).as("proposals without sufficient evidence").isPositive();
			assertThat(unknown).as("rounds without any residual").isPositive();
		}
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("format", ResultsExport.FORMAT);
		root.put("rounds", rounds);
		Path file = dir.resolve("results.json");
		Files.writeString(file, ResultsExport.write(root));
		RecomputeScript.Run run = RecomputeScript.run(file, Duration.ofSeconds(300));
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("All 40 round(s) reproduced exactly.");
	}

	private static PublishedRound published(String id, RankingInput input, RankingResult result) {
		List<RubricCriterion> criteria = input.rubric()
			.criteria()
			.stream()
			.map((c) -> new RubricCriterion(c.id(), new LocalizedText(null, c.id()), LocalizedText.EMPTY, c.weight(),
					c.scaleMin(), c.scaleMax()))
			.toList();
		PublicVote vote = input.publicVote();
		RoundConfig config = new RoundConfig(criteria, input.evidenceRule().judgesPerProposal(),
				input.evidenceRule().sectorMinimums(), null, input.sectorWeights(), input.normalise(),
				(vote != null) ? VoteMode.QUADRATIC : VoteMode.NONE, (vote != null) ? vote.weight() : 0,
				RoundConfig.DEFAULT_VOTE_CREDITS, input.outstandingQuota(), null, input.bootstrapReplicates(),
				input.seed());
		List<String> topN = result.ranking()
			.stream()
			.filter(RankedProposal::inTopN)
			.map(RankedProposal::proposalId)
			.toList();
		return new PublishedRound(id, "H", new LocalizedText(null, id), RoundKind.REVIEW, config,
				input.outstandingQuota(), input.proposalIds(), input.sheets(),
				(vote != null) ? new PublishedRound.Vote(VoteMode.QUADRATIC, vote.weight(), 99, 0, vote.totals())
						: null,
				result, new Selection(topN, Selection.Kind.TOP_N, null, null, topN, "-", "-", java.time.Instant.EPOCH),
				"-");
	}

}
