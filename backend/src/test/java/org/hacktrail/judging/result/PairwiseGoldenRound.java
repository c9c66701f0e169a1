package org.hacktrail.judging.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.assignment.AssignmentRequest;
import org.hacktrail.judging.expo.ExpoEvidence;
import org.hacktrail.judging.expo.ExpoSkipReason;
import org.hacktrail.judging.pairwise.Comparison;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwisePriors;
import org.hacktrail.judging.pairwise.PairwiseRanking;
import org.hacktrail.judging.pairwise.PairwiseResult;
import org.hacktrail.judging.ranking.RankingInput;
import org.hacktrail.judging.round.ExpoTable;
import org.hacktrail.judging.round.RoundConfig;
import org.hacktrail.judging.round.RoundMethod;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.judging.round.VoteMode;

/**
 * The PAIRWISE round of {@code results.golden.json}: five candidates at tables in a row
 * (one with coordinates), three judges walking them, eleven comparisons, a team absent
 * and a conflict (in the snapshot; the file leaves the conflict skip out and counts one
 * skip), P5 in only two comparisons (insufficient evidence, never in the top N), N = 2, B
 * = 60 and the selection of the top two.
 */
final class PairwiseGoldenRound {

	static final Instant START = Instant.parse("2026-05-08T06:00:00Z");

	private PairwiseGoldenRound() {
	}

	static PublishedRound expo() {
		String[] judges = { "J-0a1b2c3d4e5f6071", "J-2c3d4e5f60718293", "J-5f60718293041526" };
		// judge, current, previous, winner (true: current)
		Object[][] answers = { { 0, "P2", "P1", false }, { 0, "P3", "P2", true }, { 0, "P4", "P3", false },
				{ 0, "P5", "P4", false }, { 1, "P1", "P3", true }, { 1, "P2", "P1", false }, { 1, "P4", "P2", true },
				{ 2, "P1", "P4", true }, { 2, "P3", "P1", false }, { 2, "P2", "P3", false }, { 2, "P5", "P2", true } };
		List<ExpoEvidence.PublicComparison> comparisons = new ArrayList<>();
		List<Comparison> input = new ArrayList<>();
		int[] counts = new int[judges.length];
		for (int i = 0; i < answers.length; i++) {
			int j = (int) answers[i][0];
			String current = (String) answers[i][1];
			String previous = (String) answers[i][2];
			boolean currentWins = (boolean) answers[i][3];
			String winner = currentWins ? current : previous;
			String loser = currentWins ? previous : current;
			Instant at = START.plusSeconds(90L * i);
			long sequence = at.getEpochSecond() * 1_000_000L + 17 * i;
			String id = String.format("C-%06d", i + 1);
			comparisons
				.add(new ExpoEvidence.PublicComparison(id, judges[j], current, previous, winner, loser, at, sequence));
			input.add(new Comparison(id, judges[j], winner, loser, sequence));
			counts[j]++;
		}
		List<String> candidates = List.of("P1", "P2", "P3", "P4", "P5");
		PairwiseInput pairwise = new PairwiseInput(candidates, input, PairwisePriors.gavel(), 2,
				PairwiseInput.DEFAULT_MINIMUM_COMPARISONS, 60, 2026);
		PairwiseResult result = PairwiseRanking.rank(pairwise);
		List<ExpoTable> tables = List.of(new ExpoTable("P1", "Table 1", 1, null, null),
				new ExpoTable("P2", "Table 2", 2, null, null), new ExpoTable("P3", "桌 3", 3, null, null),
				new ExpoTable("P4", "Room 201", null, 12.5, -3.0), new ExpoTable("P5", "Table 5", 5, null, null));
		List<ExpoEvidence.PublicSkip> skips = List.of(
				new ExpoEvidence.PublicSkip(judges[1], "P5", ExpoSkipReason.ABSENT, START.plusSeconds(700)),
				new ExpoEvidence.PublicSkip(judges[1], "P3", ExpoSkipReason.CONFLICT, START.plusSeconds(800)));
		List<ExpoEvidence.PublicJudge> judgeList = List.of(
				new ExpoEvidence.PublicJudge(judges[0], Sector.PUBLIC, counts[0], 0),
				new ExpoEvidence.PublicJudge(judges[1], Sector.PRIVATE, counts[1], 2),
				new ExpoEvidence.PublicJudge(judges[2], Sector.ACADEMIC, counts[2], 0));
		ExpoEvidence evidence = new ExpoEvidence(PairwisePriors.gavel(), PairwiseInput.DEFAULT_MINIMUM_COMPARISONS,
				tables, judgeList, comparisons, skips, 3, result);
		RoundConfig config = new RoundConfig(List.of(), 3, AssignmentRequest.defaultSectorMinimums(), null,
				RankingInput.defaultSectorWeights(), true, VoteMode.NONE, 0, RoundConfig.DEFAULT_VOTE_CREDITS, 2, null,
				60, 2026, null, RoundMethod.PAIRWISE, tables);
		var ranking = PairwiseRankings.asRankingResult(pairwise, result, config);
		List<String> topN = ranking.ranking().stream().filter((l) -> l.inTopN()).map((l) -> l.proposalId()).toList();
		Selection selection = new Selection(topN, Selection.Kind.TOP_N, null, null, topN, "fingerprint-expo",
				"organizer", Instant.parse("2026-05-08T09:00:00Z"));
		return new PublishedRound("R-expo", "H-1", new LocalizedText("成果展評審", "Demo day expo"), RoundKind.REVIEW,
				config, 2, candidates, List.of(), null, ranking, selection, "fingerprint-expo", evidence);
	}

}
