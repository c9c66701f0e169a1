package org.hacktrail.identity;

/**
 * Global roles. Everyone signed in may propose and join teams; judging rights are given
 * per hackathon.
 */
public enum Role {

	/**
	 * Runs hackathons: creates them, invites judges, publishes results, verifies
	 * follow-up records.
	 */
	ORGANIZER,

	/**
	 * Has been invited to judge at least one hackathon; which ones is recorded on the
	 * judge panel.
	 */
	JUDGE;

	public String authority() {
		return "ROLE_" + name();
	}

}
