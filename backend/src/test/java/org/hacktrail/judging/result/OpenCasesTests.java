package org.hacktrail.judging.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.EvidenceCoverage;
import org.hacktrail.judging.ranking.JudgeSummary;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.RoundSummary;
import org.hacktrail.judging.ranking.TieGroup;
import org.hacktrail.judging.ranking.Uncertainty;
import org.hacktrail.judging.ranking.UnrankedProposal;
import org.hacktrail.judging.round.Selection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of open case is read from what the ranking reports, in the order of the
 * kinds, and only a tie at the cut can be resolved by the selection.
 */
class OpenCasesTests {

	private static final RoundSummary SUMMARY = new RoundSummary(4, 3, 6, 3, 10, 2, 2, true,
			Map.of(Sector.PUBLIC, 0.5, Sector.PRIVATE, 0.5), null, 2, 1000, 7);

	@Test
	void eachIndicatorOfTheRankingIsOneKindOfOpenCase() {
		RankingResult result = new RankingResult("v", SUMMARY,
				List.of(line("a", 1, false, false, List.of()), line("b", 2, true, false, List.of()),
						line("c", 2, false, true, List.of(Sector.PRIVATE))),
				List.of(new TieGroup(2, List.of("b", "c"), true), new TieGroup(9, List.of("x", "y"), false)),
				List.of(new UnrankedProposal("d", "no submitted sheet", UnrankedProposal.Code.NO_SUBMITTED_SHEETS,
						List.of())),
				List.of(new JudgeSummary("J-1", Sector.PUBLIC, 3, 10, 0, JudgeSummary.Treatment.NO_SPREAD),
						new JudgeSummary("J-2", Sector.PRIVATE, 3, 10, 2, JudgeSummary.Treatment.Z_SCORE)),
				List.of(), null);
		List<OpenCase> cases = OpenCases.of(result, 2, null,
				Map.of("J-1", new OpenCases.JudgeName("h:u1", "Ann Judge")));
		assertThat(cases).extracting(OpenCase::kind)
			.containsExactly(OpenCase.Kind.TIE_AT_CUT, OpenCase.Kind.STRADDLES_CUT, OpenCase.Kind.DIVERGENT_SECTORS,
					OpenCase.Kind.MISSING_SECTORS, OpenCase.Kind.NO_SPREAD, OpenCase.Kind.UNRANKED);
		assertThat(cases.get(0).proposalIds()).containsExactly("b", "c");
		assertThat(cases.get(1).proposalIds()).containsExactly("b");
		assertThat(cases.get(2).proposalIds()).containsExactly("c");
		assertThat(cases.get(3).message()).contains("PRIVATE");
		assertThat(cases.get(4).judgeId()).isEqualTo("h:u1");
		assertThat(cases.get(4).message()).contains("Ann Judge");
		assertThat(cases.get(5).message()).contains("no submitted sheet");
		assertThat(OpenCases.unresolved(cases)).hasSize(6);

		Selection tieResolved = new Selection(List.of("a", "b"), Selection.Kind.TIE_RESOLVED, null,
				"The partner agency is ready for the second one.", List.of("a", "b", "c"), "f", "u", Instant.EPOCH);
		List<OpenCase> afterSelection = OpenCases.of(result, 2, tieResolved, Map.of());
		assertThat(afterSelection.get(0).resolved()).isTrue();
		assertThat(OpenCases.unresolved(afterSelection)).extracting(OpenCase::kind)
			.doesNotContain(OpenCase.Kind.TIE_AT_CUT)
			.hasSize(5);
		assertThat(afterSelection.get(4).message()).as("a judge not named is shown by pseudonym").contains("J-1");
	}

	@Test
	void aProposalShortOfEvidenceAndARoundWithoutAMeasuredSpreadAreOpenCases() {
		EvidenceCoverage short1 = new EvidenceCoverage(1, 3,
				List.of(new EvidenceCoverage.SectorCoverage(Sector.PUBLIC, 1, 1),
						new EvidenceCoverage.SectorCoverage(Sector.PRIVATE, 0, 1)),
				false);
		EvidenceCoverage enough = new EvidenceCoverage(3, 3, List.of(), true);
		RankedProposal shortLine = new RankedProposal("a", 1, 9, List.of(), null, null, List.of(), 0.2, false, false,
				false, null, null, null, null, null, null, short1);
		RankedProposal fullLine = new RankedProposal("b", 2, 8, List.of(), null, null, List.of(), 0.2, false, false,
				true, null, null, null, null, null, null, enough);
		RankingResult result = new RankingResult("hacktrail-rubric-2", SUMMARY, List.of(shortLine, fullLine), List.of(),
				List.of(), List.of(), List.of(), new Uncertainty(false, 2, 0.19, List.of()));
		List<OpenCase> cases = OpenCases.of(result, 1, null, Map.of());
		assertThat(cases).extracting(OpenCase::kind)
			.containsExactly(OpenCase.Kind.INSUFFICIENT_EVIDENCE, OpenCase.Kind.UNKNOWN_UNCERTAINTY);
		assertThat(cases.get(0).proposalIds()).containsExactly("a");
		assertThat(cases.get(0).message()).contains("1 of the 3 sheets").contains("PRIVATE 0 of 1");
		assertThat(cases.get(1).message()).contains("Only 2 differences");
		assertThat(OpenCases.unresolved(cases)).hasSize(2);
	}

	private static RankedProposal line(String id, int rank, boolean straddles, boolean divergent,
			List<Sector> missing) {
		return new RankedProposal(id, rank, 10 - rank, List.of(), null, null, missing, divergent ? 1.4 : 0.2, divergent,
				false, rank <= 2, rank, rank + 1, rank, rank + 1, 0.5, straddles, null);
	}

}
