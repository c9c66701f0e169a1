package org.hacktrail.judging.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.JudgingGraphQl;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.ranking.JudgeSummary;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.RoundDiagnostics;
import org.hacktrail.judging.ranking.RoundSummary;
import org.hacktrail.judging.ranking.TieGroup;
import org.hacktrail.judging.ranking.Uncertainty;
import org.hacktrail.judging.ranking.UnrankedProposal;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.platform.MessageArg;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for rankings, selection and publication. */
@Controller
class RankingController {

	private final PublicationService publication;

	private final RoundService rounds;

	private final ProposalLookup proposals;

	private final DiagnosticsService diagnostics;

	RankingController(PublicationService publication, RoundService rounds, ProposalLookup proposals,
			DiagnosticsService diagnostics) {
		this.publication = publication;
		this.rounds = rounds;
		this.proposals = proposals;
		this.diagnostics = diagnostics;
	}

	@QueryMapping
	RankingView roundRanking(@Argument String roundId) {
		return this.publication.ranking(roundId);
	}

	@QueryMapping
	DiagnosticsService.DiagnosticsView roundDiagnostics(@Argument String roundId) {
		return this.diagnostics.diagnostics(roundId);
	}

	record SelectProposalsPayload(RoundService.RoundContext round) {
	}

	record PublishRoundInput(String roundId, @Nullable Boolean confirmOpenCases) {
	}

	record PublishRoundPayload(RoundService.RoundContext round, List<String> movedProposalIds, List<String> problems,
			List<PublicationText.Problem> codedProblems) {
	}

	@MutationMapping
	SelectProposalsPayload selectProposals(@Argument PublicationService.SelectProposalsInput input) {
		return new SelectProposalsPayload(this.rounds.context(this.publication.select(input)));
	}

	@MutationMapping
	PublishRoundPayload publishRound(@Argument PublishRoundInput input) {
		PublicationService.Publication published = this.publication.publish(input.roundId(), input.confirmOpenCases());
		return new PublishRoundPayload(this.rounds.context(published.round()), published.moved(),
				published.problems().stream().map(PublicationText.Problem::english).toList(), published.problems());
	}

	@BatchMapping(typeName = "PublishProblem", field = "proposal")
	Map<PublicationText.Problem, Proposal> problemProposal(List<PublicationText.Problem> problems) {
		return JudgingGraphQl.proposals(problems, PublicationText.Problem::proposalId, this.proposals);
	}

	// ---- RoundRanking

	@SchemaMapping(typeName = "RoundRanking")
	RoundService.RoundContext round(RankingView view) {
		return this.rounds.context(view.round());
	}

	@SchemaMapping(typeName = "RoundRanking")
	String algorithmVersion(RankingView view) {
		return view.result().algorithmVersion();
	}

	@SchemaMapping(typeName = "RoundRanking")
	int outstandingQuota(RankingView view) {
		return view.cut();
	}

	@SchemaMapping(typeName = "RoundRanking")
	RoundSummary summary(RankingView view) {
		return view.result().round();
	}

	@SchemaMapping(typeName = "RoundRanking")
	List<RankedProposal> lines(RankingView view) {
		return view.result().ranking();
	}

	@SchemaMapping(typeName = "RoundRanking")
	List<TieGroup> ties(RankingView view) {
		return view.result().ties();
	}

	@SchemaMapping(typeName = "RoundRanking")
	List<UnrankedProposal> unranked(RankingView view) {
		RankingResult result = view.result();
		return result.unranked();
	}

	@SchemaMapping(typeName = "RoundRanking")
	@Nullable Selection selection(RankingView view) {
		return view.selection();
	}

	@SchemaMapping(typeName = "RoundRanking")
	PublishedRound.@Nullable Vote publicVote(RankingView view) {
		return view.vote();
	}

	@SchemaMapping(typeName = "RoundRanking")
	@Nullable Uncertainty uncertainty(RankingView view) {
		return view.result().uncertainty();
	}

	record SectorWeight(Sector sector, double weight) {
	}

	record VoteTotal(String proposalId, double total) {
	}

	@SchemaMapping(typeName = "RankingSummary")
	List<SectorWeight> sectorWeights(RoundSummary summary) {
		List<SectorWeight> list = new ArrayList<>();
		for (Sector sector : Sector.values()) {
			list.add(new SectorWeight(sector, summary.sectorWeights().getOrDefault(sector, 0.0)));
		}
		return list;
	}

