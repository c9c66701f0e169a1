package org.hacktrail.judging.sheet;

/** Where a score sheet stands. */
public enum SheetStatus {

	/** Being filled in; only submitted sheets count. */
	DRAFT,

	/**
	 * Complete and handed in: locked until an organizer reopens it. Counts in the
	 * ranking.
	 */
	SUBMITTED,

	/**
	 * Does not count: the judge has a conflict of interest with the proposal, or was
	 * dropped and an organizer voided their submitted sheets.
	 */
	VOIDED

}
