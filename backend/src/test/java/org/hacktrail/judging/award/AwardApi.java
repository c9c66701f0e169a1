package org.hacktrail.judging.award;

import java.util.List;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The award-track calls the tests make. */
public final class AwardApi {

	static final String TRACK_FIELDS = "id slug name { zhTW en } quota eligibility tags proposalIds sponsor sponsorKind "
			+ "judges judgeIds outstanding version";

	private final Http http;

	public AwardApi(Http http) {
		this.http = http;
	}

	public static ObjectNode trackInput(String hackathonId, String slug, int quota) {
		ObjectNode input = Http.json().put("hackathonId", hackathonId).put("slug", slug).put("quota", quota);
		input.putObject("name").put("zhTW", "獎 " + slug).put("en", "Award " + slug);
		return input;
	}

	public Http.GraphQlResult create(ObjectNode input, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return this.http.graphql("mutation($input: CreateAwardTrackInput!) { createAwardTrack(input: $input) { track { "
				+ TRACK_FIELDS + " } } }", variables, headers(as));
	}

	public JsonNode createOk(ObjectNode input, TestAccounts.Account as) {
		return JudgingApi.ok(create(input, as), "createAwardTrack").path("track");
	}

	public Http.GraphQlResult update(ObjectNode input, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return this.http.graphql("mutation($input: UpdateAwardTrackInput!) { updateAwardTrack(input: $input) { track { "
				+ TRACK_FIELDS + " } } }", variables, headers(as));
	}

	public Http.GraphQlResult delete(String trackId, long expectedVersion, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.putObject("input").put("trackId", trackId).put("expectedVersion", expectedVersion);
		return this.http.graphql(
				"mutation($input: DeleteAwardTrackInput!) { deleteAwardTrack(input: $input) { trackId } }", variables,
				headers(as));
	}

	/** Dedicates a round to a track (null: ends the dedication). */
	public Http.GraphQlResult dedicate(String roundId, String trackId, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("roundId", roundId);
		if (trackId != null) {
			input.put("trackId", trackId);
		}
		return this.http.graphql("mutation($input: DedicateRoundToTrackInput!) { dedicateRoundToTrack(input: $input) "
				+ "{ round { id dedicatedTrack { id judges } awardTracks { eligibleProposalIds track { id } } } } }",
				variables, headers(as));
	}

	public JsonNode tracks(String slug, TestAccounts.Account as) {
		return JudgingApi.ok(this.http.graphql(
				"query($slug: String!) { hackathon(slug: $slug) { awardTracks { " + TRACK_FIELDS + " } } }",
				Http.json().put("slug", slug), headers(as)), "hackathon")
			.path("awardTracks");
	}

	public Http.GraphQlResult configureRound(String roundId, List<String> trackIds, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("roundId", roundId);
		input.set("trackIds", JudgingApi.array(trackIds));
		return this.http.graphql("mutation($input: ConfigureRoundAwardTracksInput!) { configureRoundAwardTracks("
				+ "input: $input) { round { id awardTracksVersion awardTracks { quota eligibleProposalIds track { id slug }"
				+ " selection { proposalIds kind } } } } }", variables, headers(as));
	}

	public JsonNode roundTracks(String roundId, TestAccounts.Account as) {
		return JudgingApi.ok(this.http.graphql("query($id: ID!) { judgingRound(roundId: $id) { awardTracksVersion "
				+ "awardTracks { quota eligibleProposalIds track { id slug } selection { proposalIds kind justification "
				+ "tieResolution topN } } publishedAwards { track { id slug } name { zhTW en } sponsor quota winnerIds "
				+ "selection { kind } } } }", Http.json().put("id", roundId), headers(as)), "judgingRound");
	}

	public Http.GraphQlResult selectTrack(String roundId, String trackId, List<String> proposalIds,
			String justification, String tieResolution, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("roundId", roundId).put("trackId", trackId);
		ArrayNode ids = input.putArray("proposalIds");
		proposalIds.forEach(ids::add);
		if (justification != null) {
			input.put("justification", justification);
		}
		if (tieResolution != null) {
			input.put("tieResolution", tieResolution);
		}
		return this.http.graphql(
				"mutation($input: SelectTrackWinnersInput!) { selectTrackWinners(input: $input) { "
						+ "round { id awardTracks { track { id } selection { proposalIds kind topN } } } } }",
				variables, headers(as));
	}

	/** A SUBMITTED proposal with these tags. */
	public String proposal(JudgingApi api, JudgingApi.Hackathon hackathon, String title, TestAccounts.Account organizer,
			String... tags) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input")
			.put("hackathonSlug", hackathon.slug())
			.put("proposerName", "Team " + title);
		input.putObject("title").put("en", title);
		input.set("tags", JudgingApi.array(List.of(tags)));
		String id = JudgingApi.ok(this.http.graphql(
				"mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal " + "{ id } } }",
				variables, organizer.headers()), "createProposal")
			.path("proposal")
			.path("id")
			.asString();
		ObjectNode move = Http.json();
		move.putObject("input").put("proposalId", id).put("to", "SUBMITTED");
		JudgingApi.ok(this.http.graphql("mutation($input: TransitionProposalInput!) { transitionProposal(input: $input)"
				+ " { proposal { status } } }", move, organizer.headers()), "transitionProposal");
		return id;
	}

	/** A FINAL round scored by two judges: "Winner" ahead of "Runner-up", still OPEN. */
	public record ScoredRound(JudgingApi.Hackathon hackathon, String roundId, List<String> proposals) {
	}

	/**
	 * A JUDGING hackathon whose FINAL round (k = 2, cut 1, not normalised) has "Winner"
	 * and "Runner-up" shortlisted and scored by a PUBLIC and a PRIVATE judge (named
	 * {@code prefix-pub-…}, {@code prefix-priv-…}), "Winner" ahead.
	 */
	public ScoredRound scoredFinalRound(JudgingApi api, TestAccounts accounts, TestAccounts.Account organizer,
			String prefix) {
		JudgingApi.Hackathon hackathon = api.hackathon("OTHER", "JUDGING", "FINAL");
		String roundId = hackathon.roundIds().get(0);
		List<String> proposals = List.of(proposal(api, hackathon, "Winner", organizer),
				proposal(api, hackathon, "Runner-up", organizer));
		api.shortlist(proposals);
		TestAccounts.Account publicJudge = accounts.user(prefix + "-pub-" + hackathon.slug());
		TestAccounts.Account privateJudge = accounts.user(prefix + "-priv-" + hackathon.slug());
		api.judge(hackathon, publicJudge, "PUBLIC");
		api.judge(hackathon, privateJudge, "PRIVATE");
		api.configureOk(JudgingApi.roundInput(roundId, 2).put("cutSize", 1).put("normalise", false));
		api.assignOk(roundId, "8");
		api.statusOk(roundId, "OPEN", null);
		for (TestAccounts.Account judge : List.of(publicJudge, privateJudge)) {
			api.score(roundId, proposals.get(0), 9, 6, judge);
			api.score(roundId, proposals.get(1), 4, 6, judge);
		}
		return new ScoredRound(hackathon, roundId, proposals);
	}

	private static String[] headers(TestAccounts.Account as) {
		return (as != null) ? as.headers() : new String[0];
	}

}
