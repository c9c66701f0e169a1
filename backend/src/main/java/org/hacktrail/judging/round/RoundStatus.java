package org.hacktrail.judging.round;

/** Where a judging round is. */
public enum RoundStatus {

	/** Being set up: rubric, rules and assignment can change; nobody scores yet. */
	DRAFT,

	/**
	 * Judges score (and the public votes, if the round has a vote). The rubric is frozen.
	 */
	OPEN,

	/**
	 * Scoring is over: organizers read the ranking and select. Reopening (with a reason)
	 * lets judges score again.
	 */
	CLOSED,

	/** Results are public; nothing about the round changes any more. */
	PUBLISHED

}
