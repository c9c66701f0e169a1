package org.hacktrail.proposal;

/**
 * Where a proposal is within its hackathon. The allowed moves are in
 * {@link ProposalLifecycle}.
 */
public enum ProposalStatus {

	/** Being written; visible to its proposer and organizers only. */
	DRAFT,

	/** Handed in. */
	SUBMITTED,

	/** Pitched at the event. */
	PITCHED,

	/** People are joining its team. */
	TEAM_FORMING,

	/** The team is working. */
	HACKING,

	/** Judges are reviewing it. */
	IN_REVIEW,

	/** Passed a review round. */
	SHORTLISTED,

	/** Did not pass a review round. */
	NOT_SHORTLISTED,

	/** In the finals. */
	FINALIST,

	/** Chosen as an outstanding team when results were published. */
	OUTSTANDING,

	/** A finalist not chosen when results were published. */
	NOT_SELECTED,

	/** Taken back by its proposer (or an organizer). */
	WITHDRAWN

}
