package org.hacktrail.judging.feedback;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A judge's written feedback for a proposal's team in one round. Its id is
 * {@code roundId:judgeUserId:proposalId}, the same as the judge's score sheet there: one
 * feedback per judge × proposal × round, read by id.
 *
 * @param judgeId the judge record's id ({@code hackathonId:userId})
 * @param visitId the expo visit it was written at (EXPO_VISIT only)
 * @param hidden set when an organizer hid it from the team; never shown to the team then
 * @param version optimistic lock; the unique index on {@code (_id, version)} is redundant
 * on a real MongoDB and lets the embedded store serve the versioned writes from an index
 * ({@code ConditionalWriteIndexTests})
 */
@Document("team_feedback")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "round_proposal", def = "{'roundId': 1, 'proposalId': 1}")
public record TeamFeedback(@Id String id, String hackathonId, String roundId, String proposalId, String judgeUserId,
		String judgeId, TeamFeedbackSource source, @Nullable String visitId, String text, Instant createdAt,
		Instant updatedAt, @Nullable Hiding hidden, @Version @Nullable Long version) {

	public static String idOf(String roundId, String judgeUserId, String proposalId) {
		return roundId + ":" + judgeUserId + ":" + proposalId;
	}

	/** An organizer's decision to keep the feedback from the team, with the reason. */
	public record Hiding(String reason, String by, Instant at) {
	}

}
