package org.hacktrail.judging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code scripts/recompute-ranking} on a results file, as anyone who downloaded it
 * would, for the tests that check the script against what Hacktrail publishes.
 */
public final class RecomputeScript {

	public static final Path SCRIPT = Path.of("..", "scripts", "recompute-ranking");

	private RecomputeScript() {
	}

	/** What one run printed (standard output and error together) and its exit status. */
	public record Run(int exit, String output) {
	}

	/**
	 * Runs the script on the file; fails the test if it does not end within the timeout.
	 */
	public static Run run(Path file, Duration timeout) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("python3", SCRIPT.toString(), file.toString()).redirectErrorStream(true)
			.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

}
