package org.hacktrail.hackathon;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A hackathon: one edition of an event, with its phase, rounds and the rules its
 * proposals and teams follow. The phase history lives inside the document, so that a
 * phase change and its record are one atomic write.
 *
 * @param slug unique, URL-safe name used in addresses ({@code g0v-hackath60n})
 * @param edition the edition number within a series, if it has one
 * @param timeZone IANA time zone of the event ({@code Asia/Taipei}); dates are shown in
 * it
 * @param outstandingQuota how many outstanding teams the event awards (default 5 for
 * PRESIDENTIAL, 0 otherwise)
 * @param requirePartnerAgencyForFinalist a proposal needs a government partner agency
 * before it becomes FINALIST (default true for PRESIDENTIAL)
 * @param allowMultipleTeams a person may be a member of several teams (default true for
 * COMMUNITY only)
 * @param plannedDeadlines the deadlines planned for its phases (announced, not enforced);
 * null when none
 */
@Document("hackathons")
// Versioned saves filter on {_id, version}; the embedded store uses an index only when it
// names exactly the query's
// fields, so without this one every save of a versioned document scans the collection.
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "starts_at", def = "{'startsAt': -1, '_id': -1}")
public record Hackathon(@Id String id, @Indexed(unique = true) String slug, LocalizedText name, HackathonKind kind,
		@Nullable Integer edition, Instant startsAt, Instant endsAt, String timeZone, @Nullable String location,
		HackathonPhase phase, List<PhaseChange> phaseHistory, List<Round> rounds, int outstandingQuota,
		boolean requirePartnerAgencyForFinalist, boolean allowMultipleTeams, Instant createdAt,
		@Nullable String createdBy, Instant updatedAt, @Version @Nullable Long version,
		@Nullable PlannedDeadlines plannedDeadlines) {

	@PersistenceCreator
	public Hackathon {
		phaseHistory = List.copyOf(phaseHistory);
		rounds = List.copyOf(rounds);
	}

	/** A hackathon without planned deadlines. */
	public Hackathon(String id, String slug, LocalizedText name, HackathonKind kind, @Nullable Integer edition,
			Instant startsAt, Instant endsAt, String timeZone, @Nullable String location, HackathonPhase phase,
			List<PhaseChange> phaseHistory, List<Round> rounds, int outstandingQuota,
			boolean requirePartnerAgencyForFinalist, boolean allowMultipleTeams, Instant createdAt,
			@Nullable String createdBy, Instant updatedAt, @Nullable Long version) {
		this(id, slug, name, kind, edition, startsAt, endsAt, timeZone, location, phase, phaseHistory, rounds,
				outstandingQuota, requirePartnerAgencyForFinalist, allowMultipleTeams, createdAt, createdBy, updatedAt,
				version, null);
	}

	public ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

	/** Visible to everyone once it has left DRAFT; before that to organizers only. */
	public boolean isPublic() {
		return this.phase != HackathonPhase.DRAFT;
	}

	/** Nothing about an archived hackathon changes any more. */
	public boolean isArchived() {
		return this.phase == HackathonPhase.ARCHIVED;
	}

	Hackathon withPhase(HackathonPhase to, PhaseChange change, Instant now) {
		List<PhaseChange> history = new ArrayList<>(this.phaseHistory);
		history.add(change);
		return new Hackathon(this.id, this.slug, this.name, this.kind, this.edition, this.startsAt, this.endsAt,
				this.timeZone, this.location, to, history, this.rounds, this.outstandingQuota,
				this.requirePartnerAgencyForFinalist, this.allowMultipleTeams, this.createdAt, this.createdBy, now,
				this.version, this.plannedDeadlines);
	}

	Hackathon withRounds(List<Round> rounds, Instant now) {
		return new Hackathon(this.id, this.slug, this.name, this.kind, this.edition, this.startsAt, this.endsAt,
				this.timeZone, this.location, this.phase, this.phaseHistory, rounds, this.outstandingQuota,
				this.requirePartnerAgencyForFinalist, this.allowMultipleTeams, this.createdAt, this.createdBy, now,
				this.version, this.plannedDeadlines);
	}

}
