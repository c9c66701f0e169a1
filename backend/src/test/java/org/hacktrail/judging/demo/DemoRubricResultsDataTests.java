package org.hacktrail.judging.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.RecomputeScript;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.sheet.ScoreSheet;
import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the demo has an edition with published rubric results that a newcomer finds
 * from the home page, whose results page offers results.json, and that
 * {@code scripts/recompute-ranking} reproduces; every past demo edition either has
 * results or is one the panel explains (judged outside Hacktrail).
 */
@DemoServiceTest
class DemoRubricResultsDataTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoRubricResultsData demo;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aPastCommunityEditionHasPublishedRubricResultsReachableFromTheHomePage(@TempDir Path dir) throws Exception {
		Http anyone = Http.localhost(this.port);
		// The home page's query (its first page, latest first) lists it, results
		// published.
		JsonNode home = JudgingApi.ok(anyone.graphql("{ hackathons(first: 20) { edges { node { slug phase } } } }"),
				"hackathons");
		JsonNode listed = null;
		for (JsonNode edge : home.path("edges")) {
			if (edge.path("node").path("slug").asString().equals(DemoRubricResultsData.HACKATHON)) {
				listed = edge.path("node");
			}
		}
		assertThat(listed).as(home.toString()).isNotNull();
		assertThat(listed.path("phase").asString()).isEqualTo("RESULTS_PUBLISHED");

		// The public results page's data: a published FINAL rubric round, a top-3
		// selection.
		JsonNode rounds = JudgingApi.ok(anyone.graphql("{ judgingRounds(hackathonSlug: \""
				+ DemoRubricResultsData.HACKATHON + "\") { id kind status method criteria { id name { zhTW en } } } }"),
				"judgingRounds");
		assertThat(rounds).hasSize(1);
		JsonNode round = rounds.get(0);
		assertThat(round.path("kind").asString()).isEqualTo("FINAL");
		assertThat(round.path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(round.path("method").asString()).isEqualTo("RUBRIC");
		assertThat(round.path("criteria")).hasSize(4);
		round.path("criteria").forEach((c) -> {
			assertThat(c.path("name").path("zhTW").asString()).isNotBlank();
			assertThat(c.path("name").path("en").asString()).isNotBlank();
		});
		JsonNode ranking = JudgingApi.ok(anyone.graphql(
				"query($r: ID!) { roundRanking(roundId: $r) { published algorithmVersion "
						+ "selection { kind proposalIds justification tieResolution } "
						+ "lines { proposalId rank inTopN probabilityTopN proposal { title { zhTW en } status } } } }",
				Http.json().put("r", round.path("id").asString())), "roundRanking");
		assertThat(ranking.path("published").asBoolean()).isTrue();
		assertThat(ranking.path("algorithmVersion").asString()).isEqualTo("hacktrail-rubric-2");
		assertThat(ranking.path("lines")).hasSize(8);
		JsonNode selection = ranking.path("selection");
		assertThat(selection.path("proposalIds")).hasSize(DemoRubricResultsData.CUT);
		if (!selection.path("kind").asString().equals("TOP_N")) {
			// Anything but the ranking's top N carries its written reason.
			assertThat(selection.path("justification").asString() + selection.path("tieResolution").asString())
				.isNotBlank();
		}
		List<String> chosen = new ArrayList<>();
		selection.path("proposalIds").forEach((id) -> chosen.add(id.asString()));
		boolean varied = false;
		for (JsonNode line : ranking.path("lines")) {
			assertThat(line.path("proposal").path("status").asString()).as(line.toString())
				.isEqualTo(chosen.contains(line.path("proposalId").asString()) ? "OUTSTANDING" : "NOT_SELECTED");
			assertThat(line.path("proposal").path("title").path("zhTW").asString()).isNotBlank();
			assertThat(line.path("proposal").path("title").path("en").asString()).isNotBlank();
			double p = line.path("probabilityTopN").asDouble();
			varied |= p > 0.0 && p < 1.0;
		}
		assertThat(varied).as("some proposal's place in the top 3 is uncertain").isTrue();
		// Seeded by judge and project (not by generated ids): the same ranking at every
		// load.
		List<String> winners = new ArrayList<>();
		ranking.path("lines").forEach((line) -> {
			if (chosen.contains(line.path("proposalId").asString())) {
				winners.add(line.path("proposal").path("title").path("en").asString());
			}
		});
		assertThat(winners).containsExactly("Legislative Yuan interpellation search", "Accessible playground map",
				"Typhoon day-off alerts");
		assertThat(selection.path("kind").asString()).isEqualTo("TOP_N");

		// Winners per track: the outstanding teams and the sponsor's open-data award,
		// published with the round, its winner the best-ranked project tagged open-data.
		JsonNode awards = JudgingApi.ok(
				anyone
					.graphql(
							"query($s: String!) { judgingRounds(hackathonSlug: $s) { publishedAwards { track { slug } "
									+ "name { zhTW en } sponsor sponsorKind quota winners { title { en } tags { id } } "
									+ "selection { kind } } } }",
							Http.json().put("s", DemoRubricResultsData.HACKATHON)),
				"judgingRounds")
			.get(0)
			.path("publishedAwards");
		assertThat(awards).extracting((a) -> a.path("track").path("slug").asString())
			.containsExactly("outstanding", DemoRubricResultsData.TRACK);
		JsonNode openData = awards.get(1);
		assertThat(openData.path("name").path("zhTW").asString()).isEqualTo("最佳開放資料應用");
		assertThat(openData.path("name").path("en").asString()).isEqualTo("Best use of open data");
		assertThat(openData.path("sponsor").asString()).isEqualTo(DemoRubricResultsData.SPONSOR);
		assertThat(openData.path("sponsorKind").asString()).isEqualTo("SPONSOR");
		assertThat(openData.path("quota").asInt()).isEqualTo(1);
		assertThat(openData.path("selection").path("kind").asString()).isEqualTo("TOP_N");
		assertThat(openData.path("winners")).hasSize(1);
		assertThat(openData.path("winners").get(0).path("tags").toString()).contains("open-data");
		assertThat(openData.path("winners").get(0).path("title").path("en").asString())
			.isEqualTo("Food safety inspection lookup");
		assertThat(awards.get(0).path("winners")).hasSize(DemoRubricResultsData.CUT);

		// results.json, downloaded by anyone, recomputes.
		var response = anyone.get("/api/hackathons/" + DemoRubricResultsData.HACKATHON + "/results.json");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode json = Http.parse(response.body());
		assertThat(json.path("hackathon").path("phase").asString()).isEqualTo("RESULTS_PUBLISHED");
		JsonNode published = json.path("rounds").get(0);
		assertThat(published.path("algorithmVersion").asString()).isEqualTo("hacktrail-rubric-2");
		assertThat(published.path("proposals")).hasSize(8);
		assertThat(published.path("judges")).hasSize(6);
		assertThat(published.path("judges").findValuesAsString("sector")).containsOnly("PUBLIC", "PRIVATE");
		assertThat(published.path("sheets")).hasSize(8 * DemoRubricResultsData.JUDGES_PER_PROPOSAL);
		assertThat(json.path("awards")).extracting((a) -> a.path("slug").asString())
			.containsExactly("outstanding", DemoRubricResultsData.TRACK);
		assertThat(json.path("awards").get(1).path("winners")).hasSize(1);
		Path file = dir.resolve("results.json");
		Files.writeString(file, response.body());
		RecomputeScript.Run run = RecomputeScript.run(file, Duration.ofSeconds(120));
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("All 1 round(s) reproduced exactly.");

		// Loading again changes nothing.
		long storedRounds = this.mongo.count(new Query(), JudgingRound.class);
		long sheets = this.mongo.count(new Query(), ScoreSheet.class);
		this.demo.load();
		assertThat(this.mongo.count(new Query(), JudgingRound.class)).isEqualTo(storedRounds);
		assertThat(this.mongo.count(new Query(), ScoreSheet.class)).isEqualTo(sheets);
	}

