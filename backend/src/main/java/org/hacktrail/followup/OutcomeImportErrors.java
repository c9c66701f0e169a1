package org.hacktrail.followup;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Keeps every skipped import row, with its number and reason (a code with its arguments,
 * and the same in English), in {@code outcome_import_errors} (one document per run and
 * row, so that a restart that skips the row again does not list it twice).
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
		InvalidOutcomeRow invalid = (failure instanceof InvalidOutcomeRow row) ? row : null;
		String reason = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
		record(item.row(), (invalid != null) ? invalid.column() : null, reason, item.cells(),
				(invalid != null) ? invalid.code() : OutcomeImportCode.INVALID_VALUE,
				(invalid != null) ? new TreeMap<>(invalid.args()) : Map.of());
	}

	void record(int row, @Nullable String column, String reason, Map<String, String> cells, OutcomeImportCode code,
			Map<String, String> args) {
		StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
		long instanceId = step.getJobExecution().getJobInstanceId();
		this.mongo.save(new OutcomeImportError(OutcomeImportError.id(instanceId, row), instanceId,
				step.getJobExecution().getId(), row, column, reason, cells, this.clock.instant(), code.name(), args));
	}

}
