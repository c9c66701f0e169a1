package org.hacktrail.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module diagrams and canvases in {@code docs/modules} (Spring Modulith's PlantUML C4
 * diagrams and module canvases, generated from the code) are the code's as it is now.
 * After a change to the modules, refresh them with
 * {@code mvn -pl backend test -Dtest=ModuleDocumentationTests -Dhacktrail.update-module-docs=true}.
 */
class ModuleDocumentationTests {

	static final Path COMMITTED = Path.of("..", "docs", "modules");

	static final Path GENERATED = Path.of("target", "modulith-docs");

	@Test
	void theModuleDocumentationInDocsIsTheCodes() throws IOException {
		new Documenter(ModularityTests.MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		List<Path> generated = files(GENERATED);
		assertThat(generated).as("generated module documentation").isNotEmpty();
		if (Boolean.getBoolean("hacktrail.update-module-docs")) {
			Files.createDirectories(COMMITTED);
			for (Path file : files(COMMITTED)) {
				Files.delete(COMMITTED.resolve(file));
			}
			for (Path file : generated) {
				Files.copy(GENERATED.resolve(file), COMMITTED.resolve(file));
			}
		}
		assertThat(files(COMMITTED)).as("files in docs/modules (refresh: see this class)")
			.containsExactlyInAnyOrderElementsOf(generated);
		for (Path file : generated) {
			assertThat(Files.readString(COMMITTED.resolve(file)))
				.as("docs/modules/%s is out of date (refresh: see this class)", file)
				.isEqualTo(Files.readString(GENERATED.resolve(file)));
		}
	}

	/**
	 * A file's lines in sorted order: Modulith writes the same relations in an order that
	 * changes from run to run, which says nothing about the modules.
	 */
	private static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}

	private static List<Path> files(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> listed = Files.list(folder)) {
			List<Path> names = new ArrayList<>();
			listed.filter(Files::isRegularFile).forEach((file) -> names.add(file.getFileName()));
			return names;
		}
	}

}
