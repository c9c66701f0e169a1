package org.hacktrail.hackathon;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.PublicDocument;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public calendar (anonymous GETs, see the security configuration):
 * {@code GET /api/hackathons.ics} with every public edition, and {@code GET
 * /api/hackathons/{slug}.ics} with one. A DRAFT hackathon is in neither, not even for
 * organizers: a calendar is shared and subscribed to. See {@link HackathonCalendar}.
 */
@RestController
class HackathonCalendarController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final HackathonCalendar calendar;

	private final HackathonRepository hackathons;

	HackathonCalendarController(HackathonCalendar calendar, HackathonRepository hackathons) {
		this.calendar = calendar;
		this.hackathons = hackathons;
	}

	@GetMapping("/api/hackathons.ics")
	ResponseEntity<byte[]> all() {
		return PublicDocument.ok(this.calendar.write(this.calendar.publicEditions(), PublicDocument.base(),
				new LocalizedText("Hacktrail 黑客松", "Hacktrail hackathons")), CALENDAR);
	}

	@GetMapping("/api/hackathons/{slug}.ics")
	ResponseEntity<byte[]> one(@PathVariable String slug) {
		Hackathon hackathon = this.hackathons.findBySlug(slug)
			.filter(Hackathon::isPublic)
			.orElseThrow(() -> DomainException.notFound("There is no public hackathon with the slug '" + slug + "'."));
		return PublicDocument.ok(this.calendar.write(List.of(hackathon), PublicDocument.base(), hackathon.name()),
				CALENDAR);
	}

}