	/**
	 * Every demo edition past its judging either has a published round or is one the
	 * results page explains (FOLLOW_UP or ARCHIVED: "judged outside Hacktrail", see the
	 * panel's results tests); none is RESULTS_PUBLISHED with nothing published.
	 */
	@Test
	void everyPastDemoEditionHasResultsOrIsExplained() {
		Http anyone = Http.localhost(this.port);
		int past = 0;
		int withResults = 0;
		for (String phase : List.of("RESULTS_PUBLISHED", "FOLLOW_UP", "ARCHIVED")) {
			JsonNode editions = JudgingApi.ok(
					anyone.graphql("{ hackathons(first: 100, phase: " + phase + ") { edges { node { slug } } } }"),
					"hackathons");
			for (JsonNode edge : editions.path("edges")) {
				past++;
				String slug = edge.path("node").path("slug").asString();
				JsonNode rounds = JudgingApi.ok(
						anyone.graphql("{ judgingRounds(hackathonSlug: \"" + slug + "\") { status } }"),
						"judgingRounds");
				boolean results = rounds.findValuesAsString("status").contains("PUBLISHED");
				if (results) {
					withResults++;
				}
				else {
					assertThat(phase).as(slug + " is " + phase + " without published results")
						.isNotEqualTo("RESULTS_PUBLISHED");
				}
			}
		}
		assertThat(past).as("the demo's synthetic past editions").isGreaterThan(10);
		assertThat(withResults).isPositive();
	}

}