	@SchemaMapping(typeName = "RankingSummary")
	String seed(RoundSummary summary) {
		return Long.toUnsignedString(summary.seed());
	}

	@SchemaMapping(typeName = "RankingSummary", field = "normalised")
	boolean normalisedFlag(RoundSummary summary) {
		return summary.normalised();
	}

	@SchemaMapping(typeName = "PublicVoteResult")
	List<VoteTotal> totals(PublishedRound.Vote vote) {
		List<VoteTotal> totals = new ArrayList<>();
		vote.totals().forEach((proposal, total) -> totals.add(new VoteTotal(proposal, total)));
		return totals;
	}

	@BatchMapping(typeName = "RankingLine", field = "proposal")
	Map<RankedProposal, Proposal> lineProposal(List<RankedProposal> lines) {
		return JudgingGraphQl.proposals(lines, RankedProposal::proposalId, this.proposals);
	}

	@BatchMapping(typeName = "UnrankedProposal", field = "proposal")
	Map<UnrankedProposal, Proposal> unrankedProposal(List<UnrankedProposal> unranked) {
		return JudgingGraphQl.proposals(unranked, UnrankedProposal::proposalId, this.proposals);
	}

	@SchemaMapping(typeName = "UnrankedProposal")
	UnrankedProposal.@Nullable Code reasonCode(UnrankedProposal unranked) {
		return unranked.code();
	}

	@SchemaMapping(typeName = "UnrankedProposal")
	List<MessageArg> reasonArgs(UnrankedProposal unranked) {
		if (unranked.code() != UnrankedProposal.Code.ONLY_ZERO_WEIGHT_SECTORS) {
			return List.of();
		}
		return List.of(
				MessageArg.of("sectors", String.join(",", unranked.sectors().stream().map(Sector::name).toList())),
				MessageArg.of("count", unranked.sectors().size()));
	}

	// ---- RoundDiagnostics

	/** A judge's line, with the panel's judge behind the pseudonym (null if gone). */
	record DiagnosticJudge(String judgeId, Sector sector, int sheetCount, double meanTotal, double spread,
			@Nullable Double leniency, JudgeSummary.Treatment treatment, @Nullable Judge judge) {
	}

	record SectorMean(Sector sector, double mean) {
	}

	@SchemaMapping(typeName = "RoundDiagnostics")
	RoundService.RoundContext round(DiagnosticsService.DiagnosticsView view) {
		return view.round();
	}

	@SchemaMapping(typeName = "RoundDiagnostics")
	List<DiagnosticJudge> judges(DiagnosticsService.DiagnosticsView view) {
		return view.diagnostics()
			.judges()
			.stream()
			.map((line) -> new DiagnosticJudge(line.judgeId(), line.sector(), line.sheetCount(), line.meanTotal(),
					line.spread(), line.leniency(), line.treatment(), view.judges().get(line.judgeId())))
			.toList();
	}

	@SchemaMapping(typeName = "RoundDiagnostics")
	List<RoundDiagnostics.Agreement> agreement(DiagnosticsService.DiagnosticsView view) {
		return view.diagnostics().agreement();
	}

	@SchemaMapping(typeName = "RoundDiagnostics")
	List<RoundDiagnostics.CriterionGap> criteria(DiagnosticsService.DiagnosticsView view) {
		return view.diagnostics().criteria();
	}

	@SchemaMapping(typeName = "RoundDiagnostics")
	List<RoundDiagnostics.DivergentProposal> divergentProposals(DiagnosticsService.DiagnosticsView view) {
		return view.diagnostics().divergentProposals();
	}

	@SchemaMapping(typeName = "ProposalCriterionGap")
	List<SectorMean> sectorMeans(RoundDiagnostics.ProposalCriterionGap gap) {
		return gap.sectorMeans().entrySet().stream().map((e) -> new SectorMean(e.getKey(), e.getValue())).toList();
	}

	@BatchMapping(typeName = "DivergentProposal", field = "proposal")
	Map<RoundDiagnostics.DivergentProposal, Proposal> divergentProposal(
			List<RoundDiagnostics.DivergentProposal> divergent) {
		return JudgingGraphQl.proposals(divergent, RoundDiagnostics.DivergentProposal::proposalId, this.proposals);
	}

}
