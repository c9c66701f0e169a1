package org.hacktrail.followup;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVRecord;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.judging.award.AwardApi;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics name the track of each award: a round published with the outstanding
 * track and a sponsor's track, one proposal winning both, gives three awards in two
 * tracks while the funnel's outstanding stage still counts one proposal; the per-track
 * counts are recomputed from the open data's {@code awards.csv}.
 */
class StatisticsAwardTracksTests extends JudgingApiTestSupport {

	@Autowired
	OpenDataPackage dataPackage;

	@Test
	void awardsPerTrackFollowFromAwardsCsv() throws Exception {
		AwardApi awards = new AwardApi(this.http);
		AwardApi.ScoredRound scored = awards.scoredFinalRound(this.api, this.accounts, this.organizer, "st");
		JudgingApi.Hackathon hackathon = scored.hackathon();
		String roundId = scored.roundId();
		List<String> proposals = scored.proposals();
		ObjectNode input = AwardApi.trackInput(hackathon.id(), "open-data", 2).put("sponsor", "Open Data Society");
		String openData = awards.createOk(input, this.organizer).path("id").asString();
		String outstanding = hackathon.id() + ".outstanding";
		JudgingApi.ok(awards.configureRound(roundId, List.of(outstanding, openData), this.organizer),
				"configureRoundAwardTracks");
		this.api.statusOk(roundId, "CLOSED", null);
		JudgingApi.ok(this.api.select(roundId, List.of(proposals.get(0)), null, null, this.organizer),
				"selectProposals");
		JudgingApi.ok(awards.selectTrack(roundId, openData, proposals, null, null, this.organizer),
				"selectTrackWinners");
		JudgingApi.ok(this.api.publish(roundId, this.organizer), "publishRound");

		JsonNode run = JobRuns.run(this.http, this.organizer, "statisticsRollup", Map.of());
		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
		ObjectNode variables = Http.json();
		variables.put("view", "PUBLIC");
		Http.GraphQlResult result = this.http.graphql("""
				query($view: StatisticsView) {
				  outcomeStatistics(view: $view) {
				    total { awardsByTrack { trackId } }
				    byHackathon { hackathonId funnel { outstanding awards
				      awardsByTrack { trackId slug name { zhTW en } sponsor outstanding hackathonSlug year awards } } }
				  }
				}""", variables);
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		JsonNode statistics = result.data().path("outcomeStatistics");
		JsonNode funnel = null;
		for (JsonNode entry : statistics.path("byHackathon")) {
			if (entry.path("hackathonId").asString().equals(hackathon.id())) {
				funnel = entry.path("funnel");
			}
		}
		assertThat(funnel).as(statistics.toString()).isNotNull();
		// The funnel keeps its meaning: one outstanding proposal. The awards: two, one
		// per
		// track, both won by the same proposal.
		assertThat(funnel.path("outstanding").asInt()).isEqualTo(1);
		assertThat(funnel.path("awards").asInt()).isEqualTo(3);
		JsonNode tracks = funnel.path("awardsByTrack");
		assertThat(tracks).extracting((t) -> t.path("slug").asString()).containsExactly("outstanding", "open-data");
		assertThat(tracks.get(0).path("outstanding").asBoolean()).isTrue();
		assertThat(tracks.get(0).path("name").path("zhTW").asString()).isEqualTo("卓越團隊");
		JsonNode track = tracks.get(1);
		assertThat(track.path("outstanding").asBoolean()).isFalse();
		assertThat(track.path("name").path("en").asString()).isEqualTo("Award open-data");
		assertThat(track.path("sponsor").asString()).isEqualTo("Open Data Society");
		assertThat(track.path("hackathonSlug").asString()).isEqualTo(hackathon.slug());
		assertThat(track.path("year").asInt()).isEqualTo(2026);
		assertThat(statistics.path("total").path("awardsByTrack")).extracting((t) -> t.path("trackId").asString())
			.contains(outstanding, openData);

		// Recomputed from the open data: the rows of awards.csv for this hackathon, by
		// track.
		this.dataPackage.refresh();
		Map<String, Integer> recomputed = new TreeMap<>();
		for (CSVRecord row : OpenDataRecomputationTests.csv(this.http, "awards")) {
			if (row.get("hackathon_id").equals(hackathon.id())) {
				recomputed.merge(row.get("track_id"), 1, Integer::sum);
			}
		}
		assertThat(recomputed).isEqualTo(OpenDataRecomputationTests.awardsByTrack(funnel))
			.isEqualTo(Map.of(outstanding, 1, openData, 2));
	}

}
