package org.hacktrail.followup;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Passes on only the follow-up documents whose stored states differ from what the state
 * rule derives today from their own facts (time alone turns ACTIVE into DORMANT).
 */
class FollowUpRederiveProcessor implements ItemProcessor<ProjectFollowUp, ProjectFollowUp> {

	private final FollowUpStates states;

	FollowUpRederiveProcessor(FollowUpStates states) {
		this.states = states;
	}

	@Override
	public @Nullable ProjectFollowUp process(ProjectFollowUp followUp) {
		return this.states.upToDate(followUp) ? null : followUp;
	}

}
