package org.hacktrail.judging.reminder;

import java.util.List;
import java.util.Map;

import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for reminding judges: {@code judgesWithWorkLeft} and {@code remindJudges}.
 * Rules live in {@link JudgeReminders}.
 */
@Controller
class ReminderController {

	private final JudgeReminders reminders;

	private final ProposalLookup proposals;

	ReminderController(JudgeReminders reminders, ProposalLookup proposals) {
		this.reminders = reminders;
		this.proposals = proposals;
	}

	record RemindJudgesPayload(int remindedCount, List<JudgeReminders.WorkLeft> reminded,
			List<JudgeReminders.Skipped> skipped) {
	}

	@QueryMapping
	List<JudgeReminders.WorkLeft> judgesWithWorkLeft(@Argument String roundId) {
		return this.reminders.workLeft(roundId);
	}

	@MutationMapping
	RemindJudgesPayload remindJudges(@Argument JudgeReminders.RemindJudgesInput input) {
		JudgeReminders.Reminded done = this.reminders.remind(input);
		return new RemindJudgesPayload(done.reminded().size(), done.reminded(), done.skipped());
	}

	@SchemaMapping(typeName = "JudgeWorkLeft")
	int remaining(JudgeReminders.WorkLeft work) {
		return work.remaining();
	}

	@BatchMapping(typeName = "JudgeWorkLeft", field = "proposals")
	Map<JudgeReminders.WorkLeft, List<Proposal>> workProposals(List<JudgeReminders.WorkLeft> works) {
		Map<String, Proposal> byId = this.proposals
			.byIds(works.stream().flatMap((w) -> w.proposalIds().stream()).distinct().toList());
		Map<JudgeReminders.WorkLeft, List<Proposal>> result = new java.util.LinkedHashMap<>();
		for (JudgeReminders.WorkLeft work : works) {
			result.put(work, work.proposalIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
		}
		return result;
	}

}
