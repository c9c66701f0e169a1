package org.hacktrail.judging.round;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hacktrail.platform.MessageArg;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * What the award tracks change on a round dedicated to one of them
 * ({@link RoundDedications}): its assignment plan discarded when the track's judges or
 * eligible proposals change, its cut N following the track's quota.
 */
@Service
public class DedicatedRoundChanges {

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final Clock clock;

	DedicatedRoundChanges(MongoTemplate mongo, RoundService rounds, Clock clock) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.clock = clock;
	}

	/**
	 * Discards a DRAFT round's assignment plan (its judges or candidates changed: assign
	 * again), with the reason in the round's history. Nothing happens to a round without
	 * a plan or past DRAFT.
	 */
	public void discardPlan(String roundId, String by, String why) {
		JudgingRound current = this.mongo.findById(roundId, JudgingRound.class);
		if (current == null || current.planId() == null || current.status() != RoundStatus.DRAFT) {
			return;
		}
		Instant now = this.clock.instant();
		List<RoundEvent> history = new ArrayList<>(current.history());
		history.add(RoundEvent.described(now, by, "PLAN_DISCARDED", why, List.of(), null));
		this.mongo.save(new JudgingRound(current.id(), current.hackathonId(), current.kind(), current.status(),
				current.config(), null, current.selection(), history, current.publishedAt(), current.createdAt(), now,
				current.version()));
	}

	/**
	 * Makes a dedicated round's cut N its award track's quota (at dedication, and when
	 * the quota changes), so that its ranking's top N and open cases are the track's. A
	 * PUBLISHED round keeps its cut; past DRAFT the change is kept in the history.
	 */
	public void followTrackQuota(String roundId, int quota, String by) {
		JudgingRound current = this.rounds.ensureStored(this.rounds.require(roundId));
		Integer cut = current.config().cutSize();
		if (current.status() == RoundStatus.PUBLISHED || (cut != null && cut == quota)) {
			return;
		}
		Instant now = this.clock.instant();
		RoundEvent event = (current.status() == RoundStatus.DRAFT) ? null
				: RoundEvent.described(now, by, "CONFIGURED",
						"The cut N follows the award track's quota (" + quota + ")",
						List.of(MessageArg.of("cut", quota)), null);
		this.mongo.save(current.with(current.status(), current.config().withCut(quota), current.selection(),
				current.publishedAt(), event, now));
	}

}
