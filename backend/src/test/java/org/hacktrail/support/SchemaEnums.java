package org.hacktrail.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of an enum of the GraphQL schema, read from its file on the classpath, so
 * that a test can hold a Java enum to the schema's list of the same codes.
 */
public final class SchemaEnums {

	private SchemaEnums() {
	}

	/** The values of {@code enum name} in {@code graphql/<file>}, in order. */
	public static List<String> values(String file, String name) {
		String text;
		try (InputStream in = SchemaEnums.class.getResourceAsStream("/graphql/" + file)) {
			if (in == null) {
				throw new AssertionError("no schema file " + file);
			}
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Matcher matcher = Pattern.compile("\\benum\\s+" + name + "\\s*\\{(.*?)\\}", Pattern.DOTALL).matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("no enum " + name + " in " + file);
		}
		// Descriptions are one line each ("…") or blocks ("""…"""); values are the other
		// lines.
		String body = matcher.group(1).replaceAll("(?s)\"\"\".*?\"\"\"", "");
		List<String> values = new ArrayList<>();
		for (String line : body.split("\n")) {
			String stripped = line.strip();
			if (stripped.isEmpty() || stripped.startsWith("\"") || stripped.startsWith("#")) {
				continue;
			}
			values.add(stripped.split("\\s")[0]);
		}
		return values;
	}

}
