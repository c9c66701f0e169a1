package org.hacktrail.proposal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for proposals. Rules and security live in {@link ProposalService}. Related
 * objects are batch-loaded (one round trip per page, whatever its size); tags, link
 * counts and team sizes come from the proposal itself.
 */
@Controller
class ProposalController {

	private final ProposalService proposals;

	private final ProjectService projects;

	private final HackathonService hackathons;

	private final ProposalTags tags;

	ProposalController(ProposalService proposals, ProjectService projects, HackathonService hackathons,
			ProposalTags tags) {
		this.proposals = proposals;
		this.projects = projects;
		this.hackathons = hackathons;
		this.tags = tags;
	}

	@QueryMapping
	@Nullable Proposal proposal(@Argument String id) {
		return this.proposals.findVisible(id).orElse(null);
	}

	@QueryMapping
	Window<Proposal> proposals(@Argument String hackathonSlug,
			@Argument ProposalService.@Nullable ProposalFilter filter,
			@Argument ProposalService.@Nullable ProposalOrder orderBy, ScrollSubrange subrange) {
		Hackathon hackathon = this.hackathons.requireVisibleBySlug(hackathonSlug);
		return this.proposals.list(hackathon, filter, orderBy, subrange);
	}

	@QueryMapping
	List<ProposalTags.Tag> proposalTags() {
		return this.tags.all();
	}

	record ProposalPayload(Proposal proposal) {
	}

	record TransitionProposalInput(String proposalId, ProposalStatus to, @Nullable String reason,
			@Nullable Integer expectedVersion) {
	}

	@MutationMapping
	ProposalPayload createProposal(@Argument ProposalService.CreateProposalInput input) {
		return new ProposalPayload(this.proposals.create(input));
	}

	@MutationMapping
	ProposalPayload updateProposal(@Argument ProposalService.UpdateProposalInput input) {
		return new ProposalPayload(this.proposals.update(input));
	}

	@MutationMapping
	ProposalPayload transitionProposal(@Argument TransitionProposalInput input) {
		return new ProposalPayload(
				this.proposals.transition(input.proposalId(), input.to(), input.reason(), input.expectedVersion()));
	}

	@BatchMapping(typeName = "Proposal")
	Map<Proposal, Project> project(List<Proposal> page) {
		Map<String, Project> byId = new HashMap<>();
		this.projects.findAllById(page.stream().map(Proposal::projectId).filter(Objects::nonNull).toList())
			.forEach((project) -> byId.put(project.id(), project));
		Map<Proposal, Project> result = new LinkedHashMap<>();
		for (Proposal proposal : page) {
			Project project = (proposal.projectId() != null) ? byId.get(proposal.projectId()) : null;
			if (project != null) {
				result.put(proposal, project);
			}
		}
		return result;
	}

	@BatchMapping(typeName = "Proposal")
	Map<Proposal, Hackathon> hackathon(List<Proposal> page) {
		Map<String, Hackathon> byId = this.proposals.hackathonsOf(page);
		Map<Proposal, Hackathon> result = new LinkedHashMap<>();
		page.forEach((proposal) -> result.put(proposal, byId.get(proposal.hackathonId())));
		return result;
	}

	@SchemaMapping(typeName = "Proposal")
	List<ProposalTags.Tag> tags(Proposal proposal) {
		return proposal.tags().stream().map(this.tags::label).toList();
	}

	@SchemaMapping(typeName = "Proposal")
	int linkCount(Proposal proposal) {
		return proposal.links().size();
	}

	@SchemaMapping(typeName = "Proposal")
	@Nullable String proposerAffiliation(Proposal proposal) {
		return this.proposals.canSeeHistory(proposal) ? proposal.proposerAffiliation() : null;
	}

	@SchemaMapping(typeName = "Proposal")
	@Nullable List<StatusChange> history(Proposal proposal) {
		return this.proposals.canSeeHistory(proposal) ? proposal.history() : null;
	}

}
