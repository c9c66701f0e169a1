package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A project and the summary of its milestones, as the trail reader hands it on.
 *
 * @param pitches the project's pitches for the roll-up, when the reader read them (a full
 * refresh); null otherwise
 */
record ProjectTrail(String projectId, TrailSummary summary, @Nullable LocalDate lastPitched,
		@Nullable List<ProjectPitch> pitches) {
}
