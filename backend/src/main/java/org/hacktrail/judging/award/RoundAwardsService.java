package org.hacktrail.judging.award;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.DedicatedRoundChanges;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Which award tracks a judged round feeds, each track's selection and the awards as
 * published.
 *
 * <p>
 * A FINAL round feeds the outstanding track (its own selection, which moves proposals to
 * OUTSTANDING) and any other tracks the organizers add; a REVIEW round feeds none by
 * default (its selection is the shortlist) and may feed tracks other than the outstanding
 * one. A track is fed by at most one round. The tracks change until the round is
 * PUBLISHED; a track dropped from the round loses its selection there.
 */
@Service
public class RoundAwardsService {

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final AwardTrackService tracks;

	private final JudgingAccess access;

	private final Clock clock;

	private final DedicatedRoundChanges roundChanges;

	RoundAwardsService(MongoTemplate mongo, RoundService rounds, AwardTrackService tracks, JudgingAccess access,
			Clock clock, DedicatedRoundChanges roundChanges) {
		this.mongo = mongo;
		this.roundChanges = roundChanges;
		this.rounds = rounds;
		this.tracks = tracks;
		this.access = access;
		this.clock = clock;
	}

	/** A round's award tracks with their selections, as they stand. */
	public record RoundTracks(RoundService.RoundContext context, RoundAwards awards, List<AwardTrack> tracks) {

		/** The selection of a track of the round (the outstanding track: the round's). */
		public @Nullable Selection selectionOf(AwardTrack track) {
			return track.isOutstanding() ? this.context.judging().selection() : this.awards.selectionOf(track.id());
		}

	}

	/** The round's awards document, or its defaults (not stored). */
	public RoundAwards awards(RoundService.RoundContext context) {
		RoundAwards stored = this.mongo.findById(context.round().id(), RoundAwards.class);
		return (stored != null) ? stored : defaults(context);
	}

	private static RoundAwards defaults(RoundService.RoundContext context) {
		List<String> ids = (context.judging().kind() == RoundKind.FINAL)
				? List.of(AwardTrack.idOf(context.hackathon().id(), AwardTrack.OUTSTANDING)) : List.of();
		return new RoundAwards(context.round().id(), context.hackathon().id(), ids, List.of(), null, null,
				context.judging().updatedAt(), null);
	}

	public RoundTracks roundTracks(RoundService.RoundContext context) {
		RoundAwards awards = awards(context);
		Map<String, AwardTrack> byId = new HashMap<>();
		this.tracks.tracks(context.hackathon()).forEach((t) -> byId.put(t.id(), t));
		List<AwardTrack> fed = new ArrayList<>();
		for (String id : awards.trackIds()) {
			AwardTrack track = byId.get(id);
			if (track != null) {
				fed.add(track);
			}
		}
		return new RoundTracks(context, awards, fed);
	}

