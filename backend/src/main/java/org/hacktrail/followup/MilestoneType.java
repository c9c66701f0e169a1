package org.hacktrail.followup;

/**
 * What happened to a project after a hackathon. The first six are outcomes a person
 * reports (or an organizer imports); ACTIVITY is a signal of life, usually observed in
 * the project's repository by the activity check.
 */
public enum MilestoneType {

	/** The team applied for funding (a grant, a procurement, a programme). */
	FUNDING_APPLIED,

	/**
	 * The project received funding: who funds it (agency), programme, amount and
	 * currency.
	 */
	FUNDED,

	/** A pilot with users or an agency. */
	PILOT,

	/** An agency adopted the project (agency and level). */
	ADOPTED,

	/** The project became part of an agency's regular operations. */
	INTEGRATED_INTO_OPERATIONS,

	/**
	 * The agency stopped using the project's service (agency and evidence): what was
	 * adopted or integrated is no longer in public service.
	 */
	SERVICE_RETIRED,

	/** The team stopped the project. */
	DISCONTINUED,

	/** A sign of life: repository activity, a release, a meeting. */
	ACTIVITY;

	/** Claims that change how a project is counted need evidence a person can check. */
	public boolean requiresEvidence() {
		return this == FUNDED || this == ADOPTED || this == INTEGRATED_INTO_OPERATIONS || this == SERVICE_RETIRED;
	}

	/** Only funding milestones carry an amount (requested or granted). */
	public boolean carriesAmount() {
		return this == FUNDING_APPLIED || this == FUNDED;
	}

}
