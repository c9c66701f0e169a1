package org.hacktrail.followup;

import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.judging.award.AwardApi;
import org.hacktrail.support.CsvFiles;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data names the track of each award: a proposal that won the outstanding track
 * and a sponsor's track has two rows in awards.csv, and the Table Schema describes the
 * track columns in both languages.
 */
class OpenDataAwardTracksTests extends JudgingApiTestSupport {

	@Autowired
	OpenDataPackage dataPackage;

	@Test
	void awardsCsvHasARowPerTrackWon() {
		AwardApi awards = new AwardApi(this.http);
		AwardApi.ScoredRound scored = awards.scoredFinalRound(this.api, this.accounts, this.organizer, "od");
		JudgingApi.Hackathon hackathon = scored.hackathon();
		String roundId = scored.roundId();
		List<String> proposals = scored.proposals();
		ObjectNode input = AwardApi.trackInput(hackathon.id(), "city-award", 1)
			.put("sponsor", "Taipei City Government")
			.put("sponsorKind", "AGENCY");
		String city = awards.createOk(input, this.organizer).path("id").asString();
		JudgingApi.ok(awards.configureRound(roundId, List.of(hackathon.id() + ".outstanding", city), this.organizer),
				"configureRoundAwardTracks");
		this.api.statusOk(roundId, "CLOSED", null);
		JudgingApi.ok(this.api.select(roundId, List.of(proposals.get(0)), null, null, this.organizer),
				"selectProposals");
		JudgingApi.ok(awards.selectTrack(roundId, city, List.of(proposals.get(0)), null, null, this.organizer),
				"selectTrackWinners");
		JudgingApi.ok(this.api.publish(roundId, this.organizer), "publishRound");

		this.dataPackage.refresh();
		List<CSVRecord> rows = CsvFiles.records(this.http.get("/api/opendata/data/awards.csv").body())
			.stream()
			.filter((r) -> r.get("hackathon_id").equals(hackathon.id()))
			.toList();
		assertThat(rows).extracting((r) -> r.get("proposal_id")).containsOnly(proposals.get(0));
		assertThat(rows).extracting((r) -> r.get("track_slug")).containsExactly("outstanding", "city-award");
		assertThat(rows).extracting((r) -> r.get("award")).containsExactly("OUTSTANDING", "TRACK");
		CSVRecord cityRow = rows.get(1);
		assertThat(cityRow.get("track_id")).isEqualTo(city);
		assertThat(cityRow.get("track_name_en")).isEqualTo("Award city-award");
		assertThat(cityRow.get("track_name_zh_tw")).isEqualTo("獎 city-award");
		assertThat(cityRow.get("sponsor")).isEqualTo("Taipei City Government");

		JsonNode descriptor = Http.parse(this.http.get("/api/opendata/datapackage.json").body());
		JsonNode schema = null;
		for (JsonNode resource : descriptor.path("resources")) {
			if (resource.path("name").asString().equals("awards")) {
				schema = resource.path("schema");
			}
		}
		assertThat(schema).isNotNull();
		assertThat(schema.path("primaryKey")).extracting(JsonNode::asString).containsExactly("proposal_id", "track_id");
		for (JsonNode field : schema.path("fields")) {
			if (field.path("name").asString().startsWith("track_")) {
				assertThat(field.path("description").asString()).as(field.toString()).isNotBlank();
				assertThat(field.path("description_zh_tw").asString()).as(field.toString()).isNotBlank();
			}
		}
	}

}
