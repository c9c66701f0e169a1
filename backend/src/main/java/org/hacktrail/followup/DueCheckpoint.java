package org.hacktrail.followup;

import java.time.LocalDate;

/**
 * A project whose hackathon reached a follow-up checkpoint ({@code months} after it
 * ended, on {@code dueOn}).
 */
record DueCheckpoint(String projectId, String hackathonId, int months, LocalDate dueOn) {
}
