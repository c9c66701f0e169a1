package org.hacktrail.judging.vote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.JudgingGraphQl;
import org.hacktrail.judging.round.RoundConfig;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.VoteMode;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for the public vote. */
@Controller
class VoteController {

	private final BallotService ballots;

	private final RoundService rounds;

	private final ProposalLookup proposals;

	VoteController(BallotService ballots, RoundService rounds, ProposalLookup proposals) {
		this.ballots = ballots;
		this.rounds = rounds;
		this.proposals = proposals;
	}

	@QueryMapping
	@Nullable Ballot myBallot(@Argument String roundId) {
		return this.ballots.mine(roundId);
	}

	record CastBallotPayload(Ballot ballot) {
	}

	@MutationMapping
	CastBallotPayload castBallot(@Argument BallotService.CastBallotInput input) {
		return new CastBallotPayload(this.ballots.cast(input));
	}

	record BallotVote(String proposalId, int votes) {
	}

	@SchemaMapping(typeName = "Ballot")
	List<BallotVote> votes(Ballot ballot) {
		List<BallotVote> votes = new ArrayList<>();
		ballot.votes().forEach((proposal, n) -> votes.add(new BallotVote(proposal, n)));
		return votes;
	}

	@SchemaMapping(typeName = "Ballot")
	@Nullable Integer creditsLeft(Ballot ballot) {
		if (ballot.mode() != VoteMode.QUADRATIC) {
			return null;
		}
		RoundConfig config = this.rounds.requireStored(ballot.roundId()).config();
		return config.voteCredits() - ballot.creditsUsed();
	}

	@BatchMapping(typeName = "BallotVote", field = "proposal")
	Map<BallotVote, Proposal> voteProposal(List<BallotVote> votes) {
		return JudgingGraphQl.proposals(votes, BallotVote::proposalId, this.proposals);
	}

}
