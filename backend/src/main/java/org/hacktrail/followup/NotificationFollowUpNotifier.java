package org.hacktrail.followup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.notification.NotificationService;
import org.hacktrail.platform.DomainException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Delivers follow-up events to each recipient's notifications (and through them to any
 * configured mailer). The types and their parameters are part of the web panel's contract
 * (its notification messages):
 * <ul>
 * <li>{@value #FOLLOW_UP_REQUESTED}, to the project's team leads: {@code projectId},
 * {@code projectName}, {@code months} (3, 6, 12 or 24 after the event), {@code dueOn},
 * {@code requestId}, and the edition it follows: {@code hackathonSlug},
 * {@code hackathonName} (in its primary language), {@code hackathonNameZhTW} and
 * {@code hackathonNameEn} (each when the edition has a name in that language);</li>
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

	private final HackathonService hackathons;

	NotificationFollowUpNotifier(NotificationService notifications, HackathonService hackathons) {
		this.notifications = notifications;
		this.hackathons = hackathons;
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
		Hackathon edition = edition(request.hackathonId());
		if (edition != null) {
			parameters.put("hackathonSlug", edition.slug());
			parameters.put("hackathonName", edition.name().primary());
			if (edition.name().zhTW() != null) {
				parameters.put("hackathonNameZhTW", edition.name().zhTW());
			}
			if (edition.name().en() != null) {
				parameters.put("hackathonNameEn", edition.name().en());
			}
		}
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

	/**
	 * The edition a request follows; null when it is gone (the notice then names none).
	 */
	private @Nullable Hackathon edition(String hackathonId) {
		try {
			return this.hackathons.find(hackathonId);
		}
		catch (DomainException ex) {
			return null;
		}
	}

	private static String link(String projectId) {
		return "/projects/" + java.net.URLEncoder.encode(projectId, java.nio.charset.StandardCharsets.UTF_8);
	}

}
