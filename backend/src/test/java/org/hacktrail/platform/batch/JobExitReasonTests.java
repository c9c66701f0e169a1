package org.hacktrail.platform.batch;

import java.util.List;

import org.hacktrail.platform.CodedText;
import org.hacktrail.platform.MessageArg;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed run's reason as a code (issue #17): what a feature knows, the failures every
 * job reports the same way, and anything else as JOB_FAILED with its English.
 */
class JobExitReasonTests {

	@Test
	void outOfMemoryAndStoreFailuresHaveCodesWithTheCounts() {
		CodedText memory = JobExitReason.of("outcomeImport", BatchStatus.FAILED, "FAILED",
				"Out of memory (Java heap space) in step outcomeImportStep (after 30 items read, 10 written); "
						+ "restart the run to resume from its last checkpoint.",
				List.of());
		assertThat(memory.code()).isEqualTo("OUT_OF_MEMORY");
		assertThat(memory.args()).containsExactly(MessageArg.of("read", "30"), MessageArg.of("written", "10"));
		CodedText store = JobExitReason.of("statisticsRollup", BatchStatus.FAILED, "FAILED",
				"Store failure (Unable to read the page) in step rollupStep (after 4 items read, 0 written); "
						+ "restart the run to resume from its last checkpoint.",
				List.of());
		assertThat(store.code()).isEqualTo("STORE_FAILURE");
	}

	@Test
	void anUnknownFailureKeepsItsEnglishAndAFeatureReasonComesFirst() {
		String description = "IllegalStateException (something new) in step s (after 1 items read, 0 written)";
		CodedText unknown = JobExitReason.of("x", BatchStatus.FAILED, "FAILED", description, List.of());
		assertThat(unknown.code()).isEqualTo("JOB_FAILED");
		assertThat(unknown.message()).isEqualTo(description);
		JobExitReasons feature = (job, exitCode, text) -> "x".equals(job) ? CodedText.of("X_KNOWN", text) : null;
		assertThat(JobExitReason.of("x", BatchStatus.FAILED, "FAILED", description, List.of(feature)).code())
			.isEqualTo("X_KNOWN");
		assertThat(JobExitReason.of("x", BatchStatus.FAILED, "FAILED", null, List.of()).code()).isEqualTo("JOB_FAILED");
	}

	@Test
	void aRunLeftByAStoppedServiceIsOrphaned() {
		CodedText orphan = JobExitReason.of("outcomeImport", BatchStatus.FAILED, "FAILED", JobRunner.ORPHANED,
				List.of());
		assertThat(orphan.code()).isEqualTo("ORPHANED");
		assertThat(orphan.message()).isEqualTo(JobRunner.ORPHANED);
	}

	@Test
	void aRunThatEndedWellHasNoReasonButOneStoppedEarlyHas() {
		assertThat(JobExitReason.of("x", BatchStatus.COMPLETED, "COMPLETED", null, List.of())).isNull();
		assertThat(JobExitReason.of("x", BatchStatus.COMPLETED, "NOOP", "nothing to do", List.of())).isNull();
		assertThat(JobExitReason.of("x", BatchStatus.STARTED, "UNKNOWN", null, List.of())).isNull();
		assertThat(JobExitReason.of("x", BatchStatus.COMPLETED, "RATE_LIMITED", "stopped", List.of()))
			.as("no feature knows it")
			.isNull();
		JobExitReasons feature = (job, exitCode, text) -> CodedText.of(exitCode, text);
		assertThat(JobExitReason.of("x", BatchStatus.COMPLETED, "RATE_LIMITED", "stopped", List.of(feature)).code())
			.isEqualTo("RATE_LIMITED");
	}

}
