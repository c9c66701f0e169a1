package org.hacktrail.judging.expo;

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
import org.hacktrail.judging.ranking.service.Pseudonyms;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PAIRWISE round's results go the way a RUBRIC round's do — ranking for organizers,
 * selection of the top N (anything else needs a written justification), open cases
 * confirmed, publication — and are published in results.json and results.csv with every
 * comparison and skip (but skips for a conflict of interest) under the judges' pseudonyms
 * (the ones rubric sheets carry), which {@code scripts/recompute-ranking} turns back into
 * the published ranking.
 */
class ExpoPublicationTests extends JudgingApiTestSupport {

	@Autowired
	Pseudonyms pseudonyms;

	@Test
	void anExpoRoundIsSelectedPublishedAndRecomputedFromItsOpenData(@TempDir Path dir) throws Exception {
		ExpoApi expo = new ExpoApi(this.http, this.organizer);
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String round = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 6);
		List<TestAccounts.Account> judges = new ArrayList<>();
		List<String> judgeRecords = new ArrayList<>();
		for (String sector : List.of("PUBLIC", "PRIVATE", "ACADEMIC")) {
			TestAccounts.Account judge = this.accounts.user("expo-pub-" + UUID.randomUUID().toString().substring(0, 8));
			judgeRecords.add(this.api.judge(hackathon, judge, sector).path("id").asString());
			judges.add(judge);
		}
		expo.pairwise(round, 2, 200, "2026");
		JudgingApi.ok(expo.tables(round, ExpoApi.tablesInRow(proposals), this.organizer), "configureExpoTables");
		this.api.statusOk(round, "OPEN", null);
		List<String> clientIds = walk(expo, round, proposals, judges);
		JsonNode live = JudgingApi.ok(expo.ranking(round, this.organizer), "expoRanking");

		// Selection waits for the round to close; then the ranking is the expo ranking.
		assertThat(this.api.select(round, List.of(proposals.get(5), proposals.get(4)), null, null, this.organizer)
			.errorCode()).isEqualTo("BAD_USER_INPUT");
		this.api.statusOk(round, "CLOSED", null);
		JsonNode ranking = JudgingApi.ok(this.api.ranking(round, this.organizer), "roundRanking");
		assertThat(ranking.path("published").asBoolean()).isFalse();
		assertThat(ranking.path("algorithmVersion").asString()).isEqualTo("hacktrail-pairwise-1");
		assertThat(ranking.path("summary").path("sheetCount").asInt())
			.isEqualTo(live.path("comparisonsCounted").asInt());
		assertSameLines(ranking.path("lines"), live.path("lines"));
		List<String> topN = new ArrayList<>();
		ranking.path("lines").forEach((l) -> {
			if (l.path("inTopN").asBoolean()) {
				topN.add(l.path("proposalId").asString());
			}
		});
		assertThat(topN).hasSize(2);

