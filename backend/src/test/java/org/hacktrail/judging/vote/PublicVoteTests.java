package org.hacktrail.judging.vote;

import java.util.List;

import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.JudgingApiTestSupport;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public vote: quadratic budgets, simple votes, one ballot per person that can change
 * until the round closes, and totals in the ranking.
 */
class PublicVoteTests extends JudgingApiTestSupport {

	static final String CAST = "mutation($i: CastBallotInput!) { castBallot(input: $i) { ballot { id mode version "
			+ "creditsUsed creditsLeft votes { proposalId votes proposal { id } } } } }";

	@Autowired
	MongoTemplate mongo;

	JudgingApi.Hackathon hackathon;

	String roundId;

	List<String> proposals;

	@BeforeEach
	void setUp() {
		this.hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		this.roundId = this.hackathon.roundIds().get(0);
		this.proposals = this.api.proposals(this.hackathon, 3);
		this.api.judge(this.hackathon, this.accounts.user("vote-pub-" + this.hackathon.slug()), "PUBLIC");
		this.api.judge(this.hackathon, this.accounts.user("vote-priv-" + this.hackathon.slug()), "PRIVATE");
	}

	private void open(String mode) {
		ObjectNode input = JudgingApi.roundInput(this.roundId, 2);
		input.putObject("publicVote").put("mode", mode).put("weight", 0.25);
		this.api.configureOk(input);
		this.api.assignOk(this.roundId, "11");
		this.api.statusOk(this.roundId, "OPEN", null);
	}

