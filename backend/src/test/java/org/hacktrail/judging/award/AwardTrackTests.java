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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Award tracks over the API: the default outstanding track every hackathon has, creating
 * and editing tracks with specific validation errors, version-checked edits, the wrong
 * actors refused, and the tracks a round feeds.
 */
class AwardTrackTests extends JudgingApiTestSupport {

	AwardApi awards;

	JudgingApi.Hackathon hackathon;

	@BeforeEach
	void setUp() {
		this.awards = new AwardApi(this.http);
		this.hackathon = this.api.hackathon("PRESIDENTIAL", "JUDGING", "REVIEW", "FINAL");
	}

	@Test
	void everyHackathonHasTheOutstandingTrackWithTheOutstandingQuota() {
		JsonNode tracks = this.awards.tracks(this.hackathon.slug(), null);
		assertThat(tracks).hasSize(1);
		JsonNode outstanding = tracks.get(0);
		assertThat(outstanding.path("id").asString()).isEqualTo(this.hackathon.id() + ".outstanding");
		assertThat(outstanding.path("outstanding").asBoolean()).isTrue();
		assertThat(outstanding.path("name").path("en").asString()).isEqualTo("Outstanding teams");
		assertThat(outstanding.path("name").path("zhTW").asString()).isEqualTo("卓越團隊");
		assertThat(outstanding.path("quota").asInt()).as("PRESIDENTIAL default outstanding quota").isEqualTo(5);
		assertThat(outstanding.path("eligibility").asString()).isEqualTo("ALL");
		assertThat(outstanding.path("version").asInt()).isZero();
		// The FINAL round feeds it by default; the REVIEW round (the shortlist) feeds
		// nothing.
		JsonNode finalRound = this.awards.roundTracks(this.hackathon.roundIds().get(1), null);
		assertThat(finalRound.path("awardTracks")).hasSize(1);
		assertThat(finalRound.path("awardTracks").get(0).path("track").path("slug").asString())
			.isEqualTo("outstanding");
		assertThat(finalRound.path("awardTracks").get(0).path("quota").asInt()).isEqualTo(5);
		assertThat(this.awards.roundTracks(this.hackathon.roundIds().get(0), null).path("awardTracks")).isEmpty();
	}

	@Test
	void organizersCreateTracksByTagAndByChoice() {
		ObjectNode byTag = AwardApi.trackInput(this.hackathon.id(), "open-data", 2)
			.put("eligibility", "BY_TAG")
			.put("sponsor", "National Development Council")
			.put("sponsorKind", "AGENCY");
		byTag.set("tags", JudgingApi.array(List.of("open-data", "open-government")));
		JsonNode created = this.awards.createOk(byTag, this.organizer);
		assertThat(created.path("id").asString()).isEqualTo(this.hackathon.id() + ".open-data");
		assertThat(created.path("tags")).hasSize(2);
		assertThat(created.path("sponsorKind").asString()).isEqualTo("AGENCY");
		assertThat(created.path("judges").asString()).isEqualTo("SHARED");
		assertThat(created.path("version").asInt()).isEqualTo(1);

		String chosen = this.awards.proposal(this.api, this.hackathon, "Chosen one", this.organizer);
		ObjectNode byChoice = AwardApi.trackInput(this.hackathon.id(), "sponsor-prize", 1)
			.put("eligibility", "BY_CHOICE")
			.put("sponsor", "Example Corp.");
		byChoice.set("proposalIds", JudgingApi.array(List.of(chosen)));
		JsonNode sponsor = this.awards.createOk(byChoice, this.organizer);
		assertThat(sponsor.path("proposalIds").get(0).asString()).isEqualTo(chosen);
		assertThat(sponsor.path("sponsorKind").asString()).as("default kind of a named sponsor").isEqualTo("SPONSOR");

		JsonNode all = this.awards.tracks(this.hackathon.slug(), null);
		assertThat(all).extracting((t) -> t.path("slug").asString())
			.containsExactly("outstanding", "open-data", "sponsor-prize");
	}

