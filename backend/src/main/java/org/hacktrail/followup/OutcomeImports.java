package org.hacktrail.followup;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.hacktrail.identity.CurrentUser;
import org.hacktrail.platform.CsvFlavour;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.batch.EmbeddedEnvelope;
import org.hacktrail.platform.batch.JobRunner;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Outcome imports for organizers: uploads (streamed to the import folder, then imported
 * by a job run), and what a run did (counts and skipped rows, also as a CSV file to
 * correct and import again).
 */
@Service
public class OutcomeImports {

	static final String JOB = "outcomeImport";

	private final OutcomeImportFiles files;

	private final JobRunner runner;

	private final JobRepository repository;

	private final MongoTemplate mongo;

	private final CurrentUser currentUser;

	OutcomeImports(OutcomeImportFiles files, JobRunner runner, JobRepository repository, MongoTemplate mongo,
			CurrentUser currentUser) {
		this.files = files;
		this.runner = runner;
		this.repository = repository;
		this.mongo = mongo;
		this.currentUser = currentUser;
	}

	/**
	 * Stores an uploaded file in the import folder and starts importing it. The caller's
	 * role is checked before a byte is read. A file the import refuses before it starts
	 * (e.g. beyond the embedded store's envelope without
	 * {@code confirmBeyondEmbeddedEnvelope}) is deleted again.
	 *
	 * <p>
	 * A file is only a claim: its rows are PENDING and their {@code source} column is not
	 * trusted, unless the organizer marks the file {@code authoritative} (e.g. the
	 * ministry's own list of funded projects). Then its rows are verified by that
	 * organizer, with the run named in each milestone's history, and each run of it is
	 * one audit event (MILESTONES_VERIFIED, {@link OutcomeImportListener}); the run's
	 * report says how many rows it verified.
	 */
	@PreAuthorize("hasRole('ORGANIZER')")
	public JobExecution upload(InputStream body, OutcomeFileFormat format, boolean confirmBeyondEmbeddedEnvelope,
			boolean authoritative) throws IOException {
		Path file = this.files.store(body, format);
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put(OutcomeImportFiles.FILE, file.getFileName().toString());
		parameters.put(OutcomeImportFiles.FORMAT, format.name().toLowerCase(java.util.Locale.ROOT));
		if (confirmBeyondEmbeddedEnvelope) {
			parameters.put(EmbeddedEnvelope.CONFIRM, "true");
		}
		if (authoritative) {
			parameters.put(AUTHORITATIVE, "true");
		}
		try {
			return this.runner.start(JOB, parameters, this.currentUser.requireId());
		}
		catch (DomainException ex) {
			this.files.deleteUpload(file.getFileName().toString());
			throw ex;
		}
	}

	/** The job parameter marking an import an authoritative source. */
	static final String AUTHORITATIVE = "authoritative";

	/** Rows by what became of them. */
	public record Counts(long created, long updated, long unchanged, long verified) {

		Counts minus(Counts other) {
			return new Counts(this.created - other.created, this.updated - other.updated,
					this.unchanged - other.unchanged, this.verified - other.verified);
		}

	}

	/**
	 * What a run of the import did.
	 *
	 * @param run what this run did (a restart: only what it did after resuming)
	 * @param instance what every run of this import did together (the first and its
	 * restarts): the totals to quote for the file
	 * @param skipped invalid rows of the file, each listed once
	 */
	public record Report(JobExecution execution, boolean authoritative, Counts run, Counts instance, long skipped) {

		public long created() {
			return this.run.created();
		}

		public long updated() {
			return this.run.updated();
		}

		public long unchanged() {
			return this.run.unchanged();
		}

		/**
		 * Rows this run verified (an authoritative import): new, changed, and stored ones
		 * that were still PENDING.
		 */
		public long verified() {
			return this.run.verified();
		}

	}

	@PreAuthorize("hasRole('ORGANIZER')")
	public Report report(long runId) {
		JobExecution execution = execution(runId);
		Counts total = new Counts(0, 0, 0, 0);
		Counts atStart = new Counts(0, 0, 0, 0);
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStepName().equals("outcomeImportStep")) {
				var context = step.getExecutionContext();
				total = new Counts(context.getLong(OutcomeImportWriter.CREATED, 0L),
						context.getLong(OutcomeImportWriter.UPDATED, 0L),
						context.getLong(OutcomeImportWriter.UNCHANGED, 0L),
						context.getLong(OutcomeImportWriter.VERIFIED, 0L));
				atStart = new Counts(context.getLong(OutcomeImportWriter.CREATED + OutcomeImportWriter.AT_START, 0L),
						context.getLong(OutcomeImportWriter.UPDATED + OutcomeImportWriter.AT_START, 0L),
						context.getLong(OutcomeImportWriter.UNCHANGED + OutcomeImportWriter.AT_START, 0L),
						context.getLong(OutcomeImportWriter.VERIFIED + OutcomeImportWriter.AT_START, 0L));
			}
		}
		long skipped = this.mongo.count(errorQuery(execution, 0), OutcomeImportError.class);
		boolean authoritative = "true".equals(execution.getJobParameters().getString(AUTHORITATIVE));
		return new Report(execution, authoritative, total.minus(atStart), total, skipped);
	}

	/** The rows a run skipped, in row order (a restarted run's skips included). */
	@PreAuthorize("hasRole('ORGANIZER')")
	public List<OutcomeImportError> errors(long runId, int first) {
		return this.mongo.find(errorQuery(execution(runId), first), OutcomeImportError.class);
	}

	/**
	 * Writes the skipped rows as CSV: {@code row}, {@code column}, {@code reason}, then
	 * the import columns as the file had them, so that the list can be corrected and
	 * imported again. For spreadsheet apps, cells that would run as formulas (the file's
	 * cells, and reasons that quote them) get a leading apostrophe, which an import
	 * keeps.
	 */
	@PreAuthorize("hasRole('ORGANIZER')")
	public void writeErrors(long runId, Writer out, CsvFlavour flavour) throws IOException {
		JobExecution execution = execution(runId);
		List<String> header = new java.util.ArrayList<>(List.of("row", "column", "reason"));
		header.addAll(OutcomeFileFormat.COLUMNS);
		try (CsvFlavour.Printer printer = flavour.printer(out,
				CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
			printer.printRecord(header);
			Query query = errorQuery(execution, 0);
			try (var errors = this.mongo.stream(query, OutcomeImportError.class)) {
				for (OutcomeImportError error : (Iterable<OutcomeImportError>) errors::iterator) {
					Map<String, String> cells = new LinkedHashMap<>(error.cells());
					List<String> record = new java.util.ArrayList<>(List.of(Integer.toString(error.row()),
							(error.column() != null) ? error.column() : "", error.reason()));
					OutcomeFileFormat.COLUMNS.forEach((column) -> record.add(cells.getOrDefault(column, "")));
					printer.printRecord(record);
				}
			}
		}
	}

	private Query errorQuery(JobExecution execution, int first) {
		// Error ids start with the job instance id: an anchored prefix match on _id,
		// sorted by row.
		Query query = new Query(Criteria.where("_id")
			.regex(MilestoneKey.literalPrefix(OutcomeImportError.prefix(execution.getJobInstanceId()))))
			.with(Sort.by("_id"));
		return (first > 0) ? query.limit(first) : query;
	}

	private JobExecution execution(long runId) {
		JobExecution execution = this.repository.getJobExecution(runId);
		if (execution == null || !JOB.equals(execution.getJobInstance().getJobName())) {
			throw DomainException.notFound("There is no outcome import run with the id " + runId + ".");
		}
		return execution;
	}

}
