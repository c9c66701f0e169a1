package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When follow-up requests fall due: 3, 6, 12 and 24 months after a hackathon's last day
 * (in its time zone), then — with yearly follow-up on — every 12 months after that (36,
 * 48, …), for the projects still worth asking ({@link #worthAskingYearly}). A checkpoint
 * is current from its due date until the next one falls due (without yearly follow-up,
 * the 24-month checkpoint for 12 months); only the current checkpoint is opened, so a
 * hackathon the job first sees late gets one request per project, not a burst of overdue
 * ones, and without yearly follow-up a hackathon more than 36 months past gets none.
 */
final class FollowUpCheckpoints {

	static final List<Integer> MONTHS = List.of(3, 6, 12, 24);

	private static final int LAST_CHECKPOINT_LASTS = 12;

	private FollowUpCheckpoints() {
	}

	/**
	 * The checkpoint current on {@code today} for an event that ended on {@code lastDay},
	 * if any, without yearly follow-up.
	 */
	static Optional<Integer> current(LocalDate lastDay, LocalDate today) {
		return current(lastDay, today, false);
	}

	/**
	 * The checkpoint current on {@code today} for an event that ended on {@code lastDay},
	 * if any; {@code yearly}: after 24 months, one every 12 months.
	 */
	static Optional<Integer> current(LocalDate lastDay, LocalDate today, boolean yearly) {
		int last = MONTHS.get(MONTHS.size() - 1);
		if (yearly && !today.isBefore(lastDay.plusMonths(last))) {
			// Whole years past the last fixed checkpoint; plusMonths keeps month ends.
			int months = last;
			while (!today.isBefore(lastDay.plusMonths(months + 12L))) {
				months += 12;
			}
			return Optional.of(months);
		}
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

	/** Whether a checkpoint is one of the yearly ones after the fixed checkpoints. */
	static boolean isYearly(int months) {
		return months > MONTHS.get(MONTHS.size() - 1);
	}

	/**
	 * Whether a project is asked at a yearly checkpoint: while it is in public service
	 * (ADOPTED or INTEGRATED, not retired) or its team is ACTIVE; a stopped, retired or
	 * dormant project is left alone.
	 */
	static boolean worthAskingYearly(ProjectStateRule.Derived derived) {
		return derived.service() == ProjectStateRule.ServiceStatus.ADOPTED
				|| derived.service() == ProjectStateRule.ServiceStatus.INTEGRATED
				|| derived.team() == ProjectStateRule.TeamActivity.ACTIVE;
	}

}
