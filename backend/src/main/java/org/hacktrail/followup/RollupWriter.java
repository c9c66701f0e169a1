package org.hacktrail.followup;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Counts each chunk of proposals with their projects' outcomes and pitches, read from the
 * projects' follow-up documents (one {@code $in} on {@code _id} per chunk; the full
 * refresh step before this one wrote them), and stores both views of the roll-up when the
 * step completes. Memory: the roll-up's cells (hackathons × issue areas) and one chunk.
 */
class RollupWriter implements ItemStreamWriter<RollupProposal>, StepExecutionListener {

	private final MongoTemplate mongo;

	private final FollowUpStates states;

	private final Clock clock;

	private @Nullable RollupCalculator calculator;

	RollupWriter(MongoTemplate mongo, FollowUpStates states, Clock clock) {
		this.mongo = mongo;
		this.states = states;
		this.clock = clock;
	}

	@Override
	public void open(ExecutionContext context) {
		// A roll-up is a sum over everything: a restarted step counts from the start
		// again.
		this.calculator = new RollupCalculator();
	}

	@Override
	public void write(Chunk<? extends RollupProposal> chunk) {
		if (this.calculator == null) {
			throw new IllegalStateException("The roll-up writer is not open");
		}
		List<String> projectIds = chunk.getItems()
			.stream()
			.map(RollupProposal::projectId)
			.filter((id) -> id != null)
			.distinct()
			.toList();
		Map<String, ProjectFollowUp> followUps = this.states.find(projectIds);
		for (RollupProposal proposal : chunk) {
			ProjectFollowUp followUp = (proposal.projectId() != null) ? followUps.get(proposal.projectId()) : null;
			this.calculator.add(proposal, (followUp != null) ? followUp.outcomes() : null, (followUp != null)
					? followUp.pitches().stream().map(RollupCalculator.Pitch::of).toList() : List.of());
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		// Listeners see the step's final status: only a completed roll-up replaces the
		// previous one.
		if (this.calculator != null && step.getStatus() == BatchStatus.COMPLETED) {
			for (RollupCalculator.View view : RollupCalculator.View.values()) {
				this.mongo.save(new OutcomeRollup(view.name(), this.clock.instant(), step.getJobExecutionId(),
						this.calculator.cells(view)));
			}
		}
		return step.getExitStatus();
	}

}
