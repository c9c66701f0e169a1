package org.hacktrail.judging.expo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.judging.RecomputeScript;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An expo round ranked by sector (expoSectors, method hacktrail-pairwise-2): the switch
 * is the organizers' and fixed once the round is OPEN; each comparison counts in the
 * sector its judge had when answering; the ranking shows every sector's scores; the round
 * is published in results.json format 5 with the sectors, and
 * {@code scripts/recompute-ranking} reproduces it (and rejects a file with one
 * comparison's sector changed).
 */
class ExpoSectorsTests extends JudgingApiTestSupport {

	private static final String SECTOR_RANKING = """
			query($id: ID!) { expoRanking(roundId: $id) { algorithmVersion bySector divergenceThreshold
			  comparisonsCounted sectorWeights { sector weight }
			  lines { proposalId rank score variance comparisons sufficientEvidence inTopN divergence divergent
			    missingSectors sectorScores { sector weight score variance comparisons } }
			  judges { judgeId sector comparisons } } }""";

	@Test
	void anExpoRoundRankedBySectorIsPublishedAndRecomputed(@TempDir Path dir) throws Exception {
		ExpoApi expo = new ExpoApi(this.http, this.organizer);
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String round = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 5);
		List<TestAccounts.Account> judges = new ArrayList<>();
		for (String sector : List.of("PUBLIC", "PRIVATE", "PUBLIC", "PRIVATE")) {
			TestAccounts.Account judge = this.accounts.user("expo-sec-" + UUID.randomUUID().toString().substring(0, 8));
			this.api.judge(hackathon, judge, sector);
			judges.add(judge);
		}
		expo.pairwise(round, 2, 200, "2027");
		// Only organizers set the round up; a judge cannot flip the switch.
		assertThat(this.api.configure(bySector(round, true), judges.get(0)).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(JudgingApi
			.ok(this.http.graphql("query($id: ID!) { judgingRound(roundId: $id) { expoSectors } }",
					Http.json().put("id", round), this.organizer.headers()), "judgingRound")
			.path("expoSectors")
			.asBoolean()).isFalse();
		JsonNode configured = JudgingApi.ok(
				this.api.configure(bySector(round, true).set("sectorWeights",
						Http.json()
							.arrayNode()
							.add(Http.json().put("sector", "PUBLIC").put("weight", 0.6))
							.add(Http.json().put("sector", "PRIVATE").put("weight", 0.4))),
						this.organizer),
				"configureRound");
		assertThat(configured.toString()).doesNotContain("errors");
		JudgingApi.ok(expo.tables(round, ExpoApi.tablesInRow(proposals), this.organizer), "configureExpoTables");
		this.api.statusOk(round, "OPEN", null);
		// Once OPEN the switch is fixed: nothing changes.
		Http.GraphQlResult late = this.api.configure(bySector(round, false).put("reason", "changed our mind"),
				this.organizer);
		assertThat(late.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(late.errorMessage()).contains("ranked by sector");
		assertThat(sectorRanking(round).path("bySector").asBoolean()).isTrue();

		walk(expo, round, proposals, judges);
		JsonNode live = sectorRanking(round);
		assertThat(live.path("algorithmVersion").asString()).isEqualTo("hacktrail-pairwise-2");
		assertThat(live.path("divergenceThreshold").asDouble()).isEqualTo(2.0);
		assertThat(live.path("sectorWeights").findValuesAsString("sector")).containsExactly("PUBLIC", "PRIVATE",
				"ACADEMIC", "CIVIL_SOCIETY");
		assertThat(live.path("judges").findValuesAsString("sector")).containsExactly("PUBLIC", "PUBLIC", "PRIVATE",
				"PRIVATE");
		for (JsonNode line : live.path("lines")) {
			JsonNode scores = line.path("sectorScores");
			assertThat(scores.findValuesAsString("sector")).containsExactly("PUBLIC", "PRIVATE");
			// The combined score is the weighted mean of the sector scores, in sector
			// order.
			double combined = (0.0 + 0.6 * scores.get(0).path("score").asDouble()
					+ 0.4 * scores.get(1).path("score").asDouble()) / (0.0 + 0.6 + 0.4);
			assertThat(line.path("score").asDouble()).isEqualTo(combined);
			assertThat(line.path("comparisons").asInt())
				.isEqualTo(scores.get(0).path("comparisons").asInt() + scores.get(1).path("comparisons").asInt());
			double gap = Math.abs(scores.get(0).path("score").asDouble() - scores.get(1).path("score").asDouble());
			assertThat(line.path("divergence").asDouble()).isEqualTo(gap / StrictMath
				.sqrt(scores.get(0).path("variance").asDouble() + scores.get(1).path("variance").asDouble()));
		}

		this.api.statusOk(round, "CLOSED", null);
		JsonNode ranking = JudgingApi.ok(this.api.ranking(round, this.organizer), "roundRanking");
		assertThat(ranking.path("algorithmVersion").asString()).isEqualTo("hacktrail-pairwise-2");
		assertThat(ranking.path("lines").get(0).path("sectorScores").findValuesAsString("sector"))
			.containsExactly("PUBLIC", "PRIVATE");
		assertThat(ranking.path("lines").get(0).path("finalScore").asDouble())
			.isEqualTo(live.path("lines").get(0).path("score").asDouble());
		List<String> topN = new ArrayList<>();
		ranking.path("lines").forEach((l) -> {
			if (l.path("inTopN").asBoolean()) {
				topN.add(l.path("proposalId").asString());
			}
		});
		List<String> firstTwo = List.of(ranking.path("lines").get(0).path("proposalId").asString(),
				ranking.path("lines").get(1).path("proposalId").asString());
		JudgingApi.ok(
				(topN.size() == 2) ? this.api.select(round, topN, null, null, this.organizer)
						: this.api.select(round, firstTwo, "The two best ranked.", null, this.organizer),
				"selectProposals");
		JudgingApi.ok(this.api.publish(round, true, this.organizer), "publishRound");

		String json = this.http.get("/api/hackathons/" + hackathon.slug() + "/results.json").body();
		JsonNode file = Http.parse(json);
		assertThat(file.path("format").asString()).isEqualTo("hacktrail-results-6");
		JsonNode published = file.path("rounds").get(0);
		assertThat(published.path("algorithmVersion").asString()).isEqualTo("hacktrail-pairwise-2");
		assertThat(published.path("comparisons").findValuesAsString("sector"))
			.hasSize(published.path("comparisons").size());
		List<Double> weights = new ArrayList<>();
		published.path("sectors").path("weights").forEach((w) -> weights.add(w.path("weight").asDouble()));
		assertThat(weights).containsExactly(0.6, 0.4, 0.0, 0.0);
		assertThat(published.path("sectors").path("passes")).hasSize(4);
		assertThat(published.path("sectors").path("proposals")).hasSize(5);
		assertThat(published.path("judgeReliability").findValuesAsString("sector")).containsExactly("PUBLIC", "PUBLIC",
				"PRIVATE", "PRIVATE");

		Path saved = dir.resolve("results.json");
		Files.writeString(saved, json);
		RecomputeScript.Run run = RecomputeScript.run(saved, Duration.ofSeconds(120));
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("hacktrail-pairwise-2").contains("All 1 round(s) reproduced exactly.");
		// One comparison counted in the other sector no longer gives the published
		// ranking.
		ObjectNode tampered = (ObjectNode) Http.parse(json);
		ObjectNode comparison = (ObjectNode) tampered.path("rounds").get(0).path("comparisons").get(0);
		comparison.put("sector", comparison.path("sector").asString().equals("PUBLIC") ? "PRIVATE" : "PUBLIC");
		Path changed = dir.resolve("tampered.json");
		Files.writeString(changed, tampered.toString());
		RecomputeScript.Run caught = RecomputeScript.run(changed, Duration.ofSeconds(120));
		assertThat(caught.exit()).as(caught.output()).isEqualTo(1);
		assertThat(caught.output()).contains("NOT REPRODUCED");

		String csv = this.http.get("/api/hackathons/" + hackathon.slug() + "/results.csv").body();
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new java.io.StringReader(csv))
			.getRecords();
		Map<String, String> sectorOf = new HashMap<>();
		published.path("comparisons")
			.forEach((c) -> sectorOf.put(c.path("id").asString(), c.path("sector").asString()));
		for (CSVRecord row : rows) {
			assertThat(row.get("algorithm_version")).isEqualTo("hacktrail-pairwise-2");
			if (row.get("row_kind").equals("COMPARISON")) {
				assertThat(row.get("judge_sector")).isEqualTo(sectorOf.get(row.get("comparison_id")));
				assertThat(row.get("sector_weight"))
					.isEqualTo(row.get("judge_sector").equals("PUBLIC") ? "0.6" : "0.4");
			}
		}
	}

	private JsonNode sectorRanking(String round) {
		return JudgingApi.ok(this.http.graphql(SECTOR_RANKING, Http.json().put("id", round), this.organizer.headers()),
				"expoRanking");
	}

	private static ObjectNode bySector(String round, boolean on) {
		return Http.json().put("roundId", round).put("expoSectors", on);
	}

	/**
	 * Every judge walks every table. PUBLIC judges prefer the later proposals, PRIVATE
	 * judges the earlier ones.
	 */
	private void walk(ExpoApi expo, String round, List<String> proposals, List<TestAccounts.Account> judges) {
		Map<String, String> previous = new HashMap<>();
		Set<String> done = new HashSet<>();
		for (int step = 0; step < 60 && done.size() < judges.size(); step++) {
			for (int j = 0; j < judges.size(); j++) {
				TestAccounts.Account judge = judges.get(j);
				if (done.contains(judge.id())) {
					continue;
				}
				JsonNode next = JudgingApi.ok(expo.next(round, judge), "nextExpoVisit");
				if (next.path("visit").isNull()) {
					if (next.path("done").asBoolean()) {
						done.add(judge.id());
					}
					continue;
				}
				String current = next.path("visit").path("proposalId").asString();
				String before = previous.get(judge.id());
				boolean later = before != null && proposals.indexOf(current) > proposals.indexOf(before);
				boolean publicJudge = j % 2 == 0;
				String winner = (before == null) ? null : (later == publicJudge) ? "CURRENT" : "PREVIOUS";
				JudgingApi.ok(
						expo.compare(ExpoApi.comparison(round, ExpoApi.clientId(), current, before, winner), judge),
						"recordExpoComparison");
				previous.put(judge.id(), current);
			}
		}
		assertThat(done).hasSize(judges.size());
	}

}
