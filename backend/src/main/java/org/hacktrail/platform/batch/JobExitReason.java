package org.hacktrail.platform.batch;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hacktrail.platform.CodedText;
import org.hacktrail.platform.MessageArg;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;

/**
 * Why a run failed or stopped early, as a code with its values beside the English exit
 * description: what a feature's {@link JobExitReasons} knows first, then the failures
 * {@link FailedRunReport} names for every job (out of memory, a store failure), else
 * {@link #JOB_FAILED} with the English as it is (for a failed run).
 */
final class JobExitReason {

	/** The run failed for a reason Hacktrail has no code for; {@code message} says it. */
	static final String JOB_FAILED = "JOB_FAILED";

	/** Out of memory; {@code read}, {@code written}. */
	static final String OUT_OF_MEMORY = "OUT_OF_MEMORY";

	/** The store failed; {@code read}, {@code written}. */
	static final String STORE_FAILURE = "STORE_FAILURE";

	/**
	 * The service stopped before the run ended; marked FAILED at the next start
	 * ({@link JobRunner#ORPHANED}).
	 */
	static final String ORPHANED = "ORPHANED";

	/**
	 * {@link FailedRunReport}'s line: kind (message) in step S (after R read, W written).
	 */
	private static final Pattern REPORT = Pattern
		.compile("^(Out of memory|Store failure)\\b.* in step \\S+ \\(after (\\d+) items read, (\\d+) written\\)");

	private JobExitReason() {
	}

	/**
	 * The reason of a run that failed, or that a feature says stopped early (e.g.
	 * RATE_LIMITED); null for any other run.
	 */
	static @Nullable CodedText of(String jobName, BatchStatus status, String exitCode, @Nullable String description,
			List<JobExitReasons> features) {
		boolean ended = ExitStatus.COMPLETED.getExitCode().equals(exitCode)
				|| ExitStatus.NOOP.getExitCode().equals(exitCode);
		if (status != BatchStatus.FAILED && (ended || description == null)) {
			return null;
		}
		String text = (description != null) ? description : "The job failed; see the service log.";
		for (JobExitReasons feature : features) {
			CodedText known = feature.reason(jobName, exitCode, text);
			if (known != null) {
				return known;
			}
		}
		if (status != BatchStatus.FAILED) {
			return null;
		}
		if (text.startsWith(JobRunner.ORPHANED)) {
			return CodedText.of(ORPHANED, text);
		}
		Matcher report = REPORT.matcher(text);
		if (report.find()) {
			return new CodedText(report.group(1).startsWith("Out") ? OUT_OF_MEMORY : STORE_FAILURE,
					List.of(MessageArg.of("read", report.group(2)), MessageArg.of("written", report.group(3))), text);
		}
		return CodedText.of(JOB_FAILED, text);
	}

}
