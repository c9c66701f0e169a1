package org.hacktrail.judging.award;

import java.util.List;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting an award track: organizers only, version-checked, never the outstanding track
 * nor a track a published round awarded (published results keep their meaning); a deleted
 * track leaves the unpublished round that fed it, with its selection there.
 */
class AwardTrackDeletionTests extends JudgingApiTestSupport {

	private List<String> slugs(AwardApi awards, JudgingApi.Hackathon hackathon) {
		return awards.tracks(hackathon.slug(), this.organizer).findValuesAsString("slug");
	}

	@Test
	void organizersDeleteAnUnusedTrackWithItsVersionAndItLeavesTheRoundThatFedIt() {
		AwardApi awards = new AwardApi(this.http);
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW", "FINAL");
		String roundId = hackathon.roundIds().get(1);
		String track = awards.createOk(AwardApi.trackInput(hackathon.id(), "short-lived", 1), this.organizer)
			.path("id")
			.asString();
		String kept = awards.createOk(AwardApi.trackInput(hackathon.id(), "kept", 1), this.organizer)
			.path("id")
			.asString();
		String outstanding = hackathon.id() + ".outstanding";
		JudgingApi.ok(awards.configureRound(roundId, List.of(outstanding, track, kept), this.organizer),
				"configureRoundAwardTracks");

		// The wrong actors are refused, and the track stays.
		TestAccounts.Account judge = this.accounts.user("del-judge-" + hackathon.slug());
		this.api.judge(hackathon, judge, "PUBLIC");
		TestAccounts.Account proposer = this.accounts.user("del-proposer-" + hackathon.slug());
		this.api.proposal(this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS", "FINAL"), "Mine", proposer);
		assertThat(awards.delete(track, 1, judge).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(awards.delete(track, 1, proposer).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(awards.delete(track, 1, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		// A stale version: CONFLICT; the outstanding track: refused at trackId; an
		// unknown id: NOT_FOUND.
		assertThat(awards.delete(track, 7, this.organizer).errorCode()).isEqualTo("CONFLICT");
		Http.GraphQlResult outstandingRefused = awards.delete(outstanding, 0, this.organizer);
		assertThat(outstandingRefused.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(outstandingRefused.body().path("errors").get(0).path("extensions").path("field").asString())
			.isEqualTo("trackId");
		assertThat(awards.delete(hackathon.id() + ".nothing", 1, this.organizer).errorCode()).isEqualTo("NOT_FOUND");
		assertThat(slugs(awards, hackathon)).containsExactly("outstanding", "short-lived", "kept");
		assertThat(awards.roundTracks(roundId, this.organizer).path("awardTracks").findValuesAsString("id"))
			.containsExactly(outstanding, track, kept);

		JsonNode deleted = JudgingApi.ok(awards.delete(track, 1, this.organizer), "deleteAwardTrack");
		assertThat(deleted.path("trackId").asString()).isEqualTo(track);
		assertThat(slugs(awards, hackathon)).containsExactly("outstanding", "kept");
		assertThat(awards.roundTracks(roundId, this.organizer).path("awardTracks").findValuesAsString("id"))
			.containsExactly(outstanding, kept);
		// Gone: deleting it again finds nothing, and the slug is free again.
		assertThat(awards.delete(track, 1, this.organizer).errorCode()).isEqualTo("NOT_FOUND");
		awards.createOk(AwardApi.trackInput(hackathon.id(), "short-lived", 2), this.organizer);
	}

	@Test
	void aTrackAPublishedRoundAwardedIsNotDeleted() {
		AwardApi awards = new AwardApi(this.http);
		AwardApi.ScoredRound scored = awards.scoredFinalRound(this.api, this.accounts, this.organizer, "dp");
		JudgingApi.Hackathon hackathon = scored.hackathon();
		String roundId = scored.roundId();
		List<String> proposals = scored.proposals();
		String city = awards.createOk(AwardApi.trackInput(hackathon.id(), "city-award", 1), this.organizer)
			.path("id")
			.asString();
		JudgingApi.ok(awards.configureRound(roundId, List.of(hackathon.id() + ".outstanding", city), this.organizer),
				"configureRoundAwardTracks");
		this.api.statusOk(roundId, "CLOSED", null);
		JudgingApi.ok(this.api.select(roundId, List.of(proposals.get(0)), null, null, this.organizer),
				"selectProposals");
		JudgingApi.ok(awards.selectTrack(roundId, city, List.of(proposals.get(0)), null, null, this.organizer),
				"selectTrackWinners");
		JudgingApi.ok(this.api.publish(roundId, this.organizer), "publishRound");

		Http.GraphQlResult refused = awards.delete(city, 1, this.organizer);
		assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode extensions = refused.body().path("errors").get(0).path("extensions");
		assertThat(extensions.path("rule").asString()).isEqualTo("PUBLISHED_AWARDS");
		assertThat(extensions.path("roundId").asString()).isEqualTo(roundId);
		assertThat(refused.body().path("errors").get(0).path("message").asString()).contains("published round",
				"city-award");
		// Nothing changed: the track and its published award are there.
		assertThat(slugs(awards, hackathon)).containsExactly("outstanding", "city-award");
		JsonNode published = awards.roundTracks(roundId, this.organizer).path("publishedAwards");
		assertThat(published.findValuesAsString("slug")).containsExactly("outstanding", "city-award");
	}

}
