package org.hacktrail.followup;

import java.util.Optional;

import org.hacktrail.proposal.ProjectPublicState;

import org.springframework.stereotype.Component;

/**
 * Answers {@link ProjectPublicState} for the proposal module's g0v.json: the public state
 * kept on the project's follow-up document (one lookup by {@code _id}).
 */
@Component
class FollowUpPublicStates implements ProjectPublicState {

	private final FollowUpStates states;

	FollowUpPublicStates(FollowUpStates states) {
		this.states = states;
	}

	@Override
	public Optional<State> of(String projectId) {
		ProjectFollowUp followUp = this.states.find(projectId);
		if (followUp == null || followUp.publicState() == null) {
			return Optional.empty();
		}
		ProjectState state = followUp.publicState();
		if (state == ProjectState.INTEGRATED || state == ProjectState.ADOPTED) {
			// The outcome reached stays in the state; whether the service still runs is
			// the service status. A retired service is not "in production".
			ProjectStateRule.Derived derived = this.states.derive(followUp, true);
			if (derived.service() == ProjectStateRule.ServiceStatus.RETIRED) {
				state = (derived.team() == ProjectStateRule.TeamActivity.DORMANT) ? ProjectState.DORMANT
						: ProjectState.ACTIVE;
			}
		}
		return Optional.of(State.valueOf(state.name()));
	}

}
