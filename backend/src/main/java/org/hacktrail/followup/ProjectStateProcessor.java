package org.hacktrail.followup;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Derives a project's states (public and including pending) from its trail, by
 * {@link ProjectStateRule}.
 */
class ProjectStateProcessor implements ItemProcessor<ProjectTrail, FollowUpStates.Refresh> {

	private final FollowUpStates states;

	ProjectStateProcessor(FollowUpStates states) {
		this.states = states;
	}

	@Override
	public FollowUpStates.Refresh process(ProjectTrail trail) {
		return this.states.compute(trail.projectId(), trail.summary(), trail.lastPitched(), trail.pitches());
	}

}