		// Judges never see it before publication, nor select.
		assertThat(this.api.ranking(round, judges.get(0)).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.select(round, topN, null, null, judges.get(0)).errorCode()).isEqualTo("FORBIDDEN");
		// The last candidate instead of the top N: an override, which needs a written
		// reason.
		String last = ranking.path("lines").get(5).path("proposalId").asString();
		List<String> other = List.of(topN.get(0), last);
		Http.GraphQlResult unjustified = this.api.select(round, other, null, null, this.organizer);
		assertThat(unjustified.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(unjustified.errorMessage()).contains("justification");
		JsonNode selected = JudgingApi.ok(this.api.select(round, topN, null, null, this.organizer), "selectProposals")
			.path("round");
		assertThat(selected.path("selection").path("kind").asString()).isEqualTo("TOP_N");

		// Few comparisons per table: a place that is not certain is an open case to
		// confirm.
		JsonNode preview = JudgingApi.ok(this.api.publicationPreview(round, this.organizer), "publicationPreview");
		assertThat(preview.path("ready").asBoolean()).as(preview.toString()).isTrue();
		assertThat(preview.path("openCases").findValuesAsString("kind")).contains("STRADDLES_CUT");
		Http.GraphQlResult unconfirmed = this.api.publish(round, null, this.organizer);
		assertThat(unconfirmed.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(this.api.publish(round, true, judges.get(1)).errorCode()).isEqualTo("FORBIDDEN");
		JsonNode published = JudgingApi.ok(this.api.publish(round, true, this.organizer), "publishRound");
		assertThat(published.path("round").path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(this.api.proposalStatus(topN.get(0)).path("status").asString()).isEqualTo("SHORTLISTED");
		assertThat(this.api.proposalStatus(last).path("status").asString()).isEqualTo("NOT_SHORTLISTED");
		JsonNode anonymous = JudgingApi.ok(this.api.ranking(round, null), "roundRanking");
		assertThat(anonymous.path("published").asBoolean()).isTrue();
		assertSameLines(anonymous.path("lines"), live.path("lines"));

		String json = this.http.get("/api/hackathons/" + hackathon.slug() + "/results.json").body();
		JsonNode file = Http.parse(json);
		assertThat(file.path("format").asString()).isEqualTo("hacktrail-results-6");
		JsonNode published0 = file.path("rounds").get(0);
		assertThat(published0.path("algorithmVersion").asString()).isEqualTo("hacktrail-pairwise-1");
		JsonNode parameters = published0.path("parameters");
		assertThat(parameters.path("outstandingQuota").asInt()).isEqualTo(2);
		assertThat(parameters.path("minimumComparisons").asInt()).isEqualTo(3);
		assertThat(parameters.path("bootstrapReplicates").asInt()).isEqualTo(200);
		assertThat(parameters.path("seed").asString()).isEqualTo("2026");
		assertThat(parameters.path("priors").path("alpha").asDouble()).isEqualTo(10.0);
		assertThat(parameters.path("priors").path("kappa").asDouble()).isEqualTo(0.0001);
		assertThat(published0.path("comparisons")).hasSize(live.path("comparisonsCounted").asInt());
		JsonNode first = published0.path("comparisons").get(0);
		assertThat(first.path("id").asString()).isEqualTo("C-000001");
		assertThat(first.path("at").asString()).isNotBlank();
		assertThat(first.path("winner").asString()).isIn(first.path("current").asString(),
				first.path("previous").asString());
		// The absent team's skip is published; the conflict skip is neither listed nor
		// counted: the file does not tell who had a conflict with which team.
		assertThat(live.path("skippedVisits").asInt()).isEqualTo(2);
		assertThat(published0.path("skips").findValuesAsString("reason")).containsExactly("ABSENT");
		assertThat(published0.path("summary").path("skipCount").asInt()).isEqualTo(1);
		String absentSkipper = this.pseudonyms.of(hackathon.id(), judges.get(1).id());
		published0.path("judges")
			.forEach((j) -> assertThat(j.path("skips").asInt()).as(j.toString())
				.isEqualTo(j.path("id").asString().equals(absentSkipper) ? 1 : 0));
		assertThat(json).doesNotContain("\"CONFLICT\"");
		// The judges are the pseudonyms rubric sheets carry; no user, judge record or
		// client id is published.
		Set<String> expected = new HashSet<>();
		for (TestAccounts.Account judge : judges) {
			expected.add(this.pseudonyms.of(hackathon.id(), judge.id()));
		}
		assertThat(published0.path("judges").findValuesAsString("id")).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(published0.path("comparisons").findValuesAsString("judge")).allMatch(expected::contains);
		for (int i = 0; i < judges.size(); i++) {
			assertThat(json).doesNotContain(judges.get(i).id()).doesNotContain(judgeRecords.get(i));
		}
		clientIds.forEach((id) -> assertThat(json).doesNotContain(id));
		for (int i = 0; i < 6; i++) {
			JsonNode line = published0.path("ranking").get(i);
			assertThat(line.path("proposal").asString())
				.isEqualTo(live.path("lines").get(i).path("proposalId").asString());
			assertThat(line.path("score").asDouble()).isEqualTo(live.path("lines").get(i).path("score").asDouble());
			assertThat(line.path("probabilityTopN").asDouble()).isStrictlyBetween(0.0, 1.0);
		}
		assertThat(published0.path("selection").path("kind").asString()).isEqualTo("TOP_N");

		Path saved = dir.resolve("results.json");
		Files.writeString(saved, json);
		RecomputeScript.Run run = RecomputeScript.run(saved, Duration.ofSeconds(120));
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("hacktrail-pairwise-1").contains("All 1 round(s) reproduced exactly.");
		// A comparison's winner turned round no longer gives the published ranking.
		ObjectNode tampered = (ObjectNode) Http.parse(json);
		ObjectNode comparison = (ObjectNode) tampered.path("rounds").get(0).path("comparisons").get(0);
		String winner = comparison.path("winner").asString();
		comparison.put("winner", comparison.path("loser").asString()).put("loser", winner);
		Path changed = dir.resolve("tampered.json");
		Files.writeString(changed, tampered.toString());
		RecomputeScript.Run caught = RecomputeScript.run(changed, Duration.ofSeconds(120));
		assertThat(caught.exit()).as(caught.output()).isEqualTo(1);
		assertThat(caught.output()).contains("NOT REPRODUCED");
		// A conflict skip in a file of this format is refused too.
		ObjectNode leaking = (ObjectNode) Http.parse(json);
		((ObjectNode) leaking.path("rounds").get(0).path("skips").get(0)).put("reason", "CONFLICT");
		Path leak = dir.resolve("leaking.json");
		Files.writeString(leak, leaking.toString());
		RecomputeScript.Run refused = RecomputeScript.run(leak, Duration.ofSeconds(120));
		assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
		assertThat(refused.output()).contains("lists ABSENT skips only");

		String csv = this.http.get("/api/hackathons/" + hackathon.slug() + "/results.csv").body();
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new java.io.StringReader(csv))
			.getRecords();
		int comparisons = published0.path("comparisons").size();
		assertThat(rows).hasSize(2 * comparisons + 1);
		Map<String, Integer> kinds = new HashMap<>();
		rows.forEach((r) -> kinds.merge(r.get("row_kind") + "/" + r.get("comparison_outcome") + r.get("skip_reason"), 1,
				Integer::sum));
		assertThat(kinds).containsEntry("COMPARISON/WON", comparisons)
			.containsEntry("COMPARISON/LOST", comparisons)
			.containsEntry("SKIP/ABSENT", 1)
			.doesNotContainKey("SKIP/CONFLICT");
		assertThat(csv).doesNotContain("CONFLICT");
		rows.forEach((r) -> {
			assertThat(r.get("algorithm_version")).isEqualTo("hacktrail-pairwise-1");
			assertThat(expected).contains(r.get("judge_id"));
		});
		assertThat(csv).doesNotContain(judges.get(0).id());
	}

	/**
	 * A selection remembers the comparisons it was made on: a comparison recorded after
	 * it (the round reopened) makes publishing a CONFLICT until the organizer selects
	 * again.
	 */
	@Test
	void aComparisonRecordedAfterTheSelectionMeansSelectingAgain() {
		ExpoApi expo = new ExpoApi(this.http, this.organizer);
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String round = hackathon.roundIds().get(0);
		List<String> proposals = this.api.proposals(hackathon, 4);
		List<TestAccounts.Account> judges = new ArrayList<>();
		for (String sector : List.of("PUBLIC", "PRIVATE", "ACADEMIC", "PUBLIC")) {
			TestAccounts.Account judge = this.accounts.user("expo-re-" + UUID.randomUUID().toString().substring(0, 8));
			this.api.judge(hackathon, judge, sector);
			judges.add(judge);
		}
		expo.pairwise(round, 1, 100, "7");
		JudgingApi.ok(expo.tables(round, ExpoApi.tablesInRow(proposals), this.organizer), "configureExpoTables");
		this.api.statusOk(round, "OPEN", null);
		walk(expo, round, proposals, judges.subList(0, 3));
		this.api.statusOk(round, "CLOSED", null);
		JudgingApi.ok(this.api.select(round, topN(round), null, null, this.organizer), "selectProposals");

		this.api.statusOk(round, "OPEN", "A judge arrived late");
		walk(expo, round, proposals, List.of(judges.get(3)));
		this.api.statusOk(round, "CLOSED", null);
		Http.GraphQlResult stale = this.api.publish(round, true, this.organizer);
		assertThat(stale.errorCode()).isEqualTo("CONFLICT");
		assertThat(stale.errorMessage()).contains("select again");
		JsonNode preview = JudgingApi.ok(this.api.publicationPreview(round, this.organizer), "publicationPreview");
		assertThat(preview.path("ready").asBoolean()).isFalse();
		JudgingApi.ok(this.api.select(round, topN(round), null, null, this.organizer), "selectProposals");
		JudgingApi.ok(this.api.publish(round, true, this.organizer), "publishRound");
		JsonNode file = Http.parse(this.http.get("/api/hackathons/" + hackathon.slug() + "/results.json").body());
		assertThat(file.path("rounds").get(0).path("judges")).hasSize(4);
	}

	private List<String> topN(String round) {
		List<String> topN = new ArrayList<>();
		JudgingApi.ok(this.api.ranking(round, this.organizer), "roundRanking").path("lines").forEach((l) -> {
			if (l.path("inTopN").asBoolean()) {
				topN.add(l.path("proposalId").asString());
			}
		});
		assertThat(topN).hasSize(1);
		return topN;
	}

	/**
	 * The judges walk every table; the later proposals are better. The PRIVATE judge
	 * finds the team of the first table it is sent to absent; the ACADEMIC judge notices
	 * a conflict at its second table. Returns the client ids used.
	 */
	private List<String> walk(ExpoApi expo, String round, List<String> proposals, List<TestAccounts.Account> judges) {
		Map<String, String> previous = new HashMap<>();
		Map<String, Integer> visits = new HashMap<>();
		Set<String> done = new HashSet<>();
		List<String> clientIds = new ArrayList<>();
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
				int number = visits.merge(judge.id(), 1, Integer::sum);
				String clientId = ExpoApi.clientId();
				clientIds.add(clientId);
				if ((j == 1 && number == 1) || (j == 2 && number == 2)) {
					JudgingApi.ok(expo.skip(round, clientId, current, (j == 1) ? "ABSENT" : "CONFLICT", judge),
							"skipExpoVisit");
					continue;
				}
				String before = previous.get(judge.id());
				String winner = (before == null) ? null
						: (proposals.indexOf(current) > proposals.indexOf(before)) ? "CURRENT" : "PREVIOUS";
				JudgingApi.ok(expo.compare(ExpoApi.comparison(round, clientId, current, before, winner), judge),
						"recordExpoComparison");
				previous.put(judge.id(), current);
			}
		}
		assertThat(done).hasSize(judges.size());
		return clientIds;
	}

	private static void assertSameLines(JsonNode lines, JsonNode expoLines) {
		assertThat(lines).hasSize(expoLines.size());
		for (int i = 0; i < lines.size(); i++) {
			JsonNode line = lines.get(i);
			JsonNode expected = expoLines.get(i);
			assertThat(line.path("proposalId").asString()).isEqualTo(expected.path("proposalId").asString());
			assertThat(line.path("rank").asInt()).isEqualTo(expected.path("rank").asInt());
			assertThat(line.path("finalScore").asDouble()).isEqualTo(expected.path("score").asDouble());
			assertThat(line.path("inTopN").asBoolean()).isEqualTo(expected.path("inTopN").asBoolean());
			assertThat(line.path("rankLow").asInt()).isEqualTo(expected.path("rankLow").asInt());
			assertThat(line.path("rankHigh").asInt()).isEqualTo(expected.path("rankHigh").asInt());
			assertThat(line.path("probabilityTopN").asDouble()).isEqualTo(expected.path("probabilityTopN").asDouble());
			assertThat(line.path("straddlesCut").asBoolean()).isEqualTo(expected.path("straddlesCut").asBoolean());
		}
	}

}
