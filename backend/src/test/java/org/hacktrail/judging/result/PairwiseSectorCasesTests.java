package org.hacktrail.judging.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.pairwise.Comparison;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwisePriors;
import org.hacktrail.judging.pairwise.SectorPairwiseInput;
import org.hacktrail.judging.pairwise.SectorPairwiseResult;
import org.hacktrail.judging.pairwise.SectorRanking;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingResult;
import org.junit.jupiter.api.Test;

/**
 * A round ranked by sector (hacktrail-pairwise-2) shown as every round's ranking: its
 * lines carry the sector scores, divergence and missing sectors, so the open cases
 * DIVERGENT_SECTORS and MISSING_SECTORS are raised as in a rubric round.
 */
class PairwiseSectorCasesTests {

	@Test
	void sectorsThatDisagreeAndASectorThatNeverComparedAreOpenCases() {
		// PUBLIC judges put A first every time, PRIVATE judges last; they agree on B, C,
		// D. E is compared by PUBLIC judges only.
		List<Comparison> comparisons = new ArrayList<>();
		Map<String, Sector> sectors = new HashMap<>();
		String[][] pairs = { { "A", "B" }, { "A", "C" }, { "A", "D" }, { "B", "C" }, { "C", "D" }, { "B", "D" } };
		int sequence = 0;
		for (Sector sector : new Sector[] { Sector.PUBLIC, Sector.PRIVATE }) {
			for (int j = 1; j <= 4; j++) {
				for (String[] pair : pairs) {
					boolean firstWins = !pair[0].equals("A") || sector == Sector.PUBLIC;
					String id = "c" + (++sequence);
					comparisons.add(new Comparison(id, sector.name() + j, firstWins ? pair[0] : pair[1],
							firstWins ? pair[1] : pair[0], sequence));
					sectors.put(id, sector);
				}
			}
		}
		for (int j = 1; j <= 3; j++) {
			String id = "e" + j;
			comparisons.add(new Comparison(id, "PUBLIC" + j, "E", "D", ++sequence));
			sectors.put(id, Sector.PUBLIC);
		}
		PairwiseInput input = new PairwiseInput(List.of("A", "B", "C", "D", "E"), comparisons, PairwisePriors.gavel(),
				2, 3, 200, 11);
		SectorPairwiseResult result = SectorRanking
			.rank(new SectorPairwiseInput(input, sectors, Map.of(Sector.PUBLIC, 0.5, Sector.PRIVATE, 0.5)));

		RankingResult shown = PairwiseRankings.asRankingResult(input, result.combined(), PairwiseRankingsTests.CONFIG,
				result);
		RankedProposal a = shown.ranking().stream().filter((l) -> l.proposalId().equals("A")).findFirst().orElseThrow();
		assertThat(a.divergent()).isTrue();
		assertThat(a.divergence()).isGreaterThan(2.0);
		assertThat(a.sectorScores()).extracting((s) -> s.sector()).containsExactly(Sector.PUBLIC, Sector.PRIVATE);
		assertThat(a.sectorScores().get(0).sheetCount()).isEqualTo(12);
		RankedProposal e = shown.ranking().stream().filter((l) -> l.proposalId().equals("E")).findFirst().orElseThrow();
		assertThat(e.missingSectors()).containsExactly(Sector.PRIVATE);
		assertThat(e.evidence().sufficient()).isFalse();
		assertThat(e.inTopN()).isFalse();

		List<OpenCase> cases = OpenCases.of(shown, 2, null, Map.of());
		List<OpenCase> divergent = cases.stream().filter((c) -> c.kind() == OpenCase.Kind.DIVERGENT_SECTORS).toList();
		assertThat(divergent).extracting(OpenCase::proposalIds).containsExactly(List.of("A"));
		assertThat(divergent.get(0).message()).contains("above 2");
		assertThat(cases.stream().filter((c) -> c.kind() == OpenCase.Kind.MISSING_SECTORS))
			.extracting(OpenCase::proposalIds)
			.containsExactly(List.of("E"));
		assertThat(cases.stream().filter((c) -> c.kind() == OpenCase.Kind.INSUFFICIENT_EVIDENCE))
			.extracting(OpenCase::proposalIds)
			.contains(List.of("E"));
	}

}
