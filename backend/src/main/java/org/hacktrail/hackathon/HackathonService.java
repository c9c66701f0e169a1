package org.hacktrail.hackathon;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.GraphQlLimits;
import org.hacktrail.platform.Keysets;
import org.hacktrail.platform.LiteralPattern;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Hackathons: who may create, change and see them, and how their phase moves.
 *
 * <ul>
 * <li>Only organizers create and change hackathons.</li>
 * <li>A DRAFT hackathon is visible to organizers only; everyone (anonymous callers too)
 * sees the others.</li>
 * <li>The phase moves forward one step at a time; organizers may step back one phase,
 * with a reason. Every change is recorded in the hackathon's phase history in the same
 * write (optimistic locking: a stale write is a CONFLICT).</li>
 * <li>An ARCHIVED hackathon can still be stepped back to FOLLOW_UP, but nothing else
 * about it changes.</li>
 * </ul>
 */
@Service
public class HackathonService {

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	static final int MAX_NAME = 200;

	static final int MAX_LOCATION = 300;

	static final int MAX_ROUNDS = 20;

	static final int MAX_REASON = 1000;

	private final HackathonRepository hackathons;

	private final MongoTemplate mongo;

	private final CurrentUser currentUser;

	private final GraphQlLimits limits;

	private final Clock clock;

