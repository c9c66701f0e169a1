package org.hacktrail.judging.panel;

/** Who first raised a conflict of interest. */
public enum ConflictSource {

	/** The judge declared it. */
	DECLARED,

	/**
	 * Hacktrail found it: one of the judge's affiliations matches one connected to the
	 * proposal.
	 */
	FOUND,

	/** An organizer added it. */
	ORGANIZER,

	/**
	 * The judge declared it by skipping the proposal's table in an expo (PAIRWISE) round
	 * with "conflict of interest".
	 */
	EXPO_SKIP

}
