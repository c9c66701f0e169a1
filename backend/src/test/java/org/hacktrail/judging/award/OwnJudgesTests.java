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
 * Award tracks with judges of their own ({@code judges: OWN}): a REVIEW round dedicated
 * to the track, whose candidates are its eligible proposals and where only its judges
 * work; the wrong combinations refused with nothing changed; the track's winners selected
 * and published without moving any proposal's status.
 */
class OwnJudgesTests extends JudgingApiTestSupport {

	AwardApi awards;

	JudgingApi.Hackathon hackathon;

	String reviewRound;

	String finalRound;

	/** 1 and 3 tagged open-data. */
	List<String> proposals;

	TestAccounts.Account first;

	TestAccounts.Account second;

	TestAccounts.Account outsider;

	String firstId;

	String secondId;

	String outsiderId;

	@BeforeEach
	void setUp() {
		this.awards = new AwardApi(this.http);
		this.hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW", "FINAL");
		this.reviewRound = this.hackathon.roundIds().get(0);
		this.finalRound = this.hackathon.roundIds().get(1);
		this.proposals = List.of(this.awards.proposal(this.api, this.hackathon, "Zero", this.organizer, "health"),
				this.awards.proposal(this.api, this.hackathon, "One", this.organizer, "open-data"),
				this.awards.proposal(this.api, this.hackathon, "Two", this.organizer, "education"),
				this.awards.proposal(this.api, this.hackathon, "Three", this.organizer, "open-data", "health"));
		this.first = this.accounts.user("own-a-" + this.hackathon.slug());
		this.second = this.accounts.user("own-b-" + this.hackathon.slug());
		this.outsider = this.accounts.user("own-c-" + this.hackathon.slug());
		this.firstId = this.api.judge(this.hackathon, this.first, "PUBLIC").path("id").asString();
		this.secondId = this.api.judge(this.hackathon, this.second, "PRIVATE").path("id").asString();
		this.outsiderId = this.api.judge(this.hackathon, this.outsider, "PUBLIC").path("id").asString();
	}

	private ObjectNode ownTrack(String slug, List<String> judgeIds) {
		ObjectNode input = AwardApi.trackInput(this.hackathon.id(), slug, 1)
			.put("eligibility", "BY_TAG")
			.put("judges", "OWN");
		input.set("tags", JudgingApi.array(List.of("open-data")));
		input.set("judgeIds", JudgingApi.array(judgeIds));
		return input;
	}

	private JsonNode createOwn() {
		return this.awards.createOk(ownTrack("open-data", List.of(this.firstId, this.secondId)), this.organizer);
	}

	private static String rule(Http.GraphQlResult result) {
		return result.body().path("errors").path(0).path("extensions").path("rule").asString();
	}

	private static String field(Http.GraphQlResult result) {
		return result.body().path("errors").path(0).path("extensions").path("field").asString();
	}

	private JsonNode round(String roundId) {
		return JudgingApi
			.ok(this.http.graphql(
					"query($id: ID!) { judgingRound(roundId: $id) { status plan { id } dedicatedTrack { id } "
							+ "awardTracks { track { id } } } }",
					Http.json().put("id", roundId), this.organizer.headers()), "judgingRound");
	}

