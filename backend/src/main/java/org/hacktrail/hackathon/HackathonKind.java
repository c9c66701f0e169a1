package org.hacktrail.hackathon;

/**
 * What kind of event a hackathon is; it sets the defaults of the event's rules.
 */
public enum HackathonKind {

	/**
	 * A community hackathon (g0v's bimonthly "hackath*n"): pitches, teams, no judging,
	 * projects recur.
	 */
	COMMUNITY,

	/**
	 * A presidential-hackathon style competition: proposals, review, public vote, finals,
	 * outstanding teams.
	 */
	PRESIDENTIAL,

	/** Any other event. */
	OTHER

}