	@Test
	void invalidTracksAreRefusedWithSpecificErrorsAndNothingChanges() {
		JudgingApi.Hackathon other = this.api.hackathon("COMMUNITY", "JUDGING", "FINAL");
		String foreign = this.awards.proposal(this.api, other, "Elsewhere", this.organizer);
		ObjectNode noEnglish = AwardApi.trackInput(this.hackathon.id(), "a", 1);
		noEnglish.putObject("name").put("zhTW", "只有中文");
		ObjectNode noChinese = AwardApi.trackInput(this.hackathon.id(), "a", 1);
		noChinese.putObject("name").put("en", "English only");
		ObjectNode unknownTag = AwardApi.trackInput(this.hackathon.id(), "a", 1).put("eligibility", "BY_TAG");
		unknownTag.set("tags", JudgingApi.array(List.of("open-data", "no-such-tag")));
		ObjectNode noTags = AwardApi.trackInput(this.hackathon.id(), "a", 1).put("eligibility", "BY_TAG");
		ObjectNode foreignChoice = AwardApi.trackInput(this.hackathon.id(), "a", 1).put("eligibility", "BY_CHOICE");
		foreignChoice.set("proposalIds", JudgingApi.array(List.of(foreign)));
		record Case(String what, ObjectNode input, String field, String says) {
		}
		List<Case> cases = List.of(new Case("no English name", noEnglish, "name.en", "English"),
				new Case("no Chinese name", noChinese, "name.zhTW", "Chinese"),
				new Case("quota 0", AwardApi.trackInput(this.hackathon.id(), "a", 0), "quota", "1 to 100"),
				new Case("quota 101", AwardApi.trackInput(this.hackathon.id(), "a", 101), "quota", "1 to 100"),
				new Case("unknown tag", unknownTag, "tags", "'no-such-tag' is not a known tag"),
				new Case("no tag", noTags, "tags", "at least one tag"),
				new Case("proposal of another hackathon", foreignChoice, "proposalIds", "is not a proposal of"),
				new Case("bad slug", AwardApi.trackInput(this.hackathon.id(), "Open Data", 1), "slug", "lower-case"),
				new Case("the default's slug", AwardApi.trackInput(this.hackathon.id(), "outstanding", 1), "slug",
						"default track"));
		for (Case c : cases) {
			Http.GraphQlResult refused = this.awards.create(c.input(), this.organizer);
			assertThat(refused.errorCode()).as(c.what()).isEqualTo("BAD_USER_INPUT");
			assertThat(refused.body().path("errors").get(0).path("extensions").path("field").asString()).as(c.what())
				.isEqualTo(c.field());
			assertThat(refused.errorMessage()).as(c.what()).contains(c.says());
		}
		this.awards.createOk(AwardApi.trackInput(this.hackathon.id(), "twice", 1), this.organizer);
		Http.GraphQlResult twice = this.awards.create(AwardApi.trackInput(this.hackathon.id(), "twice", 1),
				this.organizer);
		assertThat(twice.errorMessage()).contains("already has a track 'twice'");
		assertThat(this.awards.tracks(this.hackathon.slug(), this.organizer)).as("only the valid track was added")
			.hasSize(2);
	}

