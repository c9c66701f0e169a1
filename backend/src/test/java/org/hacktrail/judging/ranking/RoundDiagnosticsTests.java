package org.hacktrail.judging.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.JudgeSummary.Treatment;
import org.hacktrail.judging.ranking.RoundDiagnostics.Agreement;
import org.hacktrail.judging.ranking.RoundDiagnostics.CriterionGap;
import org.hacktrail.judging.ranking.RoundDiagnostics.JudgeDiagnostic;
import org.hacktrail.judging.ranking.RoundDiagnostics.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hacktrail.judging.Sector.PRIVATE;
import static org.hacktrail.judging.Sector.PUBLIC;

/**
 * The organizers' diagnostics: the intraclass correlation against a hand computation,
 * leniency, what a judge without spread is shown as, and the gaps between sectors per
 * criterion.
 */
class RoundDiagnosticsTests {

	private static final Rubric SINGLE = Rubric.uniform(0, 10, Map.of("overall", 1.0));

	private static final Rubric TWO = Rubric.uniform(0, 10, Map.of("impact", 1.0, "feasibility", 1.0));

	private static SubmittedSheet sheet(String judge, Sector sector, String proposal, double overall) {
		return new SubmittedSheet(judge, sector, proposal, Map.of("overall", overall));
	}

	private static RankingInput input(Rubric rubric, List<SubmittedSheet> sheets, boolean normalise) {
		return RankingInput.builder(rubric, 7)
			.proposals(sheets.stream().map(SubmittedSheet::proposalId).distinct().sorted().toList())
			.sheets(sheets)
			.normalise(normalise)
			.outstandingQuota(1)
			.build();
	}

	private static RoundDiagnostics diagnose(RankingInput input) {
		return RoundDiagnostics.of(input, RubricRanking.rank(input));
	}

	@Test
	void agreementIsTheOneWayIntraclassCorrelationOfAHandComputation() {
		// A: 8, 6; B: 4, 2; C: 6, 6 (normalisation off, n = r). Grand mean 16/3; group
		// means 7, 3, 6.
		// MSB = 2 · ((7 − 16/3)² + (3 − 16/3)² + (6 − 16/3)²) / 2 = 26/3; MSW = 4 / 3; n₀
		// = 2.
		// ICC(1) = (26/3 − 4/3) / (26/3 + 4/3) = 11/15; ICC(1,k) = (22/3) / (26/3) =
		// 11/13.
		RoundDiagnostics diagnostics = diagnose(
				input(SINGLE,
						List.of(sheet("p1", PUBLIC, "A", 8), sheet("p2", PUBLIC, "A", 6), sheet("p1", PUBLIC, "B", 4),
								sheet("p2", PUBLIC, "B", 2), sheet("p1", PUBLIC, "C", 6), sheet("p2", PUBLIC, "C", 6)),
						false));

		Agreement round = diagnostics.agreement().get(0);
		assertThat(round.sector()).isNull();
		assertThat(round.proposalCount()).isEqualTo(3);
		assertThat(round.sheetCount()).isEqualTo(6);
		assertThat(round.icc()).isCloseTo(11.0 / 15, within(1e-12));
		assertThat(round.iccAverage()).isCloseTo(11.0 / 13, within(1e-12));
		assertThat(round.level()).isEqualTo(Level.MODERATE);
		assertThat(diagnostics.agreement()).extracting(Agreement::sector).containsExactly(null, PUBLIC);
		assertThat(diagnostics.agreement().get(1).icc()).isEqualTo(round.icc());
	}

	@Test
	void agreementIsUnknownWithFewerThanThreeProposalsScoredTwiceAndCanFallBelowZero() {
		// Every proposal has one public and one private sheet: the sectors have no
		// proposal scored twice.
		RoundDiagnostics oneEach = diagnose(input(SINGLE, List.of(sheet("p1", PUBLIC, "A", 8),
				sheet("q1", PRIVATE, "A", 6), sheet("p1", PUBLIC, "B", 4), sheet("q1", PRIVATE, "B", 2)), false));
		assertThat(oneEach.agreement()).extracting(Agreement::sector).containsExactly(null, PUBLIC, PRIVATE);
		assertThat(oneEach.agreement()).extracting(Agreement::level).containsOnly(Level.UNKNOWN);
		assertThat(oneEach.agreement()).extracting(Agreement::icc).containsOnlyNulls();
		assertThat(oneEach.agreement().get(1).proposalCount()).isZero();

		// Two judges who rank three proposals in opposite orders: more variation within a
		// proposal than between them.
		RoundDiagnostics opposite = diagnose(
				input(SINGLE,
						List.of(sheet("p1", PUBLIC, "A", 9), sheet("p2", PUBLIC, "A", 1), sheet("p1", PUBLIC, "B", 5),
								sheet("p2", PUBLIC, "B", 5), sheet("p1", PUBLIC, "C", 1), sheet("p2", PUBLIC, "C", 9)),
						false));
		// All proposal means are 5 (MSB = 0): ICC(1) = −1 / (n₀ − 1) = −1, ICC(1,k)
		// undefined.
		assertThat(opposite.agreement().get(0).icc()).isEqualTo(-1.0);
		assertThat(opposite.agreement().get(0).iccAverage()).isNull();
		assertThat(opposite.agreement().get(0).level()).isEqualTo(Level.POOR);
	}

