package org.hacktrail.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
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
		for (Path file : generated) {
			Path path = GENERATED.resolve(file);
			Files.writeString(path, inStableOrder(Files.readString(path)));
		}
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
	 * The diagram with each run of components and each run of relations sorted: the
	 * generator writes them in an order that changes with whatever ran before in the same
	 * JVM (after ModularityTests, another order than alone), not with the code.
	 */
	static String inStableOrder(String diagram) {
		List<String> lines = new ArrayList<>(diagram.lines().toList());
		int start = 0;
		while (start < lines.size()) {
			String kind = kind(lines.get(start));
			int end = start + 1;
			while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end)))) {
				end++;
			}
			if (kind != null) {
				lines.subList(start, end).sort(null);
			}
			start = end;
		}
		return String.join("\n", lines) + (diagram.endsWith("\n") ? "\n" : "");
	}

	private static @Nullable String kind(String line) {
		String trimmed = line.strip();
		for (String kind : new String[] { "Component(", "Rel(" }) {
			if (trimmed.startsWith(kind)) {
				return kind;
			}
		}
		return null;
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
