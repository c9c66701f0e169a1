package org.hacktrail.followup;

import java.util.List;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.hacktrail.platform.GraphQlLimits;
import org.hacktrail.platform.batch.JobRuns;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for choosing PENDING milestones by import or by filter
 * ({@link MilestoneSelections}): the preview, the recent imports, and which import a
 * milestone came from. The decision itself is {@code verifyOutcomeMilestones} with a
 * {@code selection} ({@link OutcomeController}).
 */
@Controller
class MilestoneSelectionController {

	private final MilestoneSelections selections;

	private final GraphQlLimits limits;

	private final CurrentUser currentUser;

	MilestoneSelectionController(MilestoneSelections selections, GraphQlLimits limits, CurrentUser currentUser) {
		this.selections = selections;
		this.limits = limits;
		this.currentUser = currentUser;
	}

	/** Which import a milestone came from: for organizers, who choose by import. */
	@SchemaMapping(typeName = "OutcomeMilestone")
	@Nullable MilestoneImport importedFrom(OutcomeMilestone milestone) {
		return this.currentUser.hasRole(Role.ORGANIZER) ? milestone.importedFrom() : null;
	}

	@QueryMapping
	MilestoneSelections.Preview outcomeSelectionPreview(@Argument MilestoneSelections.Selection selection,
			@Argument @Nullable Integer first) {
		return this.selections.preview(selection, this.limits.pageSize(first));
	}

	@QueryMapping
	List<MilestoneSelections.ImportToVerify> outcomeImportsToVerify(@Argument @Nullable Integer first) {
		return this.selections.imports(this.limits.pageSize(first));
	}

	@SchemaMapping(typeName = "OutcomeImportToVerify")
	Object run(MilestoneSelections.ImportToVerify entry) {
		return JobRuns.view(entry.run());
	}

}