	/**
	 * Sets the tracks a round feeds. Organizers. A round dedicated to a track feeds that
	 * track only; a track with judges of its own is fed only by its dedicated round.
	 */
	public RoundTracks configure(String roundId, @Nullable List<String> trackIds, @Nullable Integer expectedVersion) {
		this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(roundId);
		if (context.round().kind() == RoundKind.PUBLIC_VOTE) {
			throw DomainException.badInput("roundId", Refusal.ROUND_KIND, "kind", "PUBLIC_VOTE");
		}
		AwardTrackService.requireWritable(context.hackathon());
		JudgingRound judging = context.judging();
		if (judging.status() == RoundStatus.PUBLISHED) {
			throw DomainException.badInput("roundId", Refusal.ROUND_STATUS, "status", "PUBLISHED");
		}
		RoundAwards current = awards(context);
		if (expectedVersion != null && expectedVersion.longValue() != current.apiVersion()) {
			throw new OptimisticLockingFailureException("Round awards " + roundId + " changed");
		}
		Set<String> unique = new LinkedHashSet<>();
		Map<String, AwardTrack> known = new HashMap<>();
		this.tracks.tracks(context.hackathon()).forEach((t) -> known.put(t.id(), t));
		for (String id : (trackIds != null) ? trackIds : List.<String>of()) {
			if (id == null || !known.containsKey(id)) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT,
						"'" + id + "' is not an award track of " + context.hackathon().slug() + ".",
						Map.of("field", "trackIds", "trackId", String.valueOf(id)));
			}
			if (!unique.add(id)) {
				throw DomainException.badInput("trackIds", Refusal.DUPLICATE, "value", id);
			}
		}
		if (current.dedicatedTrackId() != null && !List.of(current.dedicatedTrackId()).equals(List.copyOf(unique))) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round is dedicated to the track '" + known.get(current.dedicatedTrackId()).slug()
							+ "' and its judges: it feeds that track only (end the dedication with "
							+ "dedicateRoundToTrack first).",
					Map.of("field", "trackIds", "rule", "DEDICATED_ROUND", "trackId", current.dedicatedTrackId()));
		}
		for (String id : unique) {
			if (known.get(id).judges() == AwardTrack.Judges.OWN && !id.equals(current.dedicatedTrackId())) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT, "The track '" + known.get(id).slug()
						+ "' has judges of its own: it is fed only by a round dedicated to it (dedicateRoundToTrack).",
						Map.of("field", "trackIds", "rule", "OWN_JUDGES", "trackId", id));
			}
		}
		String outstanding = AwardTrack.idOf(context.hackathon().id(), AwardTrack.OUTSTANDING);
		if (context.judging().kind() == RoundKind.FINAL && !unique.contains(outstanding)) {
			throw DomainException.badInput("trackIds", Refusal.FINAL_FEEDS_OUTSTANDING);
		}
		if (context.judging().kind() != RoundKind.FINAL && unique.contains(outstanding)) {
			throw DomainException.badInput("trackIds", Refusal.OUTSTANDING_FED_BY_FINAL, "kind",
					context.judging().kind());
		}
		for (RoundService.RoundContext other : this.rounds.rounds(context.hackathon())) {
			if (other.round().id().equals(roundId)) {
				continue;
			}
			for (String id : awards(other).trackIds()) {
				if (unique.contains(id) && !id.equals(outstanding)) {
					throw new DomainException(ErrorCode.BAD_USER_INPUT,
							"The track '" + known.get(id).slug() + "' is already fed by the round '"
									+ other.round().name().primary() + "'; a track is fed by one round.",
							Map.of("field", "trackIds", "trackId", id));
				}
			}
		}
		Instant now = this.clock.instant();
		RoundAwards next = current.withTracks(List.copyOf(unique), now);
		save(next, current.version() == null);
		return roundTracks(context);
	}

	/**
	 * Dedicates a DRAFT REVIEW round to an OWN track (or ends its dedication, with a null
	 * track): the round then feeds that track only, its candidates are the track's
	 * eligible proposals and only the track's judges work in it. The round's assignment
	 * plan, made for other candidates or judges, is discarded. Organizers,
	 * version-checked on the round's {@code awardTracksVersion}.
	 */
	public RoundTracks dedicate(String roundId, @Nullable String trackId, @Nullable Integer expectedVersion) {
		String me = this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(roundId);
		AwardTrackService.requireWritable(context.hackathon());
		RoundService.requireWritable(context.hackathon());
		if (context.round().kind() != RoundKind.REVIEW) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"Only a REVIEW round can be dedicated to an award " + "track; a " + context.round().kind()
							+ " round "
							+ ((context.round().kind() == RoundKind.FINAL) ? "selects the outstanding teams."
									: "is not judged."),
					Map.of("field", "roundId", "rule", "REVIEW_ROUND", "kind", context.round().kind().name()));
		}
		if (context.judging().status() != RoundStatus.DRAFT) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round is " + context.judging().status() + "; a round is dedicated (or not) while it is DRAFT.",
					Map.of("field", "roundId", "rule", "ROUND_STARTED", "status", context.judging().status().name()));
		}
		RoundAwards current = awards(context);
		if (expectedVersion != null && expectedVersion.longValue() != current.apiVersion()) {
			throw new OptimisticLockingFailureException("Round awards " + roundId + " changed");
		}
		if (trackId != null) {
			AwardTrack track = this.tracks.tracks(context.hackathon())
				.stream()
				.filter((t) -> t.id().equals(trackId))
				.findFirst()
				.orElseThrow(() -> new DomainException(ErrorCode.BAD_USER_INPUT,
						"'" + trackId + "' is not an award track of " + context.hackathon().slug() + ".",
						Map.of("field", "trackId", "trackId", trackId)));
			if (track.judges() != AwardTrack.Judges.OWN) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT, "The track '" + track.slug() + "' is judged by "
						+ "the feeding round's panel (SHARED); only a track with judges of its own (OWN) has a round "
						+ "dedicated to it.", Map.of("field", "trackId", "rule", "SHARED_TRACK", "trackId", trackId));
			}
			for (RoundService.RoundContext other : this.rounds.rounds(context.hackathon())) {
				if (!other.round().id().equals(roundId) && awards(other).trackIds().contains(trackId)) {
					throw new DomainException(ErrorCode.BAD_USER_INPUT,
							"The track '" + track.slug() + "' is already fed by the round '"
									+ other.round().name().primary() + "'; a track is fed by one round.",
							Map.of("field", "trackId", "rule", "TRACK_FED", "trackId", trackId, "roundId",
									other.round().id()));
				}
			}
		}
		if (java.util.Objects.equals(trackId, current.dedicatedTrackId())) {
			return roundTracks(context);
		}
		save(current.dedicatedTo(trackId, this.clock.instant()), current.version() == null);
		if (trackId != null) {
			this.roundChanges.followTrackQuota(roundId, this.tracks.require(trackId).quota(), me);
		}
		this.roundChanges.discardPlan(roundId, me,
				(trackId != null)
						? "Dedicated to the award track " + trackId
								+ ": its judges and eligible proposals; run the assignment again"
						: "No longer dedicated to an award track; run the assignment again");
		return roundTracks(this.rounds.require(roundId));
	}

	/** The round dedicated to an OWN track, or null. */
	public RoundService.@Nullable RoundContext dedicatedRound(AwardTrack track) {
		if (track.judges() != AwardTrack.Judges.OWN) {
			return null;
		}
		RoundAwards dedicated = this.mongo.findOne(
				new Query(Criteria.where("dedicatedTrackId").is(track.id()).and("hackathonId").is(track.hackathonId())),
				RoundAwards.class);
		return (dedicated != null) ? this.rounds.require(dedicated.id()) : null;
	}

	/** The OWN track the round is dedicated to, or null. */
	public @Nullable AwardTrack dedicatedTrack(RoundService.RoundContext context) {
		String id = awards(context).dedicatedTrackId();
		if (id == null) {
			return null;
		}
		return this.tracks.tracks(context.hackathon())
			.stream()
			.filter((t) -> t.id().equals(id))
			.findFirst()
			.orElse(null);
	}

	/** Stores a track's selection (made by {@code judging.result}). */
	public RoundAwards select(RoundService.RoundContext context, String trackId, Selection selection) {
		RoundAwards current = awards(context);
		return save(current.withSelection(trackId, selection, this.clock.instant()), current.version() == null);
	}

	/**
	 * Freezes the round's awards as published (once; publishing again after an
	 * interruption keeps the first copy).
	 * @param cut the round's N, the outstanding track's quota
	 */
	public List<RoundAwards.PublishedAward> freeze(RoundService.RoundContext context, Selection roundSelection,
			int cut) {
		RoundTracks round = roundTracks(context);
		if (round.awards().published() != null) {
			return round.awards().published();
		}
		List<RoundAwards.PublishedAward> published = new ArrayList<>();
		for (AwardTrack track : round.tracks()) {
			Selection selection = track.isOutstanding() ? roundSelection : round.selectionOf(track);
			if (selection == null) {
				throw DomainException.badInput("trackIds", Refusal.TRACK_SELECTION_MISSING, "track", track.slug());
			}
			published.add(RoundAwards.PublishedAward.of(track, track.isOutstanding() ? cut : track.quota(), selection));
		}
		save(round.awards().withPublished(published, this.clock.instant()), round.awards().version() == null);
		return published;
	}

	/**
	 * The awards of published rounds, by round id. A round published before award tracks
	 * existed has no stored awards: a FINAL round's selection reads as the outstanding
	 * track (with its default names), a REVIEW round awards nothing.
	 */
	public Map<String, List<RoundAwards.PublishedAward>> published(String hackathonId,
			Map<String, PublishedSelection> rounds) {
		Map<String, List<RoundAwards.PublishedAward>> result = new HashMap<>();
		Map<String, RoundAwards> stored = new HashMap<>();
		this.mongo.find(new Query(Criteria.where("_id").in(rounds.keySet())), RoundAwards.class)
			.forEach((a) -> stored.put(a.id(), a));
		rounds.forEach((roundId, round) -> {
			RoundAwards awards = stored.get(roundId);
			if (awards != null && awards.published() != null) {
				result.put(roundId, awards.published());
			}
			else if (round.kind() == RoundKind.FINAL) {
				result.put(roundId,
						List.of(new RoundAwards.PublishedAward(AwardTrack.idOf(hackathonId, AwardTrack.OUTSTANDING),
								AwardTrack.OUTSTANDING, AwardTrack.OUTSTANDING_NAME, null, null, round.cut(),
								AwardTrack.Eligibility.ALL, List.of(), round.selection(), null)));
			}
			else {
				result.put(roundId, List.of());
			}
		});
		return result;
	}

	/** What a published round's snapshot says of its selection. */
	public record PublishedSelection(RoundKind kind, int cut, Selection selection) {
	}

	private RoundAwards save(RoundAwards awards, boolean insert) {
		if (insert) {
			try {
				return this.mongo.insert(awards);
			}
			catch (DuplicateKeyException ex) {
				throw new OptimisticLockingFailureException("Round awards " + awards.id() + " changed");
			}
		}
		return this.mongo.save(awards);
	}

}
