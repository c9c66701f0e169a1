package org.hacktrail.judging.round;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded event of a round: status changes, configuration changes after DRAFT,
 * plans, selections, publication.
 *
 * @param by the user who caused it; null for automatic steps
 * @param detail what happened and why, in words
 */
public record RoundEvent(Instant at, @Nullable String by, String action, @Nullable String detail) {
}
