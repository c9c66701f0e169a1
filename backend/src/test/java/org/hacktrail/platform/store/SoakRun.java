package org.hacktrail.platform.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.FileSystemUtils;

/**
 * Runs the soak and crash tests outside JUnit, for {@code scripts/bench soak}
 * ({@code org.hacktrail.platform.bench.SoakBenchmark}), and collects their figures.
 */
public final class SoakRun {

	private SoakRun() {
	}

	/** One test's outcome: its figures, and the failure if it failed. */
	public record Outcome(String test, List<String> figures, Throwable failure) {

		public boolean passed() {
			return this.failure == null;
		}

	}

	interface Body<T> {

		void run(T test) throws Exception;

	}

	/**
	 * Runs every soak and crash test with {@code hacktrail.soak.seconds} set to the given
	 * duration.
	 */
	public static List<Outcome> run(int seconds) {
		System.setProperty("hacktrail.soak.seconds", String.valueOf(seconds));
		List<Outcome> outcomes = new ArrayList<>();
		outcomes.add(soak("soak: 8 writers, 8 readers, restart",
				EmbeddedStoreSoakTests::everyAcknowledgedWriteSurvivesARestartExactlyOnceAndNoReadFails));
		outcomes.add(soak("update-heavy file reopened and scanned",
				EmbeddedStoreSoakTests::reopensAnUpdateHeavyFileAndScansItWhileWritesGoOn));
		outcomes.add(soak("aggregations racing rewrites",
				EmbeddedStoreSoakTests::aggregationsOverACollectionBeingRewrittenNeverFail));
		outcomes.add(crash("SIGKILL, sync durability: no acknowledged write lost",
				EmbeddedStoreCrashTests::everyAcknowledgedWriteSurvivesASigkill));
		outcomes.add(crash("SIGKILL, interval durability at 1 s commits",
				EmbeddedStoreCrashTests::withIntervalCommitsEveryWriteAcknowledgedMoreThanACommitBeforeASigkillSurvives));
		outcomes.add(crash("SIGKILL, interval durability at 10 ms commits",
				EmbeddedStoreCrashTests::aSigkillNeverLeavesADocumentAndItsIndexesOutOfStep));
		return outcomes;
	}

	private static Outcome soak(String name, Body<EmbeddedStoreSoakTests> body) {
		EmbeddedStoreSoakTests test = new EmbeddedStoreSoakTests();
		return run(name, test, test.report, (dir) -> test.dataDir = dir, body);
	}

	private static Outcome crash(String name, Body<EmbeddedStoreCrashTests> body) {
		EmbeddedStoreCrashTests test = new EmbeddedStoreCrashTests();
		return run(name, test, test.report, (dir) -> test.dataDir = dir, body);
	}

	interface DirSetter {

		void set(Path dir);

	}

	private static <T> Outcome run(String name, T test, List<String> figures, DirSetter dataDir, Body<T> body) {
		Path dir = null;
		try {
			dir = Files.createTempDirectory("hacktrail-soak-");
			dataDir.set(dir);
			body.run(test);
			return new Outcome(name, figures, null);
		}
		catch (Throwable ex) {
			return new Outcome(name, figures, ex);
		}
		finally {
			if (dir != null) {
				try {
					FileSystemUtils.deleteRecursively(dir);
				}
				catch (java.io.IOException ex) {
					// A leftover temporary directory is not worth failing the run for.
				}
			}
		}
	}

}
