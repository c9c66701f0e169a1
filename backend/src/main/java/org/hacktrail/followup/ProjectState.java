package org.hacktrail.followup;

/**
 * A project's state derived from its outcome trail; the rule is {@link ProjectStateRule}.
 * Ordered from the weakest to the strongest outcome, so that a later constant wins over
 * an earlier one.
 */
public enum ProjectState {

	/**
	 * Showed a sign of life (a milestone, an activity signal, a pitch) in the last six
	 * months.
	 */
	ACTIVE,

	/**
	 * No sign of life for six months or more, and no funding, adoption or integration.
	 */
	DORMANT,

	/** Received funding. */
	FUNDED,

	/** Adopted by an agency. */
	ADOPTED,

	/** Integrated into an agency's regular operations. */
	INTEGRATED,

	/** Stopped by its team, with nothing dated after the stop. */
	DISCONTINUED

}
