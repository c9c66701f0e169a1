package org.hacktrail.followup;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes the re-derived states of a chunk of follow-up documents and tells their
 * followers. The reader left the followers out (they can be many); they are read here
 * with the states, for the documents that changed only.
 */
class FollowUpRederiveWriter implements ItemWriter<ProjectFollowUp> {

	private final FollowUpStates states;

	private final ProjectStateWriter stateWriter;

	FollowUpRederiveWriter(FollowUpStates states, ProjectStateWriter stateWriter) {
		this.states = states;
		this.stateWriter = stateWriter;
	}

	@Override
	public void write(Chunk<? extends ProjectFollowUp> chunk) {
		List<String> ids = chunk.getItems().stream().map(ProjectFollowUp::id).toList();
		List<FollowUpStates.Refreshed> changed = this.states.rederive(this.states.find(ids).values());
		this.stateWriter.notify(changed, false);
	}

}
