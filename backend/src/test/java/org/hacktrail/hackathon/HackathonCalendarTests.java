package org.hacktrail.hackathon;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public calendar, read back by ical4j's parser and validated: every public edition
 * as an event in its own time zone (with its VTIMEZONE), a bilingual summary, the public
 * page, the same UIDs and bytes on every request, and never a DRAFT hackathon.
 */
@ServiceTest
class HackathonCalendarTests {

	static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	static final String SET_DEADLINES = """
			mutation($id: ID!, $deadlines: PlannedDeadlinesInput!) {
			  updateHackathon(input: {id: $id, plannedDeadlines: $deadlines}) {
			    hackathon { plannedDeadlines { proposalDeadline teamFormation judging } } } }""";

	@Test
	void plannedDeadlinesSetByAnOrganizerAreEventsInTheEditionsTimeZone() throws Exception {
		Hackathon berlin = hackathon(new LocalizedText("柏林公民科技松", "Civic Tech Berlin"),
				HackathonPhase.OPEN_FOR_PROPOSALS, LocalDateTime.of(2026, 10, 31, 10, 0),
				LocalDateTime.of(2026, 11, 1, 17, 0), BERLIN, null);
		Http http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		// Summer time until 25 October, winter time after.
		tools.jackson.databind.node.ObjectNode variables = Http.json().put("id", berlin.id());
		variables.putObject("deadlines")
			.put("proposalDeadline", "2026-10-20T23:59:00+02:00")
			.put("teamFormation", "2026-10-31T14:00:00+01:00")
			.put("judging", "2026-11-15T18:00:00+01:00");

		Http.GraphQlResult refused = http.graphql(SET_DEADLINES, variables,
				accounts.user("not-an-organizer-" + UUID.randomUUID()).headers());
		assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
		tools.jackson.databind.node.ObjectNode backwards = variables.deepCopy();
		((tools.jackson.databind.node.ObjectNode) backwards.path("deadlines")).put("judging",
				"2026-10-30T12:00:00+01:00");
		Http.GraphQlResult outOfOrder = http.graphql(SET_DEADLINES, backwards, accounts.organizer().headers());
		assertThat(outOfOrder.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(outOfOrder.errorMessage()).contains("judging", "comes before teamFormation");
		assertThat(this.mongo.findById(berlin.id(), Hackathon.class).plannedDeadlines()).as("nothing changed").isNull();

		Http.GraphQlResult set = http.graphql(SET_DEADLINES, variables, accounts.organizer().headers());
		assertThat(set.errorCode()).as(set.body().toString()).isNull();
		assertThat(set.data()
			.path("updateHackathon")
			.path("hackathon")
			.path("plannedDeadlines")
			.path("proposalDeadline")
			.asString()).isEqualTo("2026-10-20T23:59:00.000+02:00");

		Calendar calendar = parse(http.get("/api/hackathons/" + berlin.slug() + ".ics").body());
		calendar.validate();
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		assertThat(events).hasSize(4);
		VEvent proposals = byUid(events, "hackathon-" + berlin.id() + "-proposal-deadline@hacktrail");
		VEvent teams = byUid(events, "hackathon-" + berlin.id() + "-team-formation@hacktrail");
		VEvent judging = byUid(events, "hackathon-" + berlin.id() + "-judging@hacktrail");
		assertThat(text(proposals, Property.SUMMARY))
			.isEqualTo("提案截止：柏林公民科技松 / Civic Tech Berlin / Proposal deadline: 柏林公民科技松 / Civic Tech Berlin");
		assertThat(proposals.getDateTimeStart().getParameter(Parameter.TZID).orElseThrow().getValue())
			.isEqualTo("Europe/Berlin");
		assertThat(offset(proposals.getDateTimeStart().getDate()))
			.isEqualTo(OffsetDateTime.of(LocalDateTime.of(2026, 10, 20, 23, 59), ZoneOffset.ofHours(2)));
		assertThat(offset(teams.getDateTimeStart().getDate()))
			.isEqualTo(OffsetDateTime.of(LocalDateTime.of(2026, 10, 31, 14, 0), ZoneOffset.ofHours(1)));
		assertThat(offset(judging.getDateTimeStart().getDate()))
			.isEqualTo(OffsetDateTime.of(LocalDateTime.of(2026, 11, 15, 18, 0), ZoneOffset.ofHours(1)));
		assertThat(text(judging, Property.DESCRIPTION)).contains("評審截止", "Judging ends (planned)");

		// Clearing them: the edition alone again.
		tools.jackson.databind.node.ObjectNode clear = Http.json().put("id", berlin.id());
		clear.putObject("deadlines");
		assertThat(http.graphql(SET_DEADLINES, clear, accounts.organizer().headers()).errorCode()).isNull();
		assertThat(parse(http.get("/api/hackathons/" + berlin.slug() + ".ics").body())
			.<VEvent>getComponents(Component.VEVENT)).hasSize(1);
	}

	@Test
	void everyPublicEditionInItsTimeZoneAndNoDraft() throws Exception {
		Hackathon taipei = hackathon(new LocalizedText("零時政府第六十五次黑客松", "g0v Hackath65n"), HackathonPhase.HACKING,
				LocalDateTime.of(2026, 3, 7, 9, 30), LocalDateTime.of(2026, 3, 8, 18, 0), TAIPEI, "中研院人文社會科學館");
		Hackathon berlin = hackathon(new LocalizedText(null, "Civic Tech Berlin"), HackathonPhase.ARCHIVED,
				LocalDateTime.of(2025, 10, 25, 10, 0), LocalDateTime.of(2025, 10, 26, 17, 0), BERLIN, null);
		Hackathon draft = hackathon(new LocalizedText("籌備中的松", "Draft hackathon"), HackathonPhase.DRAFT,
				LocalDateTime.of(2026, 5, 2, 9, 0), LocalDateTime.of(2026, 5, 3, 18, 0), TAIPEI, null);

		Http http = Http.localhost(this.port);
		HttpResponse<String> first = http.get("/api/hackathons.ics");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
		assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300", "public");
		String etag = first.headers().firstValue("ETag").orElseThrow();

		Calendar calendar = parse(first.body());
		calendar.validate();
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		VEvent inTaipei = byUid(events, "hackathon-" + taipei.id() + "@hacktrail");
		VEvent inBerlin = byUid(events, "hackathon-" + berlin.id() + "@hacktrail");
		assertThat(inTaipei).isNotNull();
		assertThat(inBerlin).isNotNull();
		assertThat(byUid(events, "hackathon-" + draft.id() + "@hacktrail")).as("a DRAFT is never in it").isNull();
		assertThat(first.body()).doesNotContain(draft.slug(), "籌備中的松");

		assertThat(text(inTaipei, Property.SUMMARY)).isEqualTo("零時政府第六十五次黑客松 / g0v Hackath65n");
		assertThat(text(inBerlin, Property.SUMMARY)).isEqualTo("Civic Tech Berlin");
		// The parser reads the times with the calendar's own VTIMEZONE: the wall-clock
		// times and offsets show that it is right (Berlin leaves summer time in between).
		assertThat(offset(inTaipei.getDateTimeStart().getDate()))
			.isEqualTo(ZonedDateTime.of(LocalDateTime.of(2026, 3, 7, 9, 30), TAIPEI).toOffsetDateTime());
		assertThat(offset(inTaipei.getDateTimeEnd().getDate()))
			.isEqualTo(ZonedDateTime.of(LocalDateTime.of(2026, 3, 8, 18, 0), TAIPEI).toOffsetDateTime());
		assertThat(inTaipei.getDateTimeStart().getParameter(Parameter.TZID).orElseThrow().getValue())
			.isEqualTo("Asia/Taipei");
		assertThat(inBerlin.getDateTimeStart().getParameter(Parameter.TZID).orElseThrow().getValue())
			.isEqualTo("Europe/Berlin");
		assertThat(offset(inBerlin.getDateTimeStart().getDate()))
			.isEqualTo(OffsetDateTime.of(LocalDateTime.of(2025, 10, 25, 10, 0), ZoneOffset.ofHours(2)));
		assertThat(offset(inBerlin.getDateTimeEnd().getDate()))
			.isEqualTo(OffsetDateTime.of(LocalDateTime.of(2025, 10, 26, 17, 0), ZoneOffset.ofHours(1)));
		List<String> zones = calendar.<VTimeZone>getComponents(Component.VTIMEZONE)
			.stream()
			.map((zone) -> zone.getTimeZoneId().getValue())
			.toList();
		assertThat(zones).contains("Asia/Taipei", "Europe/Berlin").doesNotHaveDuplicates();
		assertThat(text(inTaipei, Property.URL)).isEqualTo(http.base() + "/hackathons/" + taipei.slug());
		assertThat(text(inTaipei, Property.LOCATION)).isEqualTo("中研院人文社會科學館");
		assertThat(text(inTaipei, Property.DESCRIPTION)).contains("黑客進行中", "Hacking");
		assertThat(text(inTaipei, Property.DTSTAMP)).isEqualTo("20260101T000000Z");

		HttpResponse<String> again = http.get("/api/hackathons.ics");
		assertThat(again.body()).as("the same data gives the same bytes").isEqualTo(first.body());
		assertThat(again.headers().firstValue("ETag")).contains(etag);
		assertThat(
				byUid(parse(again.body()).getComponents(Component.VEVENT), "hackathon-" + taipei.id() + "@hacktrail"))
			.isNotNull();
		HttpResponse<String> unchanged = http.get("/api/hackathons.ics", "If-None-Match", etag);
		assertThat(unchanged.statusCode()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();

		HttpResponse<String> one = http.get("/api/hackathons/" + taipei.slug() + ".ics");
		assertThat(one.statusCode()).isEqualTo(200);
		Calendar single = parse(one.body());
		single.validate();
		assertThat(single.<VEvent>getComponents(Component.VEVENT)).singleElement()
			.satisfies((event) -> assertThat(event.getUid().orElseThrow().getValue())
				.isEqualTo("hackathon-" + taipei.id() + "@hacktrail"));
		assertThat(single.<VTimeZone>getComponents(Component.VTIMEZONE)).singleElement();

		for (String missing : List.of(draft.slug(), "no-such-hackathon")) {
			HttpResponse<String> refused = http.get("/api/hackathons/" + missing + ".ics");
			assertThat(refused.statusCode()).as(missing).isEqualTo(404);
			assertThat(Http.parse(refused.body()).path("code").asString()).isEqualTo("NOT_FOUND");
			assertThat(Http.parse(refused.body()).path("message").asString()).contains("'" + missing + "'");
		}
	}

	private Hackathon hackathon(LocalizedText name, HackathonPhase phase, LocalDateTime start, LocalDateTime end,
			ZoneId zone, @Nullable String location) {
		Instant changed = Instant.parse("2026-01-01T00:00:00Z");
		String slug = "cal-" + UUID.randomUUID().toString().substring(0, 8);
		List<PhaseChange> history = new ArrayList<>();
		history.add(new PhaseChange(null, HackathonPhase.DRAFT, changed, null, null));
		return this.mongo.insert(new Hackathon(UUID.randomUUID().toString(), slug, name, HackathonKind.COMMUNITY, 65,
				start.atZone(zone).toInstant(), end.atZone(zone).toInstant(), zone.getId(), location, phase, history,
				List.of(), 0, false, true, changed, null, changed, null));
	}

	private static OffsetDateTime offset(Temporal time) {
		return ((ZonedDateTime) time).toOffsetDateTime();
	}

	private static Calendar parse(String body) throws Exception {
		return new CalendarBuilder().build(new StringReader(body));
	}

	private static @Nullable VEvent byUid(List<VEvent> events, String uid) {
		return events.stream()
			.filter((event) -> event.getUid().map((u) -> u.getValue().equals(uid)).orElse(false))
			.findFirst()
			.orElse(null);
	}

	private static String text(VEvent event, String property) {
		return event.getProperty(property).orElseThrow().getValue();
	}

}