	@Test
	void onlyTheTracksJudgesScoreItsEligibleProposalsAndItsWinnersArePublished() {
		JsonNode track = createOwn();
		String trackId = track.path("id").asString();
		assertThat(track.path("judges").asString()).isEqualTo("OWN");
		assertThat(track.path("judgeIds")).extracting(JsonNode::asString).containsExactly(this.firstId, this.secondId);

		JsonNode dedicated = JudgingApi
			.ok(this.awards.dedicate(this.reviewRound, trackId, this.organizer), "dedicateRoundToTrack")
			.path("round");
		assertThat(dedicated.path("dedicatedTrack").path("id").asString()).isEqualTo(trackId);
		assertThat(dedicated.path("awardTracks")).hasSize(1);
		assertThat(dedicated.path("awardTracks").get(0).path("eligibleProposalIds")).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder(this.proposals.get(1), this.proposals.get(3));

		this.api.configureOk(JudgingApi.roundInput(this.reviewRound, 2).put("cutSize", 1).put("normalise", false));
		this.api.assignOk(this.reviewRound, "8");
		this.api.statusOk(this.reviewRound, "OPEN", null);
		assertThat(this.api.assigned(this.reviewRound, this.first)).containsExactlyInAnyOrder(this.proposals.get(1),
				this.proposals.get(3));
		assertThat(this.api.assigned(this.reviewRound, this.second)).containsExactlyInAnyOrder(this.proposals.get(1),
				this.proposals.get(3));
		assertThat(this.api.assigned(this.reviewRound, this.outsider)).as("not a judge of the track").isEmpty();
		Http.GraphQlResult forbidden = this.api
			.submit(JudgingApi.sheetInput(this.reviewRound, this.proposals.get(1), 9.0, 6.0, null), this.outsider);
		assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(forbidden.errorMessage()).contains("dedicated to an award track");
		assertThat(this.api.proposalStatus(this.proposals.get(1)).path("status").asString())
			.as("opening a dedicated round moves no proposal")
			.isEqualTo("SUBMITTED");

		for (TestAccounts.Account judge : List.of(this.first, this.second)) {
			this.api.score(this.reviewRound, this.proposals.get(1), 9, 6, judge);
			this.api.score(this.reviewRound, this.proposals.get(3), 4, 6, judge);
		}
		this.api.statusOk(this.reviewRound, "CLOSED", null);
		Http.GraphQlResult roundSelection = this.api.select(this.reviewRound, List.of(this.proposals.get(1)), null,
				null, this.organizer);
		assertThat(rule(roundSelection)).isEqualTo("DEDICATED_ROUND");
		Http.GraphQlResult early = this.api.publish(this.reviewRound, this.organizer);
		assertThat(early.errorCode()).as("the track is not selected yet").isEqualTo("BAD_USER_INPUT");
		assertThat(rule(early)).isEqualTo("TRACK_SELECTIONS");
		assertThat(early.errorMessage()).contains("open-data");

		JsonNode selected = JudgingApi
			.ok(this.awards.selectTrack(this.reviewRound, trackId, List.of(this.proposals.get(1)), null, null,
					this.organizer), "selectTrackWinners")
			.path("round")
			.path("awardTracks")
			.get(0)
			.path("selection");
		assertThat(selected.path("kind").asString()).isEqualTo("TOP_N");
		JudgingApi.ok(this.api.publish(this.reviewRound, this.organizer), "publishRound");

		JsonNode published = this.awards.roundTracks(this.reviewRound, null).path("publishedAwards");
		assertThat(published).hasSize(1);
		assertThat(published.get(0).path("track").path("id").asString()).isEqualTo(trackId);
		assertThat(published.get(0).path("winnerIds")).extracting(JsonNode::asString)
			.containsExactly(this.proposals.get(1));
		assertThat(this.api.proposalStatus(this.proposals.get(1)).path("status").asString())
			.as("winning a track changes no status")
			.isEqualTo("SUBMITTED");
		assertThat(this.api.proposalStatus(this.proposals.get(3)).path("status").asString()).isEqualTo("SUBMITTED");
		JsonNode results = Http
			.parse(this.http.get("/api/hackathons/" + this.hackathon.slug() + "/results.json").body());
		JsonNode award = null;
		for (JsonNode entry : results.path("awards")) {
			if (entry.path("track").asString().equals(trackId)) {
				award = entry;
			}
		}
		assertThat(award).as(results.path("awards").toString()).isNotNull();
		assertThat(award.path("judges").asString()).isEqualTo("OWN");
		assertThat(award.path("winners").get(0).path("id").asString()).isEqualTo(this.proposals.get(1));
	}

