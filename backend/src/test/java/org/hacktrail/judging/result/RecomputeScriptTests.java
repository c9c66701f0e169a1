package org.hacktrail.judging.result;

import java.time.Duration;
import org.hacktrail.judging.RecomputeScript;
import org.hacktrail.judging.RecomputeScript.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.Criterion;
import org.hacktrail.judging.ranking.EvidenceRule;
import org.hacktrail.judging.ranking.PublicVote;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingInput;
import org.hacktrail.judging.ranking.RankingMethod;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.Rubric;
import org.hacktrail.judging.ranking.RubricRanking;
import org.hacktrail.judging.ranking.SubmittedSheet;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data is enough to recompute a published ranking outside Hacktrail:
 * {@code scripts/recompute-ranking} (Python standard library only) reproduces it exactly
 * from {@code results.json}, and notices a changed sheet; the Java method, fed back the
 * exported numbers, gives the identical ranking too (the JSON numbers round-trip).
 *
 * <p>
 * The published round exercises every part of the method: normalisation on with a judge
 * who scores everything alike, three sectors with judges and a weighted one without, a
 * quadratic public vote, a proposal without submitted sheets, and an override. It is
 * ranked, as every new round, with method hacktrail-rubric-2.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecomputeScriptTests {

	static final Path SCRIPT = RecomputeScript.SCRIPT;

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	String json;

	@BeforeAll
	void publishARichRound() {
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		TestAccounts.Account organizer = accounts.organizer();
		Http http = Http.localhost(this.port);
		JudgingApi api = new JudgingApi(http, organizer);
		JudgingApi.Hackathon hackathon = api.hackathon("OTHER", "JUDGING", "REVIEW");
		String roundId = hackathon.roundIds().get(0);
		List<String> proposals = api.proposals(hackathon, 8);
		List<TestAccounts.Account> judges = new ArrayList<>();
		String[] sectors = { "PUBLIC", "PUBLIC", "PRIVATE", "PRIVATE", "ACADEMIC", "ACADEMIC" };
		for (int i = 0; i < sectors.length; i++) {
			TestAccounts.Account judge = accounts.user("recompute-" + i + "-" + hackathon.slug());
			api.judge(hackathon, judge, sectors[i]);
			judges.add(judge);
		}
		// k = 4 of 6 judges: some sectors have two judges on a proposal, so the bootstrap
		// has something to resample.
		ObjectNode input = JudgingApi.roundInput(roundId, 4).put("cutSize", 3);
		input.putArray("sectorWeights")
			.add(Http.json().put("sector", "PUBLIC").put("weight", 0.4))
			.add(Http.json().put("sector", "PRIVATE").put("weight", 0.4))
			.add(Http.json().put("sector", "ACADEMIC").put("weight", 0.2))
			.add(Http.json().put("sector", "CIVIL_SOCIETY").put("weight", 0.1));
		input.putObject("publicVote").put("mode", "QUADRATIC").put("weight", 0.15);
		input.put("bootstrapReplicates", 300).put("seed", "18446744073709551557");
		api.configureOk(input);
		api.assignOk(roundId, "2026");
		api.statusOk(roundId, "OPEN", null);
		Random random = new Random(7);
		String unscored = proposals.get(7);
		for (int j = 0; j < judges.size(); j++) {
			for (String proposal : api.assigned(roundId, judges.get(j))) {
				if (proposal.equals(unscored)) {
					api.save(JudgingApi.sheetInput(roundId, proposal, 5.0, null, null), judges.get(j));
					continue;
				}
				// Judge 0 scores everything alike (no spread information); the others on
				// a 0.1 grid.
				double impact = (j == 0) ? 6 : Math.round(random.nextDouble() * 100) / 10.0;
				double feasibility = (j == 0) ? 6 : Math.round(random.nextDouble() * 100) / 10.0;
				api.score(roundId, proposal, impact, feasibility, judges.get(j));
			}
		}
		for (int v = 0; v < 4; v++) {
			ObjectNode ballot = Http.json();
			var votes = ballot.putObject("i").put("roundId", roundId).putArray("votes");
			votes.addObject().put("proposalId", proposals.get(v)).put("votes", 1 + v);
			votes.addObject().put("proposalId", proposals.get(6)).put("votes", 3);
			JudgingApi.ok(http.graphql("mutation($i: CastBallotInput!) { castBallot(input: $i) { ballot { id } } }",
					ballot, accounts.user("recompute-voter-" + v).headers()), "castBallot");
		}
		api.closeLeavingUnsubmittedOut(roundId);
		JsonNode ranking = JudgingApi.ok(api.ranking(roundId, organizer), "roundRanking");
		// Why the proposal left without sheets is not ranked, as a code for the panel
		// (#17).
		assertThat(ranking.path("unranked").findValuesAsString("reasonCode")).containsExactly("NO_SUBMITTED_SHEETS");
		assertThat(ranking.path("unranked").get(0).path("reasonArgs")).isEmpty();
		assertThat(ranking.path("unranked").get(0).path("reason").asString()).isEqualTo("no submitted sheets");
		String last = ranking.path("lines").get(ranking.path("lines").size() - 1).path("proposalId").asString();
		JudgingApi.ok(api.select(roundId, List.of(last), "The committee weighs its field trial above the scores.", null,
				true, organizer), "selectProposals");
		JudgingApi.ok(api.publish(roundId, organizer), "publishRound");
		var response = http.get("/api/hackathons/" + hackathon.slug() + "/results.json");
		assertThat(response.statusCode()).isEqualTo(200);
		this.json = response.body();
	}

	@Test
	void theExportCarriesEverythingTheMethodNeeds() {
		JsonNode round = Http.parse(this.json).path("rounds").get(0);
		assertThat(round.path("algorithmVersion").asString()).isEqualTo(RankingMethod.RUBRIC_2.version());
		assertThat(round.path("parameters").path("judgesPerProposal").asInt()).isEqualTo(4);
		assertThat(round.path("uncertainty").path("known").asBoolean()).isTrue();
		round.path("ranking")
			.forEach((line) -> assertThat(line.path("evidence").path("sheetsRequired").asInt()).isEqualTo(4));
		assertThat(round.path("parameters").path("seed").asString()).isEqualTo("18446744073709551557");
		assertThat(round.path("parameters").path("sectorWeights").path("ACADEMIC").asDouble()).isEqualTo(0.2);
		assertThat(round.path("rubric")).hasSize(2);
		assertThat(round.path("judges")).hasSize(6);
		round.path("judges").forEach((j) -> assertThat(j.path("id").asString()).matches("J-[0-9a-f]{16}"));
		assertThat(round.path("publicVote").path("ballots").asInt()).isEqualTo(4);
		assertThat(round.path("unranked")).hasSize(1);
		assertThat(round.path("normalisation").findValuesAsString("treatment")).contains("NO_SPREAD", "Z_SCORE");
		assertThat(round.path("ranking").findValues("missingSectors").stream().filter((m) -> !m.isEmpty()).count())
			.as("CIVIL_SOCIETY has a weight and no judge")
			.isEqualTo(7);
		assertThat(round.path("selection").path("kind").asString()).isEqualTo("OVERRIDE");
	}

	@Test
	void theReferenceScriptReproducesThePublishedRankingExactly(@TempDir Path dir) throws Exception {
		assertThat(Files.isExecutable(SCRIPT)).as("scripts/recompute-ranking is executable").isTrue();
		Path file = dir.resolve("results.json");
		Files.writeString(file, this.json);
		Run run = run(file);
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("Reproduced exactly")
			.contains("All 1 round(s) reproduced exactly.")
			.contains("Override justification: The committee weighs");
	}

	@Test
	void theScriptNoticesASheetThatDoesNotMatchThePublishedRanking(@TempDir Path dir) throws Exception {
		ObjectNode tampered = (ObjectNode) Http.parse(this.json);
		JsonNode sheet = tampered.path("rounds").get(0).path("sheets").get(3);
		((ObjectNode) sheet.path("scores")).put("impact",
				sheet.path("scores").path("impact").asDouble() == 10 ? 0 : 10);
		Path file = dir.resolve("tampered.json");
		Files.writeString(file, tampered.toString());
		Run run = run(file);
		assertThat(run.exit()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("NOT REPRODUCED");
	}

	@Test
	void theJavaMethodFedTheExportedNumbersGivesTheIdenticalRanking() {
		JsonNode round = Http.parse(this.json).path("rounds").get(0);
		List<Criterion> criteria = new ArrayList<>();
		round.path("rubric")
			.forEach((c) -> criteria.add(new Criterion(c.path("id").asString(), c.path("weight").asDouble(),
					c.path("scaleMin").asDouble(), c.path("scaleMax").asDouble())));
		List<String> proposals = new ArrayList<>();
		round.path("proposals").forEach((p) -> proposals.add(p.path("id").asString()));
		List<SubmittedSheet> sheets = new ArrayList<>();
		round.path("sheets").forEach((s) -> {
			Map<String, Double> scores = new TreeMap<>();
			s.path("scores").properties().forEach((e) -> scores.put(e.getKey(), e.getValue().asDouble()));
			sheets.add(new SubmittedSheet(s.path("judge").asString(), Sector.valueOf(s.path("sector").asString()),
					s.path("proposal").asString(), scores));
		});
		Map<Sector, Double> weights = new EnumMap<>(Sector.class);
		round.path("parameters")
			.path("sectorWeights")
			.properties()
			.forEach((e) -> weights.put(Sector.valueOf(e.getKey()), e.getValue().asDouble()));
		Map<String, Double> totals = new TreeMap<>();
		round.path("publicVote")
			.path("totals")
			.properties()
			.forEach((e) -> totals.put(e.getKey(), e.getValue().asDouble()));
		JsonNode parameters = round.path("parameters");
		Map<Sector, Integer> minimums = new EnumMap<>(Sector.class);
		parameters.path("sectorMinimums")
			.properties()
			.forEach((e) -> minimums.put(Sector.valueOf(e.getKey()), e.getValue().asInt()));
		RankingResult result = RubricRanking.rank(new RankingInput(new Rubric(criteria), proposals, sheets, weights,
				parameters.path("normalise").asBoolean(),
				new PublicVote(totals, round.path("publicVote").path("weight").asDouble()),
				parameters.path("outstandingQuota").asInt(), parameters.path("bootstrapReplicates").asInt(),
				Long.parseUnsignedLong(parameters.path("seed").asString()),
				RankingMethod.of(round.path("algorithmVersion").asString()),
				new EvidenceRule(parameters.path("judgesPerProposal").asInt(), minimums)));
		JsonNode published = round.path("ranking");
		assertThat(result.ranking()).hasSize(published.size());
		for (int i = 0; i < published.size(); i++) {
			RankedProposal line = result.ranking().get(i);
			JsonNode expected = published.get(i);
			assertThat(line.proposalId()).isEqualTo(expected.path("proposal").asString());
			assertThat(line.rank()).isEqualTo(expected.path("rank").asInt());
			assertThat(Double.doubleToRawLongBits(line.finalScore()))
				.isEqualTo(Double.doubleToRawLongBits(expected.path("finalScore").asDouble()));
			assertThat(line.probabilityTopN()).isEqualTo(expected.path("probabilityTopN").asDouble());
			assertThat(line.rankLow()).isEqualTo(expected.path("rankLow").asInt());
			assertThat(line.rankHigh()).isEqualTo(expected.path("rankHigh").asInt());
			assertThat(line.inTopN()).isEqualTo(expected.path("inTopN").asBoolean());
			assertThat(line.evidence().sufficient())
				.isEqualTo(expected.path("evidence").path("sufficient").asBoolean());
		}
	}

	private static Run run(Path file) throws IOException, InterruptedException {
		return RecomputeScript.run(file, Duration.ofSeconds(120));
	}

}