	@Test
	void aQuadraticBallotSpendsAtMost99CreditsAndIsReplacedUntilTheRoundCloses() {
		open("QUADRATIC");
		TestAccounts.Account voter = this.accounts.user("voter-q");
		assertThat(cast(voter, null, 10, 0, 0).errorCode()).as("100 credits").isEqualTo("BAD_USER_INPUT");
		assertThat(cast(null, null, 1, 0, 0).errorCode()).isEqualTo("UNAUTHENTICATED");
		JsonNode ballot = JudgingApi.ok(cast(voter, null, 5, 7, 5), "castBallot").path("ballot");
		assertThat(ballot.path("creditsUsed").asInt()).isEqualTo(99);
		assertThat(ballot.path("creditsLeft").asInt()).isZero();
		JsonNode changed = JudgingApi.ok(cast(voter, 0, 0, 3, 0), "castBallot").path("ballot");
		assertThat(changed.path("votes")).hasSize(1);
		assertThat(changed.path("creditsUsed").asInt()).isEqualTo(9);
		assertThat(changed.path("version").asInt()).isEqualTo(1);
		assertThat(cast(voter, 0, 1, 1, 1).errorCode()).as("stale version").isEqualTo("CONFLICT");
		assertThat(this.mongo.count(new Query(Criteria.where("roundId").is(this.roundId)), Ballot.class)).isEqualTo(1);
		JudgingApi.ok(cast(this.accounts.user("voter-q2"), null, 2, 2, 0), "castBallot");
		ObjectNode stranger = Http.json();
		stranger.putObject("i")
			.put("roundId", this.roundId)
			.putArray("votes")
			.addObject()
			.put("proposalId", "nope")
			.put("votes", 1);
		assertThat(this.http.graphql(CAST, stranger, voter.headers()).errorCode()).isEqualTo("BAD_USER_INPUT");

		this.api.closeLeavingUnsubmittedOut(this.roundId);
		assertThat(cast(voter, 1, 0, 1, 0).errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode vote = JudgingApi.ok(this.api.ranking(this.roundId, this.organizer), "roundRanking")
			.path("publicVote");
		assertThat(vote.path("mode").asString()).isEqualTo("QUADRATIC");
		assertThat(vote.path("ballots").asInt()).isEqualTo(2);
		assertThat(vote.path("totals").toString())
			.contains("\"proposalId\":\"" + this.proposals.get(0) + "\",\"total\":2.0")
			.contains("\"proposalId\":\"" + this.proposals.get(1) + "\",\"total\":5.0");
		JsonNode mine = JudgingApi.ok(this.http.graphql("query($r: ID!) { myBallot(roundId: $r) { creditsUsed } }",
				Http.json().put("r", this.roundId), voter.headers()), "myBallot");
		assertThat(mine.path("creditsUsed").asInt()).isEqualTo(9);
	}

	@Test
	void aSimpleBallotGivesOneVoteToEachChosenProposal() {
		open("SIMPLE");
		TestAccounts.Account voter = this.accounts.user("voter-s");
		assertThat(cast(voter, null, 2, 0, 0).errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode ballot = JudgingApi.ok(cast(voter, null, 1, 0, 1), "castBallot").path("ballot");
		assertThat(ballot.path("mode").asString()).isEqualTo("SIMPLE");
		assertThat(ballot.path("votes")).hasSize(2);
		assertThat(ballot.path("creditsLeft").isNull()).isTrue();
	}

	@Test
	void aRoundWithoutAVoteTakesNoBallot() {
		this.api.configureOk(JudgingApi.roundInput(this.roundId, 2));
		this.api.assignOk(this.roundId, null);
		this.api.statusOk(this.roundId, "OPEN", null);
		assertThat(cast(this.accounts.user("voter-none"), null, 1, 0, 0).errorCode()).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void aTeamMemberCannotVoteForTheirOwnProposalAndTheBallotStaysAsItWas() {
		open("SIMPLE");
		TestAccounts.Account member = this.accounts.user("voter-member-" + this.hackathon.slug());
		ObjectNode add = Http.json();
		add.putObject("i").put("proposalId", this.proposals.get(1)).put("userId", member.id()).put("role", "DEVELOPER");
		JudgingApi
			.ok(this.http.graphql("mutation($i: AddTeamMemberInput!) { addTeamMember(input: $i) { team { id } } }", add,
					this.organizer.headers()), "addTeamMember");
		JudgingApi.ok(cast(member, null, 1, 0, 0), "castBallot");

		Http.GraphQlResult own = cast(member, null, 1, 1, 0);
		assertThat(own.errorCode()).isEqualTo("FORBIDDEN");
		JsonNode extensions = own.body().path("errors").get(0).path("extensions");
		assertThat(extensions.path("rule").asString()).isEqualTo("VOTE_OWN_TEAM");
		assertThat(extensions.path("proposalIds").toString()).contains(this.proposals.get(1))
			.doesNotContain(this.proposals.get(0));
		JsonNode mine = JudgingApi
			.ok(this.http.graphql("query($r: ID!) { myBallot(roundId: $r) { votes { proposalId } } }",
					Http.json().put("r", this.roundId), member.headers()), "myBallot");
		assertThat(mine.path("votes").findValuesAsString("proposalId")).containsExactly(this.proposals.get(0));
	}

	@Test
	void aProposerCannotVoteForTheirOwnProposal() {
		JudgingApi.Hackathon open = this.api.hackathon("OTHER", "OPEN_FOR_PROPOSALS", "REVIEW");
		String round = open.roundIds().get(0);
		TestAccounts.Account proposer = this.accounts.user("voter-proposer-" + open.slug());
		String own = this.api.proposal(open, "Own idea " + open.slug(), proposer);
		String other = this.api.proposal(open, "Other idea " + open.slug(), null);
		this.api.judge(open, this.accounts.user("vote-judge-pub-" + open.slug()), "PUBLIC");
		this.api.judge(open, this.accounts.user("vote-judge-priv-" + open.slug()), "PRIVATE");
		ObjectNode input = JudgingApi.roundInput(round, 2);
		input.putObject("publicVote").put("mode", "SIMPLE").put("weight", 0.25);
		this.api.configureOk(input);
		this.api.assignOk(round, "7");
		this.api.statusOk(round, "OPEN", null);
		ObjectNode variables = Http.json();
		ArrayNode votes = variables.putObject("i").put("roundId", round).putArray("votes");
		votes.addObject().put("proposalId", own);
		votes.addObject().put("proposalId", other);
		Http.GraphQlResult refused = this.http.graphql(CAST, variables, proposer.headers());
		assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
		JsonNode extensions = refused.body().path("errors").get(0).path("extensions");
		assertThat(extensions.path("rule").asString()).isEqualTo("VOTE_OWN_TEAM");
		assertThat(extensions.path("proposalIds").toString()).contains(own).doesNotContain(other);
		assertThat(this.mongo.count(new Query(Criteria.where("roundId").is(round)), Ballot.class)).isZero();
	}

	@Test
	void aJudgeOfTheRoundDoesNotVote() {
		open("QUADRATIC");
		TestAccounts.Account judge = this.accounts.user("vote-pub-" + this.hackathon.slug());
		Http.GraphQlResult refused = cast(judge, null, 1, 0, 0);
		assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(refused.body().path("errors").get(0).path("extensions").path("rule").asString())
			.isEqualTo("VOTE_JUDGE_OF_ROUND");
		assertThat(this.mongo.count(new Query(Criteria.where("roundId").is(this.roundId)), Ballot.class)).isZero();
	}

	@Test
	void anUnverifiedEmailIsRefusedUnlessTheRoundTurnsTheRuleOff() {
		ObjectNode input = JudgingApi.roundInput(this.roundId, 2);
		input.putObject("publicVote")
			.put("mode", "SIMPLE")
			.put("weight", 0.25)
			.putObject("eligibility")
			.put("requireVerifiedEmail", false);
		JsonNode round = this.api.configureOk(input);
		this.api.assignOk(this.roundId, "11");
		this.api.statusOk(this.roundId, "OPEN", null);
		TestAccounts.Account unverified = this.accounts.unverifiedUser("voter-unverified-" + this.hackathon.slug());
		JudgingApi.ok(cast(unverified, null, 1, 0, 0), "castBallot");
		assertThat(round.toString()).contains("\"requireVerifiedEmail\":false");

		ObjectNode change = Http.json().put("roundId", this.roundId).put("reason", "Only verified voters after all.");
		change.putObject("publicVote").putObject("eligibility").put("requireVerifiedEmail", true);
		assertThat(this.api.configure(change, this.organizer).errorCode()).as("fixed once OPEN")
			.isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void byDefaultAVoterNeedsAVerifiedEmail() {
		open("SIMPLE");
		Http.GraphQlResult refused = cast(this.accounts.unverifiedUser("voter-unverified-default"), null, 1, 0, 0);
		assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(refused.body().path("errors").get(0).path("extensions").path("rule").asString())
			.isEqualTo("VOTE_EMAIL_NOT_VERIFIED");
	}

	private Http.GraphQlResult cast(TestAccounts.Account voter, Integer expectedVersion, int... votes) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("i").put("roundId", this.roundId);
		if (expectedVersion != null) {
			input.put("expectedVersion", expectedVersion);
		}
		ArrayNode list = input.putArray("votes");
		for (int i = 0; i < votes.length; i++) {
			if (votes[i] > 0) {
				list.addObject().put("proposalId", this.proposals.get(i)).put("votes", votes[i]);
			}
		}
		return this.http.graphql(CAST, variables, (voter != null) ? voter.headers() : new String[0]);
	}

}
