package org.hacktrail.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectMetadataField;
import org.hacktrail.proposal.ProjectService;
import org.hacktrail.proposal.ProposalTags;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The activity check's reading of each repository's {@code g0v.json}
 * ({@link G0vJsonFile}): what it found ({@link ProjectG0vJsonCheck}, with the problem of
 * a broken file) and, for every field whose value differs from the project's, a PENDING
 * {@link ProjectMetadataUpdate}. Nothing about the project itself is changed here: an
 * organizer or a team lead accepts or dismisses each update
 * ({@link ProjectMetadataUpdateService}).
 *
 * <ul>
 * <li>A field the file does not give, or gives with the project's value, has no update (a
 * PENDING one left from an earlier file is removed).</li>
 * <li>A value already DISMISSED is not proposed again while the file keeps it; a PENDING
 * one is replaced when the file or the project changed.</li>
 * <li>{@code keywords} that name a known issue-area tag (its id or label) propose the
 * project's issue areas with those added.</li>
 * <li>A broken file, or one the API could not give, leaves the updates as they were and
 * records the problem; a file that is gone removes the PENDING updates.</li>
 * </ul>
 */
@Component
class G0vJsonUpdates {

	private final MongoTemplate mongo;

	private final ProjectService projects;

	private final ProposalTags tags;

	G0vJsonUpdates(MongoTemplate mongo, ProjectService projects, ProposalTags tags) {
		this.mongo = mongo;
		this.projects = projects;
		this.tags = tags;
	}

	void record(List<? extends ActivityCheckProcessor.Observation> observations, Instant now) {
		List<ActivityCheckProcessor.Observation> read = new ArrayList<>();
		for (ActivityCheckProcessor.Observation observation : observations) {
			if (observation.g0vJson() != null) {
				read.add(observation);
			}
		}
		if (read.isEmpty()) {
			return;
		}
		List<String> ids = read.stream().map((o) -> o.target().projectId()).distinct().toList();
		Map<String, Project> projects = new HashMap<>();
		this.projects.findAllById(ids).forEach((p) -> projects.put(p.id(), p));
		Map<String, ProjectG0vJsonCheck> checks = new HashMap<>();
		this.mongo.find(new Query(Criteria.where("_id").in(ids)), ProjectG0vJsonCheck.class)
			.forEach((c) -> checks.put(c.id(), c));
		Map<String, ProjectMetadataUpdate> updates = new HashMap<>();
		this.mongo.find(new Query(Criteria.where("projectId").in(ids)), ProjectMetadataUpdate.class)
			.forEach((u) -> updates.put(u.id(), u));
		for (ActivityCheckProcessor.Observation observation : read) {
			String projectId = observation.target().projectId();
			Project project = projects.get(projectId);
			if (project == null) {
				continue;
			}
			ProjectG0vJsonCheck before = checks.get(projectId);
			RepositoryActivityClient.FileResult result = observation.g0vJson();
			if (result instanceof RepositoryActivityClient.FileResult.Absent) {
				if (before != null) {
					this.mongo.save(new ProjectG0vJsonCheck(projectId, now, false, null, null, null, null, null, null));
					removePending(projectId, updates, null);
				}
			}
			else if (result instanceof RepositoryActivityClient.FileResult.Failed failed) {
				this.mongo.save(new ProjectG0vJsonCheck(projectId, now, before == null || before.found(),
						(before != null) ? before.sourceSha() : null, (before != null) ? before.sourceUrl() : null,
						(before != null) ? before.status() : null, failed.reason(),
						(before != null) ? before.sourceCommit() : null,
						(before != null) ? before.sourceCommittedAt() : null));
			}
			else if (result instanceof RepositoryActivityClient.FileResult.Fetched fetched) {
				G0vJsonFile file = G0vJsonFile.read(fetched.text());
				this.mongo.save(new ProjectG0vJsonCheck(projectId, now, true, fetched.sha(), fetched.htmlUrl(),
						file.status(), file.problem(), fetched.commit(), fetched.committedAt()));
				if (!file.broken()) {
					propose(project, file, fetched, updates, now);
				}
			}
		}
	}

	private void propose(Project project, G0vJsonFile file, RepositoryActivityClient.FileResult.Fetched source,
			Map<String, ProjectMetadataUpdate> updates, Instant now) {
		Set<ProjectMetadataField> stillProposed = java.util.EnumSet.noneOf(ProjectMetadataField.class);
		for (ProjectMetadataField field : ProjectMetadataField.values()) {
			String current = field.valueOf(project);
			String proposed = (field == ProjectMetadataField.ISSUE_AREAS) ? issueAreas(project, file.keywords())
					: file.values().get(field);
			if (proposed == null || proposed.equals(current)) {
				continue;
			}
			stillProposed.add(field);
			ProjectMetadataUpdate existing = updates.get(ProjectMetadataUpdate.idOf(project.id(), field));
			if (existing != null && existing.proposed().equals(proposed)
					&& (existing.status() == ProjectMetadataUpdate.Status.DISMISSED
							|| (existing.status() == ProjectMetadataUpdate.Status.PENDING
									&& Objects.equals(existing.current(), current)))) {
				continue;
			}
			this.mongo.save(new ProjectMetadataUpdate(ProjectMetadataUpdate.idOf(project.id(), field), project.id(),
					field, current, proposed, source.sha(), source.htmlUrl(), now, ProjectMetadataUpdate.Status.PENDING,
					null, null, source.commit(), source.committedAt()));
		}
		removePending(project.id(), updates, stillProposed);
	}

	/**
	 * The project's issue areas with the tags the keywords name added; null: none new.
	 */
	private @Nullable String issueAreas(Project project, List<String> keywords) {
		Set<String> areas = new LinkedHashSet<>(project.issueAreas());
		for (String keyword : keywords) {
			this.tags.resolve(keyword).ifPresent((tag) -> areas.add(tag.id()));
		}
		return (areas.size() == project.issueAreas().size()) ? null
				: String.join(ProjectMetadataField.LIST_SEPARATOR, areas);
	}

	/** Removes the project's PENDING updates, but those of the fields kept. */
	private void removePending(String projectId, Map<String, ProjectMetadataUpdate> updates,
			@Nullable Set<ProjectMetadataField> kept) {
		List<String> obsolete = updates.values()
			.stream()
			.filter((u) -> u.projectId().equals(projectId) && u.status() == ProjectMetadataUpdate.Status.PENDING)
			.filter((u) -> kept == null || !kept.contains(u.field()))
			.map(ProjectMetadataUpdate::id)
			.toList();
		if (!obsolete.isEmpty()) {
			this.mongo.remove(new Query(Criteria.where("_id").in(obsolete).and("status").is("PENDING")),
					ProjectMetadataUpdate.class);
		}
	}

}
