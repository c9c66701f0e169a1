package org.hacktrail.proposal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for projects and the continuity of proposals across hackathons. Rules live in
 * {@link ProjectService}.
 */
@Controller
class ProjectController {

	private final ProjectService projects;

	private final ProposalService proposals;

	private final ProposalTags tags;

	ProjectController(ProjectService projects, ProposalService proposals, ProposalTags tags) {
		this.projects = projects;
		this.proposals = proposals;
		this.tags = tags;
	}

	@QueryMapping
	@Nullable Project project(@Argument String id) {
		return this.projects.findVisible(id).orElse(null);
	}

	@QueryMapping
	List<ProjectService.ProjectSuggestion> projectSuggestions(@Argument String proposalId) {
		return this.projects.suggestions(proposalId);
	}

	record LinkProposalToProjectInput(String proposalId, @Nullable String projectId) {
	}

	record UnlinkProposalFromProjectInput(String proposalId) {
	}

	record ProposalPayload(Proposal proposal) {
	}

	record ProjectPayload(Project project) {
	}

	@MutationMapping
	ProposalPayload linkProposalToProject(@Argument LinkProposalToProjectInput input) {
		return new ProposalPayload(this.projects.link(input.proposalId(), input.projectId()));
	}

	@MutationMapping
	ProposalPayload unlinkProposalFromProject(@Argument UnlinkProposalFromProjectInput input) {
		return new ProposalPayload(this.projects.unlink(input.proposalId()));
	}

	@MutationMapping
	ProjectPayload updateProject(@Argument ProjectService.UpdateProjectInput input) {
		return new ProjectPayload(this.projects.update(input));
	}

	@SchemaMapping(typeName = "Project")
	List<Proposal> proposals(Project project) {
		return this.proposals.findVisibleByProject(project.id());
	}

	@SchemaMapping(typeName = "Project")
	List<ProposalTags.Tag> issueAreas(Project project) {
		return project.issueAreas().stream().map(this.tags::label).toList();
	}

}
