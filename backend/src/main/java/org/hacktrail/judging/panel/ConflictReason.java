package org.hacktrail.judging.panel;

/** Why a judge must not judge a proposal. */
public enum ConflictReason {

	/** Works (or worked) with the proposer, a team member or the partner agency. */
	PROFESSIONAL,

	/** Family, friendship or another personal tie. */
	PERSONAL,

	/** Money at stake: investment, contract, grant. */
	FINANCIAL,

	/** Anything else; the comment says what. */
	OTHER

}
