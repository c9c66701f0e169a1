package org.hacktrail.proposal;

import java.time.Instant;
import java.util.List;

import org.hacktrail.hackathon.LocalizedText;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The long-lived identity of an idea and its team, across hackathon editions and after
 * them (vTaiwan pitched at two hackathons is one project with two proposals). Proposals
 * point to their project ({@code projectId}).
 *
 * @param issueAreas tag ids, from the same list as proposals' tags
 * @param description what the project is, in either language (optional; set from an
 * accepted g0v.json update or {@code updateProject})
 * @param thumbnailUrl a picture of the project (optional, as {@code description})
 */
@Document("projects")
// Versioned saves filter on {_id, version}; the embedded store uses an index only when it
// names exactly the query's
// fields, so without this one every save of a versioned document scans the collection.
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public record Project(@Id String id, LocalizedText name, @Indexed String normalizedName, @Nullable String repositoryUrl,
		@Indexed @Nullable String repositoryKey, @Nullable String websiteUrl, List<String> issueAreas,
		Instant createdAt, @Nullable String createdBy, Instant updatedAt, @Version @Nullable Long version,
		@Nullable LocalizedText description, @Nullable String thumbnailUrl) {

	@PersistenceCreator
	public Project {
		issueAreas = List.copyOf(issueAreas);
	}

	/** A project without a description or thumbnail. */
	public Project(String id, LocalizedText name, String normalizedName, @Nullable String repositoryUrl,
			@Nullable String repositoryKey, @Nullable String websiteUrl, List<String> issueAreas, Instant createdAt,
			@Nullable String createdBy, Instant updatedAt, @Nullable Long version) {
		this(id, name, normalizedName, repositoryUrl, repositoryKey, websiteUrl, issueAreas, createdAt, createdBy,
				updatedAt, version, null, null);
	}

}
