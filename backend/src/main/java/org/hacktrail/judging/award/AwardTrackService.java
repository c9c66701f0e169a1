package org.hacktrail.judging.award;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.proposal.ProposalTags;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A hackathon's award tracks: reading them (the default outstanding track included) and
 * the organizers' creating and editing them.
 *
 * <p>
 * Rules: names in both languages (at most 120 characters each), quota 1 to 100, a slug of
 * lower-case letters, digits and hyphens unique in the hackathon, at most
 * {@value #MAX_TRACKS} tracks; a BY_TAG track names known tags, a BY_CHOICE track
 * proposals of the hackathon. The outstanding track's eligibility (ALL) and quota (the
 * hackathon's outstanding quota, or the FINAL round's cut) are not edited here; its names
 * and sponsor are. Edits are version-checked ({@code expectedVersion}, CONFLICT when the
 * track changed meanwhile); an archived hackathon's tracks no longer change.
 */
@Service
public class AwardTrackService {

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	static final int MAX_TRACKS = 30;

	static final int MAX_QUOTA = 100;

	static final int MAX_NAME = 120;

	static final int MAX_CHOSEN = 500;

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final ProposalLookup proposals;

	private final ProposalTags tags;

	private final JudgingAccess access;

	private final Clock clock;

	AwardTrackService(MongoTemplate mongo, HackathonService hackathons, ProposalLookup proposals, ProposalTags tags,
			JudgingAccess access, Clock clock) {
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.proposals = proposals;
		this.tags = tags;
		this.access = access;
		this.clock = clock;
	}

	public record CreateAwardTrackInput(String hackathonId, @Nullable String slug, @Nullable LocalizedText name,
			@Nullable Integer quota, AwardTrack.@Nullable Eligibility eligibility, @Nullable List<String> tags,
			@Nullable List<String> proposalIds, @Nullable String sponsor,
			AwardTrack.@Nullable SponsorKind sponsorKind) {
	}

	public record UpdateAwardTrackInput(String trackId, @Nullable Integer expectedVersion, @Nullable LocalizedText name,
			@Nullable Integer quota, AwardTrack.@Nullable Eligibility eligibility, @Nullable List<String> tags,
			@Nullable List<String> proposalIds, @Nullable String sponsor, AwardTrack.@Nullable SponsorKind sponsorKind,
			@Nullable Boolean clearSponsor) {
	}

	// ---- reading

	/**
	 * The tracks of a hackathon: the outstanding track first, then the others in the
	 * order they were created.
	 */
	public List<AwardTrack> tracks(Hackathon hackathon) {
		List<AwardTrack> stored = new ArrayList<>(
				this.mongo.find(new Query(Criteria.where("hackathonId").is(hackathon.id())), AwardTrack.class));
		stored.sort(Comparator.comparing(AwardTrack::createdAt).thenComparing(AwardTrack::slug));
		List<AwardTrack> all = new ArrayList<>();
		all.add(stored.stream()
			.filter(AwardTrack::isOutstanding)
			.findFirst()
			.map((t) -> withOutstandingQuota(t, hackathon))
			.orElseGet(() -> AwardTrack.outstanding(hackathon)));
		stored.stream().filter((t) -> !t.isOutstanding()).forEach(all::add);
		return all;
	}

	/** The track, if the caller can see its hackathon; NOT_FOUND otherwise. */
	public AwardTrack require(String trackId) {
		int dot = trackId.lastIndexOf('.');
		Hackathon hackathon = null;
		if (dot > 0) {
			try {
				hackathon = this.hackathons.find(trackId.substring(0, dot));
			}
			catch (DomainException ex) {
				hackathon = null;
			}
		}
		if (hackathon == null || !this.hackathons.isVisible(hackathon)) {
			throw DomainException.notFound("There is no award track with the id '" + trackId + "'.");
		}
		final Hackathon of = hackathon;
		return tracks(hackathon).stream()
			.filter((t) -> t.id().equals(trackId))
			.findFirst()
			.orElseThrow(() -> DomainException
				.notFound("There is no award track with the id '" + trackId + "' in " + of.slug() + "."));
	}

