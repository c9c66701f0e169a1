package org.hacktrail.judging.panel;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * Organisation names as people write them, and the normalised form conflicts are matched
 * on.
 */
public final class Affiliations {

	private static final Pattern SPACE_OR_PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");

	static final int MAX_LENGTH = 200;

	static final int MAX_COUNT = 20;

	private Affiliations() {
	}

	/**
	 * The matching key of an organisation name: NFKC (full-width forms become ASCII),
	 * lower case, every run of white space, punctuation and symbols one space, trimmed.
	 * "Ministry of Digital Affairs" and "ministry of digital affairs." match; "數位發展部" and
	 * "數位部" do not (abbreviations are not guessed — an organizer adds such a conflict by
	 * hand).
	 */
	public static String key(String name) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return SPACE_OR_PUNCTUATION.matcher(folded).replaceAll(" ").strip();
	}

	/**
	 * Cleans a list given by a person: stripped, blanks dropped, duplicates (by key) kept
	 * once, limits checked.
	 */
	static List<String> clean(@Nullable List<String> names, String field) {
		if (names == null) {
			return List.of();
		}
		List<String> cleaned = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			String value = (name != null) ? name.strip() : "";
			if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
				throw DomainException.badInput(field, Refusal.TOO_LONG, "max", MAX_LENGTH);
			}
			if (!value.isEmpty()) {
				FreeText.check(value, field, FreeText.Kind.LINE);
			}
			if (!value.isEmpty() && !key(value).isEmpty() && seen.add(key(value))) {
				cleaned.add(value);
			}
		}
		if (cleaned.size() > MAX_COUNT) {
			throw DomainException.badInput(field, Refusal.TOO_MANY, "max", MAX_COUNT, "count", cleaned.size());
		}
		return List.copyOf(cleaned);
	}

}
