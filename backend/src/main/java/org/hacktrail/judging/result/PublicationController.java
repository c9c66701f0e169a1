package org.hacktrail.judging.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.JudgingGraphQl;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.platform.CodedText;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for what publishing a round would publish and the open cases to confirm first.
 * Rules and rights live in {@link PublicationService}.
 */
@Controller
class PublicationController {

	private final PublicationService publication;

	private final RoundService rounds;

	private final ProposalLookup proposals;

	private final JudgePanelService panel;

	PublicationController(PublicationService publication, RoundService rounds, ProposalLookup proposals,
			JudgePanelService panel) {
		this.publication = publication;
		this.rounds = rounds;
		this.proposals = proposals;
		this.panel = panel;
	}

	/** A selected proposal, wrapped so that it resolves its proposal. */
	record PreviewProposal(String proposalId) {
	}

	@QueryMapping
	PublicationService.Preview publicationPreview(@Argument String roundId) {
		return this.publication.preview(roundId);
	}

	@SchemaMapping(typeName = "PublicationPreview")
	RoundService.RoundContext round(PublicationService.Preview preview) {
		return this.rounds.context(preview.round());
	}

	@SchemaMapping(typeName = "PublicationPreview")
	List<String> blockers(PublicationService.Preview preview) {
		return preview.blockers().stream().map(CodedText::message).toList();
	}

	@SchemaMapping(typeName = "PublicationPreview")
	List<CodedText> codedBlockers(PublicationService.Preview preview) {
		return preview.blockers();
	}

	@SchemaMapping(typeName = "PublicationPreview")
	List<PreviewProposal> selected(PublicationService.Preview preview) {
		return (preview.selection() != null)
				? preview.selection().proposalIds().stream().map(PreviewProposal::new).toList() : List.of();
	}

	@BatchMapping(typeName = "PreviewProposal", field = "proposal")
	Map<PreviewProposal, Proposal> previewProposal(List<PreviewProposal> selected) {
		return JudgingGraphQl.proposals(selected, PreviewProposal::proposalId, this.proposals);
	}

	@BatchMapping(typeName = "OpenCase", field = "proposals")
	Map<OpenCase, List<Proposal>> openCaseProposals(List<OpenCase> cases) {
		List<String> ids = new ArrayList<>();
		cases.forEach((c) -> ids.addAll(c.proposalIds()));
		Map<String, Proposal> byId = this.proposals.byIds(ids);
		Map<OpenCase, List<Proposal>> result = new LinkedHashMap<>();
		for (OpenCase open : cases) {
			result.put(open, open.proposalIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
		}
		return result;
	}

	@BatchMapping(typeName = "OpenCase", field = "judge")
	Map<OpenCase, @Nullable Judge> openCaseJudge(List<OpenCase> cases) {
		// Only organizers see the preview, and a round's cases name a few judges at most.
		Map<String, Judge> byId = new HashMap<>();
		Map<OpenCase, @Nullable Judge> result = new LinkedHashMap<>();
		for (OpenCase open : cases) {
			String id = open.judgeId();
			result.put(open, (id != null) ? byId.computeIfAbsent(id, this::judgeOrNull) : null);
		}
		return result;
	}

	private @Nullable Judge judgeOrNull(String judgeId) {
		try {
			return this.panel.require(judgeId);
		}
		catch (org.hacktrail.platform.DomainException ex) {
			// A judge record gone since: the case still reads by its message.
			return null;
		}
	}

}
