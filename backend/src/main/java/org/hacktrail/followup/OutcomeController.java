package org.hacktrail.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.identity.CurrentUser;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.GraphQlLimits;
import org.hacktrail.platform.Refusal;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectService;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for the outcome trail: the fields added to Project, recording, verification,
 * following and follow-up requests. Rules live in {@link OutcomeService}. A page of
 * projects costs one round trip for their follow-up documents and one for their team
 * leads; the trail itself is one prefix query per project asked for it.
 */
@Controller
class OutcomeController {

	private final OutcomeService outcomes;

	private final FollowUpStates states;

	private final ProjectService projects;

	private final HackathonService hackathons;

	private final CurrentUser currentUser;

	private final GraphQlLimits limits;

	private final MilestoneSelections selections;

	OutcomeController(OutcomeService outcomes, FollowUpStates states, ProjectService projects,
			HackathonService hackathons, CurrentUser currentUser, GraphQlLimits limits,
			MilestoneSelections selections) {
		this.selections = selections;
		this.outcomes = outcomes;
		this.states = states;
		this.projects = projects;
		this.hackathons = hackathons;
		this.currentUser = currentUser;
		this.limits = limits;
	}

	// ---- Project fields

	@SchemaMapping(typeName = "Project")
	List<OutcomeMilestone> outcomes(Project project) {
		return this.outcomes.visibleTrail(project);
	}

	/**
	 * What the Project.followUp field shows; role-dependent fields are null for callers
	 * who may not see them.
	 */
	record FollowUpView(ProjectState state, boolean dormant, @Nullable LocalDate lastSignOfLife,
			ProjectStateRule.ServiceStatus serviceStatus, @Nullable LocalDate serviceSince,
			ProjectStateRule.TeamActivity teamActivity, @Nullable ProjectState stateIncludingPending,
			@Nullable Integer pendingCount, @Nullable Instant stateChangedAt, @Nullable LocalDate lastPushedOn,
			@Nullable Instant activityCheckedAt, @Nullable String activityError, int followerCount,
			boolean followedByMe, boolean canRecord, String projectId, boolean seesEverything) {
	}

	@BatchMapping(typeName = "Project")
	Map<Project, FollowUpView> followUp(List<Project> page) {
		List<String> ids = page.stream().map(Project::id).toList();
		Map<String, ProjectFollowUp> found = this.states.find(ids);
		List<String> missing = ids.stream().filter((id) -> !found.containsKey(id)).toList();
		Map<String, LocalDate> pitched = missing.isEmpty() ? Map.of() : this.states.lastPitched(missing);
		Set<String> everything = this.outcomes.seeingEverything(ids);
		String me = this.currentUser.id().orElse(null);
		Map<Project, FollowUpView> views = new LinkedHashMap<>();
		for (Project project : page) {
			ProjectFollowUp followUp = found.containsKey(project.id()) ? found.get(project.id())
					: this.states.withoutTrail(project.id(), pitched.get(project.id()));
			ProjectStateRule.Derived publicView = this.states.derive(followUp, true);
			boolean all = everything.contains(project.id());
			ProjectStateRule.Derived pendingView = all ? this.states.derive(followUp, false) : null;
			views.put(project, new FollowUpView(publicView.state(), publicView.dormant(), publicView.lastSignOfLife(),
					publicView.service(), publicView.serviceSince(), publicView.team(),
					all ? pendingView.state() : null, all ? followUp.pendingCount() : null, followUp.stateChangedAt(),
					FollowUpStates.date(followUp.lastPushedOn()), followUp.activityCheckedAt(),
					all ? followUp.activityError() : null, followUp.followers().size(),
					me != null && followUp.followers().contains(me), all && me != null, project.id(), all));
		}
		return views;
	}

	@BatchMapping(typeName = "Project")
	Map<Project, ProjectState> state(List<Project> page) {
		Map<String, ProjectFollowUp> found = this.states.find(page.stream().map(Project::id).toList());
		List<String> missing = page.stream().map(Project::id).filter((id) -> !found.containsKey(id)).toList();
		Map<String, LocalDate> pitched = missing.isEmpty() ? Map.of() : this.states.lastPitched(missing);
		Map<Project, ProjectState> result = new LinkedHashMap<>();
		for (Project project : page) {
			ProjectFollowUp followUp = found.containsKey(project.id()) ? found.get(project.id())
					: this.states.withoutTrail(project.id(), pitched.get(project.id()));
			result.put(project, this.states.derive(followUp, true).state());
		}
		return result;
	}

	@SchemaMapping(typeName = "ProjectFollowUp")
	List<FollowUpRequest> requests(FollowUpView view) {
		return view.seesEverything() ? this.outcomes.requests(view.projectId()) : List.of();
	}

	// ---- OutcomeMilestone fields

	@SchemaMapping(typeName = "OutcomeMilestone")
	LocalDate date(OutcomeMilestone milestone) {
		return milestone.localDate();
	}

	/**
	 * Verification reasons and history are for organizers, the project's leads and the
	 * reporter.
	 */
	// Every way to a milestone already required seeing its project (the project's trail,
	// a lead's or organizer's
	// mutation, the organizers' queue), so the projects are loaded without a visibility
	// check, in one round trip.
	@BatchMapping(typeName = "OutcomeMilestone")
	Map<OutcomeMilestone, Project> project(List<OutcomeMilestone> milestones) {
		Map<String, Project> byId = new HashMap<>();
		this.projects.findAllById(milestones.stream().map(OutcomeMilestone::projectId).distinct().toList())
			.forEach((project) -> byId.put(project.id(), project));
		// A milestone whose project is gone is left out of the map: GraphQL answers null
		// for it.
		Map<OutcomeMilestone, Project> result = new LinkedHashMap<>();
		for (OutcomeMilestone milestone : milestones) {
			Project project = byId.get(milestone.projectId());
			if (project != null) {
				result.put(milestone, project);
			}
		}
		return result;
	}

