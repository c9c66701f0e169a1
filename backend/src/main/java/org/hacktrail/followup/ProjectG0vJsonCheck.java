package org.hacktrail.followup;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the activity check last found reading {@code g0v.json} at the root of a project's
 * repository (id: the project id); no document when it never found one.
 *
 * @param found a file was there (false: it was there before and is gone)
 * @param sourceCommit the commit that last changed the file, when the API said
 * @param status the file's {@code status} as written (shown, never applied)
 * @param problem what is wrong with the file (broken JSON, a field of the wrong type, an
 * unreadable answer), or null
 */
@Document("project_g0v_json_checks")
record ProjectG0vJsonCheck(@Id String id, Instant checkedAt, boolean found, @Nullable String sourceSha,
		@Nullable String sourceUrl, @Nullable String status, @Nullable String problem, @Nullable String sourceCommit,
		@Nullable Instant sourceCommittedAt) {
}
