package org.hacktrail.judging.round;

/**
 * Who may cast a ballot in a round's public vote. Each rule is on by default and an
 * organizer can turn it off for one round (while the round is DRAFT).
 *
 * @param excludeTeam a voter may not vote for a proposal they propose or whose team they
 * are on ({@code extensions.rule} {@value #OWN_TEAM})
 * @param excludeJudges the round's judges do not vote ({@value #JUDGE_OF_ROUND})
 * @param requireVerifiedEmail a voter needs an email their sign-in provider verified
 * ({@value #EMAIL_NOT_VERIFIED})
 */
public record VoteEligibility(boolean excludeTeam, boolean excludeJudges, boolean requireVerifiedEmail) {

	/** Every rule on. */
	public static final VoteEligibility DEFAULT = new VoteEligibility(true, true, true);

	/** The rule refusing a vote for one's own proposal or team. */
	public static final String OWN_TEAM = "VOTE_OWN_TEAM";

	/** The rule refusing a ballot from a judge of the round. */
	public static final String JUDGE_OF_ROUND = "VOTE_JUDGE_OF_ROUND";

	/** The rule refusing a ballot from someone without a verified email. */
	public static final String EMAIL_NOT_VERIFIED = "VOTE_EMAIL_NOT_VERIFIED";

}
