package org.hacktrail.judging.panel;

/** Whether a conflict of interest currently keeps a judge away from a proposal. */
public enum ConflictStatus {

	/**
	 * The judge is never assigned the proposal, and a sheet they scored on it does not
	 * count.
	 */
	ACTIVE,

	/**
	 * An organizer decided, with a reason, that there is no conflict (e.g. a name match
	 * between two namesakes).
	 */
	CLEARED

}
