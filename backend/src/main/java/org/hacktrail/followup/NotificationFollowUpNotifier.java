package org.hacktrail.followup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.hacktrail.notification.NotificationService;

import org.springframework.stereotype.Component;

/**
 * Delivers follow-up events to each recipient's notifications (and through them to any
 * configured mailer). The types and their parameters are part of the web panel's contract
 * (its notification messages):
 * <ul>
 * <li>{@value #FOLLOW_UP_REQUESTED}, to the project's team leads: {@code projectId},
 * {@code projectName}, {@code months} (3, 6, 12 or 24 after the event), {@code dueOn} and
 * {@code requestId};</li>
 * <li>{@value #TRAIL_CHANGED}, to the project's followers: {@code projectId},
 * {@code projectName}, {@code change} (a {@link FollowUpNotifier.TrailChangeKind}), and
 * when known {@code milestoneType}, {@code state} and {@code previousState}.</li>
 * </ul>
 * Both link to the project's page. The notification service never throws for one
 * recipient it cannot reach.
 */
@Component
class NotificationFollowUpNotifier implements FollowUpNotifier {

	static final String FOLLOW_UP_REQUESTED = "PROJECT_FOLLOW_UP_REQUESTED";

	static final String TRAIL_CHANGED = "PROJECT_TRAIL_CHANGED";

	private final NotificationService notifications;

	NotificationFollowUpNotifier(NotificationService notifications) {
		this.notifications = notifications;
	}

	@Override
	public void followUpRequested(FollowUpRequest request, String projectName, Set<String> teamLeadIds) {
		if (teamLeadIds.isEmpty()) {
			return;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("projectId", request.projectId());
		parameters.put("projectName", projectName);
		parameters.put("months", Integer.toString(request.months()));
		parameters.put("dueOn", request.dueOn());
		parameters.put("requestId", request.id());
		this.notifications.send(teamLeadIds, FOLLOW_UP_REQUESTED, parameters, link(request.projectId()));
	}

	@Override
	public void trailChanged(TrailChange change, Set<String> followerIds) {
		Set<String> recipients = new java.util.LinkedHashSet<>(followerIds);
		if (change.actorId() != null) {
			// Nobody is told about their own change.
			recipients.remove(change.actorId());
		}
		if (recipients.isEmpty()) {
			return;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("projectId", change.projectId());
		parameters.put("projectName", change.projectName());
		parameters.put("change", change.kind().name());
		if (change.milestoneType() != null) {
			parameters.put("milestoneType", change.milestoneType().name());
		}
		if (change.state() != null) {
			parameters.put("state", change.state().name());
		}
		if (change.previousState() != null) {
			parameters.put("previousState", change.previousState().name());
		}
		this.notifications.send(recipients, TRAIL_CHANGED, parameters, link(change.projectId()));
	}

	private static String link(String projectId) {
		return "/projects/" + java.net.URLEncoder.encode(projectId, java.nio.charset.StandardCharsets.UTF_8);
	}

}
