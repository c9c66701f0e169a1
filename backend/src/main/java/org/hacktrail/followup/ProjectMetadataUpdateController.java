package org.hacktrail.followup;

import java.util.List;

import org.hacktrail.proposal.Project;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for the metadata updates a project's g0v.json proposes; rules in
 * {@link ProjectMetadataUpdateService}.
 */
@Controller
class ProjectMetadataUpdateController {

	record DecideProjectMetadataUpdateInput(String id) {
	}

	private final ProjectMetadataUpdateService updates;

	ProjectMetadataUpdateController(ProjectMetadataUpdateService updates) {
		this.updates = updates;
	}

	@SchemaMapping(typeName = "Project")
	@Nullable List<ProjectMetadataUpdate> metadataUpdates(Project project) {
		return this.updates.pending(project.id());
	}

	@SchemaMapping(typeName = "Project")
	@Nullable ProjectG0vJsonCheck g0vJson(Project project) {
		return this.updates.check(project.id());
	}

	@MutationMapping
	ProjectMetadataUpdateService.Decided acceptProjectMetadataUpdate(@Argument DecideProjectMetadataUpdateInput input) {
		return this.updates.accept(input.id());
	}

	@MutationMapping
	ProjectMetadataUpdateService.Decided dismissProjectMetadataUpdate(
			@Argument DecideProjectMetadataUpdateInput input) {
		return this.updates.dismiss(input.id());
	}

}
