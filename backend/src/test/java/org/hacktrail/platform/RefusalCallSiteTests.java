package org.hacktrail.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal of input in the code carries a reason ({@link Refusal}), so that the
 * panel can say it in the reader's language: a scan of {@code src/main/java} for
 * {@code DomainException.badInput(...)} calls whose second argument is not a
 * {@code Refusal} (issue #17): there are none left, and none may come back.
 */
class RefusalCallSiteTests {

	static final Path SOURCES = Path.of("src", "main", "java");

	/** badInput( up to its first top-level comma or closing parenthesis. */
	static final Pattern CALL = Pattern.compile("\\bbadInput\\(");

	@Test
	void everyBadInputCallNamesAReason() throws IOException {
		java.util.Map<String, Integer> uncoded = new java.util.TreeMap<>();
		List<String> examples = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				if (file.endsWith("DomainException.java")) {
					continue;
				}
				String source = Files.readString(file);
				Matcher matcher = CALL.matcher(source);
				while (matcher.find()) {
					List<String> args = arguments(source, matcher.end());
					if (args.size() < 2 || !args.get(1).contains("Refusal.")) {
						String name = SOURCES.relativize(file).toString().replace('\\', '/');
						uncoded.merge(name, 1, Integer::sum);
						examples.add(name + ": badInput(" + String.join(",", args).strip().replaceAll("\\s+", " "));
					}
				}
			}
		}
		assertThat(uncoded)
			.as("files calling badInput without a Refusal (code them: extensions.reason), e.g. %s",
					examples.stream().limit(3).toList())
			.isEmpty();
	}

	/** The top-level arguments of the call whose '(' ends at {@code start}. */
	static List<String> arguments(String source, int start) {
		List<String> args = new ArrayList<>();
		int depth = 0;
		boolean inString = false;
		StringBuilder current = new StringBuilder();
		for (int i = start; i < source.length(); i++) {
			char c = source.charAt(i);
			if (inString) {
				current.append(c);
				if (c == '\\') {
					current.append(source.charAt(++i));
				}
				else if (c == '"') {
					inString = false;
				}
				continue;
			}
			if (c == '"') {
				inString = true;
			}
			else if (c == '\'') {
				// A character literal ('"', '\''): copied whole.
				int end = source.indexOf('\'', i + ((source.charAt(i + 1) == '\\') ? 3 : 2));
				current.append(source, i, end + 1);
				i = end;
				continue;
			}
			else if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				if (depth == 0) {
					args.add(current.toString());
					return args;
				}
				depth--;
			}
			else if (c == ',' && depth == 0) {
				args.add(current.toString());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		return args;
	}

}
