package org.hacktrail.judging.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.judging.assignment.service.AssignmentService;
import org.hacktrail.judging.panel.DroppedJudgeWork;
import org.hacktrail.judging.panel.JudgeDropped;
import org.hacktrail.judging.round.JudgingPlan;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A dropped judge's work, round by round ({@link DroppedJudgeWork}): sheets first (voided
 * when the organizer says so), then the plan (the proposals without a counting sheet go
 * to other judges). Each step is idempotent, so dropping the judge again completes an
 * interrupted drop; the plan change is computed again when another plan won meanwhile
 * (see {@link AssignmentService#moveAway}).
 */
@Service
class DroppedJudgeSheets implements DroppedJudgeWork {

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final AssignmentService assignments;

	private final ScoreSheetService sheets;

	DroppedJudgeSheets(MongoTemplate mongo, RoundService rounds, AssignmentService assignments,
			ScoreSheetService sheets) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.assignments = assignments;
		this.sheets = sheets;
	}

	@Override
	public List<RoundOutcome> settle(JudgeDropped drop) {
		List<RoundOutcome> outcomes = new ArrayList<>();
		for (JudgingRound round : this.rounds.storedRounds(drop.hackathonId())) {
			if (round.status() == RoundStatus.PUBLISHED) {
				continue;
			}
			RoundOutcome outcome = settle(round, drop);
			if (outcome != null) {
				outcomes.add(outcome);
			}
		}
		return outcomes;
	}

	private @Nullable RoundOutcome settle(JudgingRound round, JudgeDropped drop) {
		JudgingPlan plan = this.rounds.currentPlan(round);
		List<String> work = (plan != null) ? this.assignments.works(plan).getOrDefault(drop.judgeUserId(), List.of())
				: List.of();
		if (work.isEmpty()) {
			return null;
		}
		List<String> ids = work.stream().map((p) -> ScoreSheet.idOf(round.id(), drop.judgeUserId(), p)).toList();
		Map<String, ScoreSheet> byProposal = new HashMap<>();
		this.mongo.find(new Query(Criteria.where("_id").in(ids)), ScoreSheet.class)
			.forEach((sheet) -> byProposal.put(sheet.proposalId(), sheet));
		List<String> kept = new ArrayList<>();
		List<String> voided = new ArrayList<>();
		Map<String, String> droppedSheet = new HashMap<>();
		Set<String> toMove = new LinkedHashSet<>();
		for (String proposal : work.stream().sorted().toList()) {
			ScoreSheet sheet = byProposal.get(proposal);
			if (sheet != null && sheet.status() == SheetStatus.SUBMITTED) {
				if (!drop.voidSubmittedSheets()) {
					kept.add(proposal);
					continue;
				}
				sheet = this.sheets.voidSheet(sheet, drop.by(), "Judge dropped (" + drop.reason()
						+ "); their submitted sheets were voided: " + drop.voidReason());
				voided.add(proposal);
			}
			if (sheet != null) {
				droppedSheet.put(proposal, sheet.status().name());
			}
			toMove.add(proposal);
		}
		List<Reassigned> reassigned = new ArrayList<>();
		List<String> notReassigned = new ArrayList<>();
		if (!toMove.isEmpty()) {
			Map<String, List<String>> moved = this.assignments.moveAway(round.id(), drop.judgeUserId(), toMove,
					drop.reason(), drop.by());
			for (String proposal : toMove) {
				List<String> to = moved.get(proposal);
				if (to != null) {
					reassigned.add(new Reassigned(proposal, to.stream().sorted().toList(), droppedSheet.get(proposal)));
				}
				else {
					notReassigned.add(proposal);
				}
			}
		}
		return new RoundOutcome(round.id(), kept, voided, reassigned, notReassigned);
	}

}
