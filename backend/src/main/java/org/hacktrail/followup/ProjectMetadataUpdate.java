package org.hacktrail.followup;

import java.time.Instant;

import org.hacktrail.proposal.ProjectMetadataField;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A change to one field of a project's metadata that the {@code g0v.json} in its
 * repository proposes (read by the activity check), until an organizer or one of the
 * project's team leads accepts or dismisses it. One document per project and field (id
 * {@code projectId:FIELD}): a later file proposing another value replaces a PENDING one;
 * a DISMISSED value is not proposed again while the file keeps saying it.
 *
 * @param current the field's value when the update was proposed (null: unset); accepting
 * is refused when the project no longer has it
 * @param proposed the value the file gives
 * @param sourceSha the git blob sha of the g0v.json read
 * @param sourceUrl where that file is on the code host
 * @param sourceCommit the commit that last changed that file, and when (when the API
 * said)
 */
@Document("project_metadata_updates")
record ProjectMetadataUpdate(@Id String id, @Indexed String projectId, ProjectMetadataField field,
		@Nullable String current, String proposed, @Nullable String sourceSha, @Nullable String sourceUrl,
		Instant proposedAt, Status status, @Nullable Instant decidedAt, @Nullable String decidedBy,
		@Nullable String sourceCommit, @Nullable Instant sourceCommittedAt) {

	enum Status {

		PENDING, ACCEPTED, DISMISSED

	}

	static String idOf(String projectId, ProjectMetadataField field) {
		return projectId + ":" + field.name();
	}

}