	private static AwardTrack withOutstandingQuota(AwardTrack track, Hackathon hackathon) {
		return new AwardTrack(track.id(), track.hackathonId(), track.slug(), track.name(),
				Math.max(1, hackathon.outstandingQuota()), AwardTrack.Eligibility.ALL, List.of(), List.of(),
				track.sponsor(), track.sponsorKind(), track.judges(), track.createdAt(), track.updatedAt(),
				track.version());
	}

	// ---- writing

	public AwardTrack create(CreateAwardTrackInput input) {
		this.access.requireOrganizer();
		Hackathon hackathon = this.hackathons.find(input.hackathonId());
		requireWritable(hackathon);
		String slug = (input.slug() != null) ? input.slug().strip() : "";
		if (!SLUG.matcher(slug).matches() || slug.length() > 40) {
			throw DomainException.badInput("slug", Refusal.BAD_FORMAT, "value", slug, "format",
					"lower-case letters, digits and hyphens, at most 40 (e.g. open-data).");
		}
		if (AwardTrack.OUTSTANDING.equals(slug)) {
			throw DomainException.badInput("slug", Refusal.TRACK_SLUG_RESERVED, "value", slug);
		}
		List<AwardTrack> existing = tracks(hackathon);
		if (existing.stream().anyMatch((t) -> t.slug().equals(slug))) {
			throw DomainException.badInput("slug", Refusal.TRACK_EXISTS, "value", slug);
		}
		if (existing.size() >= MAX_TRACKS) {
			throw DomainException.badInput("tracks", Refusal.TOO_MANY, "max", MAX_TRACKS, "count", existing.size() + 1);
		}
		if (input.quota() == null) {
			throw DomainException.badInput("quota", Refusal.REQUIRED);
		}
		AwardTrack.Eligibility eligibility = (input.eligibility() != null) ? input.eligibility()
				: AwardTrack.Eligibility.ALL;
		Checked checked = check(hackathon, input.name(), input.quota(), eligibility, input.tags(), input.proposalIds(),
				input.sponsor(), input.sponsorKind());
		Instant now = this.clock.instant();
		AwardTrack track = new AwardTrack(AwardTrack.idOf(hackathon.id(), slug), hackathon.id(), slug, checked.name(),
				checked.quota(), eligibility, checked.tags(), checked.proposalIds(), checked.sponsor(),
				checked.sponsorKind(), AwardTrack.Judges.SHARED, now, now, null);
		try {
			return this.mongo.insert(track);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("Someone else created the track '" + slug + "' at the same moment.");
		}
	}

	public AwardTrack update(UpdateAwardTrackInput input) {
		this.access.requireOrganizer();
		AwardTrack current = require(input.trackId());
		Hackathon hackathon = this.hackathons.find(current.hackathonId());
		requireWritable(hackathon);
		if (input.expectedVersion() == null) {
			throw DomainException.badInput("expectedVersion", Refusal.VERSION_REQUIRED);
		}
		if (current.apiVersion() != input.expectedVersion().longValue()) {
			throw new OptimisticLockingFailureException("Award track " + current.id() + " changed");
		}
		if (current.isOutstanding()) {
			if (input.quota() != null && input.quota() != current.quota()) {
				throw DomainException.badInput("quota", Refusal.OUTSTANDING_QUOTA_ON_HACKATHON, "quota",
						current.quota());
			}
			if (input.eligibility() != null && input.eligibility() != AwardTrack.Eligibility.ALL) {
				throw DomainException.badInput("eligibility", Refusal.OUTSTANDING_ELIGIBILITY);
			}
		}
		AwardTrack.Eligibility eligibility = (input.eligibility() != null) ? input.eligibility()
				: current.eligibility();
		boolean sameEligibility = eligibility == current.eligibility();
		String sponsor = Boolean.TRUE.equals(input.clearSponsor()) ? null
				: (input.sponsor() != null) ? input.sponsor() : current.sponsor();
		AwardTrack.SponsorKind sponsorKind = Boolean.TRUE.equals(input.clearSponsor()) ? null
				: (input.sponsorKind() != null) ? input.sponsorKind() : current.sponsorKind();
		Checked checked = check(hackathon, (input.name() != null) ? input.name() : current.name(),
				(input.quota() != null) ? input.quota() : current.quota(), eligibility,
				(input.tags() != null) ? input.tags() : (sameEligibility ? current.tags() : null),
				(input.proposalIds() != null) ? input.proposalIds() : (sameEligibility ? current.proposalIds() : null),
				sponsor, sponsorKind);
		AwardTrack changed = current.with(checked.name(), checked.quota(), eligibility, checked.tags(),
				checked.proposalIds(), checked.sponsor(), checked.sponsorKind(), this.clock.instant());
		if (current.version() == null) {
			// The default track, stored for the first time.
			try {
				return this.mongo.insert(changed);
			}
			catch (DuplicateKeyException ex) {
				throw new OptimisticLockingFailureException("Award track " + current.id() + " changed");
			}
		}
		AwardTrack saved = this.mongo.save(changed);
		if (changed.quota() != current.quota() || changed.eligibility() != current.eligibility()
				|| !changed.tags().equals(current.tags()) || !changed.proposalIds().equals(current.proposalIds())) {
			discardSelections(saved);
		}
		return saved;
	}

