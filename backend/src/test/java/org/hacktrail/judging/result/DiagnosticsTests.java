package org.hacktrail.judging.result;

import java.util.List;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizers' diagnostics over the API: every judge named with their figures,
 * agreement for the round and per sector, the criteria by gap; judges and the public are
 * refused.
 */
class DiagnosticsTests extends JudgingApiTestSupport {

	private static final String QUERY = """
			query($id: ID!) { roundDiagnostics(roundId: $id) {
			  round { id }
			  judges { judgeId judge { displayName } sector sheetCount meanTotal spread leniency treatment }
			  agreement { sector proposalCount sheetCount icc iccAverage level }
			  criteria { criterionId proposalCount meanGap }
			  divergentProposals { proposalId proposal { id } divergence
			    criteria { criterionId gap sectorMeans { sector mean } } } } }""";

	@Test
	void organizersSeeEveryJudgeTheAgreementAndTheGapsAndNobodyElseDoes() {
		Round round = scoredRound(false);
		String roundId = round.id();
		TestAccounts.Account first = round.judges().get(0);

		Http.GraphQlResult result = this.http.graphql(QUERY, Http.json().put("id", roundId), this.organizer.headers());
		JsonNode diagnostics = JudgingApi.ok(result, "roundDiagnostics");
		assertThat(diagnostics.path("round").path("id").asString()).isEqualTo(roundId);
		assertThat(diagnostics.path("judges")).hasSize(3);
		JsonNode privateJudge = null;
		for (JsonNode judge : diagnostics.path("judges")) {
			assertThat(judge.path("judgeId").asString()).startsWith("J-");
			assertThat(judge.path("sheetCount").asInt()).isEqualTo(3);
			assertThat(judge.path("treatment").asString()).isEqualTo("RAW");
			if (judge.path("sector").asString().equals("PRIVATE")) {
				privateJudge = judge;
			}
		}
		assertThat(privateJudge).isNotNull();
		assertThat(privateJudge.path("judge").path("displayName").asString()).isNotBlank();
		assertThat(privateJudge.path("spread").asDouble()).isZero();
		assertThat(privateJudge.path("leniency").asDouble()).as("the private judge scores highest").isPositive();

		JsonNode agreement = diagnostics.path("agreement");
		assertThat(agreement).hasSize(3);
		assertThat(agreement.get(0).path("sector").isNull()).isTrue();
		assertThat(agreement.get(0).path("proposalCount").asInt()).isEqualTo(3);
		assertThat(agreement.get(0).path("sheetCount").asInt()).isEqualTo(9);
		assertThat(agreement.get(1).path("sector").asString()).isEqualTo("PUBLIC");
		assertThat(agreement.get(1).path("level").asString()).isIn("GOOD", "EXCELLENT");
		assertThat(agreement.get(2).path("sector").asString()).isEqualTo("PRIVATE");
		assertThat(agreement.get(2).path("level").asString()).as("one private judge: nothing to agree with")
			.isEqualTo("UNKNOWN");
		assertThat(agreement.get(2).path("icc").isNull()).isTrue();

		assertThat(diagnostics.path("criteria").get(0).path("criterionId").asString()).isEqualTo("impact");
		assertThat(diagnostics.path("criteria").get(0).path("proposalCount").asInt()).isEqualTo(3);
		assertThat(diagnostics.path("criteria").get(1).path("meanGap").asDouble()).as("feasibility: all 6").isZero();

		assertThat(this.http.graphql(QUERY, Http.json().put("id", roundId), first.headers()).errorCode())
			.isEqualTo("FORBIDDEN");
		assertThat(this.http.graphql(QUERY, Http.json().put("id", roundId)).errorCode()).isEqualTo("UNAUTHENTICATED");
	}

	record Round(String id, List<TestAccounts.Account> judges) {
	}

	/**
	 * A FINAL round of three proposals: two public judges who mostly agree, and a private
	 * judge who gives every proposal 10 on impact (no spread), all sheets submitted.
	 */
	Round scoredRound(boolean normalise) {
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "FINAL");
		String roundId = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 3);
		this.api.shortlist(proposals);
		TestAccounts.Account first = this.accounts.user("diag-pub1-" + hackathon.slug());
		TestAccounts.Account second = this.accounts.user("diag-pub2-" + hackathon.slug());
		TestAccounts.Account lenient = this.accounts.user("diag-priv-" + hackathon.slug());
		this.api.judge(hackathon, first, "PUBLIC");
		this.api.judge(hackathon, second, "PUBLIC");
		this.api.judge(hackathon, lenient, "PRIVATE");
		this.api.configureOk(JudgingApi.roundInput(roundId, 3).put("cutSize", 1).put("normalise", normalise));
		this.api.assignOk(roundId, "8");
		this.api.statusOk(roundId, "OPEN", null);
		double[][] impact = { { 8, 4, 6 }, { 7, 3, 6 }, { 10, 10, 10 } };
		List<TestAccounts.Account> judges = List.of(first, second, lenient);
		for (int j = 0; j < 3; j++) {
			for (int p = 0; p < 3; p++) {
				this.api.score(roundId, proposals.get(p), impact[j][p], 6, judges.get(j));
			}
		}

		return new Round(roundId, judges);
	}

	@Test
	void aJudgeWithoutSpreadIsNamedInTheOpenCasesAndTheDiagnostics() {
		Round round = scoredRound(true);
		this.api.closeLeavingUnsubmittedOut(round.id());
		Http.GraphQlResult preview = this.http.graphql(
				"query($id: ID!) { publicationPreview(roundId: $id) { openCases { kind judgeId judge { displayName } } } }",
				Http.json().put("id", round.id()), this.organizer.headers());
		JsonNode noSpread = null;
		for (JsonNode open : JudgingApi.ok(preview, "publicationPreview").path("openCases")) {
			if (open.path("kind").asString().equals("NO_SPREAD")) {
				noSpread = open;
			}
		}
		assertThat(noSpread).as(preview.body().toString()).isNotNull();
		assertThat(noSpread.path("judge").path("displayName").asString())
			.isEqualTo(round.judges().get(2).user().displayName());
		JsonNode diagnostics = JudgingApi.ok(
				this.http.graphql(QUERY, Http.json().put("id", round.id()), this.organizer.headers()),
				"roundDiagnostics");
		assertThat(diagnostics.path("judges").toString()).contains("NO_SPREAD", "Z_SCORE");
	}

}
