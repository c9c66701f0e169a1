package org.hacktrail.judging.schedule;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What judges are told about a round's timetable, set by organizers: when scoring is due,
 * and each proposal's pitch order and room. Informational: the round still opens and
 * closes by hand ({@code changeRoundStatus}).
 *
 * @param id the round's id
 * @param closesAt when scoring is due, or null when not said
 * @param slots per proposal, in proposal id order
 */
@Document("judging_round_schedules")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public record RoundSchedule(@Id String id, @Nullable Instant closesAt, List<Slot> slots, Instant updatedAt,
		@Version @Nullable Long version) {

	public RoundSchedule {
		slots = (slots != null) ? List.copyOf(slots) : List.of();
	}

	/**
	 * A proposal's pitch: its place in the order (from 1) and its room, each optional.
	 */
	public record Slot(String proposalId, @Nullable Integer pitchOrder, @Nullable String room) {
	}

}
