package org.hacktrail.proposal;

import java.util.Optional;

/**
 * What a project's g0v.json ({@link ProjectG0vJson}) needs from the follow-up: the
 * project's state as the public sees it (from VERIFIED milestones only). Declared here,
 * by the consumer; answered by the module that derives the state
 * ({@code followup.FollowUpPublicStates}), which already depends on this one.
 */
public interface ProjectPublicState {

	/** A project's public state, weakest outcome first. */
	enum State {

		ACTIVE, DORMANT, FUNDED, ADOPTED, INTEGRATED, DISCONTINUED

	}

	/** The project's public state; empty before it has been derived. */
	Optional<State> of(String projectId);

}
