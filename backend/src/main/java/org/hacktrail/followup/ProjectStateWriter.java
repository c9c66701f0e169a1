package org.hacktrail.followup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes refreshed follow-up documents (one bulk write per chunk; idempotent: writing the
 * same refresh twice changes nothing) and tells followers what changed: that milestones
 * were imported (when the trail changed) and that the public state changed.
 */
class ProjectStateWriter implements ItemWriter<FollowUpStates.Refresh> {

	private static final Logger log = LoggerFactory.getLogger(ProjectStateWriter.class);

	private final FollowUpStates states;

	private final ProjectService projects;

	private final FollowUpNotifier notifier;

	private final boolean notifyTrailChanges;

	/**
	 * @param notifyTrailChanges tell followers about changed trails (after an import);
	 * otherwise only about state changes (a full refresh, where time alone changes
	 * states)
	 */
	ProjectStateWriter(FollowUpStates states, ProjectService projects, FollowUpNotifier notifier,
			boolean notifyTrailChanges) {
		this.states = states;
		this.projects = projects;
		this.notifier = notifier;
		this.notifyTrailChanges = notifyTrailChanges;
	}

	@Override
	public void write(Chunk<? extends FollowUpStates.Refresh> chunk) {
		List<FollowUpStates.Refreshed> refreshed = this.states.write(new ArrayList<>(chunk.getItems()));
		notify(refreshed, this.notifyTrailChanges);
	}

	/** Notifies the followers of refreshed projects (names loaded in one round trip). */
	void notify(List<FollowUpStates.Refreshed> refreshed, boolean trailChanges) {
		List<FollowUpStates.Refreshed> worthTelling = refreshed.stream()
			.filter((r) -> !r.followers().isEmpty() && ((trailChanges && r.trailChanged()) || r.publicStateChanged()))
			.toList();
		if (worthTelling.isEmpty()) {
			return;
		}
		Map<String, String> names = new HashMap<>();
		for (Project project : this.projects
			.findAllById(worthTelling.stream().map(FollowUpStates.Refreshed::projectId).toList())) {
			names.put(project.id(), (project.name().primary() != null) ? project.name().primary() : project.id());
		}
		for (FollowUpStates.Refreshed r : worthTelling) {
			String name = names.getOrDefault(r.projectId(), r.projectId());
			try {
				if (trailChanges && r.trailChanged()) {
					this.notifier.trailChanged(new FollowUpNotifier.TrailChange(r.projectId(), name,
							FollowUpNotifier.TrailChangeKind.MILESTONES_IMPORTED, null, null, r.publicAfter(), null,
							null), new HashSet<>(r.followers()));
				}
				if (r.publicStateChanged()) {
					this.notifier.trailChanged(new FollowUpNotifier.TrailChange(r.projectId(), name,
							FollowUpNotifier.TrailChangeKind.STATE_CHANGED, null, null, r.publicAfter(),
							r.publicBefore(), null), new HashSet<>(r.followers()));
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not notify the followers of project {}", r.projectId(), ex);
			}
		}
	}

}
