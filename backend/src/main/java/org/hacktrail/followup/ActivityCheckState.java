package org.hacktrail.followup;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the activity check remembers between runs: the API's rate limit stopped a run
 * until {@code blockedUntil}, so runs before then do not call it (one document, id
 * {@code repository-api}).
 */
@Document("activity_check_state")
record ActivityCheckState(@Id String id, @Nullable Instant blockedUntil, @Nullable String reason,
		@Nullable Instant updatedAt) {

	static final String ID = "repository-api";

}
