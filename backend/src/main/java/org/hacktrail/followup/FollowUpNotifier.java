package org.hacktrail.followup;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Tells people about follow-up events; {@link NotificationFollowUpNotifier} writes them
 * to each recipient's notifications. Calls happen after the change is stored; an
 * implementation must not throw for one unreachable recipient.
 */
public interface FollowUpNotifier {

	/** What changed on a project's trail. */
	enum TrailChangeKind {

		/** A milestone was reported or recorded. */
		MILESTONE_ADDED,

		/** A milestone's content changed. */
		MILESTONE_CHANGED,

		/** An organizer verified a milestone. */
		MILESTONE_VERIFIED,

		/** An organizer rejected a milestone. */
		MILESTONE_REJECTED,

		/** An import or the activity check added or changed milestones. */
		MILESTONES_IMPORTED,

		/** The project's public state changed. */
		STATE_CHANGED

	}

	/**
	 * A change of a project's trail.
	 *
	 * @param milestoneId the milestone concerned, for a single-milestone change
	 * @param milestoneType its type
	 * @param state the project's public state after the change
	 * @param previousState the public state before, for STATE_CHANGED
	 * @param actorId who made the change (not notified of their own change); null for a
	 * job
	 */
	record TrailChange(String projectId, String projectName, TrailChangeKind kind, @Nullable String milestoneId,
			@Nullable MilestoneType milestoneType, @Nullable ProjectState state, @Nullable ProjectState previousState,
			@Nullable String actorId) {
	}

	/**
	 * A follow-up request was opened: ask the project's team leads what happened since
	 * the event.
	 */
	void followUpRequested(FollowUpRequest request, String projectName, Set<String> teamLeadIds);

	/** A project's trail changed: tell its followers. */
	void trailChanged(TrailChange change, Set<String> followerIds);

}