	@Test
	void onlyOrganizersWriteTracks() {
		TestAccounts.Account judge = this.accounts.user("award-judge-" + this.hackathon.slug());
		this.api.judge(this.hackathon, judge, "PUBLIC");
		TestAccounts.Account proposer = this.accounts.user("award-proposer-" + this.hackathon.slug());
		this.api.proposal(this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS", "FINAL"), "Mine", proposer);
		ObjectNode input = AwardApi.trackInput(this.hackathon.id(), "refused", 1);
		assertThat(this.awards.create(input, judge).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.awards.create(input, proposer).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.awards.create(input, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		ObjectNode edit = Http.json()
			.put("trackId", this.hackathon.id() + ".outstanding")
			.put("expectedVersion", 0)
			.put("sponsor", "Nobody");
		assertThat(this.awards.update(edit, judge).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.awards.update(edit, proposer).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.awards.update(edit, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.awards.configureRound(this.hackathon.roundIds().get(1), List.of(), judge).errorCode())
			.isEqualTo("FORBIDDEN");
		assertThat(this.awards.configureRound(this.hackathon.roundIds().get(1), List.of(), null).errorCode())
			.isEqualTo("UNAUTHENTICATED");
		JsonNode tracks = this.awards.tracks(this.hackathon.slug(), null);
		assertThat(tracks).hasSize(1);
		assertThat(tracks.get(0).path("sponsor").isNull()).isTrue();
	}

	@Test
	void aConcurrentEditIsAConflict() {
		String outstanding = this.hackathon.id() + ".outstanding";
		ObjectNode first = Http.json().put("trackId", outstanding).put("expectedVersion", 0);
		first.putObject("name").put("zhTW", "總統獎").put("en", "Presidential award");
		JsonNode renamed = JudgingApi.ok(this.awards.update(first, this.organizer), "updateAwardTrack").path("track");
		assertThat(renamed.path("name").path("en").asString()).isEqualTo("Presidential award");
		assertThat(renamed.path("version").asInt()).isEqualTo(1);
		assertThat(renamed.path("quota").asInt()).as("still the outstanding quota").isEqualTo(5);
		// A second editor who loaded version 0 is refused, and nothing of theirs is kept.
		ObjectNode stale = Http.json().put("trackId", outstanding).put("expectedVersion", 0).put("sponsor", "Stale");
		assertThat(this.awards.update(stale, this.organizer).errorCode()).isEqualTo("CONFLICT");
		JsonNode created = this.awards.createOk(AwardApi.trackInput(this.hackathon.id(), "agency", 3), this.organizer);
		ObjectNode edit = Http.json()
			.put("trackId", created.path("id").asString())
			.put("expectedVersion", 1)
			.put("quota", 4);
		assertThat(JudgingApi.ok(this.awards.update(edit, this.organizer), "updateAwardTrack")
			.path("track")
			.path("quota")
			.asInt()).isEqualTo(4);
		assertThat(this.awards.update(edit.put("quota", 2), this.organizer).errorCode()).isEqualTo("CONFLICT");
		JsonNode tracks = this.awards.tracks(this.hackathon.slug(), null);
		assertThat(tracks.get(0).path("sponsor").isNull()).isTrue();
		assertThat(tracks.get(1).path("quota").asInt()).isEqualTo(4);
		// The outstanding track's quota and eligibility are the FINAL round's.
		ObjectNode quota = Http.json().put("trackId", outstanding).put("expectedVersion", 1).put("quota", 3);
		Http.GraphQlResult refused = this.awards.update(quota, this.organizer);
		assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(refused.errorMessage()).contains("outstanding quota");
	}

	@Test
	void aRoundFeedsTracksAndATrackIsFedByOneRound() {
		String review = this.hackathon.roundIds().get(0);
		String finalRound = this.hackathon.roundIds().get(1);
		String outstanding = this.hackathon.id() + ".outstanding";
		String openData = this.awards.createOk(AwardApi.trackInput(this.hackathon.id(), "open-data", 1), this.organizer)
			.path("id")
			.asString();
		Http.GraphQlResult noOutstanding = this.awards.configureRound(finalRound, List.of(openData), this.organizer);
		assertThat(noOutstanding.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(noOutstanding.errorMessage()).contains("always feeds the outstanding track");
		assertThat(this.awards.configureRound(review, List.of(outstanding), this.organizer).errorMessage())
			.contains("fed by the FINAL round");
		assertThat(this.awards.configureRound(finalRound, List.of(outstanding, "nope"), this.organizer).errorMessage())
			.contains("'nope' is not an award track");
		JsonNode configured = JudgingApi
			.ok(this.awards.configureRound(finalRound, List.of(outstanding, openData), this.organizer),
					"configureRoundAwardTracks")
			.path("round");
		assertThat(configured.path("awardTracks")).extracting((t) -> t.path("track").path("slug").asString())
			.containsExactly("outstanding", "open-data");
		assertThat(configured.path("awardTracksVersion").asInt()).isEqualTo(1);
		Http.GraphQlResult twice = this.awards.configureRound(review, List.of(openData), this.organizer);
		assertThat(twice.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(twice.errorMessage()).contains("already fed by the round");
	}

}
