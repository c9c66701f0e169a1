package org.hacktrail.team;

/** How a member came into a team. */
public enum JoinedVia {

	/** The proposer: the team's first lead. */
	PROPOSER,

	/** A join request a lead accepted. */
	REQUEST,

	/** An invitation the person accepted. */
	INVITATION,

	/** Added by an organizer. */
	ORGANIZER

}
