package org.hacktrail.followup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hacktrail.proposal.ProjectMetadataField;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A {@code g0v.json} file as the g0v/g0v.json specification defines it (schema v1: every
 * field optional but {@code author}), read for the fields Hacktrail keeps on a project:
 * {@code name} (English), {@code name_zh}, {@code description}, {@code description_zh},
 * {@code homepage}, {@code thumbnail} (a URL, or a list of URLs of which the first is
 * taken) and {@code keywords} (matched against the issue-area tags by the caller).
 *
 * <p>
 * Written by hand in many repositories, the files differ: empty strings (the spec's own
 * sample has them) mean nothing is said; a {@code name} equal to {@code name_zh} (as
 * Hacktrail's own {@code /api/projects/{id}/g0v.json} writes a project without an English
 * name) is no English name; unknown fields ({@code repo}, {@code licenses},
 * {@code audience}, {@code products}, …) are ignored; {@code status} and
 * {@code contributors} are read but not proposed (a project's state is derived from its
 * verified outcome trail, and its people are its team). A field of the wrong type is a
 * problem reported with the others read; a file that is not a JSON object is broken and
 * gives no field at all. Plain Java: no Spring, no store.
 *
 * @param values the fields read, in their {@link ProjectMetadataField} text form
 * ({@code keywords} excluded)
 * @param keywords the {@code keywords} listed, as written
 * @param status the {@code status} as written, or null
 * @param problems what is wrong with the file, in English, for the project's page
 * @param broken the file could not be read as a JSON object at all
 */
record G0vJsonFile(Map<ProjectMetadataField, String> values, List<String> keywords, @Nullable String status,
		List<String> problems, boolean broken) {

	private static final ObjectMapper JSON = new ObjectMapper();

	G0vJsonFile {
		values = Map.copyOf(values);
		keywords = List.copyOf(keywords);
		problems = List.copyOf(problems);
	}

	/** Reads a file's text. Never throws: a broken file is a result with its problem. */
	static G0vJsonFile read(String text) {
		JsonNode root;
		try {
			root = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
					? " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : "";
			return broken("g0v.json is not valid JSON" + where + ": " + firstLine(ex.getOriginalMessage()));
		}
		if (root == null || root.isMissingNode()) {
			return broken("g0v.json is empty.");
		}
		if (!root.isObject()) {
			return broken("g0v.json is not a JSON object.");
		}
		Map<ProjectMetadataField, String> values = new EnumMap<>(ProjectMetadataField.class);
		List<String> problems = new ArrayList<>();
		text(root, "name", problems).ifPresent((v) -> values.put(ProjectMetadataField.NAME_EN, v));
		text(root, "name_zh", problems).ifPresent((v) -> values.put(ProjectMetadataField.NAME_ZH, v));
		if (values.containsKey(ProjectMetadataField.NAME_EN)
				&& values.get(ProjectMetadataField.NAME_EN).equals(values.get(ProjectMetadataField.NAME_ZH))) {
			// The same name twice (as Hacktrail writes a project without an English
			// name):
			// no English name.
			values.remove(ProjectMetadataField.NAME_EN);
		}
		text(root, "description", problems).ifPresent((v) -> values.put(ProjectMetadataField.DESCRIPTION_EN, v));
		text(root, "description_zh", problems).ifPresent((v) -> values.put(ProjectMetadataField.DESCRIPTION_ZH, v));
		text(root, "homepage", problems).flatMap((v) -> url("homepage", v, problems))
			.ifPresent((v) -> values.put(ProjectMetadataField.HOMEPAGE, v));
		JsonNode thumbnail = root.path("thumbnail");
		if (thumbnail.isArray()) {
			for (JsonNode item : thumbnail) {
				if (item.isString() && !item.asString().isBlank()) {
					url("thumbnail", item.asString().strip(), problems)
						.ifPresent((v) -> values.put(ProjectMetadataField.THUMBNAIL, v));
					break;
				}
			}
		}
		else {
			text(root, "thumbnail", problems).flatMap((v) -> url("thumbnail", v, problems))
				.ifPresent((v) -> values.put(ProjectMetadataField.THUMBNAIL, v));
		}
		List<String> keywords = new ArrayList<>();
		JsonNode listed = root.path("keywords");
		if (listed.isArray()) {
			for (JsonNode keyword : listed) {
				if (keyword.isString() && !keyword.asString().isBlank()) {
					keywords.add(keyword.asString().strip());
				}
			}
		}
		else if (!listed.isMissingNode() && !listed.isNull()) {
			problems.add("keywords is not a list of texts.");
		}
		String status = text(root, "status", problems).orElse(null);
		return new G0vJsonFile(values, keywords, status, problems, false);
	}

	/** The problems in one line, or null when there are none. */
	@Nullable String problem() {
		return this.problems.isEmpty() ? null : String.join(" ", this.problems);
	}

	private static G0vJsonFile broken(String problem) {
		return new G0vJsonFile(Map.of(), List.of(), null, List.of(problem), true);
	}

	private static java.util.Optional<String> text(JsonNode root, String field, List<String> problems) {
		JsonNode node = root.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return java.util.Optional.empty();
		}
		if (!node.isString()) {
			problems.add(field + " is not a text.");
			return java.util.Optional.empty();
		}
		String value = node.asString().strip();
		return value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(value);
	}

	private static java.util.Optional<String> url(String field, String value, List<String> problems) {
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return java.util.Optional.of(value);
			}
		}
		catch (URISyntaxException ex) {
			// Reported below.
		}
		problems.add(field + " is not an http or https address: '" + abbreviate(value) + "'.");
		return java.util.Optional.empty();
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable";
		}
		int end = message.indexOf('\n');
		return abbreviate((end >= 0) ? message.substring(0, end) : message);
	}

	private static String abbreviate(String text) {
		return (text.length() > 120) ? text.substring(0, 119) + "…" : text;
	}

}