	public record DeleteAwardTrackInput(String trackId, @Nullable Integer expectedVersion) {
	}

	/**
	 * Deletes a track no published round used (organizers, version-checked): it leaves
	 * the unpublished rounds that fed it, with its selections there. The outstanding
	 * track and a track whose awards a published round froze stay (published results keep
	 * their meaning): BAD_USER_INPUT, nothing changed.
	 */
	public void delete(DeleteAwardTrackInput input) {
		this.access.requireOrganizer();
		AwardTrack current = require(input.trackId());
		Hackathon hackathon = this.hackathons.find(current.hackathonId());
		requireWritable(hackathon);
		if (current.isOutstanding()) {
			throw DomainException.badInput("trackId", Refusal.OUTSTANDING_NOT_DELETABLE);
		}
		if (input.expectedVersion() == null) {
			throw DomainException.badInput("expectedVersion", Refusal.VERSION_REQUIRED);
		}
		if (current.apiVersion() != input.expectedVersion().longValue()) {
			throw new OptimisticLockingFailureException("Award track " + current.id() + " changed");
		}
		RoundAwards published = this.mongo.findOne(
				new Query(Criteria.where("published.trackId").is(current.id()).and("hackathonId").is(hackathon.id())),
				RoundAwards.class);
		if (published != null) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The track '" + current.slug() + "' was awarded in a published round (" + published.id()
							+ "); published results keep their awards, so it cannot be deleted. Rename it or "
							+ "leave it unused instead.",
					Map.of("field", "trackId", "rule", "PUBLISHED_AWARDS", "roundId", published.id()));
		}
		long removed = this.mongo
			.remove(new Query(Criteria.where("_id").is(current.id()).and("version").is(current.version())),
					AwardTrack.class)
			.getDeletedCount();
		if (removed == 0) {
			throw new OptimisticLockingFailureException("Award track " + current.id() + " changed");
		}
		this.mongo.updateMulti(new Query(Criteria.where("trackIds").is(current.id()).and("published").is(null)),
				new Update().pull("trackIds", current.id())
					.pull("selections", new org.bson.Document("trackId", current.id()))
					.inc("version", 1),
				RoundAwards.class);
	}

	/**
	 * A track whose quota or eligibility changed is selected again: its selections in
	 * rounds not yet published were made under the old rules.
	 */
	private void discardSelections(AwardTrack track) {
		Query unpublished = new Query(Criteria.where("trackIds")
			.is(track.id())
			.and("published")
			.is(null)
			.and("selections.trackId")
			.is(track.id()));
		this.mongo.updateMulti(unpublished,
				new Update().pull("selections", new org.bson.Document("trackId", track.id())).inc("version", 1),
				RoundAwards.class);
	}

	private record Checked(LocalizedText name, int quota, List<String> tags, List<String> proposalIds,
			@Nullable String sponsor, AwardTrack.@Nullable SponsorKind sponsorKind) {
	}

	private Checked check(Hackathon hackathon, @Nullable LocalizedText name, int quota,
			AwardTrack.Eligibility eligibility, @Nullable List<String> tags, @Nullable List<String> proposalIds,
			@Nullable String sponsor, AwardTrack.@Nullable SponsorKind sponsorKind) {
		LocalizedText checkedName = LocalizedText.requireSingleLine(name, "name", MAX_NAME);
		if (checkedName.zhTW() == null) {
			throw DomainException.badInput("name.zhTW", Refusal.BOTH_LANGUAGES_REQUIRED);
		}
		if (checkedName.en() == null) {
			throw DomainException.badInput("name.en", Refusal.BOTH_LANGUAGES_REQUIRED);
		}
		if (quota < 1 || quota > MAX_QUOTA) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"A track awards 1 to " + MAX_QUOTA + " proposals; " + quota + " is outside that.",
					Map.of("field", "quota", "min", 1, "max", MAX_QUOTA));
		}
		List<String> checkedTags = List.of();
		List<String> chosen = List.of();
		if (eligibility == AwardTrack.Eligibility.BY_TAG) {
			checkedTags = distinct(tags);
			if (checkedTags.isEmpty()) {
				throw DomainException.badInput("tags", Refusal.TRACK_NEEDS_TAG);
			}
			for (String tag : checkedTags) {
				if (!this.tags.exists(tag)) {
					throw new DomainException(ErrorCode.BAD_USER_INPUT, "'" + tag + "' is not a known tag; the "
							+ "tags are: " + String.join(", ", this.tags.ids()) + ".",
							Map.of("field", "tags", "tag", tag));
				}
			}
		}
		else if (tags != null && !tags.isEmpty()) {
			throw DomainException.badInput("tags", Refusal.NOT_FOR_ELIGIBILITY, "needed", AwardTrack.Eligibility.BY_TAG,
					"eligibility", eligibility);
		}
		if (eligibility == AwardTrack.Eligibility.BY_CHOICE) {
			chosen = distinct(proposalIds);
			if (chosen.isEmpty()) {
				throw DomainException.badInput("proposalIds", Refusal.TRACK_NEEDS_PROPOSAL);
			}
			if (chosen.size() > MAX_CHOSEN) {
				throw DomainException.badInput("proposalIds", Refusal.TOO_MANY, "max", MAX_CHOSEN, "count",
						chosen.size());
			}
			Map<String, Proposal> found = this.proposals.byIds(chosen);
			for (String id : chosen) {
				Proposal proposal = found.get(id);
				if (proposal == null || !proposal.hackathonId().equals(hackathon.id())
						|| proposal.status() == ProposalStatus.DRAFT) {
					throw new DomainException(ErrorCode.BAD_USER_INPUT,
							"'" + id + "' is not a proposal of " + hackathon.slug() + ".",
							Map.of("field", "proposalIds", "proposalId", id));
				}
			}
		}
		else if (proposalIds != null && !proposalIds.isEmpty()) {
			throw DomainException.badInput("proposalIds", Refusal.NOT_FOR_ELIGIBILITY, "needed",
					AwardTrack.Eligibility.BY_CHOICE, "eligibility", eligibility);
		}
		String checkedSponsor = (sponsor != null && !sponsor.isBlank()) ? sponsor.strip() : null;
		if (checkedSponsor != null && checkedSponsor.length() > MAX_NAME) {
			throw DomainException.badInput("sponsor", Refusal.TOO_LONG, "max", MAX_NAME);
		}
		FreeText.check(checkedSponsor, "sponsor", FreeText.Kind.LINE);
		if (checkedSponsor == null && sponsorKind != null) {
			throw DomainException.badInput("sponsor", Refusal.SPONSOR_REQUIRED, "kind",
					sponsorKind.name().toLowerCase(java.util.Locale.ROOT));
		}
		AwardTrack.SponsorKind kind = (checkedSponsor != null && sponsorKind == null) ? AwardTrack.SponsorKind.SPONSOR
				: sponsorKind;
		return new Checked(checkedName, quota, checkedTags, chosen, checkedSponsor, kind);
	}

	private static List<String> distinct(@Nullable List<String> values) {
		Set<String> unique = new LinkedHashSet<>();
		if (values != null) {
			for (String value : values) {
				if (value != null && !value.isBlank()) {
					unique.add(value.strip());
				}
			}
		}
		return List.copyOf(unique);
	}

	static void requireWritable(Hackathon hackathon) {
		if (hackathon.isArchived()) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The hackathon " + hackathon.slug() + " is ARCHIVED; its award tracks no longer change.",
					Map.of("phase", hackathon.phase().name()));
		}
	}

}
