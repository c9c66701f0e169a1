package org.hacktrail.followup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.stereotype.Component;

/**
 * The import folder: uploads are streamed into it, and {@code outcomeImport} reads only
 * files inside it. A {@code file} parameter is resolved against the folder and must stay
 * inside it once symbolic links and {@code ..} are resolved: an organizer can import a
 * file an operator put there, never read any file of the server.
 */
@Component
class OutcomeImportFiles implements JobParametersValidator {

	static final String FILE = "file";

	static final String FORMAT = "format";

	static final String UPLOAD_PREFIX = "upload-";

	private final Path folder;

	OutcomeImportFiles(OutcomeSettings settings) {
		this.folder = settings.importDir().toAbsolutePath().normalize();
	}

	Path folder() {
		return this.folder;
	}

	/**
	 * Streams an upload into the import folder (never into memory) and returns its file.
	 */
	Path store(InputStream body, OutcomeFileFormat format) throws IOException {
		Files.createDirectories(this.folder);
		Path file = this.folder
			.resolve(UPLOAD_PREFIX + UUID.randomUUID() + "." + format.name().toLowerCase(java.util.Locale.ROOT));
		try {
			Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		return file;
	}

	@Override
	public void validate(@Nullable JobParameters parameters) throws InvalidJobParametersException {
		String file = (parameters != null) ? parameters.getString(FILE) : null;
		if (file == null || file.isBlank()) {
			throw new InvalidJobParametersException("Give the file to import as the parameter 'file' (a file in the "
					+ "import folder " + this.folder + ", or upload it to POST /api/outcomes/import).");
		}
		try {
			Path path = resolve(file);
			if (OutcomeFileFormat.of(parameters.getString(FORMAT), path) == null) {
				throw new InvalidJobParametersException("Say whether '" + path.getFileName() + "' is CSV or JSON: "
						+ "name it *.csv or *.json, or give the parameter 'format' (csv or json).");
			}
		}
		catch (DomainException ex) {
			throw new InvalidJobParametersException(ex.getMessage());
		}
	}

	/**
	 * The file a parameter names, checked: inside the import folder, an existing readable
	 * regular file.
	 */
	Path resolve(String file) {
		Path requested = this.folder.resolve(file.strip()).normalize();
		try {
			Path real = requested.toRealPath();
			Path folder = this.folder.toRealPath();
			if (!real.startsWith(folder) || real.equals(folder)) {
				throw outside(file);
			}
			if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
				throw DomainException.badInput(FILE, Refusal.IMPORT_FILE_UNREADABLE, "value", file);
			}
			return real;
		}
		catch (IOException ex) {
			if (!requested.startsWith(this.folder)) {
				throw outside(file);
			}
			throw DomainException.badInput(FILE, Refusal.IMPORT_FILE_MISSING, "value", file);
		}
	}

	private DomainException outside(String file) {
		return DomainException.badInput(FILE, Refusal.IMPORT_FILE_OUTSIDE, "value", file, "folder", this.folder);
	}

	/**
	 * Deletes an uploaded file once its import completed (a failed import keeps it, for
	 * the restart).
	 */
	void deleteUpload(String file) {
		try {
			Path path = resolve(file);
			if (path.getFileName().toString().startsWith(UPLOAD_PREFIX)) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | RuntimeException ex) {
			// Already gone, or not ours to delete.
		}
	}

}
