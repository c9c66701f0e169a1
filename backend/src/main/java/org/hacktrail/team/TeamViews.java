package org.hacktrail.team;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The schema's shapes of a team's parts, built with the caller's rights applied (see
 * {@link TeamPolicy}): a join request's message and decision note, and an invitation's,
 * only for those who may read them.
 */
@Component
class TeamViews {

	private final TeamPolicy policy;

	TeamViews(TeamPolicy policy) {
		this.policy = policy;
	}

	record PositionView(String id, String skill, TeamRole role, @Nullable String description, int count, int filled,
			int openings, Instant createdAt) {
	}

	record MemberView(String userId, String displayName, TeamRole role, @Nullable String affiliation,
			@Nullable PositionView position, JoinedVia joinedVia, Instant joinedAt) {
	}

	record JoinRequestView(String id, String proposalId, String requesterId, String requesterName,
			@Nullable String message, @Nullable PositionView position, @Nullable TeamRole role,
			@Nullable String affiliation, RequestStatus status, @Nullable String decisionNote, Instant createdAt,
			@Nullable Instant decidedAt) {
	}

	record InvitationView(String id, String proposalId, String inviteeId, String inviteeName, @Nullable String message,
			TeamRole role, @Nullable PositionView position, RequestStatus status, String invitedBy,
			@Nullable String decisionNote, Instant createdAt, @Nullable Instant decidedAt) {
	}

	static PositionView position(Team team, OpenPosition position) {
		return new PositionView(position.id(), position.skill(), position.role(), position.description(),
				position.count(), team.filled(position), team.openings(position), position.createdAt());
	}

	static @Nullable PositionView position(Team team, @Nullable String positionId) {
		return team.position(positionId).map((p) -> position(team, p)).orElse(null);
	}

	static MemberView member(Team team, TeamMember member) {
		return new MemberView(member.userId(), member.displayName(), member.role(), member.affiliation(),
				position(team, member.positionId()), member.via(), member.joinedAt());
	}

	/** The member {@code userId} of the team, if they are one. */
	static @Nullable MemberView member(Team team, @Nullable String userId) {
		return team.member(userId).map((m) -> member(team, m)).orElse(null);
	}

	JoinRequestView request(Team team, JoinRequest request) {
		boolean readable = this.policy.canRead(team, request);
		return new JoinRequestView(request.id(), team.id(), request.userId(), request.displayName(),
				readable ? request.message() : null, position(team, request.positionId()), request.role(),
				request.affiliation(), request.status(), readable ? request.decisionNote() : null, request.createdAt(),
				request.decidedAt());
	}

	JoinRequestView request(TeamRequest request) {
		return request(request.team(), request.request());
	}

	InvitationView invitation(Team team, TeamInvitation invitation) {
		boolean readable = this.policy.canRead(team, invitation);
		return new InvitationView(invitation.id(), team.id(), invitation.userId(), invitation.displayName(),
				readable ? invitation.message() : null, invitation.role(), position(team, invitation.positionId()),
				invitation.status(), invitation.invitedBy(), readable ? invitation.decisionNote() : null,
				invitation.createdAt(), invitation.decidedAt());
	}

	InvitationView invitation(TeamInvite invite) {
		return invitation(invite.team(), invite.invitation());
	}

}
