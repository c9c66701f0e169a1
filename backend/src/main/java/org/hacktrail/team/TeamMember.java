package org.hacktrail.team;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member of a team.
 *
 * @param displayName the member's name when they joined (shown without loading the user)
 * @param affiliation the organisation or agency the member is in the team for, e.g. a
 * public servant's agency
 * @param positionId the open position the member fills, if they joined for one; counts
 * toward its seats
 */
public record TeamMember(String userId, String displayName, TeamRole role, @Nullable String affiliation,
		@Nullable String positionId, JoinedVia via, Instant joinedAt) {

	TeamMember withRole(TeamRole role) {
		return new TeamMember(this.userId, this.displayName, role, this.affiliation, this.positionId, this.via,
				this.joinedAt);
	}

	TeamMember withAffiliation(@Nullable String affiliation) {
		return new TeamMember(this.userId, this.displayName, this.role, affiliation, this.positionId, this.via,
				this.joinedAt);
	}

	TeamMember withoutPosition() {
		return new TeamMember(this.userId, this.displayName, this.role, this.affiliation, null, this.via,
				this.joinedAt);
	}

}
