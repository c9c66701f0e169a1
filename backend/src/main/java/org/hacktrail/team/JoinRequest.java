package org.hacktrail.team;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A person's request to join a team. Its message is for the team's leads (and organizers)
 * only.
 *
 * @param id {@code <teamId>~<random>}, so that the team document is found from the
 * request id alone
 * @param positionId the open position wanted, if any; accepting fills it
 * @param role the role the person offers when no position is named
 * @param decidedBy who accepted, declined or withdrew it
 */
public record JoinRequest(String id, String userId, String displayName, @Nullable String message,
		@Nullable String positionId, @Nullable TeamRole role, @Nullable String affiliation, RequestStatus status,
		@Nullable String decisionNote, @Nullable String decidedBy, Instant createdAt, @Nullable Instant decidedAt) {

	boolean isPending() {
		return this.status == RequestStatus.PENDING;
	}

	JoinRequest decided(RequestStatus status, @Nullable String note, @Nullable String by, Instant at) {
		return new JoinRequest(this.id, this.userId, this.displayName, this.message, this.positionId, this.role,
				this.affiliation, status, note, by, this.createdAt, at);
	}

	JoinRequest withoutPosition() {
		return new JoinRequest(this.id, this.userId, this.displayName, this.message, null, this.role, this.affiliation,
				this.status, this.decisionNote, this.decidedBy, this.createdAt, this.decidedAt);
	}

}
