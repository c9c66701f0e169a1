package org.hacktrail.followup;

/** The level of government of an adopting agency. */
public enum AgencyLevel {

	/** A central (national) government agency. */
	CENTRAL,

	/** A municipal, county or township government. */
	LOCAL,

	/**
	 * A public body of another kind (an international organisation, a state-owned
	 * enterprise...).
	 */
	OTHER

}
