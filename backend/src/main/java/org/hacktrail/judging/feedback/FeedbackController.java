package org.hacktrail.judging.feedback;

import java.util.List;
import java.util.Map;

import org.hacktrail.judging.JudgingGraphQl;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for judges' feedback to teams. Rules and rights live in
 * {@link TeamFeedbackService}: a {@code TeamFeedback} reaches only its judge and
 * organizers; teams read {@code ProposalFeedback}.
 */
@Controller
class FeedbackController {

	private final TeamFeedbackService feedback;

	private final RoundService rounds;

	private final ProposalLookup proposals;

	private final MongoTemplate mongo;

	FeedbackController(TeamFeedbackService feedback, RoundService rounds, ProposalLookup proposals,
			MongoTemplate mongo) {
		this.feedback = feedback;
		this.rounds = rounds;
		this.proposals = proposals;
		this.mongo = mongo;
	}

	record SaveTeamFeedbackPayload(@Nullable TeamFeedback feedback) {
	}

	record HideTeamFeedbackPayload(TeamFeedback feedback) {
	}

	@MutationMapping
	SaveTeamFeedbackPayload saveTeamFeedback(@Argument TeamFeedbackService.SaveTeamFeedbackInput input) {
		return new SaveTeamFeedbackPayload(this.feedback.save(input));
	}

	@MutationMapping
	HideTeamFeedbackPayload hideTeamFeedback(@Argument TeamFeedbackService.HideTeamFeedbackInput input) {
		return new HideTeamFeedbackPayload(this.feedback.hide(input));
	}

	@QueryMapping
	@Nullable TeamFeedback myTeamFeedback(@Argument String roundId, @Argument String proposalId) {
		return this.feedback.mine(roundId, proposalId);
	}

	@QueryMapping
	List<TeamFeedback> roundTeamFeedback(@Argument String roundId) {
		return this.feedback.ofRound(roundId);
	}

	@QueryMapping
	TeamFeedbackService.ProposalFeedback proposalFeedback(@Argument String proposalId) {
		return this.feedback.forTeam(proposalId);
	}

	// ---- fields

	@BatchMapping(typeName = "TeamFeedback", field = "proposal")
	Map<TeamFeedback, Proposal> feedbackProposal(List<TeamFeedback> feedback) {
		return JudgingGraphQl.proposals(feedback, TeamFeedback::proposalId, this.proposals);
	}

	/**
	 * The judge who wrote it: a TeamFeedback reaches only its own judge and organizers.
	 */
	@SchemaMapping(typeName = "TeamFeedback")
	@Nullable Judge judge(TeamFeedback feedback) {
		return this.mongo.findById(feedback.judgeId(), Judge.class);
	}

	@SchemaMapping(typeName = "TeamFeedback")
	RoundService.RoundContext round(TeamFeedback feedback) {
		return this.rounds.context(this.rounds.requireStored(feedback.roundId()));
	}

	@SchemaMapping(typeName = "PublishedRoundFeedback")
	RoundService.RoundContext round(TeamFeedbackService.RoundFeedback feedback) {
		return this.rounds.context(feedback.round());
	}

}
