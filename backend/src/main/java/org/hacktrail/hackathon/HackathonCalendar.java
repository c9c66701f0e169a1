package org.hacktrail.hackathon;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The public calendar of hackathons (iCalendar, RFC 5545, written with ical4j): one
 * VEVENT per public edition (never a DRAFT, whoever asks), from its start to its end in
 * its own time zone (DTSTART and DTEND with its TZID, and the VTIMEZONE it names), with a
 * bilingual SUMMARY, the current phase in both languages, the location and the address of
 * its public page.
 *
 * <p>
 * Stable across requests: the UID is the hackathon's id
 * ({@code hackathon-<id>@hacktrail}), DTSTAMP and LAST-MODIFIED its last change, SEQUENCE
 * its version, so that the same data gives the same bytes (and the same ETag) and a
 * calendar app updates the event in place.
 *
 * <p>
 * An edition's planned deadlines ({@link PlannedDeadlines}: proposals, team formation,
 * judging) are events of their own at that moment, in the edition's time zone, with UIDs
 * of their own ({@code hackathon-<id>-<deadline>@hacktrail}). They are announced, not
 * enforced: a phase moves when an organizer moves it.
 */
@Component
class HackathonCalendar {

	/** The most editions one calendar lists, latest start first. */
	static final int MAX_EDITIONS = 1000;

	static final String PRODUCT = "-//Hacktrail//Hackathon calendar//EN";

	private static final Map<HackathonPhase, LocalizedText> PHASES = new EnumMap<>(HackathonPhase.class);

	private static final Map<HackathonKind, LocalizedText> KINDS = new EnumMap<>(HackathonKind.class);

	static {
		PHASES.put(HackathonPhase.DRAFT, new LocalizedText("籌備中", "Draft"));
		PHASES.put(HackathonPhase.OPEN_FOR_PROPOSALS, new LocalizedText("開放提案", "Open for proposals"));
		PHASES.put(HackathonPhase.PITCHING, new LocalizedText("提案發表", "Pitching"));
		PHASES.put(HackathonPhase.HACKING, new LocalizedText("黑客進行中", "Hacking"));
		PHASES.put(HackathonPhase.JUDGING, new LocalizedText("評審中", "Judging"));
		PHASES.put(HackathonPhase.RESULTS_PUBLISHED, new LocalizedText("結果已公布", "Results published"));
		PHASES.put(HackathonPhase.FOLLOW_UP, new LocalizedText("後續追蹤", "Follow-up"));
		PHASES.put(HackathonPhase.ARCHIVED, new LocalizedText("已封存", "Archived"));
		KINDS.put(HackathonKind.COMMUNITY, new LocalizedText("社群黑客松", "Community hackathon"));
		KINDS.put(HackathonKind.PRESIDENTIAL, new LocalizedText("總統盃黑客松", "Presidential hackathon"));
		KINDS.put(HackathonKind.OTHER, new LocalizedText("黑客松", "Hackathon"));
	}

	private static final ZoneId UTC = ZoneOffset.UTC;

	private final MongoTemplate mongo;

	private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

