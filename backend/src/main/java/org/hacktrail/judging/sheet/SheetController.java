package org.hacktrail.judging.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.JudgingGraphQl;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for score sheets and judging progress. Rules and rights live in
 * {@link ScoreSheetService}; proposals are batch-loaded (one round trip for a whole
 * list).
 */
@Controller
class SheetController {

	private final ScoreSheetService sheets;

	private final RoundService rounds;

	private final ProposalLookup proposals;

	SheetController(ScoreSheetService sheets, RoundService rounds, ProposalLookup proposals) {
		this.sheets = sheets;
		this.rounds = rounds;
		this.proposals = proposals;
	}

	@QueryMapping
	ScoreSheetService.MyAssignments myAssignments(@Argument String roundId) {
		return this.sheets.myAssignments(roundId);
	}

	@QueryMapping
	List<ScoreSheetService.MyAssignments> myJudging() {
		return this.sheets.myJudging();
	}

	@QueryMapping
	ScoreSheet scoreSheet(@Argument String id) {
		return this.sheets.sheet(id);
	}

	@QueryMapping
	ScoreSheetService.RoundProgress roundProgress(@Argument String roundId) {
		return this.sheets.progress(roundId);
	}

	record SaveScoreSheetPayload(ScoreSheet sheet) {
	}

	record SubmitScoreSheetPayload(ScoreSheet sheet) {
	}

	record ReopenScoreSheetPayload(ScoreSheet sheet) {
	}

	record ReopenScoreSheetInput(String sheetId, @Nullable String reason) {
	}

	@MutationMapping
	SaveScoreSheetPayload saveScoreSheet(@Argument ScoreSheetService.SaveScoreSheetInput input) {
		return new SaveScoreSheetPayload(this.sheets.save(input));
	}

	@MutationMapping
	SubmitScoreSheetPayload submitScoreSheet(@Argument ScoreSheetService.SaveScoreSheetInput input) {
		return new SubmitScoreSheetPayload(this.sheets.submit(input));
	}

	@MutationMapping
	ReopenScoreSheetPayload reopenScoreSheet(@Argument ReopenScoreSheetInput input) {
		return new ReopenScoreSheetPayload(this.sheets.reopen(input.sheetId(), input.reason()));
	}

	// ---- fields

	@SchemaMapping(typeName = "MyAssignments")
	RoundService.RoundContext round(ScoreSheetService.MyAssignments assignments) {
		return this.rounds.context(assignments.round());
	}

	@SchemaMapping(typeName = "RoundProgress", field = "round")
	RoundService.RoundContext progressRound(ScoreSheetService.RoundProgress progress) {
		return this.rounds.context(progress.round());
	}

	@BatchMapping(typeName = "AssignedProposal", field = "proposal")
	Map<ScoreSheetService.AssignedProposal, Proposal> assignedProposal(
			List<ScoreSheetService.AssignedProposal> assigned) {
		return JudgingGraphQl.proposals(assigned, ScoreSheetService.AssignedProposal::proposalId, this.proposals);
	}

	@BatchMapping(typeName = "ScoreSheet", field = "proposal")
	Map<ScoreSheet, Proposal> sheetProposal(List<ScoreSheet> sheets) {
		return JudgingGraphQl.proposals(sheets, ScoreSheet::proposalId, this.proposals);
	}

	@BatchMapping(typeName = "ProposalProgress", field = "proposal")
	Map<ScoreSheetService.ProposalProgress, Proposal> progressProposal(
			List<ScoreSheetService.ProposalProgress> progress) {
		return JudgingGraphQl.proposals(progress, ScoreSheetService.ProposalProgress::proposalId, this.proposals);
	}

	record CriterionScore(String criterionId, double value) {
	}

	@SchemaMapping(typeName = "ScoreSheet")
	List<CriterionScore> scores(ScoreSheet sheet) {
		List<CriterionScore> scores = new ArrayList<>();
		sheet.scores().forEach((criterion, value) -> scores.add(new CriterionScore(criterion, value)));
		return scores;
	}

}
