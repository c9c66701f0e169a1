package org.hacktrail.team;

import java.time.Clock;
import java.util.UUID;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/** A team's open positions: the skills it wants and how many seats each has. */
@Service
class TeamPositions {

	static final int MAX_POSITIONS = 30;

	static final int MAX_SEATS = 50;

	static final int MAX_DESCRIPTION = 1000;

	private final TeamChanges changes;

	private final TeamPolicy policy;

	private final Clock clock;

	TeamPositions(TeamChanges changes, TeamPolicy policy, Clock clock) {
		this.changes = changes;
		this.policy = policy;
		this.clock = clock;
	}

	record OpenPositionInput(String proposalId, String skill, @Nullable TeamRole role, @Nullable Integer count,
			@Nullable String description) {
	}

	record UpdatePositionInput(String proposalId, String positionId, @Nullable String skill, @Nullable TeamRole role,
			@Nullable Integer count, @Nullable String description) {
	}

	/** Opens a position (leads, organizers). */
	Team open(OpenPositionInput input) {
		TeamChanges.Target target = this.changes.target(input.proposalId());
		String skill = skill(input.skill());
		int count = (input.count() != null) ? seats(input.count(), 1) : 1;
		String description = description(input.description());
		TeamRole role = (input.role() != null) ? input.role() : TeamRole.OTHER;
		return this.changes.change(target, (team) -> {
			this.policy.requireManager(team, "open positions");
			if (team.positions().size() >= MAX_POSITIONS) {
				throw DomainException.badInput("positions", Refusal.TOO_MANY, "max", MAX_POSITIONS, "count",
						team.positions().size() + 1);
			}
			Team.Edit edit = team.edit();
			edit.positions.add(new OpenPosition(UUID.randomUUID().toString(), skill, role, count, description,
					this.clock.instant()));
			return edit.build(this.clock.instant());
		});
	}

	/** Changes a position; a count of 0 closes it (leads, organizers). */
	Team update(UpdatePositionInput input) {
		TeamChanges.Target target = this.changes.target(input.proposalId());
		String skill = (input.skill() != null) ? skill(input.skill()) : null;
		Integer count = (input.count() != null) ? seats(input.count(), 0) : null;
		String description = (input.description() != null) ? description(input.description()) : null;
		return this.changes.change(target, (team) -> {
			this.policy.requireManager(team, "change positions");
			OpenPosition was = TeamRules.requirePosition(team, input.positionId(), "positionId");
			Team.Edit edit = team.edit();
			edit.positions.replaceAll(
					(p) -> p.id().equals(was.id()) ? new OpenPosition(p.id(), (skill != null) ? skill : p.skill(),
							(input.role() != null) ? input.role() : p.role(), (count != null) ? count : p.count(),
							(input.description() != null) ? description : p.description(), p.createdAt()) : p);
			return edit.build(this.clock.instant());
		});
	}

	/**
	 * Removes a position (leads, organizers). Members who filled it stay, without a
	 * position; pending requests and invitations for it stay, for no particular position.
	 */
	Team remove(String proposalId, String positionId) {
		TeamChanges.Target target = this.changes.target(proposalId);
		return this.changes.change(target, (team) -> {
			this.policy.requireManager(team, "remove positions");
			TeamRules.requirePosition(team, positionId, "positionId");
			Team.Edit edit = team.edit();
			edit.positions.removeIf((p) -> p.id().equals(positionId));
			edit.members.replaceAll((m) -> positionId.equals(m.positionId()) ? m.withoutPosition() : m);
			edit.requests
				.replaceAll((r) -> (r.isPending() && positionId.equals(r.positionId())) ? r.withoutPosition() : r);
			edit.invitations
				.replaceAll((i) -> (i.isPending() && positionId.equals(i.positionId())) ? i.withoutPosition() : i);
			return edit.build(this.clock.instant());
		});
	}

	private static String skill(@Nullable String skill) {
		String value = TeamRules.text(skill, "skill", TeamRules.MAX_SKILL, FreeText.Kind.LINE);
		if (value == null) {
			throw DomainException.badInput("skill", Refusal.LENGTH, "min", 1, "max", TeamRules.MAX_SKILL);
		}
		return value;
	}

	private static @Nullable String description(@Nullable String description) {
		return TeamRules.text(description, "description", MAX_DESCRIPTION, FreeText.Kind.TEXT);
	}

	private static int seats(int count, int min) {
		if (count < min || count > MAX_SEATS) {
			throw DomainException.badInput("count", Refusal.OUT_OF_RANGE, "min", min, "max", MAX_SEATS, "value", count);
		}
		return count;
	}

}
