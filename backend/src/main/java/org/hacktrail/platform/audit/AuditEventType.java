package org.hacktrail.platform.audit;

/** Kinds of security event. Features add theirs here (and to {@code audit.graphqls}). */
public enum AuditEventType {

	/** A person signed in (OAuth2/OIDC login or demo persona). */
	SIGN_IN,

	/** A sign-in failed (provider error, unknown demo persona). */
	SIGN_IN_FAILED,

	/** A person signed out. */
	SIGN_OUT,

	/** An API token was created. */
	TOKEN_CREATED,

	/** An API token was revoked. */
	TOKEN_REVOKED,

	/**
	 * A user was given a role (organizer by HACKTRAIL_ORGANIZERS, a demo persona's roles,
	 * a service account).
	 */
	ROLE_GRANTED,

	/** Results of a round or hackathon were published (judging). */
	RESULTS_PUBLISHED,

	/** An organizer overrode a score, a ranking or a rule (judging). */
	OVERRIDE_APPLIED,

	/**
	 * An organizer verified many outcome milestones with one decision (follow-up); the
	 * details say how many and which selection.
	 */
	MILESTONES_VERIFIED,

	/**
	 * An organizer reminded judges of their work left in a round (judging); the details
	 * say which round and judges.
	 */
	JUDGES_REMINDED,

	/**
	 * An organizer hid a judge's written feedback from the team, with a reason (judging).
	 */
	TEAM_FEEDBACK_HIDDEN

}
