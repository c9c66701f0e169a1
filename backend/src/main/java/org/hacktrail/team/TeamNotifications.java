package org.hacktrail.team;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.hacktrail.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The notifications teams send (see {@link org.hacktrail.notification.Notification}),
 * each after the change it tells of has been written. Every one carries the parameters
 * {@code proposalId}, {@code proposalTitle} and {@code hackathonSlug}, and links to the
 * proposal's team. A failure to notify is logged and never undoes or fails the change.
 */
@Component
class TeamNotifications {

	private static final Logger log = LoggerFactory.getLogger(TeamNotifications.class);

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

	private final NotificationService notifications;

	TeamNotifications(NotificationService notifications) {
		this.notifications = notifications;
	}

	/** Tells {@code userIds} (none: nobody) of a change to the team of {@code target}. */
	void send(Collection<String> userIds, String type, TeamChanges.Target target, Map<String, String> extra) {
		if (userIds.isEmpty()) {
			return;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("proposalId", target.proposal().id());
		parameters.put("proposalTitle", Objects.requireNonNullElse(target.proposal().title().primary(), ""));
		parameters.put("hackathonSlug", target.hackathon().slug());
		parameters.putAll(extra);
		try {
			this.notifications.send(userIds, type, parameters, "/proposals/" + target.proposal().id() + "#team");
		}
		catch (RuntimeException ex) {
			log.warn("Could not notify {} of {}", userIds, type, ex);
		}
	}

}
