package org.hacktrail.judging.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Sets and reads a round's timetable ({@link RoundSchedule}). Organizers set the whole
 * timetable at once, for a round of a hackathon that is not archived, with slots only for
 * the round's candidates.
 */
@Service
public class RoundSchedules {

	static final int MAX_ROOM = 100;

	static final int MAX_PITCH_ORDER = 10_000;

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final JudgingAccess access;

	private final Clock clock;

	RoundSchedules(MongoTemplate mongo, RoundService rounds, JudgingAccess access, Clock clock) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.access = access;
		this.clock = clock;
	}

	public record SlotInput(@Nullable String proposalId, @Nullable Integer pitchOrder, @Nullable String room) {
	}

	public record SetRoundScheduleInput(String roundId, @Nullable OffsetDateTime closesAt,
			@Nullable List<SlotInput> slots, @Nullable Integer expectedVersion) {
	}

	/**
	 * A round's timetable as organizers edit it.
	 *
	 * @param closesAt when scoring is due, or null
	 * @param slots the slots set, in pitch order, then those without a place in proposal
	 * id order
	 * @param candidateIds the round's candidates now, or null while they cannot be known
	 * @param version 0 while no timetable is saved, then one more with every save
	 * @param updatedAt when it was last saved, or null
	 */
	public record Timetable(@Nullable Instant closesAt, List<RoundSchedule.Slot> slots,
			@Nullable List<String> candidateIds, int version, @Nullable Instant updatedAt) {
	}

	/** Replaces the round's timetable. Organizers. */
	public RoundService.RoundContext set(SetRoundScheduleInput input) {
		this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(input.roundId());
		RoundService.requireWritable(context.hackathon());
		Set<String> candidates = new HashSet<>(this.rounds.candidates(context));
		Map<String, RoundSchedule.Slot> slots = new LinkedHashMap<>();
		Set<Integer> orders = new HashSet<>();
		for (SlotInput slot : (input.slots() != null) ? input.slots() : List.<SlotInput>of()) {
			String proposalId = slot.proposalId();
			if (proposalId == null || !candidates.contains(proposalId)) {
				throw DomainException.badInput("slots", Refusal.NOT_A_CANDIDATE, "value", proposalId);
			}
			if (slots.containsKey(proposalId)) {
				throw DomainException.badInput("slots", Refusal.DUPLICATE, "value", proposalId);
			}
			Integer order = slot.pitchOrder();
			if (order != null && (order < 1 || order > MAX_PITCH_ORDER)) {
				throw DomainException.badInput("pitchOrder", Refusal.OUT_OF_RANGE, "min", 1, "max", MAX_PITCH_ORDER,
						"value", order);
			}
			if (order != null && !orders.add(order)) {
				throw DomainException.badInput("pitchOrder", Refusal.DUPLICATE, "value", order);
			}
			String room = room(slot.room());
			if (order == null && room == null) {
				continue;
			}
			slots.put(proposalId, new RoundSchedule.Slot(proposalId, order, room));
		}
		RoundSchedule current = this.mongo.findById(input.roundId(), RoundSchedule.class);
		if (input.expectedVersion() != null && input.expectedVersion() != version(current)) {
			throw DomainException.conflict(
					"Someone else saved this round's timetable since you read it (version " + input.expectedVersion()
							+ ", now " + version(current) + "); reload it and apply your change again.");
		}
		List<RoundSchedule.Slot> sorted = slots.values()
			.stream()
			.sorted(Comparator.comparing(RoundSchedule.Slot::proposalId))
			.toList();
		try {
			this.mongo.save(
					new RoundSchedule(input.roundId(), (input.closesAt() != null) ? input.closesAt().toInstant() : null,
							sorted, this.clock.instant(), (current != null) ? current.version() : null));
		}
		catch (DuplicateKeyException ex) {
			// Two first saves at the same moment: the other one is there now.
			throw DomainException.conflict(
					"Someone else saved this round's timetable at the same moment; reload it and apply your change again.");
		}
		return context;
	}

	/** The whole timetable of a round, for organizers. */
	public Timetable timetable(RoundService.RoundContext context) {
		this.access.requireOrganizer();
		RoundSchedule schedule = this.mongo.findById(context.round().id(), RoundSchedule.class);
		List<String> candidates;
		try {
			candidates = this.rounds.candidates(context);
		}
		catch (DomainException ex) {
			candidates = null;
		}
		if (schedule == null) {
			return new Timetable(null, List.of(), candidates, 0, null);
		}
		List<RoundSchedule.Slot> slots = schedule.slots()
			.stream()
			.sorted(Comparator
				.comparing(RoundSchedule.Slot::pitchOrder, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(RoundSchedule.Slot::proposalId))
			.toList();
		return new Timetable(schedule.closesAt(), slots, candidates, version(schedule), schedule.updatedAt());
	}

	/**
	 * The version organizers see: 0 while none is saved, then the stored version plus
	 * one.
	 */
	private static int version(@Nullable RoundSchedule schedule) {
		return (schedule == null || schedule.version() == null) ? 0 : schedule.version().intValue() + 1;
	}

	public Optional<RoundSchedule> find(String roundId) {
		return Optional.ofNullable(this.mongo.findById(roundId, RoundSchedule.class));
	}

	private static @Nullable String room(@Nullable String room) {
		if (room == null || room.strip().isEmpty()) {
			return null;
		}
		String checked = FreeText.check(room.strip(), "room", FreeText.Kind.LINE);
		if (checked.codePointCount(0, checked.length()) > MAX_ROOM) {
			throw DomainException.badInput("room", Refusal.TOO_LONG, "max", MAX_ROOM);
		}
		return checked;
	}

}
