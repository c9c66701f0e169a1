package org.hacktrail.followup;

import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Keeps every skipped import row, with its number and reason, in
 * {@code outcome_import_errors} (one document per run and row, so that a restart that
 * skips the row again does not list it twice).
 */
class OutcomeImportErrors implements SkipListener<OutcomeRow, OutcomeMilestone> {

	private final MongoTemplate mongo;

	private final Clock clock;

	OutcomeImportErrors(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void onSkipInProcess(OutcomeRow item, Throwable failure) {
		String column = (failure instanceof InvalidOutcomeRow invalid) ? invalid.column() : null;
		String reason = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
		record(item.row(), column, reason, item.cells());
	}

	void record(int row, @Nullable String column, String reason, Map<String, String> cells) {
		StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
		long instanceId = step.getJobExecution().getJobInstanceId();
		this.mongo.save(new OutcomeImportError(OutcomeImportError.id(instanceId, row), instanceId,
				step.getJobExecution().getId(), row, column, reason, cells, this.clock.instant()));
	}

}
