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
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.DedicatedRoundChanges;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
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

	private final JudgePanelService panel;

	private final RoundService rounds;

	private final DedicatedRoundChanges roundChanges;

	AwardTrackService(MongoTemplate mongo, HackathonService hackathons, ProposalLookup proposals, ProposalTags tags,
			JudgingAccess access, Clock clock, JudgePanelService panel, RoundService rounds,
			DedicatedRoundChanges roundChanges) {
		this.mongo = mongo;
		this.roundChanges = roundChanges;
		this.panel = panel;
		this.rounds = rounds;
		this.hackathons = hackathons;
		this.proposals = proposals;
		this.tags = tags;
		this.access = access;
		this.clock = clock;
	}

	public record CreateAwardTrackInput(String hackathonId, @Nullable String slug, @Nullable LocalizedText name,
			@Nullable Integer quota, AwardTrack.@Nullable Eligibility eligibility, @Nullable List<String> tags,
			@Nullable List<String> proposalIds, @Nullable String sponsor, AwardTrack.@Nullable SponsorKind sponsorKind,
			AwardTrack.@Nullable Judges judges, @Nullable List<String> judgeIds) {
	}

	public record UpdateAwardTrackInput(String trackId, @Nullable Integer expectedVersion, @Nullable LocalizedText name,
			@Nullable Integer quota, AwardTrack.@Nullable Eligibility eligibility, @Nullable List<String> tags,
			@Nullable List<String> proposalIds, @Nullable String sponsor, AwardTrack.@Nullable SponsorKind sponsorKind,
			@Nullable Boolean clearSponsor, AwardTrack.@Nullable Judges judges, @Nullable List<String> judgeIds) {
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
				track.sponsor(), track.sponsorKind(), AwardTrack.Judges.SHARED, List.of(), track.createdAt(),
				track.updatedAt(), track.version());
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
		AwardTrack.Judges judges = (input.judges() != null) ? input.judges() : AwardTrack.Judges.SHARED;
		List<String> judgeIds = checkJudges(hackathon, judges, input.judgeIds());
		Instant now = this.clock.instant();
		AwardTrack track = new AwardTrack(AwardTrack.idOf(hackathon.id(), slug), hackathon.id(), slug, checked.name(),
				checked.quota(), eligibility, checked.tags(), checked.proposalIds(), checked.sponsor(),
				checked.sponsorKind(), judges, judgeIds, now, now, null);
		try {
			return this.mongo.insert(track);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("Someone else created the track '" + slug + "' at the same moment.");
		}
	}

	public AwardTrack update(UpdateAwardTrackInput input) {
		String me = this.access.requireOrganizer();
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
			if (input.judges() == AwardTrack.Judges.OWN) {
				throw DomainException.badInput("judges", Refusal.OUTSTANDING_JUDGES_SHARED);
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
		AwardTrack.Judges judges = (input.judges() != null) ? input.judges() : current.judges();
		List<String> judgeIds = checkJudges(hackathon, judges, (input.judgeIds() != null) ? input.judgeIds()
				: (judges == current.judges()) ? current.judgeIds() : null);
		boolean sameRules = eligibility == current.eligibility() && checked.tags().equals(current.tags())
				&& checked.proposalIds().equals(current.proposalIds());
		boolean sameJudges = judges == current.judges() && judgeIds.equals(current.judgeIds());
		RoundAwards dedicated = (sameRules && sameJudges) ? null : requireJudgesEditable(current, judges);
		AwardTrack changed = current.with(checked.name(), checked.quota(), eligibility, checked.tags(),
				checked.proposalIds(), checked.sponsor(), checked.sponsorKind(), judges, judgeIds,
				this.clock.instant());
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
		if (changed.quota() != current.quota() && changed.judges() == AwardTrack.Judges.OWN) {
			RoundAwards roundOf = (dedicated != null) ? dedicated
					: this.mongo.findOne(new Query(
							Criteria.where("dedicatedTrackId").is(current.id()).and("hackathonId").is(hackathon.id())),
							RoundAwards.class);
			if (roundOf != null) {
				this.roundChanges.followTrackQuota(roundOf.id(), changed.quota(), me);
			}
		}
		if (dedicated != null) {
			this.roundChanges.discardPlan(dedicated.id(), me, "The judges or eligible proposals of the award track '"
					+ current.slug() + "' changed; run the assignment again");
		}
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
		RoundAwards dedicated = this.mongo.findOne(
				new Query(Criteria.where("dedicatedTrackId").is(current.id()).and("hackathonId").is(hackathon.id())),
				RoundAwards.class);
		if (dedicated != null) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round " + dedicated.id() + " is dedicated to the track '" + current.slug()
							+ "'; end the dedication (dedicateRoundToTrack without a track) before deleting it.",
					Map.of("field", "trackId", "rule", "DEDICATED_ROUND", "roundId", dedicated.id()));
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

	static final int MAX_JUDGES = 50;

	/**
	 * An OWN track's judges: at least one, at most {@value #MAX_JUDGES}, each an ACTIVE
	 * judge of the hackathon's panel (by judge id); a SHARED track names none.
	 */
	private List<String> checkJudges(Hackathon hackathon, AwardTrack.Judges judges, @Nullable List<String> judgeIds) {
		List<String> ids = distinct(judgeIds);
		if (judges == AwardTrack.Judges.SHARED) {
			if (!ids.isEmpty()) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT,
						"A SHARED track is judged by the feeding "
								+ "round's panel; name judges (judgeIds) only for a track with judges: OWN.",
						Map.of("field", "judgeIds", "rule", "SHARED_JUDGES"));
			}
			return List.of();
		}
		if (ids.isEmpty() || ids.size() > MAX_JUDGES) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"A track with judges of its own names 1 to " + MAX_JUDGES
							+ " judges of the hackathon's panel (judgeIds).",
					Map.of("field", "judgeIds", "rule", "OWN_JUDGES", "min", 1, "max", MAX_JUDGES));
		}
		Map<String, Judge> panel = new java.util.HashMap<>();
		this.panel.judgesOf(hackathon.id()).forEach((j) -> panel.put(j.id(), j));
		for (String id : ids) {
			Judge judge = panel.get(id);
			if (judge == null || !judge.isActive()) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT,
						"'" + id + "' is not an ACTIVE judge of " + hackathon.slug() + "'s panel.",
						Map.of("field", "judgeIds", "judgeId", id));
			}
		}
		return ids;
	}

	/**
	 * The round dedicated to the track, when its judges or eligible proposals may change:
	 * while that round is DRAFT (its assignment plan is then discarded). Refused once the
	 * round is OPEN or later (judges are working on those proposals), and when a SHARED
	 * track fed by a round, or an OWN track with a dedicated round, would change kind.
	 */
	private @Nullable RoundAwards requireJudgesEditable(AwardTrack current, AwardTrack.Judges judges) {
		RoundAwards dedicated = this.mongo.findOne(new Query(
				Criteria.where("dedicatedTrackId").is(current.id()).and("hackathonId").is(current.hackathonId())),
				RoundAwards.class);
		if (dedicated != null) {
			if (judges != AwardTrack.Judges.OWN) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT, "The round " + dedicated.id()
						+ " is dedicated to this track and its judges; end the dedication (dedicateRoundToTrack "
						+ "without a track) before the track's judges become SHARED.",
						Map.of("field", "judges", "rule", "DEDICATED_ROUND", "roundId", dedicated.id()));
			}
			RoundStatus status = this.rounds.findStored(dedicated.id())
				.map(JudgingRound::status)
				.orElse(RoundStatus.DRAFT);
			if (status != RoundStatus.DRAFT) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT, "The round " + dedicated.id()
						+ " dedicated to this track is " + status + ": its judges and eligible proposals no longer "
						+ "change (drop a judge from the panel to move their work to the track's other judges).",
						Map.of("field", "judgeIds", "rule", "ROUND_STARTED", "roundId", dedicated.id(), "status",
								status.name()));
			}
			return dedicated;
		}
		if (judges == AwardTrack.Judges.OWN && current.judges() == AwardTrack.Judges.SHARED) {
			RoundAwards feeding = this.mongo.findOne(
					new Query(Criteria.where("trackIds").is(current.id()).and("hackathonId").is(current.hackathonId())),
					RoundAwards.class);
			if (feeding != null) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT, "The round " + feeding.id() + " feeds this "
						+ "track with its whole panel; a track with judges of its own is fed only by a round "
						+ "dedicated to it. Take the track out of that round first (once that round is published its "
						+ "awards stay as they were: create a new track with judges of its own instead).",
						Map.of("field", "judges", "rule", "SHARED_ROUND", "roundId", feeding.id()));
			}
		}
		return null;
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