	HackathonCalendar(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Every public edition, latest start first (at most {@link #MAX_EDITIONS}). */
	List<Hackathon> publicEditions() {
		Query query = new Query(Criteria.where("phase").ne(HackathonPhase.DRAFT))
			.with(Sort.by(Sort.Direction.DESC, "startsAt", "_id"))
			.limit(MAX_EDITIONS);
		return this.mongo.find(query, Hackathon.class);
	}

	/**
	 * The calendar of these hackathons (public ones; a DRAFT among them is left out).
	 * @param base the address of the service ({@code https://hacktrail.example}), that of
	 * the public pages
	 * @param name the calendar's name
	 */
	String write(List<Hackathon> hackathons, String base, LocalizedText name) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODUCT));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new Name(bilingual(name)));
		calendar.add(new XProperty("X-WR-CALNAME", bilingual(name)));
		// The time zones named, each defined once (VTIMEZONE); a zone ical4j has no
		// definition for is written in UTC instead.
		Map<String, Boolean> defined = new LinkedHashMap<>();
		for (Hackathon hackathon : hackathons) {
			if (hackathon.isPublic() && !defined.containsKey(hackathon.timeZone())) {
				TimeZone zone = this.zones.getTimeZone(hackathon.timeZone());
				defined.put(hackathon.timeZone(), zone != null);
				if (zone != null) {
					calendar.add(zone.getVTimeZone());
				}
			}
		}
		for (Hackathon hackathon : hackathons) {
			if (hackathon.isPublic()) {
				ZoneId zone = defined.get(hackathon.timeZone()) ? hackathon.zone() : UTC;
				calendar.add(event(hackathon, base, zone));
				deadlines(hackathon, base, zone).forEach(calendar::add);
			}
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(true).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ValidationException ex) {
			throw new IllegalStateException("The calendar is not valid iCalendar: " + ex.getMessage(), ex);
		}
		return out.toString();
	}

	private static VEvent event(Hackathon hackathon, String base, ZoneId zone) {
		VEvent event = new VEvent(hackathon.startsAt().atZone(zone), hackathon.endsAt().atZone(zone),
				bilingual(hackathon.name()));
		event.add(new Uid(uid(hackathon)));
		event.replace(new DtStamp(hackathon.updatedAt()));
		event.add(new LastModified(hackathon.updatedAt()));
		event.add(new Sequence((hackathon.version() != null) ? hackathon.version().intValue() : 0));
		String page = base + "/hackathons/" + hackathon.slug();
		event.add(new Url(URI.create(page)));
		if (hackathon.location() != null) {
			event.add(new Location(hackathon.location()));
		}
		LocalizedText kind = KINDS.get(hackathon.kind());
		event.add(new Categories(kind.zhTW() + "," + kind.en()));
		LocalizedText phase = PHASES.get(hackathon.phase());
		event.add(new Description(
				kind.zhTW() + "・目前階段：" + phase.zhTW() + "\n" + kind.en() + ". Now: " + phase.en() + ".\n" + page));
		return event;
	}

	/** A deadline's name in the calendar and in its UID. */
	private record Deadline(String key, LocalizedText name, java.time.@org.jspecify.annotations.Nullable Instant at) {
	}

	/** The planned deadlines of an edition, as events at that moment. */
	private static List<VEvent> deadlines(Hackathon hackathon, String base, ZoneId zone) {
		PlannedDeadlines planned = hackathon.plannedDeadlines();
		if (planned == null) {
			return List.of();
		}
		List<VEvent> events = new java.util.ArrayList<>();
		String page = base + "/hackathons/" + hackathon.slug();
		for (Deadline deadline : List.of(
				new Deadline("proposal-deadline", new LocalizedText("提案截止", "Proposal deadline"),
						planned.proposalDeadline()),
				new Deadline("team-formation", new LocalizedText("組隊截止", "Team formation"), planned.teamFormation()),
				new Deadline("judging", new LocalizedText("評審截止", "Judging ends"), planned.judging()))) {
			if (deadline.at() == null) {
				continue;
			}
			java.time.ZonedDateTime at = deadline.at().atZone(zone);
			VEvent event = new VEvent(at, at, deadline.name().zhTW() + "：" + bilingual(hackathon.name()) + " / "
					+ deadline.name().en() + ": " + bilingual(hackathon.name()));
			event.add(new Uid("hackathon-" + hackathon.id() + "-" + deadline.key() + "@hacktrail"));
			event.replace(new DtStamp(hackathon.updatedAt()));
			event.add(new LastModified(hackathon.updatedAt()));
			event.add(new Sequence((hackathon.version() != null) ? hackathon.version().intValue() : 0));
			event.add(new Url(URI.create(page)));
			event.add(new Categories(deadline.name().zhTW() + "," + deadline.name().en()));
			event.add(
					new Description(deadline.name().zhTW() + "（預定）\n" + deadline.name().en() + " (planned).\n" + page));
			events.add(event);
		}
		return events;
	}

	/** The UID of a hackathon's event: the same for as long as the hackathon exists. */
	static String uid(Hackathon hackathon) {
		return "hackathon-" + hackathon.id() + "@hacktrail";
	}

	/**
	 * Both languages when both are given and differ ({@code 中文 / English}), otherwise the
	 * one there is.
	 */
	static String bilingual(LocalizedText text) {
		if (text.zhTW() != null && text.en() != null && !text.zhTW().equals(text.en())) {
			return text.zhTW() + " / " + text.en();
		}
		String primary = text.primary();
		return (primary != null) ? primary : "";
	}

}
