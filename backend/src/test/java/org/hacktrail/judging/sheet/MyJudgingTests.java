package org.hacktrail.judging.sheet;

import java.util.List;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two reads the web panel needed beyond the judging API: a judge's work across
 * hackathons in one request ({@code myJudging}, the judge's home screen) and the ballot
 * of a public vote ({@code JudgingRound.voteProposals}), which the public cannot
 * otherwise learn because the plan is for organizers.
 */
class MyJudgingTests extends JudgingApiTestSupport {

	static final String MY_JUDGING = """
			{ myJudging { assigned submitted round { id status hackathon { slug } }
			  proposals { proposalId sheet { status } } } }""";

	static final String VOTE_PROPOSALS = "query($r: ID!) { judgingRound(roundId: $r) { status voteProposals { id } } }";

	/**
	 * A hackathon with one REVIEW round, two proposals and the two judges (k = 2), the
	 * round set up.
	 */
	private String round(JudgingApi.Hackathon hackathon, TestAccounts.Account publicJudge,
			TestAccounts.Account privateJudge, ObjectNode input) {
		this.api.proposals(hackathon, 2);
		this.api.judge(hackathon, publicJudge, "PUBLIC");
		this.api.judge(hackathon, privateJudge, "PRIVATE");
		this.api.configureOk(input);
		this.api.assignOk(input.path("roundId").asString(), "7");
		return input.path("roundId").asString();
	}

	@Test
	void aJudgeSeesTheWorkOfEveryOpenOrClosedRoundAcrossHackathonsOpenRoundsFirst() {
		TestAccounts.Account judge = this.accounts.user("my-judging-" + System.nanoTime());
		TestAccounts.Account other = this.accounts.user("my-judging-other-" + System.nanoTime());
		JudgingApi.Hackathon first = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String closed = round(first, judge, other, JudgingApi.roundInput(first.roundIds().get(0), 2));
		this.api.statusOk(closed, "OPEN", null);
		this.api.score(closed, this.api.assigned(closed, judge).get(0), 7.0, 6.0, judge);
		this.api.closeLeavingUnsubmittedOut(closed);
		JudgingApi.Hackathon second = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String open = round(second, judge, other, JudgingApi.roundInput(second.roundIds().get(0), 2));
		this.api.statusOk(open, "OPEN", null);
		JudgingApi.Hackathon third = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String draft = round(third, judge, other, JudgingApi.roundInput(third.roundIds().get(0), 2));

		JsonNode mine = JudgingApi.ok(this.http.graphql(MY_JUDGING, Http.json(), judge.headers()), "myJudging");
		assertThat(mine.findValuesAsString("id")).as("the DRAFT round %s is not scored yet", draft)
			.containsExactly(open, closed);
		assertThat(mine.get(0).path("round").path("status").asString()).isEqualTo("OPEN");
		assertThat(mine.get(0).path("assigned").asInt()).isEqualTo(2);
		assertThat(mine.get(0).path("submitted").asInt()).isZero();
		assertThat(mine.get(1).path("round").path("hackathon").path("slug").asString()).isEqualTo(first.slug());
		assertThat(mine.get(1).path("submitted").asInt()).isEqualTo(1);
		assertThat(mine.get(1).path("proposals").findValuesAsString("status")).containsExactly("SUBMITTED");

		// A judge dropped from a panel no longer sees that hackathon's rounds.
		ObjectNode drop = Http.json();
		drop.putObject("i").put("judgeId", second.id() + ":" + judge.id()).put("reason", "Moved abroad");
		JudgingApi.ok(this.http.graphql("mutation($i: DropJudgeInput!) { dropJudge(input: $i) { judge { status } } }",
				drop, this.organizer.headers()), "dropJudge");
		JsonNode after = JudgingApi.ok(this.http.graphql(MY_JUDGING, Http.json(), judge.headers()), "myJudging");
		assertThat(after.findValuesAsString("id")).doesNotContain(open).contains(closed);
	}

	@Test
	void someoneWhoJudgesNowhereGetsAnEmptyListAndAnAnonymousCallerIsAskedToSignIn() {
		TestAccounts.Account nobody = this.accounts.user("my-judging-nobody");
		assertThat(JudgingApi.ok(this.http.graphql(MY_JUDGING, Http.json(), nobody.headers()), "myJudging")).isEmpty();
		assertThat(Http.localhost(this.port).graphql(MY_JUDGING).errorCode()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void theBallotOfAPublicVoteIsTheRoundsPlanForEveryoneOnceTheRoundIsOpen() {
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String roundId = hackathon.roundIds().get(0);
		ObjectNode input = JudgingApi.roundInput(roundId, 2);
		input.putObject("publicVote").put("mode", "QUADRATIC").put("weight", 0.2);
		round(hackathon, this.accounts.user("vote-list-pub-" + hackathon.slug()),
				this.accounts.user("vote-list-priv-" + hackathon.slug()), input);
		Http anonymous = Http.localhost(this.port);
		JsonNode drafted = JudgingApi.ok(anonymous.graphql(VOTE_PROPOSALS, Http.json().put("r", roundId)),
				"judgingRound");
		assertThat(drafted.path("voteProposals").isNull()).as("not before the round opens").isTrue();
		this.api.statusOk(roundId, "OPEN", null);
		JsonNode open = JudgingApi.ok(anonymous.graphql(VOTE_PROPOSALS, Http.json().put("r", roundId)), "judgingRound");
		List<String> plan = JudgingApi
			.ok(this.http.graphql(
					"query($r: ID!) { judgingRound(roundId: $r) { plan { "
							+ "loads { judgeId } } } roundProgress(roundId: $r) { proposals { proposalId } } }",
					Http.json().put("r", roundId), this.organizer.headers()), "roundProgress")
			.path("proposals")
			.findValuesAsString("proposalId");
		assertThat(open.path("voteProposals").findValuesAsString("id")).hasSize(2)
			.containsExactlyInAnyOrderElementsOf(plan);

		JudgingApi.Hackathon noVote = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		String plain = round(noVote, this.accounts.user("vote-none-pub-" + noVote.slug()),
				this.accounts.user("vote-none-priv-" + noVote.slug()),
				JudgingApi.roundInput(noVote.roundIds().get(0), 2));
		this.api.statusOk(plain, "OPEN", null);
		assertThat(JudgingApi.ok(anonymous.graphql(VOTE_PROPOSALS, Http.json().put("r", plain)), "judgingRound")
			.path("voteProposals")
			.isNull()).as("a round without a public vote has no ballot").isTrue();
	}

}
