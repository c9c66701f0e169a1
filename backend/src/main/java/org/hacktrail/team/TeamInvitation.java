package org.hacktrail.team;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A lead's invitation to a person. The person accepts (and becomes a member) or declines;
 * a lead may withdraw it while it is pending.
 *
 * @param id {@code <teamId>~<random>}, so that the team document is found from the
 * invitation id alone
 * @param positionId the open position offered, if any; accepting fills it
 */
public record TeamInvitation(String id, String userId, String displayName, @Nullable String message, TeamRole role,
		@Nullable String positionId, RequestStatus status, String invitedBy, @Nullable String decisionNote,
		Instant createdAt, @Nullable Instant decidedAt) {

	boolean isPending() {
		return this.status == RequestStatus.PENDING;
	}

	TeamInvitation decided(RequestStatus status, @Nullable String note, Instant at) {
		return new TeamInvitation(this.id, this.userId, this.displayName, this.message, this.role, this.positionId,
				status, this.invitedBy, note, this.createdAt, at);
	}

	TeamInvitation withoutPosition() {
		return new TeamInvitation(this.id, this.userId, this.displayName, this.message, this.role, null, this.status,
				this.invitedBy, this.decisionNote, this.createdAt, this.decidedAt);
	}

}
