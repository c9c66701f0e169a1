package org.hacktrail.proposal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * What a proposer writes: checked once here, for GraphQL and CSV alike. Every failure is
 * BAD_USER_INPUT naming the field; the CSV import turns the field into a column.
 *
 * @param summary kept exactly as written (line breaks, spaces), so that it survives
 * export and import byte for byte
 * @param links in a canonical order (by type; OTHER links in the order given), at most
 * one per type except OTHER
 * @param contacts how to reach the team besides the channel, as written on a 松後推坑 page
 * ({@code @handle}, an email address), in the order given
 */
public record ProposalContent(LocalizedText title, LocalizedText summary, @Nullable String channel, List<String> tags,
		List<String> needs, List<ProposalLink> links, List<String> contacts) {

	static final int MAX_TITLE = 200;

	static final int MAX_SUMMARY = 10_000;

	static final int MAX_CHANNEL = 100;

	static final int MAX_PROPOSER = 100;

	static final int MAX_AFFILIATION = 200;

	static final int MAX_TAGS = 10;

	static final int MAX_NEEDS = 30;

	static final int MAX_NEED = 60;

	static final int MAX_LINKS = 20;

	static final int MAX_URL = 2000;

	static final int MAX_LABEL = 60;

	static final int MAX_CONTACTS = 10;

	static final int MAX_CONTACT = 100;

	private static final Set<String> SCHEMES = Set.of("http", "https");

	public ProposalContent {
		tags = List.copyOf(tags);
		needs = List.copyOf(needs);
		links = canonical(links);
		contacts = (contacts != null) ? List.copyOf(contacts) : List.of();
	}

	/** Content without contacts. */
	public ProposalContent(LocalizedText title, LocalizedText summary, @Nullable String channel, List<String> tags,
			List<String> needs, List<ProposalLink> links) {
		this(title, summary, channel, tags, needs, links, List.of());
	}

	/** Checks everything; {@code tags} are ids or labels, resolved to ids. */
	static ProposalContent of(@Nullable LocalizedText title, @Nullable LocalizedText summary, @Nullable String channel,
			@Nullable List<String> tags, @Nullable List<String> needs, @Nullable List<ProposalLink> links,
			@Nullable List<String> contacts, ProposalTags known) {
		LocalizedText checkedTitle = title(title);
		return new ProposalContent(checkedTitle, summary(summary), channel(channel), tags(tags, known), needs(needs),
				links(links), contacts(contacts));
	}

	/**
	 * A title in at least one language, single line, with at least one letter or digit.
	 */
	static LocalizedText title(@Nullable LocalizedText title) {
		LocalizedText checked = LocalizedText.requireSingleLine(title, "title", MAX_TITLE);
		for (String text : new String[] { checked.zhTW(), checked.en() }) {
			if (text != null && Keys.title(text).isEmpty()) {
				throw DomainException.badInput("title", Refusal.NO_LETTER_OR_DIGIT);
			}
		}
		return checked;
	}

	static LocalizedText summary(@Nullable LocalizedText summary) {
		return LocalizedText.optionalMultiLine(summary, "summary", MAX_SUMMARY);
	}

	static String proposer(@Nullable String name) {
		String stripped = (name != null) ? name.strip() : "";
		if (stripped.isEmpty() || Keys.title(stripped).isEmpty()) {
			throw DomainException.badInput("proposer", Refusal.REQUIRED);
		}
		singleLine(stripped, "proposer", MAX_PROPOSER);
		return stripped;
	}

	/**
	 * The organisation of a proposer without an account: stripped, single line, at most
	 * {@value #MAX_AFFILIATION} characters; blank is none.
	 */
	static @Nullable String affiliation(@Nullable String affiliation, String field) {
		if (affiliation == null || affiliation.isBlank()) {
			return null;
		}
		String stripped = affiliation.strip();
		singleLine(stripped, field, MAX_AFFILIATION);
		return stripped;
	}

	static @Nullable String channel(@Nullable String channel) {
		if (channel == null || channel.isBlank()) {
			return null;
		}
		String stripped = channel.strip();
		singleLine(stripped, "channel", MAX_CHANNEL);
		return stripped;
	}

	static List<String> tags(@Nullable List<String> tags, ProposalTags known) {
		if (tags == null) {
			return List.of();
		}
		List<String> ids = new ArrayList<>();
		for (String tag : tags) {
			if (tag == null || tag.isBlank()) {
				continue;
			}
			String id = known.resolve(tag)
				.orElseThrow(() -> DomainException.badInput("tags", Refusal.UNKNOWN_TAG, "value", tag.strip(),
						"allowed", known.ids()))
				.id();
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		if (ids.size() > MAX_TAGS) {
			throw DomainException.badInput("tags", Refusal.TOO_MANY, "max", MAX_TAGS, "count", ids.size());
		}
		return ids;
	}

	/**
	 * Skills wanted: stripped, duplicates (ignoring case and width) dropped, first
	 * spelling kept.
	 */
	static List<String> needs(@Nullable List<String> needs) {
		if (needs == null) {
			return List.of();
		}
		Map<String, String> byKey = new LinkedHashMap<>();
		for (String need : needs) {
			if (need == null || need.isBlank()) {
				continue;
			}
			String stripped = need.strip();
			singleLine(stripped, "needs", MAX_NEED);
			if (stripped.indexOf(';') >= 0) {
				throw DomainException.badInput("needs", Refusal.RESERVED_CHARACTER, "character", ";", "value",
						stripped);
			}
			byKey.putIfAbsent(Keys.skill(stripped), stripped);
		}
		if (byKey.size() > MAX_NEEDS) {
			throw DomainException.badInput("needs", Refusal.TOO_MANY, "max", MAX_NEEDS, "count", byKey.size());
		}
		return List.copyOf(byKey.values());
	}

	static List<ProposalLink> links(@Nullable List<ProposalLink> links) {
		if (links == null) {
			return List.of();
		}
		if (links.size() > MAX_LINKS) {
			throw DomainException.badInput("links", Refusal.TOO_MANY, "max", MAX_LINKS, "count", links.size());
		}
		Set<LinkType> seen = EnumSet.noneOf(LinkType.class);
		List<ProposalLink> checked = new ArrayList<>();
		for (ProposalLink link : links) {
			if (link.type() == null) {
				throw DomainException.badInput("links.type", Refusal.REQUIRED);
			}
			if (link.type() != LinkType.OTHER && !seen.add(link.type())) {
				throw DomainException.badInput(link.type().column(), Refusal.ONE_LINK_PER_TYPE, "type", link.type());
			}
			checked.add(new ProposalLink(link.type(), url(link.url(), link.type().column()),
					label(link.label(), link.type().column())));
		}
		return checked;
	}

	/**
	 * A link's label: stripped, single line, at most {@value #MAX_LABEL} characters;
	 * blank is none.
	 */
	static @Nullable String label(@Nullable String label, String field) {
		if (label == null || label.isBlank()) {
			return null;
		}
		String stripped = label.strip();
		singleLine(stripped, field, MAX_LABEL);
		return stripped;
	}

	/**
	 * Ways to reach the team ({@code @handle}, an email address): each stripped, single
	 * line, at most {@value #MAX_CONTACT} characters; duplicates (ignoring case and
	 * width) dropped, first spelling kept; at most {@value #MAX_CONTACTS}.
	 */
	static List<String> contacts(@Nullable List<String> contacts) {
		if (contacts == null) {
			return List.of();
		}
		Map<String, String> byKey = new LinkedHashMap<>();
		for (String contact : contacts) {
			if (contact == null || contact.isBlank()) {
				continue;
			}
			String stripped = contact.strip();
			singleLine(stripped, "contacts", MAX_CONTACT);
			byKey.putIfAbsent(Keys.skill(stripped), stripped);
		}
		if (byKey.size() > MAX_CONTACTS) {
			throw DomainException.badInput("contacts", Refusal.TOO_MANY, "max", MAX_CONTACTS, "count", byKey.size());
		}
		return List.copyOf(byKey.values());
	}

	/**
	 * An absolute http or https address with a host, no white space, at most 2,000
	 * characters.
	 */
	static String url(@Nullable String url, String field) {
		String stripped = (url != null) ? url.strip() : "";
		if (stripped.isEmpty()) {
			throw DomainException.badInput(field, Refusal.REQUIRED);
		}
		if (stripped.length() > MAX_URL) {
			throw DomainException.badInput(field, Refusal.TOO_LONG, "max", MAX_URL);
		}
		if (stripped.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw DomainException.badInput(field, Refusal.URL_SPACES, "value", abbreviate(stripped));
		}
		try {
			URI uri = new URI(stripped);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!SCHEMES.contains(scheme)) {
				throw DomainException.badInput(field, Refusal.URL_SCHEME, "value", abbreviate(stripped));
			}
			if (uri.getHost() == null || uri.getHost().isBlank()) {
				throw DomainException.badInput(field, Refusal.URL_NO_HOST, "value", abbreviate(stripped));
			}
		}
		catch (URISyntaxException ex) {
			throw DomainException.badInput(field, Refusal.INVALID_URL, "value", abbreviate(stripped));
		}
		return stripped;
	}

	/** The first link of a type, if any. */
	@Nullable String link(LinkType type) {
		return this.links.stream()
			.filter((link) -> link.type() == type)
			.map(ProposalLink::url)
			.findFirst()
			.orElse(null);
	}

	List<String> links(LinkType type) {
		return this.links.stream().filter((link) -> link.type() == type).map(ProposalLink::url).toList();
	}

	private static List<ProposalLink> canonical(List<ProposalLink> links) {
		List<ProposalLink> sorted = new ArrayList<>(links);
		sorted.sort(Comparator.comparing(ProposalLink::type));
		return List.copyOf(sorted);
	}

	private static void singleLine(String value, String field, int max) {
		if (value.codePointCount(0, value.length()) > max) {
			throw DomainException.badInput(field, Refusal.LONGER_THAN, "max", max, "length",
					value.codePointCount(0, value.length()));
		}
		FreeText.check(value, field, FreeText.Kind.LINE);
	}

	private static String abbreviate(String value) {
		return (value.length() > 80) ? value.substring(0, 77) + "..." : value;
	}

}
