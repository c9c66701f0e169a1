package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When follow-up requests fall due: 3, 6, 12 and 24 months after a hackathon's last day
 * (in its time zone). A checkpoint is current from its due date until the next one falls
 * due (the 24-month checkpoint for 12 months); only the current checkpoint is opened, so
 * a hackathon the job first sees late gets one request per project, not a burst of
 * overdue ones, and a hackathon more than 36 months past gets none.
 */
final class FollowUpCheckpoints {

	static final List<Integer> MONTHS = List.of(3, 6, 12, 24);

	private static final int LAST_CHECKPOINT_LASTS = 12;

	private FollowUpCheckpoints() {
	}

	/**
	 * The checkpoint current on {@code today} for an event that ended on {@code lastDay},
	 * if any.
	 */
	static Optional<Integer> current(LocalDate lastDay, LocalDate today) {
		for (int i = MONTHS.size() - 1; i >= 0; i--) {
			int months = MONTHS.get(i);
			LocalDate due = lastDay.plusMonths(months);
			LocalDate until = (i + 1 < MONTHS.size()) ? lastDay.plusMonths(MONTHS.get(i + 1))
					: due.plusMonths(LAST_CHECKPOINT_LASTS);
			if (!today.isBefore(due) && today.isBefore(until)) {
				return Optional.of(months);
			}
		}
		return Optional.empty();
	}

}