	HackathonService(HackathonRepository hackathons, MongoTemplate mongo, CurrentUser currentUser, GraphQlLimits limits,
			Clock clock) {
		this.hackathons = hackathons;
		this.mongo = mongo;
		this.currentUser = currentUser;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * What an organizer gives to create a hackathon; omitted rules take the kind's
	 * defaults.
	 */
	public record CreateHackathonInput(String slug, LocalizedText name, HackathonKind kind, @Nullable Integer edition,
			OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, @Nullable String location,
			@Nullable List<RoundInput> rounds, @Nullable Integer outstandingQuota,
			@Nullable Boolean requirePartnerAgencyForFinalist, @Nullable Boolean allowMultipleTeams) {
	}

	/**
	 * A change to a hackathon: null fields stay as they are. The slug never changes (it
	 * is in addresses).
	 */
	public record UpdateHackathonInput(String id, @Nullable Integer expectedVersion, @Nullable LocalizedText name,
			@Nullable HackathonKind kind, @Nullable Integer edition, @Nullable OffsetDateTime startsAt,
			@Nullable OffsetDateTime endsAt, @Nullable String timeZone, @Nullable String location,
			@Nullable Integer outstandingQuota, @Nullable Boolean requirePartnerAgencyForFinalist,
			@Nullable Boolean allowMultipleTeams, @Nullable PlannedDeadlinesInput plannedDeadlines) {
	}

	/**
	 * Planned deadlines: given, they replace the ones planned (a field left out or null
	 * is no deadline).
	 */
	public record PlannedDeadlinesInput(@Nullable OffsetDateTime proposalDeadline,
			@Nullable OffsetDateTime teamFormation, @Nullable OffsetDateTime judging) {
	}

	/**
	 * A round: give the id of an existing round to keep it (judging refers to it), omit
	 * it for a new one.
	 */
	public record RoundInput(@Nullable String id, LocalizedText name, RoundKind kind) {
	}

	@PreAuthorize("hasRole('ORGANIZER')")
	public Hackathon create(CreateHackathonInput input) {
		String slug = (input.slug() != null) ? input.slug().strip() : "";
		if (slug.length() < 3 || slug.length() > 64 || !SLUG.matcher(slug).matches()) {
			throw DomainException.badInput("slug", Refusal.BAD_FORMAT, "value", slug, "format",
					"3 to 64 characters: lower-case letters a-z, digits and single hyphens between them "
							+ "(e.g. g0v-hackath60n).");
		}
		if (input.kind() == null) {
			throw DomainException.badInput("kind", Refusal.REQUIRED);
		}
		LocalizedText name = LocalizedText.requireSingleLine(input.name(), "name", MAX_NAME);
		String timeZone = checkTimeZone(input.timeZone());
		Instant startsAt = required(input.startsAt(), "startsAt");
		Instant endsAt = required(input.endsAt(), "endsAt");
		checkDates(startsAt, endsAt);
		checkEdition(input.edition());
		boolean presidential = input.kind() == HackathonKind.PRESIDENTIAL;
		int quota = (input.outstandingQuota() != null) ? input.outstandingQuota() : (presidential ? 5 : 0);
		checkQuota(quota);
		if (this.hackathons.findBySlug(slug).isPresent()) {
			throw DomainException.conflict("The slug '" + slug + "' is already taken by another hackathon.");
		}
		Instant now = this.clock.instant();
		String by = this.currentUser.requireId();
		Hackathon hackathon = new Hackathon(UUID.randomUUID().toString(), slug, name, input.kind(), input.edition(),
				startsAt, endsAt, timeZone, location(input.location()), HackathonPhase.DRAFT,
				List.of(new PhaseChange(null, HackathonPhase.DRAFT, now, by, null)), rounds(input.rounds(), List.of()),
				quota,
				(input.requirePartnerAgencyForFinalist() != null) ? input.requirePartnerAgencyForFinalist()
						: presidential,
				(input.allowMultipleTeams() != null) ? input.allowMultipleTeams()
						: input.kind() == HackathonKind.COMMUNITY,
				now, by, now, null);
		try {
			return this.hackathons.save(hackathon);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("The slug '" + slug + "' is already taken by another hackathon.");
		}
	}

	@PreAuthorize("hasRole('ORGANIZER')")
	public Hackathon update(UpdateHackathonInput input) {
		Hackathon current = requireForChange(input.id(), input.expectedVersion());
		LocalizedText name = (input.name() != null) ? LocalizedText.requireSingleLine(input.name(), "name", MAX_NAME)
				: current.name();
		String timeZone = (input.timeZone() != null) ? checkTimeZone(input.timeZone()) : current.timeZone();
		Instant startsAt = (input.startsAt() != null) ? input.startsAt().toInstant() : current.startsAt();
		Instant endsAt = (input.endsAt() != null) ? input.endsAt().toInstant() : current.endsAt();
		checkDates(startsAt, endsAt);
		Integer edition = (input.edition() != null) ? input.edition() : current.edition();
		checkEdition(edition);
		int quota = (input.outstandingQuota() != null) ? input.outstandingQuota() : current.outstandingQuota();
		checkQuota(quota);
		Hackathon changed = new Hackathon(current.id(), current.slug(), name,
				(input.kind() != null) ? input.kind() : current.kind(), edition, startsAt, endsAt, timeZone,
				(input.location() != null) ? location(input.location()) : current.location(), current.phase(),
				current.phaseHistory(), current.rounds(), quota,
				(input.requirePartnerAgencyForFinalist() != null) ? input.requirePartnerAgencyForFinalist()
						: current.requirePartnerAgencyForFinalist(),
				(input.allowMultipleTeams() != null) ? input.allowMultipleTeams() : current.allowMultipleTeams(),
				current.createdAt(), current.createdBy(), this.clock.instant(), current.version(),
				(input.plannedDeadlines() != null) ? deadlines(input.plannedDeadlines()) : current.plannedDeadlines());
		return this.hackathons.save(changed);
	}

	/**
	 * Planned deadlines in their order: proposals, then team formation, then judging
	 * (equal is allowed); BAD_USER_INPUT naming the first one out of order. None given is
	 * no planned deadline at all.
	 */
	static @Nullable PlannedDeadlines deadlines(PlannedDeadlinesInput input) {
		PlannedDeadlines deadlines = new PlannedDeadlines(instant(input.proposalDeadline()),
				instant(input.teamFormation()), instant(input.judging()));
		if (deadlines.isEmpty()) {
			return null;
		}
		String[] names = { "proposalDeadline", "teamFormation", "judging" };
		Instant[] at = { deadlines.proposalDeadline(), deadlines.teamFormation(), deadlines.judging() };
		int previous = -1;
		for (int i = 0; i < at.length; i++) {
			if (at[i] == null) {
				continue;
			}
			if (previous >= 0 && at[i].isBefore(at[previous])) {
				throw DomainException.badInput("plannedDeadlines." + names[i], Refusal.DATE_ORDER, "value", at[i],
						"other", names[previous], "otherValue", at[previous]);
			}
			previous = i;
		}
		return deadlines;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * Moves a hackathon to the next phase, or back to the previous one with a reason.
	 * Anything else is BAD_USER_INPUT naming {@code from} and {@code to}.
	 */
	@PreAuthorize("hasRole('ORGANIZER')")
	public Hackathon changePhase(String id, HackathonPhase to, @Nullable String reason,
			@Nullable Integer expectedVersion) {
		Hackathon current = find(id);
		checkVersion(current, expectedVersion);
		HackathonPhase from = current.phase();
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (why != null) {
			LocalizedText.checkLength(why, "reason", MAX_REASON);
			FreeText.check(why, "reason", FreeText.Kind.TEXT);
		}
		if (to == from.previous()) {
			if (why == null) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT,
						"Stepping a hackathon back from " + from + " to " + to
								+ " needs a reason; say why, it is kept in the phase history.",
						Map.of("field", "reason", "from", from.name(), "to", to.name()));
			}
		}
		else if (to != from.next()) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"A hackathon cannot go from " + from + " to " + to + ": it moves one phase at a time (next: "
							+ ((from.next() != null) ? from.next() : "none") + "; back, with a reason: "
							+ ((from.previous() != null) ? from.previous() : "none") + ").",
					Map.of("field", "to", "from", from.name(), "to", to.name()));
		}
		Instant now = this.clock.instant();
		PhaseChange change = new PhaseChange(from, to, now, this.currentUser.requireId(), why);
		return this.hackathons.save(current.withPhase(to, change, now));
	}

	/** Replaces the rounds, in order. Rounds keep their id when the input names it. */
	@PreAuthorize("hasRole('ORGANIZER')")
	public Hackathon setRounds(String id, List<RoundInput> rounds, @Nullable Integer expectedVersion) {
		Hackathon current = requireForChange(id, expectedVersion);
		return this.hackathons.save(current.withRounds(rounds(rounds, current.rounds()), this.clock.instant()));
	}

	/** The hackathon with this slug if the caller may see it. */
	public Optional<Hackathon> findVisibleBySlug(String slug) {
		return this.hackathons.findBySlug(slug).filter(this::isVisible);
	}

	/**
	 * The hackathon with this slug, or NOT_FOUND when there is none the caller may see.
	 */
	public Hackathon requireVisibleBySlug(String slug) {
		return findVisibleBySlug(slug)
			.orElseThrow(() -> DomainException.notFound("There is no hackathon with the slug '" + slug + "'."));
	}

	/**
	 * The hackathon with this slug, whoever asks; callers apply visibility themselves.
	 */
	public Optional<Hackathon> findBySlug(String slug) {
		return this.hackathons.findBySlug(slug);
	}

	/** The hackathon with this id, whoever asks; callers apply visibility themselves. */
	public Hackathon find(String id) {
		return this.hackathons.findById(id)
			.orElseThrow(() -> DomainException.notFound("There is no hackathon with the id '" + id + "'."));
	}

	/**
	 * The hackathon one of whose rounds has this id, whoever asks (judging reaches a
	 * round by its id alone before it keeps a document of its own for it).
	 */
	public Optional<Hackathon> findByRoundId(String roundId) {
		return Optional
			.ofNullable(this.mongo.findOne(new Query(Criteria.where("rounds.id").is(roundId)), Hackathon.class));
	}

	/** Loads many hackathons in one round trip (for batch loading), whoever asks. */
	public List<Hackathon> findAllById(Collection<String> ids) {
		List<Hackathon> found = new ArrayList<>();
		this.hackathons.findAllById(new HashSet<>(ids)).forEach(found::add);
		return found;
	}

	public boolean isVisible(Hackathon hackathon) {
		return hackathon.isPublic() || this.currentUser.hasRole(Role.ORGANIZER);
	}

	/**
	 * Hackathons the caller may see, latest start first, optionally of one kind or phase.
	 */
	public Window<Hackathon> list(@Nullable HackathonKind kind, @Nullable HackathonPhase phase,
			ScrollSubrange subrange) {
		return list(new ListFilter(kind, phase, null, null), subrange);
	}

	/**
	 * What the public list may be narrowed to: a kind, a phase, the year an edition
	 * starts in (in Taiwan's time zone, where the editions are held), and text found in
	 * its name (either language), slug or location, ignoring case.
	 */
	public record ListFilter(@Nullable HackathonKind kind, @Nullable HackathonPhase phase, @Nullable Integer year,
			@Nullable String search) {
	}

	/** Years an edition may start in, as the list's filter accepts them. */
	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2100;

	public Window<Hackathon> list(ListFilter filter, ScrollSubrange subrange) {
		HackathonKind kind = filter.kind();
		HackathonPhase phase = filter.phase();
		int pageSize = this.limits.pageSize(Keysets.requested(subrange));
		Criteria criteria = new Criteria();
		if (phase != null) {
			criteria = criteria.and("phase").is(phase);
			if (phase == HackathonPhase.DRAFT && !this.currentUser.hasRole(Role.ORGANIZER)) {
				return Window.from(List.<Hackathon>of(), (index) -> ScrollPosition.offset());
			}
		}
		else if (!this.currentUser.hasRole(Role.ORGANIZER)) {
			criteria = criteria.and("phase").ne(HackathonPhase.DRAFT);
		}
		if (kind != null) {
			criteria = criteria.and("kind").is(kind);
		}
		if (filter.year() != null) {
			int year = filter.year();
			if (year < FIRST_YEAR || year > LAST_YEAR) {
				throw DomainException.badInput("year", Refusal.OUT_OF_RANGE, "min", String.valueOf(FIRST_YEAR), "max",
						String.valueOf(LAST_YEAR), "value", String.valueOf(year));
			}
			ZoneId taiwan = ZoneId.of("Asia/Taipei");
			criteria = criteria.and("startsAt")
				.gte(java.util.Date.from(java.time.LocalDate.of(year, 1, 1).atStartOfDay(taiwan).toInstant()))
				.lt(java.util.Date.from(java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(taiwan).toInstant()));
		}
		String search = (filter.search() != null) ? filter.search().strip() : "";
		if (!search.isEmpty()) {
			if (search.length() > 100) {
				throw DomainException.badInput("search", Refusal.SEARCH_TOO_LONG, "max", 100);
			}
			FreeText.check(search, "search", FreeText.Kind.LINE);
			String pattern = LiteralPattern.of(search);
			criteria = criteria.orOperator(Criteria.where("name.zhTW").regex(pattern, "i"),
					Criteria.where("name.en").regex(pattern, "i"), Criteria.where("slug").regex(pattern, "i"),
					Criteria.where("location").regex(pattern, "i"));
		}
		Query query = new Query(criteria);
		Optional<Keysets.Key> after = Keysets.after(subrange);
		if (after.isPresent()) {
			query.addCriteria(Keysets.after("startsAt", java.util.Date.from(startsAtOf(after.get())), after.get().id(),
					Sort.Direction.DESC));
		}
		query.with(Sort.by(Sort.Direction.DESC, "startsAt", "_id")).limit(pageSize + 1);
		List<Hackathon> fetched = this.mongo.find(query, Hackathon.class);
		return Keysets.window(fetched, pageSize,
				(h) -> new Keysets.Key(Long.toString(h.startsAt().toEpochMilli()), h.id()));
	}

	private static Instant startsAtOf(Keysets.Key key) {
		try {
			return Instant.ofEpochMilli(Long.parseLong(key.sortKey()));
		}
		catch (NumberFormatException ex) {
			throw Keysets.invalidCursor();
		}
	}

	private Hackathon requireForChange(String id, @Nullable Integer expectedVersion) {
		Hackathon current = find(id);
		checkVersion(current, expectedVersion);
		if (current.isArchived()) {
			throw DomainException.badInput("id", Refusal.HACKATHON_ARCHIVED, "slug", current.slug());
		}
		return current;
	}

	private static void checkVersion(Hackathon current, @Nullable Integer expectedVersion) {
		if (expectedVersion != null && current.version() != null && current.version() != expectedVersion.longValue()) {
			throw new OptimisticLockingFailureException(
					"Hackathon " + current.id() + " is at version " + current.version() + ", not " + expectedVersion);
		}
	}

	private static List<Round> rounds(@Nullable List<RoundInput> inputs, List<Round> existing) {
		if (inputs == null) {
			return List.of();
		}
		if (inputs.size() > MAX_ROUNDS) {
			throw DomainException.badInput("rounds", Refusal.TOO_MANY, "max", MAX_ROUNDS, "count", inputs.size());
		}
		Set<String> known = new HashSet<>();
		existing.forEach((round) -> known.add(round.id()));
		Set<String> seen = new HashSet<>();
		List<Round> rounds = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			RoundInput input = inputs.get(i);
			String field = "rounds[" + i + "]";
			if (input.kind() == null) {
				throw DomainException.badInput(field + ".kind", Refusal.REQUIRED);
			}
			String id = input.id();
			if (id != null && !known.contains(id)) {
				throw DomainException.badInput(field + ".id", Refusal.NO_SUCH_ID, "value", id);
			}
			if (id == null) {
				id = UUID.randomUUID().toString();
			}
			if (!seen.add(id)) {
				throw DomainException.badInput(field + ".id", Refusal.DUPLICATE, "value", id);
			}
			rounds.add(new Round(id, LocalizedText.requireSingleLine(input.name(), field + ".name", MAX_NAME),
					input.kind()));
		}
		return rounds;
	}

	private static String checkTimeZone(@Nullable String timeZone) {
		String zone = (timeZone != null) ? timeZone.strip() : "";
		// IANA region ids only (Asia/Taipei): a fixed offset such as +08:00 would ignore
		// daylight saving rules.
		if (!ZoneId.getAvailableZoneIds().contains(zone)) {
			throw DomainException.badInput("timeZone", Refusal.UNKNOWN_TIME_ZONE, "value", zone);
		}
		return zone;
	}

	private static Instant required(@Nullable OffsetDateTime value, String field) {
		if (value == null) {
			throw DomainException.badInput(field, Refusal.REQUIRED);
		}
		return value.toInstant();
	}

	private static void checkDates(Instant startsAt, Instant endsAt) {
		if (!endsAt.isAfter(startsAt)) {
			throw DomainException.badInput("endsAt", Refusal.END_BEFORE_START, "other", "startsAt");
		}
	}

	private static void checkEdition(@Nullable Integer edition) {
		if (edition != null && (edition < 1 || edition > 100_000)) {
			throw DomainException.badInput("edition", Refusal.OUT_OF_RANGE, "min", 1, "max", 100_000, "value", edition);
		}
	}

	private static void checkQuota(int quota) {
		if (quota < 0 || quota > 1000) {
			throw DomainException.badInput("outstandingQuota", Refusal.OUT_OF_RANGE, "min", 0, "max", 1000, "value",
					quota);
		}
	}

	private static @Nullable String location(@Nullable String location) {
		if (location == null || location.isBlank()) {
			return null;
		}
		String stripped = location.strip();
		LocalizedText.checkLength(stripped, "location", MAX_LOCATION);
		FreeText.check(stripped, "location", FreeText.Kind.LINE);
		return stripped;
	}

}
