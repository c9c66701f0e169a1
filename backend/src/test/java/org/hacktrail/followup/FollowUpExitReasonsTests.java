package org.hacktrail.followup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hacktrail.platform.CodedText;
import org.hacktrail.platform.MessageArg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome import's file errors and the activity check's rate limit reach the panel as
 * codes with their values (issue #17): each sentence the reader really throws, as the
 * run's exit description quotes it, has its code.
 */
class FollowUpExitReasonsTests {

	final FollowUpExitReasons reasons = new FollowUpExitReasons();

	@TempDir
	Path folder;

	@Test
	void eachFileErrorOfTheImportHasItsCodeAndValues() throws Exception {
		assertThat(failure("empty.csv", "", OutcomeFileFormat.CSV)).extracting(CodedText::code)
			.isEqualTo("OUTCOME_FILE_EMPTY");
		assertThat(failure("array.json", "{}", OutcomeFileFormat.JSON)).extracting(CodedText::code)
			.isEqualTo("OUTCOME_JSON_NOT_ARRAY");
		CodedText unknown = failure("unknown.csv", "project_ref,milestone,date,colour\n", OutcomeFileFormat.CSV);
		assertThat(unknown.code()).isEqualTo("OUTCOME_UNKNOWN_COLUMN");
		assertThat(unknown.args()).containsExactly(MessageArg.of("column", "colour"));
		CodedText twice = failure("twice.csv", "project_ref,milestone,date,date\n", OutcomeFileFormat.CSV);
		assertThat(twice.code()).isEqualTo("OUTCOME_DUPLICATE_COLUMN");
		assertThat(twice.args()).containsExactly(MessageArg.of("column", "date"));
		CodedText missing = failure("missing.csv", "project_ref,milestone\n", OutcomeFileFormat.CSV);
		assertThat(missing.code()).isEqualTo("OUTCOME_MISSING_COLUMN");
		assertThat(missing.args()).containsExactly(MessageArg.of("column", "date"));
		assertThat(failure("project.csv", "milestone,date\n", OutcomeFileFormat.CSV).code())
			.isEqualTo("OUTCOME_NO_PROJECT_COLUMN");
		// The English stays as it was, for API users.
		assertThat(unknown.message()).contains("Unknown column 'colour' in the header");
	}

	@Test
	void aRateLimitedActivityCheckSaysHowManyProjectsAreLeftAndUntilWhen() {
		CodedText limited = this.reasons.reason("activityCheck", "RATE_LIMITED",
				"The repository API is rate-limited until 2026-12-07T03:00:00Z. 12 project(s) left for a run after "
						+ "2026-12-07T03:00:00Z.");
		assertThat(limited).isNotNull();
		assertThat(limited.code()).isEqualTo("RATE_LIMITED");
		assertThat(limited.args()).containsExactly(MessageArg.of("left", "12"),
				MessageArg.of("until", "2026-12-07T03:00:00Z"));
	}

	@Test
	void whatItDoesNotKnowIsLeftToTheGenericReason() {
		assertThat(this.reasons.reason("outcomeImport", "FAILED", "Store failure (boom) in step x")).isNull();
		assertThat(this.reasons.reason("statisticsRollup", "FAILED",
				"The file is empty. Its first row must be a " + "header"))
			.as("another job's failure is not the import's")
			.isNull();
	}

	/**
	 * The reader's own failure on the file, as the failed run's exit description says it.
	 */
	private CodedText failure(String name, String content, OutcomeFileFormat format) throws Exception {
		Path file = this.folder.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		OutcomeRowReader reader = new OutcomeRowReader(file, format);
		String message = null;
		try {
			reader.open(new ExecutionContext());
		}
		catch (RuntimeException ex) {
			Throwable innermost = ex;
			while (innermost.getCause() != null) {
				innermost = innermost.getCause();
			}
			message = innermost.getMessage();
		}
		finally {
			reader.close();
		}
		assertThat(message).as(name + " is refused").isNotNull();
		String description = "IllegalArgumentException (" + message + ") in step outcomeImportStep (after 0 items "
				+ "read, 0 written); restart the run to resume from its last checkpoint.";
		CodedText reason = this.reasons.reason(OutcomeImports.JOB, "FAILED", description);
		assertThat(reason).as(description).isNotNull();
		return List.of(reason).get(0);
	}

}
