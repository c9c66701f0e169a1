package org.hacktrail.followup;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything about a project's follow-up that is read often, in one document keyed by the
 * project id, so that a read is one lookup by {@code _id}: the derived states, a compact
 * copy of its outcome milestones (what the state rule and the statistics need), the last
 * sign of life, the activity check's findings and the followers.
 *
 * <p>
 * It is derived from the milestones and refreshed after every change: at once after a
 * change through GraphQL, by the import's second step for imported rows (the import marks
 * the projects it touches {@code stale} before writing, so a crash never leaves a change
 * unnoticed), and in full by the statistics roll-up. Every writer sets only its own
 * fields ({@code $set}, {@code $addToSet}), never the whole document, so that a refresh
 * cannot undo a follow.
 *
 * @param outcomes the project's outcome milestones (not ACTIVITY, not REJECTED), compact
 * @param lastActivityOn the latest date of any milestone that is not REJECTED (ACTIVITY
 * included)
 * @param lastVerifiedActivityOn the same over VERIFIED milestones only (the public view)
 * @param lastPitchedOn the last day of the latest hackathon at which the project was
 * pitched
 * @param state derived from milestones that are not REJECTED (organizers and team leads
 * see it)
 * @param publicState derived from VERIFIED milestones only (everyone sees it)
 * @param dormant no sign of life for six months (also for FUNDED, ADOPTED or INTEGRATED
 * projects, whose state stays)
 * @param pendingCount milestones waiting for an organizer's verification
 * @param activityCheckedAt when the activity check last read the project's repository
 * @param lastPushedOn the repository's last push, as the activity check saw it
 * @param activityError why the last activity check of this project failed, if it did
 * @param stale milestones changed since the last refresh
 * @param pitches the project's pitches, for the statistics roll-up (written by the full
 * refresh only)
 */
@Document("project_followups")
public record ProjectFollowUp(@Id String id, @Nullable List<String> followers, @Nullable List<OutcomeEntry> outcomes,
		@Nullable String lastActivityOn, @Nullable String lastVerifiedActivityOn, @Nullable String lastPitchedOn,
		@Nullable ProjectState state, @Nullable ProjectState publicState, @Nullable Boolean dormant,
		@Nullable Boolean publicDormant, @Nullable Instant stateChangedAt, @Nullable Integer pendingCount,
		@Nullable Instant activityCheckedAt, @Nullable String lastPushedOn, @Nullable String activityError,
		@Indexed(sparse = true) @Nullable Boolean stale, @Nullable Instant refreshedAt,
		@Nullable List<ProjectPitch> pitches) {

	public ProjectFollowUp {
		followers = (followers != null) ? List.copyOf(followers) : List.of();
		outcomes = (outcomes != null) ? List.copyOf(outcomes) : List.of();
		pitches = (pitches != null) ? List.copyOf(pitches) : List.of();
	}

	/** The project id. */
	public String projectId() {
		return this.id;
	}

	public boolean isStale() {
		return Boolean.TRUE.equals(this.stale);
	}

}
