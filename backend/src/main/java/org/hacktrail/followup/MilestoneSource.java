package org.hacktrail.followup;

/** Where a milestone came from. */
public enum MilestoneSource {

	/** Reported by the project's team lead. */
	SELF_REPORTED,

	/** Recorded by an organizer. */
	ORGANIZER,

	/**
	 * Read from a file (government open data, an organizer's list) or observed by a job
	 * (repository activity).
	 */
	IMPORTED

}
