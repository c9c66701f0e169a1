package org.hacktrail.judging.schedule;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.sheet.ScoreSheetService;
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

	ScheduleController(RoundSchedules schedules) {
		this.schedules = schedules;
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
