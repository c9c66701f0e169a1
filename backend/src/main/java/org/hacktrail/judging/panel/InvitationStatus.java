package org.hacktrail.judging.panel;

/** Where a judge invitation stands. */
public enum InvitationStatus {

	/** Sent; the invitee has not accepted yet. */
	PENDING,

	/** Accepted: the invitee is on the panel. */
	ACCEPTED,

	/** Withdrawn by an organizer; its link no longer works. */
	REVOKED

}
