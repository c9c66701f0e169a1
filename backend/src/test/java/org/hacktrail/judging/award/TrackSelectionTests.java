package org.hacktrail.judging.award;

import java.util.List;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Selection and publication per award track: the ranking restricted to a track's eligible
 * proposals (by tag, by choice), its quota, overrides, a proposal winning two tracks, the
 * awards in results.json, and a round published before tracks existed read as the
 * outstanding track.
 */
class TrackSelectionTests extends JudgingApiTestSupport {

	static final String WHY = "The jury of the sponsor asked for the team with a working pilot in two cities.";

	@Autowired
	MongoTemplate mongo;

	AwardApi awards;

	JudgingApi.Hackathon hackathon;

	String roundId;

	/** Ranked 0 > 1 > 2 > 3; 1 and 3 tagged open-data. */
	List<String> proposals;

	String outstanding;

	@BeforeEach
	void setUp() {
		this.awards = new AwardApi(this.http);
		this.hackathon = this.api.hackathon("OTHER", "JUDGING", "FINAL");
		this.roundId = this.hackathon.roundIds().get(0);
		this.outstanding = this.hackathon.id() + ".outstanding";
		this.proposals = List.of(this.awards.proposal(this.api, this.hackathon, "Zero", this.organizer, "health"),
				this.awards.proposal(this.api, this.hackathon, "One", this.organizer, "open-data"),
				this.awards.proposal(this.api, this.hackathon, "Two", this.organizer, "education"),
				this.awards.proposal(this.api, this.hackathon, "Three", this.organizer, "open-data", "health"));
		this.api.shortlist(this.proposals);
		TestAccounts.Account publicJudge = this.accounts.user("trk-pub-" + this.hackathon.slug());
		TestAccounts.Account privateJudge = this.accounts.user("trk-priv-" + this.hackathon.slug());
		this.api.judge(this.hackathon, publicJudge, "PUBLIC");
		this.api.judge(this.hackathon, privateJudge, "PRIVATE");
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2).put("cutSize", 1).put("normalise", false));
		this.api.assignOk(this.roundId, "8");
		this.api.statusOk(this.roundId, "OPEN", null);
		double[] impact = { 9, 7, 5, 3 };
		for (TestAccounts.Account judge : List.of(publicJudge, privateJudge)) {
			for (int i = 0; i < 4; i++) {
				this.api.score(this.roundId, this.proposals.get(i), impact[i], 6, judge);
			}
		}
	}

	private String track(String slug, int quota, String eligibility, String listField, List<String> values) {
		ObjectNode input = AwardApi.trackInput(this.hackathon.id(), slug, quota).put("eligibility", eligibility);
		if (listField != null) {
			input.set(listField, JudgingApi.array(values));
		}
		return this.awards.createOk(input.put("sponsor", "Sponsor of " + slug), this.organizer).path("id").asString();
	}

	@Test
	void aTrackRanksItsEligibleProposalsAndHoldsItsQuota() {
		String openData = track("open-data", 1, "BY_TAG", "tags", List.of("open-data"));
		JudgingApi.ok(this.awards.configureRound(this.roundId, List.of(this.outstanding, openData), this.organizer),
				"configureRoundAwardTracks");
		JsonNode round = this.awards.roundTracks(this.roundId, this.organizer);
		assertThat(round.path("awardTracks").get(1).path("eligibleProposalIds")).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder(this.proposals.get(1), this.proposals.get(3));
		assertThat(this.awards
			.selectTrack(this.roundId, openData, List.of(this.proposals.get(1)), null, null, this.organizer)
			.errorMessage()).as("not CLOSED yet").contains("CLOSED");
		this.api.statusOk(this.roundId, "CLOSED", null);

		Http.GraphQlResult ineligible = this.awards.selectTrack(this.roundId, openData, List.of(this.proposals.get(0)),
				WHY, null, this.organizer);
		assertThat(ineligible.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(ineligible.errorMessage()).contains("is not eligible for the track 'open-data'");
		Http.GraphQlResult tooMany = this.awards.selectTrack(this.roundId, openData,
				List.of(this.proposals.get(1), this.proposals.get(3)), null, null, this.organizer);
		assertThat(tooMany.body().path("errors").get(0).path("extensions").path("rule").asString()).isEqualTo("QUOTA");
		Http.GraphQlResult unjustified = this.awards.selectTrack(this.roundId, openData, List.of(this.proposals.get(3)),
				null, null, this.organizer);
		assertThat(unjustified.body().path("errors").get(0).path("extensions").path("field").asString())
			.isEqualTo("justification");
		assertThat(this.awards
			.selectTrack(this.roundId, this.outstanding, List.of(this.proposals.get(0)), null, null, this.organizer)
			.errorMessage()).contains("selectProposals");
		assertThat(this.awards
			.selectTrack(this.roundId, openData, List.of(this.proposals.get(1)), null, null,
					this.accounts.user("trk-nobody-" + this.hackathon.slug()))
			.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.awards.roundTracks(this.roundId, this.organizer)
			.path("awardTracks")
			.get(1)
			.path("selection")
			.isNull()).as("nothing selected by the refused calls").isTrue();

		JsonNode top = JudgingApi
			.ok(this.awards.selectTrack(this.roundId, openData, List.of(this.proposals.get(1)), null, null,
					this.organizer), "selectTrackWinners")
			.path("round")
			.path("awardTracks")
			.get(1)
			.path("selection");
		assertThat(top.path("kind").asString()).isEqualTo("TOP_N");
		assertThat(top.path("topN")).extracting(JsonNode::asString).containsExactly(this.proposals.get(1));
		JsonNode override = JudgingApi
			.ok(this.awards.selectTrack(this.roundId, openData, List.of(this.proposals.get(3)), WHY, null,
					this.organizer), "selectTrackWinners")
			.path("round")
			.path("awardTracks")
			.get(1)
			.path("selection");
		assertThat(override.path("kind").asString()).isEqualTo("OVERRIDE");
		assertThat(override.path("proposalIds")).extracting(JsonNode::asString).containsExactly(this.proposals.get(3));

		// New rules for the track: its selection here was made under the old ones and is
		// gone.
		ObjectNode quota = Http.json().put("trackId", openData).put("expectedVersion", 1).put("quota", 2);
		JudgingApi.ok(this.awards.update(quota, this.organizer), "updateAwardTrack");
		assertThat(this.awards.roundTracks(this.roundId, this.organizer)
			.path("awardTracks")
			.get(1)
			.path("selection")
			.isNull()).isTrue();
		ObjectNode rename = Http.json().put("trackId", openData).put("expectedVersion", 2);
		rename.putObject("name").put("zhTW", "開放資料獎").put("en", "Open data award");
		JudgingApi.ok(this.awards.update(rename, this.organizer), "updateAwardTrack");
		JudgingApi.ok(this.awards.selectTrack(this.roundId, openData,
				List.of(this.proposals.get(1), this.proposals.get(3)), null, null, this.organizer),
				"selectTrackWinners");
		JudgingApi.ok(this.awards.update(rename.put("expectedVersion", 3).put("sponsor", "Someone"), this.organizer),
				"updateAwardTrack");
		assertThat(this.awards.roundTracks(this.roundId, this.organizer)
			.path("awardTracks")
			.get(1)
			.path("selection")
			.path("kind")
			.asString()).as("a new name keeps the selection").isEqualTo("TOP_N");
	}

	@Test
	void aProposalWinsTwoTracksAndTheResultsNameEachTrack() {
		String openData = track("open-data", 1, "BY_TAG", "tags", List.of("open-data"));
		String sponsor = track("sponsor", 1, "BY_CHOICE", "proposalIds",
				List.of(this.proposals.get(0), this.proposals.get(2)));
		JudgingApi.ok(
				this.awards.configureRound(this.roundId, List.of(this.outstanding, openData, sponsor), this.organizer),
				"configureRoundAwardTracks");
		this.api.statusOk(this.roundId, "CLOSED", null);
		JudgingApi.ok(this.api.select(this.roundId, List.of(this.proposals.get(0)), null, null, this.organizer),
				"selectProposals");
		JudgingApi.ok(this.awards.selectTrack(this.roundId, openData, List.of(this.proposals.get(1)), null, null,
				this.organizer), "selectTrackWinners");
		Http.GraphQlResult early = this.api.publish(this.roundId, this.organizer);
		assertThat(early.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(early.body().path("errors").get(0).path("extensions").path("rule").asString())
			.isEqualTo("TRACK_SELECTIONS");
		assertThat(early.errorMessage()).contains("'sponsor'");
		JsonNode preview = JudgingApi.ok(this.api.publicationPreview(this.roundId, this.organizer),
				"publicationPreview");
		assertThat(preview.path("blockers").toString()).contains("'sponsor'");
		// The same as a code naming the track, for the panel (#17).
		assertThat(preview.path("codedBlockers").findValuesAsString("code")).containsExactly("TRACK_SELECTION_MISSING");
		assertThat(preview.path("codedBlockers").get(0).path("args").get(0).path("name").asString()).isEqualTo("track");
		assertThat(this.api.round(this.roundId, this.organizer).path("status").asString()).isEqualTo("CLOSED");
		JudgingApi.ok(this.awards.selectTrack(this.roundId, sponsor, List.of(this.proposals.get(0)), null, null,
				this.organizer), "selectTrackWinners");
		JudgingApi.ok(this.api.publish(this.roundId, this.organizer), "publishRound");

		assertThat(this.api.proposalStatus(this.proposals.get(0)).path("status").asString()).isEqualTo("OUTSTANDING");
		assertThat(this.api.proposalStatus(this.proposals.get(1)).path("status").asString())
			.as("another track's award does not make an outstanding team")
			.isEqualTo("NOT_SELECTED");
		JsonNode awards = this.awards.roundTracks(this.roundId, null).path("publishedAwards");
		assertThat(awards).extracting((a) -> a.path("track").path("slug").asString())
			.containsExactly("outstanding", "open-data", "sponsor");
		assertThat(awards.get(0).path("winnerIds").get(0).asString()).isEqualTo(this.proposals.get(0));
		assertThat(awards.get(2).path("winnerIds").get(0).asString()).isEqualTo(this.proposals.get(0));
		assertThat(awards.get(2).path("sponsor").asString()).isEqualTo("Sponsor of sponsor");

		JsonNode results = Http
			.parse(this.http.get("/api/hackathons/" + this.hackathon.slug() + "/results.json").body());
		JsonNode exported = results.path("awards");
		assertThat(exported).hasSize(3);
		assertThat(exported.get(1).path("track").asString()).isEqualTo(openData);
		assertThat(exported.get(1).path("name").path("en").asString()).isEqualTo("Award open-data");
		assertThat(exported.get(1).path("winners").get(0).path("id").asString()).isEqualTo(this.proposals.get(1));
		assertThat(exported.get(2).path("sponsor").asString()).isEqualTo("Sponsor of sponsor");
		assertThat(exported.get(2).path("winners").get(0).path("id").asString()).isEqualTo(this.proposals.get(0));
		assertThat(exported.get(0).path("round").asString()).isEqualTo(this.roundId);

		// Renaming a track afterwards does not change what was published.
		ObjectNode rename = Http.json().put("trackId", openData).put("expectedVersion", 1);
		rename.putObject("name").put("zhTW", "新名稱").put("en", "New name");
		JudgingApi.ok(this.awards.update(rename, this.organizer), "updateAwardTrack");
		assertThat(this.awards.roundTracks(this.roundId, null)
			.path("publishedAwards")
			.get(1)
			.path("name")
			.path("en")
			.asString()).isEqualTo("Award open-data");
		assertThat(this.awards.configureRound(this.roundId, List.of(this.outstanding), this.organizer).errorMessage())
			.contains("PUBLISHED");
	}

	@Test
	void aRoundPublishedBeforeTracksExistedReadsAsTheOutstandingTrack() {
		this.api.statusOk(this.roundId, "CLOSED", null);
		JudgingApi.ok(this.api.select(this.roundId, List.of(this.proposals.get(0)), null, null, this.organizer),
				"selectProposals");
		JudgingApi.ok(this.api.publish(this.roundId, this.organizer), "publishRound");
		// As written before award tracks: no round_awards document at all.
		this.mongo.remove(new Query(Criteria.where("_id").is(this.roundId)), "round_awards");
		assertThat(this.mongo.exists(new Query(Criteria.where("_id").is(this.roundId)), "round_awards")).isFalse();
		JsonNode awards = this.awards.roundTracks(this.roundId, null).path("publishedAwards");
		assertThat(awards).hasSize(1);
		assertThat(awards.get(0).path("track").path("id").asString()).isEqualTo(this.outstanding);
		assertThat(awards.get(0).path("name").path("en").asString()).isEqualTo("Outstanding teams");
		assertThat(awards.get(0).path("quota").asInt()).isEqualTo(1);
		assertThat(awards.get(0).path("winnerIds").get(0).asString()).isEqualTo(this.proposals.get(0));
		JsonNode exported = Http
			.parse(this.http.get("/api/hackathons/" + this.hackathon.slug() + "/results.json").body())
			.path("awards");
		assertThat(exported).hasSize(1);
		assertThat(exported.get(0).path("slug").asString()).isEqualTo("outstanding");
		assertThat(exported.get(0).path("selection").asString()).isEqualTo("TOP_N");
		assertThat(exported.get(0).path("winners").get(0).path("id").asString()).isEqualTo(this.proposals.get(0));
	}

}
