package org.hacktrail.judging.result;

import java.util.List;
import java.util.Map;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.JudgeSummary;
import org.hacktrail.judging.ranking.RoundDiagnostics;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.GraphQlSlice;
import org.hacktrail.proposal.ProposalLookup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.BDDMockito.given;

/**
 * The roundDiagnostics contract in a {@code @GraphQlTest} slice: the controller and the
 * schema alone, the service mocked — how the diagnostics' figures, nulls and enums reach
 * a client, and how a refusal does, without starting the service.
 */
@GraphQlTest(RankingController.class)
@Import(GraphQlSlice.class)
class RoundDiagnosticsGraphQlTests {

	@Autowired
	GraphQlTester graphQl;

	@MockitoBean
	DiagnosticsService diagnostics;

	@MockitoBean
	PublicationService publication;

	@MockitoBean
	RoundService rounds;

	@MockitoBean
	ProposalLookup proposals;

	@Test
	void unknownAgreementIsNullWithItsLevelAndAJudgeWithoutPanelRecordKeepsItsPseudonym() {
		RoundDiagnostics result = new RoundDiagnostics(
				List.of(new RoundDiagnostics.JudgeDiagnostic("J-1", Sector.PUBLIC, 3, 7.0, 0.0, null,
						JudgeSummary.Treatment.NO_SPREAD)),
				List.of(new RoundDiagnostics.Agreement(null, 1, 2, null, null, RoundDiagnostics.Level.UNKNOWN),
						new RoundDiagnostics.Agreement(Sector.PUBLIC, 4, 8, 0.62, 0.77,
								RoundDiagnostics.Level.MODERATE)),
				List.of(new RoundDiagnostics.CriterionGap("impact", 0, null)), List.of());
		given(this.diagnostics.diagnostics("r1"))
			.willReturn(new DiagnosticsService.DiagnosticsView(null, result, Map.of()));

		this.graphQl.document("""
				{ roundDiagnostics(roundId: "r1") {
				    judges { judgeId judge { displayName } sector sheetCount spread leniency treatment }
				    agreement { sector proposalCount icc iccAverage level }
				    criteria { criterionId proposalCount meanGap } divergentProposals { proposalId } } }""")
			.execute()
			.path("roundDiagnostics.judges[0].judgeId")
			.entity(String.class)
			.isEqualTo("J-1")
			.path("roundDiagnostics.judges[0].judge")
			.valueIsNull()
			.path("roundDiagnostics.judges[0].leniency")
			.valueIsNull()
			.path("roundDiagnostics.judges[0].treatment")
			.entity(String.class)
			.isEqualTo("NO_SPREAD")
			.path("roundDiagnostics.agreement[0].sector")
			.valueIsNull()
			.path("roundDiagnostics.agreement[0].icc")
			.valueIsNull()
			.path("roundDiagnostics.agreement[0].level")
			.entity(String.class)
			.isEqualTo("UNKNOWN")
			.path("roundDiagnostics.agreement[1].icc")
			.entity(Double.class)
			.isEqualTo(0.62)
			.path("roundDiagnostics.criteria[0].meanGap")
			.valueIsNull()
			.path("roundDiagnostics.divergentProposals")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void aRefusalReachesTheClientAsItsCode() {
		given(this.diagnostics.diagnostics("r1")).willThrow(DomainException.forbidden("Only organizers can do this."));
		this.graphQl.document("{ roundDiagnostics(roundId: \"r1\") { judges { judgeId } } }")
			.execute()
			.errors()
			.expect((error) -> "FORBIDDEN".equals(error.getExtensions().get("code"))
					|| "FORBIDDEN".equals(String.valueOf(error.getErrorType())))
			.verify();
	}

}
