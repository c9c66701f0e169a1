package org.hacktrail.judging.sheet;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded status change of a sheet (drafts saves are not recorded; their content is
 * the sheet).
 *
 * @param by who made it (the judge, an organizer, or whoever raised the conflict that
 * voided it)
 */
public record SheetEvent(Instant at, @Nullable String by, SheetStatus from, SheetStatus to, @Nullable String reason) {
}
