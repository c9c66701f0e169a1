package org.hacktrail.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.Retries;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The one-team rule of competitions (hackathons with {@code allowMultipleTeams = false}),
 * kept without a multi-document transaction, which the embedded store does not have.
 *
 * <p>
 * "Is this person already in another team of this hackathon?" cannot be answered by
 * reading the team documents and then writing one: two teams could each read "no" and
 * both add the person. Instead a {@link HackathonMembership} document keyed by
 * (hackathon, user) is the lock. Adding a person to a team is:
 * <ol>
 * <li>{@link #reserve}: insert the lock for this team (or join a lock already held for
 * this same team). A lock held for another team refuses with CONFLICT: the database's
 * unique key decides, not a read.</li>
 * <li>Update the team document (optimistic locking, retried by the caller).</li>
 * <li>{@link #confirm} if the team update succeeded; {@link #abort} (the compensation) if
 * it failed for good.</li>
 * </ol>
 * Leaving is the other way round: update the team first, then {@link #release} the lock.
 * So at every moment a member of a team holds the lock for it; at worst a lock outlives
 * its membership (a crash between the two writes), which only blocks that person until
 * {@link #reserve} finds the lock stale and repairs it.
 *
 * <p>
 * Every lock write is a versioned read-modify-write by {@code _id}, so concurrent
 * reserve/confirm/abort/release calls on one lock serialise. {@code holds} (operations in
 * flight) keep an abort from releasing a lock that another operation for the same person
 * and team is about to use; {@code epoch} lets a release after leaving see that the
 * person has joined again since.
 *
 * <p>
 * Known limits: a proposer always leads their own proposal's team, even at a competition
 * and even if they are in another team already (proposals are not limited to one per
 * person); the lock then names one of their teams, and a release re-points it to a
 * remaining one. Switching a hackathon from several teams to one while teams are forming
 * does not create locks for existing members: choose the rule before teams form.
 */
@Component
class HackathonMemberships {

	private static final Logger log = LoggerFactory.getLogger(HackathonMemberships.class);

	/**
	 * A lock not touched for this long, whose team does not have the person as a member,
	 * is stale.
	 */
	static final Duration STALE_AFTER = Duration.ofMinutes(2);

	/**
	 * Every lock write is a versioned read-modify-write; a concurrent write to the same
	 * lock makes it read and decide again.
	 */
	private static final Retries RETRIES = Retries.upTo(20);

	/** Taking a lock may also race with a concurrent first insert of it. */
	private static final Retries RESERVES = RETRIES.alsoOnDuplicateKey();

	private final MongoTemplate mongo;

	private final TeamStore teams;

	private final Clock clock;

	HackathonMemberships(MongoTemplate mongo, TeamStore teams, Clock clock) {
		this.mongo = mongo;
		this.teams = teams;
		this.clock = clock;
	}

	/**
	 * A reservation made by one operation; inactive when the hackathon allows several
	 * teams (nothing to lock).
	 */
	record Hold(String hackathonId, String userId, String teamId, String operation, boolean active) {

		static Hold none(String hackathonId, String userId, String teamId) {
			return new Hold(hackathonId, userId, teamId, "", false);
		}

	}

	static boolean applies(Hackathon hackathon) {
		return !hackathon.allowMultipleTeams();
	}

	/**
	 * Takes the lock for adding {@code userId} to {@code teamId}. CONFLICT (with
	 * {@code extensions.rule =
	 * oneTeamPerHackathon} and {@code extensions.teamId}) when the person is in another
	 * team of the hackathon.
	 * @param self whether the person is the caller (for the wording of the refusal)
	 */
	Hold reserve(Hackathon hackathon, String userId, String teamId, boolean self) {
		if (!applies(hackathon)) {
			return Hold.none(hackathon.id(), userId, teamId);
		}
		String operation = UUID.randomUUID().toString();
		String id = HackathonMembership.key(hackathon.id(), userId);
		// Someone else writing the lock in between (a duplicate key: inserting it) makes
		// the attempt read it again and decide again.
		return RESERVES.tryGet(() -> {
			HackathonMembership lock = this.mongo.findById(id, HackathonMembership.class);
			Instant now = this.clock.instant();
			if (lock != null && !lock.teamId().equals(teamId)) {
				Optional<String> holder = repairIfStale(lock, hackathon, now);
				if (holder.isPresent()) {
					throw inAnotherTeam(holder.get(), self);
				}
				// The stale lock is gone: take it as if there had been none.
				lock = null;
			}
			List<String> holds = new ArrayList<>((lock != null) ? lock.holds() : List.of());
			holds.add(operation);
			if (lock == null) {
				this.mongo.insert(new HackathonMembership(id, hackathon.id(), userId, teamId, holds, null, now, null));
			}
			else {
				this.mongo.save(lock.with(teamId, holds, lock.epoch(), now));
			}
			return new Hold(hackathon.id(), userId, teamId, operation, true);
		})
			.orElseThrow(() -> DomainException
				.conflict("Too many changes to this person's team membership at once; try again."));
	}

	/**
	 * The proposer of a new team holds the one-team lock for it (see the class comment
	 * for when they already hold one for another team).
	 */
	void lockForProposer(Team team, Hackathon hackathon) {
		if (team.proposerId() == null || !applies(hackathon)) {
			return;
		}
		try {
			confirm(reserve(hackathon, team.proposerId(), team.id(), true));
		}
		catch (DomainException ex) {
			log.info("Proposer {} leads team {} while already in another team of hackathon {}", team.proposerId(),
					team.id(), hackathon.slug());
		}
	}

	/**
	 * The team of the hackathon the person is in, if it is not {@code teamId}: for an
	 * early, friendly refusal.
	 */
	private Optional<String> otherTeam(Hackathon hackathon, String userId, String teamId) {
		if (!applies(hackathon)) {
			return Optional.empty();
		}
		HackathonMembership lock = this.mongo.findById(HackathonMembership.key(hackathon.id(), userId),
				HackathonMembership.class);
		if (lock == null || lock.teamId().equals(teamId)) {
			return Optional.empty();
		}
		boolean member = this.teams.find(lock.teamId()).filter((team) -> team.isMember(userId)).isPresent();
		boolean fresh = lock.updatedAt().isAfter(this.clock.instant().minus(STALE_AFTER));
		return (member || fresh) ? Optional.of(lock.teamId()) : Optional.empty();
	}

	/**
	 * An early, friendly refusal (CONFLICT, {@code extensions.rule = oneTeamPerHackathon}
	 * and {@code extensions.teamId}, with {@code message}) when the person is in another
	 * team of the hackathon; {@link #reserve} decides for good.
	 */
	void requireNoOtherTeam(Hackathon hackathon, String userId, String teamId, String message) {
		Optional<String> other = otherTeam(hackathon, userId, teamId);
		if (other.isPresent()) {
			throw new DomainException(ErrorCode.CONFLICT, message,
					Map.of("rule", "oneTeamPerHackathon", "teamId", other.get()));
		}
	}

	/** The person has become a member: the operation's hold becomes the membership. */
	void confirm(Hold hold) {
		if (!hold.active()) {
			return;
		}
		String id = HackathonMembership.key(hold.hackathonId(), hold.userId());
		boolean done = RESERVES.tryRun(() -> {
			HackathonMembership lock = this.mongo.findById(id, HackathonMembership.class);
			Instant now = this.clock.instant();
			if (lock == null) {
				// Cannot happen while our hold is in it (only a stale repair deletes, and
				// a
				// held lock of a team that has the person is not stale); restore it
				// rather
				// than leave a member unlocked.
				log.warn("Membership lock {} vanished while held; restoring it", id);
				this.mongo.insert(new HackathonMembership(id, hold.hackathonId(), hold.userId(), hold.teamId(),
						List.of(), epoch(), now, null));
				return;
			}
			if (!lock.teamId().equals(hold.teamId())) {
				log.error("Membership lock {} names team {} while user joined team {}", id, lock.teamId(),
						hold.teamId());
				return;
			}
			List<String> holds = new ArrayList<>(lock.holds());
			holds.remove(hold.operation());
			this.mongo.save(lock.with(lock.teamId(), holds, epoch(), now));
		});
		if (!done) {
			log.error("Could not confirm membership lock {}: it kept changing", id);
		}
	}

	/**
	 * The compensation: the team update failed, so the operation's hold is dropped, and
	 * the lock released if nobody else holds it and the person is not a member.
	 */
	void abort(Hold hold) {
		if (!hold.active()) {
			return;
		}
		String id = HackathonMembership.key(hold.hackathonId(), hold.userId());
		boolean done = RETRIES.tryRun(() -> {
			HackathonMembership lock = this.mongo.findById(id, HackathonMembership.class);
			if (lock == null || !lock.teamId().equals(hold.teamId())) {
				return;
			}
			List<String> holds = new ArrayList<>(lock.holds());
			holds.remove(hold.operation());
			if (holds.isEmpty() && lock.epoch() == null) {
				removeVersioned(lock);
			}
			else {
				this.mongo.save(lock.with(lock.teamId(), holds, lock.epoch(), this.clock.instant()));
			}
		});
		if (!done) {
			log.warn("Could not release membership lock {} after a failed join; it goes stale and is repaired later",
					id);
		}
	}

	/**
	 * The lock's epoch before a member leaves; pass it to {@link #release} after the team
	 * update.
	 */
	@Nullable String epochOf(Hackathon hackathon, String userId, String teamId) {
		if (!applies(hackathon)) {
			return null;
		}
		HackathonMembership lock = this.mongo.findById(HackathonMembership.key(hackathon.id(), userId),
				HackathonMembership.class);
		return (lock != null && lock.teamId().equals(teamId)) ? lock.epoch() : null;
	}

	/**
	 * The person has left {@code teamId} (the team document no longer has them): the lock
	 * is released, unless they joined that team again since ({@code epoch} changed) or
	 * another operation holds it, and re-pointed instead if they are still in another
	 * team of the hackathon (a proposer leading two proposals).
	 */
	void release(Hackathon hackathon, String userId, String teamId, @Nullable String epochBefore) {
		if (!applies(hackathon)) {
			return;
		}
		String id = HackathonMembership.key(hackathon.id(), userId);
		boolean done = RETRIES.tryRun(() -> {
			HackathonMembership lock = this.mongo.findById(id, HackathonMembership.class);
			if (lock == null || !lock.teamId().equals(teamId) || !Objects.equals(lock.epoch(), epochBefore)) {
				return;
			}
			Instant now = this.clock.instant();
			Optional<String> remaining = this.teams.idsWithMember(hackathon.id(), userId)
				.stream()
				.filter((other) -> !other.equals(teamId))
				.findFirst();
			if (remaining.isPresent()) {
				this.mongo.save(lock.with(remaining.get(), List.of(), epoch(), now));
			}
			else if (lock.holds().isEmpty()) {
				removeVersioned(lock);
			}
			else {
				// Someone is joining the same team right now: leave the lock to them;
				// their abort releases it.
				this.mongo.save(lock.with(teamId, lock.holds(), null, now));
			}
		});
		if (!done) {
			log.warn("Could not release membership lock {} after leaving; it goes stale and is repaired later", id);
		}
	}

	/**
	 * A lock for another team whose team does not have the person and that nobody touched
	 * for {@link #STALE_AFTER} is left over from a crash between the two writes: re-point
	 * it to a team the person is really in, or delete it. Returns the team that holds the
	 * person (the lock's, or the one it was re-pointed to), or empty when the lock was
	 * deleted and the caller may try again.
	 */
	private Optional<String> repairIfStale(HackathonMembership lock, Hackathon hackathon, Instant now) {
		if (lock.updatedAt().isAfter(now.minus(STALE_AFTER))) {
			return Optional.of(lock.teamId());
		}
		if (this.teams.find(lock.teamId()).filter((team) -> team.isMember(lock.userId())).isPresent()) {
			return Optional.of(lock.teamId());
		}
		List<String> actual = this.teams.idsWithMember(hackathon.id(), lock.userId());
		if (!actual.isEmpty()) {
			log.warn("Membership lock {} named team {} the user is not in; re-pointing it to {}", lock.id(),
					lock.teamId(), actual.get(0));
			this.mongo.save(lock.with(actual.get(0), List.of(), epoch(), now));
			return Optional.of(actual.get(0));
		}
		log.warn("Removing stale membership lock {} (team {}, last touched {})", lock.id(), lock.teamId(),
				lock.updatedAt());
		removeVersioned(lock);
		return Optional.empty();
	}

	private void removeVersioned(HackathonMembership lock) {
		Query query = new Query(Criteria.where("_id").is(lock.id()).and("version").is(lock.version()));
		if (this.mongo.remove(query, HackathonMembership.class).getDeletedCount() == 0) {
			throw new OptimisticLockingFailureException("Membership lock " + lock.id() + " changed");
		}
	}

	private static String epoch() {
		return UUID.randomUUID().toString();
	}

	private static DomainException inAnotherTeam(String teamId, boolean self) {
		String message = self
				? "You can be in only one team at this hackathon and are already in another one; leave it first."
				: "This person is already in another team at this hackathon, where a person can be in only one.";
		return new DomainException(ErrorCode.CONFLICT, message,
				Map.of("rule", "oneTeamPerHackathon", "teamId", teamId));
	}

}
