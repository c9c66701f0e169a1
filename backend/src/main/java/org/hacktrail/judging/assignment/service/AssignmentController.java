package org.hacktrail.judging.assignment.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.JudgingGraphQl;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.assignment.AssignmentProblem;
import org.hacktrail.judging.assignment.JudgeLoad;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.JudgingPlan;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.hacktrail.platform.MessageArg;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for assignment: {@code assignJudges}, a round's current plan
 * ({@code JudgingRound.plan}, organizers only) and the {@code AssignmentPlan} type.
 */
@Controller
class AssignmentController {

	private final AssignmentService assignments;

	private final RoundService rounds;

	private final ProposalLookup proposals;

	private final JudgingAccess access;

	private final MongoTemplate mongo;

	AssignmentController(AssignmentService assignments, RoundService rounds, ProposalLookup proposals,
			JudgingAccess access, MongoTemplate mongo) {
		this.assignments = assignments;
		this.rounds = rounds;
		this.proposals = proposals;
		this.access = access;
		this.mongo = mongo;
	}

	record AssignJudgesInput(String roundId, @Nullable String seed) {
	}

	record AssignJudgesPayload(RoundService.RoundContext round, PlanView plan) {
	}

	@MutationMapping
	AssignJudgesPayload assignJudges(@Argument AssignJudgesInput input) {
		JudgingPlan plan = this.assignments.assign(input.roundId(), input.seed());
		RoundService.RoundContext context = this.rounds.require(input.roundId());
		return new AssignJudgesPayload(context, new PlanView(plan, context.hackathon().id()));
	}

	@SchemaMapping(typeName = "JudgingRound")
	@Nullable PlanView plan(RoundService.RoundContext round) {
		if (!this.access.isOrganizer() || !round.stored()) {
			return null;
		}
		JudgingPlan plan = this.rounds.currentPlan(round.judging());
		return (plan != null) ? new PlanView(plan, round.hackathon().id()) : null;
	}

	// ---- AssignmentPlan

	/**
	 * A plan with the hackathon its judges belong to (judge record ids are
	 * {@code hackathonId:userId}).
	 */
	record PlanView(JudgingPlan plan, String hackathonId) {
	}

	record LoadView(String judgeId, Sector sector, int load, @Nullable Integer maxLoad) {
	}

	@SchemaMapping(typeName = "AssignmentPlan", field = "id")
	String planId(PlanView view) {
		return view.plan().id();
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	String algorithmVersion(PlanView view) {
		return view.plan().algorithmVersion();
	}

	@SchemaMapping(typeName = "AssignmentPlan", field = "seed")
	String planSeed(PlanView view) {
		return Long.toUnsignedString(view.plan().seed());
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	int proposalCount(PlanView view) {
		return view.plan().proposalIds().size();
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	int assignmentCount(PlanView view) {
		return view.plan().assignmentCount();
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	List<LoadView> loads(PlanView view) {
		List<LoadView> loads = new ArrayList<>();
		for (JudgeLoad load : view.plan().loads()) {
			loads.add(new LoadView(Judge.idOf(view.hackathonId(), load.judgeId()), load.sector(), load.load(),
					load.maxLoad()));
		}
		return loads;
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	List<AssignmentProblem> problems(PlanView view) {
		// The judge of a kept conflict by their judge record's id, as the plan's loads
		// name them.
		return view.plan()
			.problems()
			.stream()
			.map((p) -> (p.judgeId() == null) ? p
					: new AssignmentProblem(p.proposalId(), p.rule(), p.sector(), p.required(), p.assigned(),
							p.message(), p.cause(), p.judges(), Judge.idOf(view.hackathonId(), p.judgeId())))
			.toList();
	}

	/**
	 * The values of a problem's cause: {@code judges} (a count) or {@code judge} (an id).
	 */
	@SchemaMapping(typeName = "AssignmentProblem")
	List<MessageArg> causeArgs(AssignmentProblem problem) {
		List<MessageArg> args = new ArrayList<>();
		if (problem.judges() != null) {
			args.add(MessageArg.of("judges", problem.judges()));
		}
		if (problem.judgeId() != null) {
			args.add(MessageArg.of("judge", problem.judgeId()));
		}
		return args;
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	int loadSpread(PlanView view) {
		return view.plan().loadSpread();
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	boolean balanced(PlanView view) {
		return view.plan().balanced();
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	JudgingPlan.@Nullable PlanReason reasonCode(PlanView view) {
		return view.plan().reasonCode();
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	List<MessageArg> reasonArgs(PlanView view) {
		return (view.plan().reasonArgs() != null) ? view.plan().reasonArgs() : List.of();
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	@Nullable String writtenReason(PlanView view) {
		return view.plan().writtenReason();
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	String reason(PlanView view) {
		return view.plan().reason();
	}

	@SchemaMapping(typeName = "AssignmentPlan")
	Instant createdAt(PlanView view) {
		return view.plan().createdAt();
	}

	@BatchMapping(typeName = "JudgeLoad", field = "judge")
	Map<LoadView, Judge> loadJudge(List<LoadView> loads) {
		Map<String, Judge> byId = new HashMap<>();
		Query query = new Query(Criteria.where("_id").in(loads.stream().map(LoadView::judgeId).toList()));
		this.mongo.find(query, Judge.class).forEach((judge) -> byId.put(judge.id(), judge));
		Map<LoadView, Judge> result = new LinkedHashMap<>();
		loads.forEach((load) -> {
			if (byId.containsKey(load.judgeId())) {
				result.put(load, byId.get(load.judgeId()));
			}
		});
		return result;
	}

	@BatchMapping(typeName = "AssignmentProblem", field = "proposal")
	Map<AssignmentProblem, Proposal> problemProposal(List<AssignmentProblem> problems) {
		return JudgingGraphQl.proposals(problems, AssignmentProblem::proposalId, this.proposals);
	}

}
