package org.hacktrail.judging.result;

import java.util.List;

import org.hacktrail.judging.pairwise.JudgeReliability;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwisePriors;
import org.hacktrail.judging.pairwise.PairwiseResult;
import org.hacktrail.judging.pairwise.RankedCandidate;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.TieGroup;
import org.hacktrail.judging.round.RoundConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pairwise ranking shown as every round's ranking: lines keep the method's numbers, the
 * evidence is comparisons against m, and a tie is across the cut only when the cut runs
 * through its members with sufficient evidence.
 */
class PairwiseRankingsTests {

	static final RoundConfig CONFIG = new RoundConfig(List.of(), 3, java.util.Map.of(), null, java.util.Map.of(), true,
			org.hacktrail.judging.round.VoteMode.NONE, 0, 99, 2, null, 100, 7);

	static final PairwiseInput INPUT = new PairwiseInput(List.of("A", "B", "C", "D"), List.of(), PairwisePriors.gavel(),
			2, 3, 100, 7);

	@Test
	void linesKeepTheMethodsNumbersAndEvidenceIsComparisonsAgainstM() {
		RankingResult shown = PairwiseRankings.asRankingResult(INPUT, result(true, true), CONFIG);
		RankedProposal a = shown.ranking().get(0);
		assertThat(a.proposalId()).isEqualTo("A");
		assertThat(a.finalScore()).isEqualTo(1.5);
		assertThat(a.rankLow()).isEqualTo(1);
		assertThat(a.rankHigh()).isEqualTo(3);
		assertThat(a.probabilityTopN()).isEqualTo(0.8);
		assertThat(a.straddlesCut()).isTrue();
		assertThat(a.evidence().sheetCount()).isEqualTo(5);
		assertThat(a.evidence().sheetsRequired()).isEqualTo(3);
		assertThat(a.sectorScores()).isEmpty();
		assertThat(a.divergence()).isNull();
		assertThat(shown.algorithmVersion()).isEqualTo("hacktrail-pairwise-1");
		assertThat(shown.round().sheetCount()).as("comparisons counted").isEqualTo(9);
		assertThat(shown.round().bootstrapReplicates()).isEqualTo(100);
		assertThat(shown.unranked()).isEmpty();
	}

	@Test
	void aTieIsAcrossTheCutOnlyThroughMembersWithSufficientEvidence() {
		// B and C share rank 2 with N = 2: across the cut when both have sufficient
		// evidence, not when C lacks it (only B counts for the cut).
		assertThat(PairwiseRankings.asRankingResult(INPUT, result(true, true), CONFIG).ties())
			.containsExactly(new TieGroup(2, List.of("B", "C"), true));
		assertThat(PairwiseRankings.asRankingResult(INPUT, result(true, false), CONFIG).ties())
			.containsExactly(new TieGroup(2, List.of("B", "C"), false));
	}

	private static PairwiseResult result(boolean bSufficient, boolean cSufficient) {
		return new PairwiseResult("hacktrail-pairwise-1",
				List.of(line("A", 1, 1.5, true, false), line("B", 2, 0.5, bSufficient, true),
						line("C", 2, 0.5, cSufficient, true), line("D", 4, -1, true, false)),
				List.of(new JudgeReliability("J-1", 12, 1, 9)), 9, 0);
	}

	private static RankedCandidate line(String id, int rank, double score, boolean sufficient, boolean tied) {
		return new RankedCandidate(id, rank, score, 0.4, sufficient ? 5 : 2, sufficient, tied, sufficient && rank <= 2,
				1, 3, 1, 3, 0.8, true);
	}

}
