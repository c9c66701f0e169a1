package org.hacktrail.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * An Atom feed (RFC 4287), written with Rome: the shape every Hacktrail feed shares (the
 * published results, the verified outcomes), so that each module only says what its
 * entries are. Entries are written newest first, as given; the feed's {@code updated} is
 * its newest entry's (the epoch for an empty feed), so that the same entries always give
 * the same bytes.
 */
public final class AtomFeed {

	public static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

	/** The most entries a feed holds (the newest). */
	public static final int MAX_ENTRIES = 100;

	/**
	 * One entry.
	 *
	 * @param id the entry's permanent id ({@link #stableId})
	 * @param title its title (both languages, {@link #bilingual})
	 * @param updated when it last changed in a way readers should see
	 * @param link the public page it is about
	 * @param related another address it is about (evidence), or null
	 * @param summary a short text
	 */
	public record Entry(String id, String title, Instant updated, String link, @Nullable String related,
			String summary) {
	}

	private AtomFeed() {
	}

	/**
	 * The feed as XML text.
	 * @param id the feed's permanent id
	 * @param title the feed's title
	 * @param self the feed's own address
	 * @param alternate the public page the feed follows
	 */
	public static String write(String id, String title, String self, String alternate, List<Entry> entries) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setUri(id);
		feed.setTitle(title);
		feed.setLinks(List.of(link("self", self, ATOM.getType() + "/" + ATOM.getSubtype()),
				link("alternate", alternate, "text/html")));
		SyndPerson author = new SyndPersonImpl();
		author.setName("Hacktrail");
		feed.setAuthors(List.of(author));
		feed.setGenerator("Hacktrail");
		Instant newest = entries.stream().map(Entry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
		feed.setPublishedDate(Date.from(newest));
		List<SyndEntry> written = new ArrayList<>();
		for (Entry entry : entries) {
			SyndEntry item = new SyndEntryImpl();
			item.setUri(entry.id());
			item.setTitle(entry.title());
			item.setUpdatedDate(Date.from(entry.updated()));
			List<SyndLink> links = new ArrayList<>();
			links.add(link("alternate", entry.link(), "text/html"));
			if (entry.related() != null) {
				links.add(link("related", entry.related(), null));
			}
			item.setLinks(links);
			SyndContent summary = new SyndContentImpl();
			summary.setType("text");
			summary.setValue(entry.summary());
			item.setDescription(summary);
			written.add(item);
		}
		feed.setEntries(written);
		try {
			return new SyndFeedOutput().outputString(feed, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("The feed could not be written: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A permanent id for what {@code name} names ({@code results:<round id>}): a
	 * name-based UUID as a URN, the same for the same name on every request.
	 */
	public static String stableId(String name) {
		return "urn:uuid:" + UUID.nameUUIDFromBytes(("hacktrail:" + name).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Both languages when both are given and differ ({@code 中文 / English}), otherwise the
	 * one there is.
	 */
	public static String bilingual(@Nullable String zhTW, @Nullable String en) {
		if (zhTW != null && en != null && !zhTW.equals(en)) {
			return zhTW + " / " + en;
		}
		return (zhTW != null) ? zhTW : (en != null) ? en : "";
	}

	private static SyndLink link(String rel, String href, @Nullable String type) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(href);
		if (type != null) {
			link.setType(type);
		}
		return link;
	}

}
