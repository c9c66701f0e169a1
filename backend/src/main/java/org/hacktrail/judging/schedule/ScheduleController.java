package org.hacktrail.judging.schedule;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.sheet.ScoreSheetService;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A round's timetable in GraphQL: {@code setRoundSchedule}, {@code JudgingRound.closesAt}
 * and the judge's {@code MyAssignments.slots}.
 */
@Controller
class ScheduleController {

	private final RoundSchedules schedules;

	private final JudgingAccess access;

	private final ProposalLookup proposals;

	ScheduleController(RoundSchedules schedules, JudgingAccess access, ProposalLookup proposals) {
		this.schedules = schedules;
		this.access = access;
		this.proposals = proposals;
	}

	record SetRoundSchedulePayload(RoundService.RoundContext round) {
	}

	@MutationMapping
	SetRoundSchedulePayload setRoundSchedule(@Argument RoundSchedules.SetRoundScheduleInput input) {
		return new SetRoundSchedulePayload(this.schedules.set(input));
	}

	@SchemaMapping(typeName = "JudgingRound")
	@Nullable Instant closesAt(RoundService.RoundContext round) {
		return this.schedules.find(round.round().id()).map(RoundSchedule::closesAt).orElse(null);
	}

	/** The whole timetable, for organizers; null for anyone else. */
	@SchemaMapping(typeName = "JudgingRound")
	RoundSchedules.@Nullable Timetable timetable(RoundService.RoundContext round) {
		return this.access.isOrganizer() ? this.schedules.timetable(round) : null;
	}

	/** The round's candidates now, in id order; null while they cannot be known. */
	@SchemaMapping(typeName = "RoundTimetable")
	@Nullable List<Proposal> candidates(RoundSchedules.Timetable timetable) {
		if (timetable.candidateIds() == null) {
			return null;
		}
		Map<String, Proposal> byId = this.proposals.byIds(timetable.candidateIds());
		return timetable.candidateIds().stream().map(byId::get).filter((p) -> p != null).toList();
	}

	/** The slots of the judge's own assigned proposals only. */
	@SchemaMapping(typeName = "MyAssignments")
	List<RoundSchedule.Slot> slots(ScoreSheetService.MyAssignments work) {
		Set<String> mine = new HashSet<>();
		work.proposals().forEach((p) -> mine.add(p.proposalId()));
		return this.schedules.find(work.round().id())
			.map((schedule) -> schedule.slots().stream().filter((slot) -> mine.contains(slot.proposalId())).toList())
			.orElse(List.of());
	}

}
