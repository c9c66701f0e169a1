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

	RoundAwardsService(MongoTemplate mongo, RoundService rounds, AwardTrackService tracks, JudgingAccess access,
			Clock clock) {
		this.mongo = mongo;
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
		return new RoundAwards(context.round().id(), context.hackathon().id(), ids, List.of(), null,
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

	/** Sets the tracks a round feeds. Organizers. */
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
								AwardTrack.Eligibility.ALL, List.of(), round.selection())));
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