	@Test
	void withNormalisationAJudgesConstantLeniencyChangesTheLeniencyFigureButNotTheAgreement() {
		List<SubmittedSheet> sheets = List.of(sheet("p1", PUBLIC, "A", 8), sheet("p2", PUBLIC, "A", 6),
				sheet("p3", PUBLIC, "A", 7), sheet("p1", PUBLIC, "B", 4), sheet("p2", PUBLIC, "B", 2),
				sheet("p3", PUBLIC, "B", 5), sheet("p1", PUBLIC, "C", 6), sheet("p2", PUBLIC, "C", 5),
				sheet("p3", PUBLIC, "C", 4));
		List<SubmittedSheet> lenient = new ArrayList<>();
		for (SubmittedSheet sheet : sheets) {
			double shift = sheet.judgeId().equals("p2") ? 2 : 0;
			lenient.add(sheet(sheet.judgeId(), PUBLIC, sheet.proposalId(), sheet.scores().get("overall") + shift));
		}
		RoundDiagnostics before = diagnose(input(SINGLE, sheets, true));
		RoundDiagnostics after = diagnose(input(SINGLE, lenient, true));

		assertThat(after.agreement().get(0).icc()).isCloseTo(before.agreement().get(0).icc(), within(1e-9));
		assertThat(leniency(before, "p2")).isNegative();
		assertThat(leniency(after, "p2")).isPositive();
		assertThat(leniency(after, "p2")).isGreaterThan(leniency(after, "p1"));
	}

	@Test
	void aJudgeWhoGaveEveryProposalTheSameTotalIsShownAsNoSpread() {
		RoundDiagnostics diagnostics = diagnose(input(SINGLE,
				List.of(sheet("same", PUBLIC, "A", 7), sheet("same", PUBLIC, "B", 7), sheet("same", PUBLIC, "C", 7),
						sheet("p1", PUBLIC, "A", 9), sheet("p1", PUBLIC, "B", 5), sheet("p1", PUBLIC, "C", 2)),
				true));
		JudgeDiagnostic same = judge(diagnostics, "same");
		assertThat(same.treatment()).isEqualTo(Treatment.NO_SPREAD);
		assertThat(same.spread()).isZero();
		assertThat(same.meanTotal()).isEqualTo(7.0);
		assertThat(same.sheetCount()).isEqualTo(3);
		assertThat(judge(diagnostics, "p1").treatment()).isEqualTo(Treatment.Z_SCORE);
	}

	@Test
	void theCriteriaWhereTheSectorsDisagreeMostComeFirstAndDivergentProposalsNameTheirs() {
		// A: impact 8 vs 2 (gap 0.6), feasibility 5 vs 5; B: impact 6 vs 6, feasibility
		// 4 vs 8 (gap 0.4); C is scored by one sector only and has no gap.
		RoundDiagnostics diagnostics = diagnose(input(TWO,
				List.of(new SubmittedSheet("p1", PUBLIC, "A", Map.of("impact", 8.0, "feasibility", 5.0)),
						new SubmittedSheet("q1", PRIVATE, "A", Map.of("impact", 2.0, "feasibility", 5.0)),
						new SubmittedSheet("p1", PUBLIC, "B", Map.of("impact", 6.0, "feasibility", 4.0)),
						new SubmittedSheet("q1", PRIVATE, "B", Map.of("impact", 6.0, "feasibility", 8.0)),
						new SubmittedSheet("p1", PUBLIC, "C", Map.of("impact", 5.0, "feasibility", 5.0))),
				false));

		assertThat(diagnostics.criteria()).extracting(CriterionGap::criterionId)
			.containsExactly("impact", "feasibility");
		assertThat(diagnostics.criteria()).extracting(CriterionGap::proposalCount).containsExactly(2, 2);
		assertThat(diagnostics.criteria().get(0).meanGap()).isCloseTo(0.3, within(1e-12));
		assertThat(diagnostics.criteria().get(1).meanGap()).isCloseTo(0.2, within(1e-12));

		// Totals A 6.5 vs 3.5, B 5 vs 7: both divergent (σ_n ≈ 1.24), A the more.
		assertThat(diagnostics.divergentProposals()).extracting(RoundDiagnostics.DivergentProposal::proposalId)
			.containsExactly("A", "B");
		RoundDiagnostics.ProposalCriterionGap first = diagnostics.divergentProposals().get(0).criteria().get(0);
		assertThat(first.criterionId()).isEqualTo("impact");
		assertThat(first.gap()).isCloseTo(0.6, within(1e-12));
		assertThat(first.sectorMeans()).isEqualTo(Map.of(PUBLIC, 8.0, PRIVATE, 2.0));
		assertThat(diagnostics.divergentProposals().get(1).criteria().get(0).criterionId()).isEqualTo("feasibility");
	}

	private static JudgeDiagnostic judge(RoundDiagnostics diagnostics, String id) {
		return diagnostics.judges().stream().filter((judge) -> judge.judgeId().equals(id)).findFirst().orElseThrow();
	}

	private static double leniency(RoundDiagnostics diagnostics, String id) {
		Double leniency = judge(diagnostics, id).leniency();
		assertThat(leniency).as("leniency of %s", id).isNotNull();
		return leniency;
	}

}
