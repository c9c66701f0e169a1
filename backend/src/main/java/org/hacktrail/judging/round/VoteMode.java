package org.hacktrail.judging.round;

/** Whether and how the public votes in a round. */
public enum VoteMode {

	/** No public vote. */
	NONE,

	/** A signed-in person votes for any number of proposals, one vote each. */
	SIMPLE,

	/** A budget of credits (99 by default); n votes on one proposal cost n². */
	QUADRATIC

}
