package org.hacktrail.hackathon;

import org.jspecify.annotations.Nullable;

/**
 * Where a hackathon is in its life. Phases move forward one step at a time; organizers
 * may step back one phase with a reason.
 */
public enum HackathonPhase {

	/** Being set up; visible to organizers only. */
	DRAFT,

	/** Proposals are welcome. */
	OPEN_FOR_PROPOSALS,

	/** The event: proposers pitch. */
	PITCHING,

	/** Teams are working. */
	HACKING,

	/** Judges score. */
	JUDGING,

	/** Results are public. */
	RESULTS_PUBLISHED,

	/** Projects report what happened after the event. */
	FOLLOW_UP,

	/** Closed: kept for the record, no more changes. */
	ARCHIVED;

	public @Nullable HackathonPhase next() {
		int index = ordinal() + 1;
		return (index < values().length) ? values()[index] : null;
	}

	public @Nullable HackathonPhase previous() {
		int index = ordinal() - 1;
		return (index >= 0) ? values()[index] : null;
	}

	/** True once this phase comes after {@code other}. */
	public boolean isAfter(HackathonPhase other) {
		return ordinal() > other.ordinal();
	}

}
