package org.hacktrail.hackathon;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded change of a hackathon's phase.
 *
 * @param from the phase before, or null when the hackathon was created
 * @param by the user who made the change
 * @param reason why (required when stepping back)
 */
public record PhaseChange(@Nullable HackathonPhase from, HackathonPhase to, Instant at, @Nullable String by,
		@Nullable String reason) {
}
