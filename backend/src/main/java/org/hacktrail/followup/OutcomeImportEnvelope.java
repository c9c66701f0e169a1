package org.hacktrail.followup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.batch.EmbeddedEnvelope;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Refuses an outcome import that would take {@code outcome_milestones} past the embedded
 * store's envelope ({@link EmbeddedEnvelope}), before the run starts: the file's rows are
 * counted cheaply (lines of a CSV file, items of a JSON array) and added to the
 * collection's estimated size. The parameter
 * {@value EmbeddedEnvelope#CONFIRM}{@code =true} lets it run. A restart is never refused:
 * its rows are partly stored already, and the operator started it once.
 */
@Component
class OutcomeImportEnvelope implements JobParametersValidator {

	private final OutcomeImportFiles files;

	private final EmbeddedEnvelope envelope;

	private final ObjectProvider<JobRepository> repository;

	OutcomeImportEnvelope(OutcomeImportFiles files, EmbeddedEnvelope envelope,
			ObjectProvider<JobRepository> repository) {
		this.files = files;
		this.envelope = envelope;
		this.repository = repository;
	}

	@Override
	public void validate(@Nullable JobParameters parameters) throws InvalidJobParametersException {
		if (parameters == null
				|| this.repository.getObject().getLastJobExecution(OutcomeImports.JOB, parameters) != null) {
			// Checked when the run was first started; this is that run executing, or its
			// restart.
			return;
		}
		try {
			check(parameters);
		}
		catch (DomainException ex) {
			InvalidJobParametersException refused = new InvalidJobParametersException(ex.getMessage());
			// The launcher hands the domain exception on as it is, with its rule for the
			// panel.
			refused.initCause(ex);
			throw refused;
		}
	}

	/**
	 * Checks the file of an import against the envelope (the file itself is checked by
	 * {@link OutcomeImportFiles}).
	 * @return the warning to log when it runs beyond the envelope on confirmation
	 */
	Optional<String> check(JobParameters parameters) {
		String file = parameters.getString(OutcomeImportFiles.FILE);
		if (file == null) {
			return Optional.empty();
		}
		Path path = this.files.resolve(file);
		OutcomeFileFormat format = OutcomeFileFormat.of(parameters.getString(OutcomeImportFiles.FORMAT), path);
		long rows;
		try {
			rows = OutcomeRowReader.estimateRows(path, (format != null) ? format : OutcomeFileFormat.CSV);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot count the rows of " + path.getFileName(), ex);
		}
		return this.envelope.check(FollowUpStates.MILESTONES, rows, "rows in the file",
				"true".equalsIgnoreCase(parameters.getString(EmbeddedEnvelope.CONFIRM)));
	}

}
