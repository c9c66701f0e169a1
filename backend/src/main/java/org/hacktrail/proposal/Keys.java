package org.hacktrail.proposal;

import org.hacktrail.platform.LiteralPattern;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Normalised forms stored beside the text they come from, so that matching is an equality
 * lookup (indexable on a real MongoDB) rather than a scan with a case-insensitive
 * pattern. Public for other features that match against these stored keys: teams
 * normalise the skills of open positions with {@link #skill}, so one search term finds
 * both proposal needs and open positions; the outcome import matches proposal titles and
 * agency names the same way.
 */
public final class Keys {

	private static final Pattern SPACE_OR_PUNCTUATION = Pattern.compile("[\\p{P}\\p{Z}\\s]+");

	private static final Pattern SPACE = Pattern.compile("[\\p{Z}\\s]+");

	private Keys() {
	}

	/**
	 * A title (or a person's name) for comparison: NFKC (full-width letters become
	 * ASCII), lower case, every run of white space and punctuation one space, trimmed.
	 * "Cofacts 真的假的！" and "cofacts 真的假的" are equal.
	 */
	public static String title(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return SPACE_OR_PUNCTUATION.matcher(folded).replaceAll(" ").strip();
	}

	/** A chat channel for comparison: {@code #Cofacts} and {@code cofacts} are equal. */
	static @Nullable String channel(@Nullable String channel) {
		if (channel == null) {
			return null;
		}
		String key = title(channel.replaceFirst("^[#＃]+", ""));
		return key.isEmpty() ? null : key;
	}

	/** A skill for comparison: NFKC, lower case, white space collapsed. */
	public static String skill(String skill) {
		String folded = Normalizer.normalize(skill, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return SPACE.matcher(folded).replaceAll(" ").strip();
	}

	/**
	 * A repository address for comparison: host without {@code www.}, path without a
	 * trailing slash or {@code .git}, lower case, scheme ignored.
	 * {@code https://GitHub.com/g0v/cofacts.git} and
	 * {@code http://github.com/g0v/cofacts/} are equal.
	 */
	public static @Nullable String repository(@Nullable String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url.strip());
			if (uri.getHost() == null) {
				return null;
			}
			String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
			String path = (uri.getPath() != null) ? uri.getPath().toLowerCase(Locale.ROOT) : "";
			path = path.replaceAll("/+$", "").replaceAll("\\.git$", "").replaceAll("/+$", "");
			return host + path;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * Text to search in: NFKC and lower case, so that a search ignores case and
	 * full-width forms.
	 */
	static String search(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/**
	 * A regular expression that matches {@code text} literally ({@link LiteralPattern}).
	 */
	static String literal(String text) {
		return LiteralPattern.of(text);
	}

}
