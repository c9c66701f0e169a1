package org.hacktrail.team;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A position a team wants to fill: a skill, the role it comes with, and how many people.
 * Seats are counted from the members who fill it ({@link Team#filled}), never kept as a
 * separate counter that could drift: a position is open while fewer members fill it than
 * its {@code count}; a member who leaves frees their seat.
 *
 * @param skill the skill wanted, as the lead wrote it ({@code 前端}, {@code Data science})
 * @param count how many people the team wants for this position in all (0 closes it)
 */
public record OpenPosition(String id, String skill, TeamRole role, int count, @Nullable String description,
		Instant createdAt) {

}
