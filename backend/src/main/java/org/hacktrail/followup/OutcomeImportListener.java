package org.hacktrail.followup;

import java.io.IOException;
import java.nio.file.Path;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hacktrail.platform.audit.AuditEventType;
import org.hacktrail.platform.audit.AuditLog;
import org.hacktrail.platform.batch.JobRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Around each run of {@code outcomeImport}: before, publishes the file's row count as the
 * run's total (for progress) and logs a warning when the run goes beyond the embedded
 * store's envelope on the operator's confirmation; after a completed run, deletes the
 * file if it was an upload (a failed run keeps it, for the restart). A run of an
 * authoritative import (however it was started: upload or {@code startJob}) is recorded
 * as the organizer's decision to verify the file's rows: one MILESTONES_VERIFIED audit
 * event per run, naming the run and the file.
 */
class OutcomeImportListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(OutcomeImportListener.class);

	private final OutcomeImportFiles files;

	private final OutcomeImportEnvelope envelope;

	private final AuditLog audit;

	OutcomeImportListener(OutcomeImportFiles files, OutcomeImportEnvelope envelope, AuditLog audit) {
		this.files = files;
		this.envelope = envelope;
		this.audit = audit;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		String file = execution.getJobParameters().getString(OutcomeImportFiles.FILE);
		if ("true".equals(execution.getJobParameters().getString(OutcomeImports.AUTHORITATIVE))) {
			Map<String, String> details = new LinkedHashMap<>();
			details.put("selection",
					"every valid row of outcome import run " + execution.getId() + " (an authoritative source)");
			details.put("file", String.valueOf(file));
			this.audit.record(AuditEventType.MILESTONES_VERIFIED,
					execution.getJobParameters().getString(JobRunner.REQUESTED_BY), "jobRun",
					String.valueOf(execution.getId()), details);
		}
		try {
			Path path = this.files.resolve(file);
			OutcomeFileFormat format = OutcomeFileFormat
				.of(execution.getJobParameters().getString(OutcomeImportFiles.FORMAT), path);
			execution.getExecutionContext().putLong(JobRunner.TOTAL_KEY, OutcomeRowReader.estimateRows(path, format));
			execution.getExecutionContext().putString(JobRunner.TOTAL_STEP_KEY, "outcomeImportStep");
			this.envelope.check(execution.getJobParameters())
				.ifPresent((warning) -> log.warn("Job run {} (outcomeImport): {}", execution.getId(), warning));
		}
		catch (IOException | RuntimeException ex) {
			// No progress estimate; the reader reports what is wrong with the file.
			log.debug("Cannot estimate the rows of {}", file, ex);
		}
	}

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			this.files.deleteUpload(execution.getJobParameters().getString(OutcomeImportFiles.FILE));
		}
	}

}
