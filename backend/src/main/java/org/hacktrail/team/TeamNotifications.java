package org.hacktrail.team;

/**
 * The notification types teams send (see
 * {@link org.hacktrail.notification.Notification}). Every one carries the parameters
 * {@code proposalId}, {@code proposalTitle} and {@code hackathonSlug}, and links to the
 * proposal's team.
 */
final class TeamNotifications {

	/**
	 * To the team's leads: someone asked to join ({@code requestId},
	 * {@code requesterName}, {@code positionSkill}).
	 */
	static final String JOIN_REQUEST_RECEIVED = "TEAM_JOIN_REQUEST_RECEIVED";

	/** To the requester: their request was accepted ({@code requestId}, {@code note}). */
	static final String JOIN_REQUEST_ACCEPTED = "TEAM_JOIN_REQUEST_ACCEPTED";

	/** To the requester: their request was declined ({@code requestId}, {@code note}). */
	static final String JOIN_REQUEST_DECLINED = "TEAM_JOIN_REQUEST_DECLINED";

	/** To the invitee ({@code invitationId}, {@code role}, {@code positionSkill}). */
	static final String INVITATION_RECEIVED = "TEAM_INVITATION_RECEIVED";

	/** To the team's leads ({@code invitationId}, {@code inviteeName}). */
	static final String INVITATION_ACCEPTED = "TEAM_INVITATION_ACCEPTED";

	/** To the team's leads ({@code invitationId}, {@code inviteeName}, {@code note}). */
	static final String INVITATION_DECLINED = "TEAM_INVITATION_DECLINED";

	/** To a member a lead or organizer removed ({@code reason}). */
	static final String MEMBER_REMOVED = "TEAM_MEMBER_REMOVED";

	private TeamNotifications() {
	}

}
