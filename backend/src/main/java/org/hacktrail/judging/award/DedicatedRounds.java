package org.hacktrail.judging.award;

import java.util.Set;

import org.hacktrail.judging.round.RoundDedications;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The rounds dedicated to an award track with judges of its own, as rounds, assignment,
 * sheets and the expo ask for them: two reads by id (the round's awards, the track).
 */
@Component
class DedicatedRounds implements RoundDedications {

	private final MongoTemplate mongo;

	DedicatedRounds(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public @Nullable Dedication of(String roundId) {
		RoundAwards awards = this.mongo.findById(roundId, RoundAwards.class);
		if (awards == null || awards.dedicatedTrackId() == null) {
			return null;
		}
		AwardTrack track = this.mongo.findById(awards.dedicatedTrackId(), AwardTrack.class);
		if (track == null) {
			// The track is never deleted while a round is dedicated to it; should its
			// document be missing, nobody works in the round and nothing is a candidate.
			return new Dedication(awards.dedicatedTrackId(), Set.of(), (proposal) -> false, 1);
		}
		return new Dedication(track.id(), Set.copyOf(track.judgeUserIds()), track::eligible, track.quota());
	}

}
