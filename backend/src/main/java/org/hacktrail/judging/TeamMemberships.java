package org.hacktrail.judging;

import java.util.Set;

/**
 * Which proposals' teams a person is on, for the public vote's eligibility rule (a voter
 * does not vote for their own team). Judging declares it and the teams feature implements
 * it ({@code TeamMembershipsForJudging}), so judging never reads the teams collection.
 */
public interface TeamMemberships {

	/**
	 * The ids of the hackathon's proposals whose team has the person as a member (any
	 * role, the proposer included when they are on the team).
	 */
	Set<String> proposalsWithMember(String hackathonId, String userId);

}