	@BatchMapping(typeName = "OutcomeMilestone")
	Map<OutcomeMilestone, List<MilestoneEvent>> history(List<OutcomeMilestone> milestones) {
		Set<String> everything = this.outcomes
			.seeingEverything(milestones.stream().map(OutcomeMilestone::projectId).distinct().toList());
		String me = this.currentUser.id().orElse(null);
		Map<OutcomeMilestone, List<MilestoneEvent>> result = new HashMap<>();
		for (OutcomeMilestone milestone : milestones) {
			if (everything.contains(milestone.projectId()) || (me != null && me.equals(milestone.reportedBy()))) {
				result.put(milestone, milestone.history());
			}
		}
		return result;
	}

	// ---- FollowUpRequest fields

	@BatchMapping(typeName = "FollowUpRequest")
	Map<FollowUpRequest, Hackathon> hackathon(List<FollowUpRequest> requests) {
		Map<String, Hackathon> byId = new HashMap<>();
		this.hackathons.findAllById(requests.stream().map(FollowUpRequest::hackathonId).distinct().toList())
			.forEach((h) -> byId.put(h.id(), h));
		Map<FollowUpRequest, Hackathon> result = new LinkedHashMap<>();
		requests.forEach((r) -> result.put(r, byId.get(r.hackathonId())));
		return result;
	}

	@SchemaMapping(typeName = "FollowUpRequest")
	LocalDate dueOn(FollowUpRequest request) {
		return LocalDate.parse(request.dueOn());
	}

	// ---- operations

	@QueryMapping
	List<OutcomeMilestone> outcomeMilestonesToVerify(@Argument @Nullable Integer first) {
		return this.outcomes.pending(this.limits.pageSize(first));
	}

	record RecordOutcomeMilestonePayload(OutcomeMilestone milestone, boolean created, boolean changed) {
	}

	@MutationMapping
	RecordOutcomeMilestonePayload recordOutcomeMilestone(@Argument OutcomeService.RecordInput input) {
		OutcomeService.Recorded recorded = this.outcomes.record(input);
		return new RecordOutcomeMilestonePayload(recorded.milestone(), recorded.created(), recorded.changed());
	}

	record VerifyOutcomeMilestoneInput(String id, @Nullable Integer expectedVersion, @Nullable String note) {
	}

	record RejectOutcomeMilestoneInput(String id, String reason, @Nullable Integer expectedVersion) {
	}

	record DecideOutcomeMilestonePayload(OutcomeMilestone milestone) {
	}

	record VerifyOutcomeMilestonesInput(@Nullable List<String> ids, @Nullable String projectId,
			MilestoneSelections.@Nullable Selection selection, @Nullable Integer expectedCount, @Nullable String note) {
	}

	record VerifyOutcomeMilestonesPayload(String decisionId, int verifiedCount, List<OutcomeMilestone> verified,
			List<String> unchangedIds) {
	}

	@MutationMapping
	VerifyOutcomeMilestonesPayload verifyOutcomeMilestones(@Argument VerifyOutcomeMilestonesInput input) {
		OutcomeService.BulkVerified done;
		if (input.selection() != null) {
			if (input.ids() != null || input.projectId() != null) {
				throw DomainException.badInput("input", Refusal.ONE_WAY_TO_CHOOSE);
			}
			done = this.selections.verify(input.selection(), input.expectedCount(), input.note());
		}
		else {
			done = this.outcomes.verifyMany(input.ids(), input.projectId(), input.expectedCount(), input.note());
		}
		return new VerifyOutcomeMilestonesPayload(done.decisionId(), done.verified().size(), done.verified(),
				done.unchanged());
	}

	@MutationMapping
	DecideOutcomeMilestonePayload verifyOutcomeMilestone(@Argument VerifyOutcomeMilestoneInput input) {
		return new DecideOutcomeMilestonePayload(
				this.outcomes.verify(input.id(), input.expectedVersion(), input.note()));
	}

	@MutationMapping
	DecideOutcomeMilestonePayload rejectOutcomeMilestone(@Argument RejectOutcomeMilestoneInput input) {
		return new DecideOutcomeMilestonePayload(
				this.outcomes.reject(input.id(), input.reason(), input.expectedVersion()));
	}

	record FollowProjectInput(String projectId) {
	}

	record FollowProjectPayload(Project project, boolean following) {
	}

	@MutationMapping
	FollowProjectPayload followProject(@Argument FollowProjectInput input) {
		this.outcomes.follow(input.projectId());
		return new FollowProjectPayload(project(input.projectId()), true);
	}

	@MutationMapping
	FollowProjectPayload unfollowProject(@Argument FollowProjectInput input) {
		this.outcomes.unfollow(input.projectId());
		return new FollowProjectPayload(project(input.projectId()), false);
	}

	record AnswerFollowUpRequestInput(String id, @Nullable String answer) {
	}

	record AnswerFollowUpRequestPayload(FollowUpRequest request) {
	}

	@MutationMapping
	AnswerFollowUpRequestPayload answerFollowUpRequest(@Argument AnswerFollowUpRequestInput input) {
		return new AnswerFollowUpRequestPayload(this.outcomes.answer(input.id(), input.answer()));
	}

	private Project project(String id) {
		return this.projects.findVisible(id)
			.orElseThrow(() -> DomainException.notFound("There is no project with the id '" + id + "'."));
	}

}
