package org.hacktrail.followup;

/**
 * Whether an organizer has checked a milestone's evidence. Only VERIFIED milestones are
 * public.
 */
public enum VerificationState {

	PENDING, VERIFIED, REJECTED

}
