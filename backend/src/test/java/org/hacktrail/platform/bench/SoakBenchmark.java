package org.hacktrail.platform.bench;

import java.util.List;

import ch.qos.logback.classic.Level;
import org.hacktrail.platform.store.SoakRun;
import org.slf4j.LoggerFactory;

/**
 * {@code scripts/bench soak}: the long form of the embedded store's soak and crash tests.
 * Prints the figures as a section for docs/benchmarks.md; exits with status 1 (and prints
 * the section to stderr too) if any test failed.
 *
 * <p>
 * Argument: seconds of load of the main soak (default 600); the update-heavy reopen and
 * the aggregation race run a quarter of that, the crash tests one kill per 30 s of it (at
 * least two).
 */
public final class SoakBenchmark {

	private SoakBenchmark() {
	}

	public static void main(String[] args) {
		// Standard output is the report; keep the libraries' logging out of it.
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(Level.ERROR);
		}
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 600;
		long started = System.nanoTime();
		List<SoakRun.Outcome> outcomes = SoakRun.run(seconds);
		StringBuilder section = new StringBuilder();
		section.append("Embedded store (H2 file backend), soak of ")
			.append(seconds)
			.append(" s, ")
			.append((System.nanoTime() - started) / 1_000_000_000)
			.append(" s in all\n");
		boolean passed = true;
		for (SoakRun.Outcome outcome : outcomes) {
			section.append('\n').append(outcome.passed() ? "PASS " : "FAIL ").append(outcome.test()).append('\n');
			outcome.figures().forEach((line) -> section.append("  ").append(line).append('\n'));
			if (!outcome.passed()) {
				passed = false;
				section.append("  ").append(outcome.failure()).append('\n');
			}
		}
		System.out.print(section);
		if (!passed) {
			System.err.print(section);
			System.exit(1);
		}
	}

}
