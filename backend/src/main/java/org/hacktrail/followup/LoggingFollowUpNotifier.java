package org.hacktrail.followup;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Logs follow-up notifications instead of delivering them, until the notifications feature is wired in (replace
 * this bean with one delegating to the notification service).
 */
@Component
class LoggingFollowUpNotifier implements FollowUpNotifier {

	private static final Logger log = LoggerFactory.getLogger(LoggingFollowUpNotifier.class);

	@Override
	public void followUpRequested(FollowUpRequest request, String projectName, Set<String> teamLeadIds) {
		log.info("Follow-up request {} ({} months after the event) for project '{}': would notify {} team lead(s)",
				request.id(), request.months(), projectName, teamLeadIds.size());
	}

	@Override
	public void trailChanged(TrailChange change, Set<String> followerIds) {
		if (!followerIds.isEmpty()) {
			log.info("Trail of project '{}' changed ({}): would notify {} follower(s)", change.projectName(),
					change.kind(), followerIds.size());
		}
	}

}
