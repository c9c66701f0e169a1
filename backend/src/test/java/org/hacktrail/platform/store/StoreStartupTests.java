package org.hacktrail.platform.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.hacktrail.HacktrailApplication;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What an operator reads when the service starts on the embedded store: one line saying
 * which store, none of the embedded server's chatter, and when it cannot start, one short
 * paragraph saying what is wrong and what to do, before (and instead of) any stack trace.
 */
@EmbeddedStoreOnly
@ExtendWith(OutputCaptureExtension.class)
class StoreStartupTests {

	@TempDir
	Path dataDir;

	private ConfigurableApplicationContext start(String... properties) {
		String[] args = Arrays.stream(properties).map((property) -> "--" + property).toArray(String[]::new);
		return new SpringApplicationBuilder(HacktrailApplication.class).web(WebApplicationType.NONE).run(args);
	}

	private String[] h2(String... more) {
		String[] base = { "spring.mongodb.uri=", "hacktrail.store.embedded.backend=h2",
				"hacktrail.store.embedded.data-dir=" + this.dataDir };
		String[] all = Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	@Test
	void aNormalStartSaysWhichStoreInOneLineWithoutTheServersChatter(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(h2())) {
			assertThat(context.getBean(EmbeddedStore.class).state().writesRefused()).isEmpty();
		}
		assertThat(output.getAll()).containsOnlyOnce("Store: embedded store (H2 file")
			.contains("every write on the disk before it is answered")
			.doesNotContain("not yet implemented")
			.doesNotContain("connected")
			.doesNotContain("de.bwaldvogel");
	}

	@Test
	void aSecondInstanceOnTheSameDataFolderStopsWithWhatToDoAndNoStackTrace(CapturedOutput output) {
		try (EmbeddedStore running = EmbeddedStore.start(StoreFixtures.h2(this.dataDir))) {
			Throwable failure = catchThrowable(() -> start(h2()).close());
			assertThat(failure).isNotNull();
		}
		String text = output.getAll();
		assertThat(text).contains("APPLICATION FAILED TO START")
			.contains("is in use by another process (is Hacktrail already running on this data folder?)")
			.contains("Action:")
			.contains("give this one its own folder with HACKTRAIL_DATA_DIR");
		assertThat(text.lines().filter((line) -> line.startsWith("\tat ")).count()).as("stack trace lines").isZero();
	}

	@Test
	void aFileThatCannotBeWrittenStopsTheStartUnlessReadOnlyIsAsked(CapturedOutput output) throws Exception {
		FailClosedTests.assumeRoot();
		try (ConfigurableApplicationContext context = start(h2())) {
			// Makes the file.
		}
		Path file = this.dataDir.resolve("hacktrail.mv.db");
		Process chattr = new ProcessBuilder("chattr", "+i", file.toString()).inheritIO().start();
		org.assertj.core.api.Assumptions.assumeThat(chattr.waitFor()).as("chattr works here").isZero();
		try {
			assertThat(catchThrowable(() -> start(h2()).close())).isNotNull();
			assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
				.contains("cannot be written")
				.contains("HACKTRAIL_STORE_READ_ONLY=true");

			try (ConfigurableApplicationContext context = start(h2("hacktrail.store.embedded.read-only=true"))) {
				StoreState.Refusal refusal = context.getBean(EmbeddedStore.class).state().writesRefused().orElseThrow();
				assertThat(refusal.cause()).isEqualTo(StoreState.Cause.READ_ONLY);
			}
		}
		finally {
			new ProcessBuilder("chattr", "-i", file.toString()).inheritIO().start().waitFor();
		}
	}

	@Test
	void aDataFolderThatCannotBeCreatedStopsTheStartWithWhatToDo(CapturedOutput output) throws Exception {
		Path notAFolder = Files.writeString(this.dataDir.resolve("a-file"), "not a folder");
		Throwable failure = catchThrowable(() -> start("spring.mongodb.uri=", "hacktrail.store.embedded.backend=h2",
				"hacktrail.store.embedded.data-dir=" + notAFolder.resolve("data"))
			.close());
		assertThat(failure).isNotNull();
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("cannot be created")
			.contains("HACKTRAIL_DATA_DIR");
	}

}
