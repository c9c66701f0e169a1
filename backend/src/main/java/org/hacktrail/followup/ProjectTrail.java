package org.hacktrail.followup;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A project and the summary of its milestones, as the trail reader hands it on. */
record ProjectTrail(String projectId, TrailSummary summary, @Nullable LocalDate lastPitched) {
}
