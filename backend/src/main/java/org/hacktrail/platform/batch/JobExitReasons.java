package org.hacktrail.platform.batch;

import org.hacktrail.platform.CodedText;
import org.jspecify.annotations.Nullable;

/**
 * Known ways a feature's job fails or stops early, as codes with their values (issue
 * #17): a bean of this type says the stored exit description of its jobs' runs as a code,
 * for the panel to say it in the reader's language ({@code JobRun.exitReason}). What no
 * bean knows is said as {@link JobExitReason#JOB_FAILED} with the English.
 */
public interface JobExitReasons {

	/**
	 * The exit of a run as a code, or null when this does not know it.
	 * @param jobName the job
	 * @param exitCode the run's exit code (e.g. FAILED, RATE_LIMITED)
	 * @param description the run's exit description, as {@code JobRun.exitDescription}
	 * gives it
	 */
	@Nullable CodedText reason(String jobName, String exitCode, String description);

}