	@Test
	void theWrongCombinationsAreRefusedAndChangeNothing() {
		Http.GraphQlResult noJudges = this.awards.create(ownTrack("none", List.of()), this.organizer);
		assertThat(field(noJudges)).isEqualTo("judgeIds");
		assertThat(rule(noJudges)).isEqualTo("OWN_JUDGES");
		Http.GraphQlResult stranger = this.awards.create(ownTrack("stranger", List.of(this.hackathon.id() + ":nobody")),
				this.organizer);
		assertThat(field(stranger)).isEqualTo("judgeIds");
		ObjectNode sharedWithJudges = AwardApi.trackInput(this.hackathon.id(), "shared-judges", 1);
		sharedWithJudges.set("judgeIds", JudgingApi.array(List.of(this.firstId)));
		assertThat(rule(this.awards.create(sharedWithJudges, this.organizer))).isEqualTo("SHARED_JUDGES");
		assertThat(this.awards.tracks(this.hackathon.slug(), this.organizer)).as("nothing created").hasSize(1);

		String own = createOwn().path("id").asString();
		String shared = this.awards.createOk(AwardApi.trackInput(this.hackathon.id(), "shared", 1), this.organizer)
			.path("id")
			.asString();
		String outstanding = this.hackathon.id() + ".outstanding";

		Http.GraphQlResult sharedDedicated = this.awards.dedicate(this.reviewRound, shared, this.organizer);
		assertThat(sharedDedicated.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(field(sharedDedicated)).isEqualTo("trackId");
		assertThat(rule(sharedDedicated)).isEqualTo("SHARED_TRACK");
		assertThat(rule(this.awards.dedicate(this.finalRound, own, this.organizer))).isEqualTo("REVIEW_ROUND");
		Http.GraphQlResult ownInFinal = this.awards.configureRound(this.finalRound, List.of(outstanding, own),
				this.organizer);
		assertThat(field(ownInFinal)).isEqualTo("trackIds");
		assertThat(rule(ownInFinal)).isEqualTo("OWN_JUDGES");
		assertThat(round(this.reviewRound).path("dedicatedTrack").isNull()).isTrue();
		assertThat(round(this.finalRound).path("awardTracks")).hasSize(1);

		// A SHARED track a round feeds does not become OWN.
		JudgingApi.ok(this.awards.configureRound(this.finalRound, List.of(outstanding, shared), this.organizer),
				"configureRoundAwardTracks");
		ObjectNode toOwn = Http.json().put("trackId", shared).put("expectedVersion", 1).put("judges", "OWN");
		toOwn.set("judgeIds", JudgingApi.array(List.of(this.firstId)));
		assertThat(rule(this.awards.update(toOwn, this.organizer))).isEqualTo("SHARED_ROUND");

		JudgingApi.ok(this.awards.dedicate(this.reviewRound, own, this.organizer), "dedicateRoundToTrack");
		assertThat(rule(this.awards.configureRound(this.reviewRound, List.of(own, shared), this.organizer)))
			.as("a dedicated round feeds its track only")
			.isIn("DEDICATED_ROUND");
		ObjectNode toShared = Http.json().put("trackId", own).put("expectedVersion", 1).put("judges", "SHARED");
		assertThat(rule(this.awards.update(toShared, this.organizer))).isEqualTo("DEDICATED_ROUND");
		assertThat(rule(this.awards.delete(own, 1, this.organizer))).isEqualTo("DEDICATED_ROUND");
		ObjectNode stale = Http.json().put("trackId", own).put("expectedVersion", 7);
		stale.set("judgeIds", JudgingApi.array(List.of(this.firstId)));
		assertThat(this.awards.update(stale, this.organizer).errorCode()).isEqualTo("CONFLICT");

		this.api.configureOk(JudgingApi.roundInput(this.reviewRound, 2).put("cutSize", 1));
		this.api.assignOk(this.reviewRound, "8");
		this.api.statusOk(this.reviewRound, "OPEN", null);
		ObjectNode lateJudges = Http.json().put("trackId", own).put("expectedVersion", 1);
		lateJudges.set("judgeIds", JudgingApi.array(List.of(this.firstId, this.outsiderId)));
		Http.GraphQlResult late = this.awards.update(lateJudges, this.organizer);
		assertThat(rule(late)).isEqualTo("ROUND_STARTED");
		assertThat(rule(this.awards.dedicate(this.reviewRound, null, this.organizer))).isEqualTo("ROUND_STARTED");

		JsonNode after = this.awards.tracks(this.hackathon.slug(), this.organizer);
		JsonNode ownAfter = after.get(1);
		assertThat(ownAfter.path("judges").asString()).isEqualTo("OWN");
		assertThat(ownAfter.path("version").asInt()).isEqualTo(1);
		assertThat(ownAfter.path("judgeIds")).extracting(JsonNode::asString)
			.containsExactly(this.firstId, this.secondId);
		assertThat(after.get(2).path("judges").asString()).isEqualTo("SHARED");
		assertThat(round(this.reviewRound).path("dedicatedTrack").path("id").asString()).isEqualTo(own);
		assertThat(this.api.assigned(this.reviewRound, this.outsider)).isEmpty();
	}

	@Test
	void changingTheJudgesWhileTheRoundIsDraftDiscardsItsAssignment() {
		String own = createOwn().path("id").asString();
		JudgingApi.ok(this.awards.dedicate(this.reviewRound, own, this.organizer), "dedicateRoundToTrack");
		this.api.configureOk(JudgingApi.roundInput(this.reviewRound, 2).put("cutSize", 1));
		this.api.assignOk(this.reviewRound, "8");
		assertThat(round(this.reviewRound).path("plan").isNull()).isFalse();

		ObjectNode judges = Http.json().put("trackId", own).put("expectedVersion", 1);
		judges.set("judgeIds", JudgingApi.array(List.of(this.outsiderId, this.secondId)));
		JsonNode changed = JudgingApi.ok(this.awards.update(judges, this.organizer), "updateAwardTrack").path("track");
		assertThat(changed.path("version").asInt()).isEqualTo(2);
		assertThat(round(this.reviewRound).path("plan").isNull()).as("assign again").isTrue();
		this.api.assignOk(this.reviewRound, "8");
		this.api.statusOk(this.reviewRound, "OPEN", null);
		assertThat(this.api.assigned(this.reviewRound, this.outsider)).containsExactlyInAnyOrder(this.proposals.get(1),
				this.proposals.get(3));
		assertThat(this.api.assigned(this.reviewRound, this.first)).isEmpty();
	}

	@Test
	void onlyOrganizersEditATracksJudgesOrDedicateARound() {
		String own = createOwn().path("id").asString();
		TestAccounts.Account proposer = this.accounts.user("own-proposer-" + this.hackathon.slug());
		this.api.proposal(this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS", "FINAL"), "Mine", proposer);
		ObjectNode judges = Http.json().put("trackId", own).put("expectedVersion", 1);
		judges.set("judgeIds", JudgingApi.array(List.of(this.outsiderId)));
		assertThat(this.awards.update(judges, proposer).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.awards.update(judges, this.first).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.awards.update(judges, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.awards.dedicate(this.reviewRound, own, proposer).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.awards.dedicate(this.reviewRound, own, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.awards.tracks(this.hackathon.slug(), proposer).get(1).path("judgeIds").isNull())
			.as("the judges are named to organizers only")
			.isTrue();
		JsonNode unchanged = this.awards.tracks(this.hackathon.slug(), this.organizer).get(1);
		assertThat(unchanged.path("version").asInt()).isEqualTo(1);
		assertThat(unchanged.path("judgeIds")).extracting(JsonNode::asString)
			.containsExactly(this.firstId, this.secondId);
		assertThat(round(this.reviewRound).path("dedicatedTrack").isNull()).isTrue();
	}

	@Test
	void anExpoRoundDedicatedToTheTrackSendsOnlyItsJudgesToItsEligibleTables() {
		String own = createOwn().path("id").asString();
		JudgingApi.ok(this.awards.dedicate(this.reviewRound, own, this.organizer), "dedicateRoundToTrack");
		JudgingApi.ok(this.api.configure(Http.json().put("roundId", this.reviewRound).put("method", "PAIRWISE"),
				this.organizer), "configureRound");
		ObjectNode tables = Http.json();
		tables.putObject("input")
			.put("roundId", this.reviewRound)
			.putArray("tables")
			.addObject()
			.put("proposalId", this.proposals.get(0))
			.put("label", "T1")
			.put("tableNumber", 1);
		Http.GraphQlResult ineligible = this.http.graphql("mutation($input: ConfigureExpoTablesInput!) { "
				+ "configureExpoTables(input: $input) { round { id } } }", tables, this.organizer.headers());
		assertThat(ineligible.errorCode()).as("not eligible for the track").isEqualTo("BAD_USER_INPUT");

		this.api.openPairwise(this.reviewRound, List.of(this.proposals.get(1), this.proposals.get(3)), "5");
		String next = "mutation($id: ID!) { nextExpoVisit(roundId: $id) { done visit { proposalId } } }";
		Http.GraphQlResult outsider = this.http.graphql(next, Http.json().put("id", this.reviewRound),
				this.outsider.headers());
		assertThat(outsider.errorCode()).isEqualTo("FORBIDDEN");
		JsonNode visit = JudgingApi
			.ok(this.http.graphql(next, Http.json().put("id", this.reviewRound), this.first.headers()), "nextExpoVisit")
			.path("visit");
		assertThat(visit.path("proposalId").asString()).isIn(this.proposals.get(1), this.proposals.get(3));
		assertThat(this.api.proposalStatus(this.proposals.get(1)).path("status").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void theDedicatedRoundsCutIsTheTracksQuota() {
		String own = this.awards
			.createOk(ownTrack("open-data", List.of(this.firstId, this.secondId)).put("quota", 2), this.organizer)
			.path("id")
			.asString();
		JudgingApi.ok(this.awards.dedicate(this.reviewRound, own, this.organizer), "dedicateRoundToTrack");
		assertThat(this.api.round(this.reviewRound, this.organizer).path("cutSize").asInt()).isEqualTo(2);
		Http.GraphQlResult otherCut = this.api.configure(JudgingApi.roundInput(this.reviewRound, 2).put("cutSize", 1),
				this.organizer);
		assertThat(field(otherCut)).isEqualTo("cutSize");
		assertThat(rule(otherCut)).isEqualTo("DEDICATED_ROUND");
		assertThat(this.api.round(this.reviewRound, this.organizer).path("cutSize").asInt()).isEqualTo(2);

		JudgingApi.ok(this.awards.update(Http.json().put("trackId", own).put("expectedVersion", 1).put("quota", 1),
				this.organizer), "updateAwardTrack");
		assertThat(this.api.round(this.reviewRound, this.organizer).path("cutSize").asInt()).as("follows the quota")
			.isEqualTo(1);
	}

	@Test
	void theNextRoundDoesNotTakeItsCandidatesFromADedicatedRound() {
		String own = createOwn().path("id").asString();
		JudgingApi.ok(this.awards.dedicate(this.reviewRound, own, this.organizer), "dedicateRoundToTrack");
		this.api.shortlist(List.of(this.proposals.get(0), this.proposals.get(2)));
		this.api.configureOk(JudgingApi.roundInput(this.finalRound, 2).put("cutSize", 1));
		JsonNode plan = this.api.assignOk(this.finalRound, "8").path("plan");
		assertThat(plan.path("proposalCount").asInt())
			.as("the shortlisted proposals, not the unpublished dedicated round's selection")
			.isEqualTo(2);
		assertThat(this.api.assigned(this.finalRound, this.outsider)).isNotEmpty();
	}

}
