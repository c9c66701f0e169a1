package org.hacktrail.team;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.hacktrail.proposal.Proposal;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code teams} collection: the only code that names a team document's fields in a
 * query. Every write is versioned ({@link Team#version()}), so a concurrent change makes
 * it fail rather than be lost.
 */
@Component
class TeamStore {

	private final MongoTemplate mongo;

	private final Clock clock;

	TeamStore(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	Optional<Team> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Team.class));
	}

	/**
	 * The team of a proposal: the stored one, or the one it starts with (not stored yet).
	 */
	Team teamOf(Proposal proposal) {
		return find(proposal.id()).orElseGet(() -> Team.initial(proposal, this.clock.instant()));
	}

	/** The stored teams with these ids: one {@code $in} by _id, whatever their number. */
	List<Team> findAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(new Query(Criteria.where("_id").in(ids)), Team.class);
	}

	/** Teams that have the person as a member, at most {@code limit}. */
	List<Team> withMember(String userId, int limit) {
		return this.mongo.find(new Query(Criteria.where("memberIds").is(userId)).limit(limit), Team.class);
	}

	/** Teams the person asked to join. */
	List<Team> withRequester(String userId) {
		return this.mongo.find(new Query(Criteria.where("requesterIds").is(userId)), Team.class);
	}

	/** Teams that invited the person. */
	List<Team> withInvitee(String userId) {
		return this.mongo.find(new Query(Criteria.where("inviteeIds").is(userId)), Team.class);
	}

	/**
	 * Ids of a hackathon's teams with a free seat for a skill key (see
	 * {@link Team#openSkillKeys()}).
	 */
	List<String> idsWithOpenSkill(String hackathonId, String skillKey) {
		return ids(new Query(Criteria.where("hackathonId").is(hackathonId).and("openSkillKeys").is(skillKey)));
	}

	/**
	 * Ids of a hackathon's teams that have the person as a member. A scan on the embedded
	 * store; rare (leaves, repairs).
	 */
	List<String> idsWithMember(String hackathonId, String userId) {
		return ids(new Query(Criteria.where("hackathonId").is(hackathonId).and("memberIds").is(userId)));
	}

	private List<String> ids(Query query) {
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, this.mongo.getCollectionName(Team.class))
			.stream()
			.map((document) -> document.getString("_id"))
			.toList();
	}

	/**
	 * Writes the team with its version: fails with an
	 * {@link org.springframework.dao.OptimisticLockingFailureException} when someone else
	 * wrote it since it was read, or a
	 * {@link org.springframework.dao.DuplicateKeyException} when someone else stored a
	 * new team first.
	 */
	Team save(Team team) {
		return this.mongo.save(team);
	}

	/**
	 * Stores a new team; a {@link org.springframework.dao.DuplicateKeyException} when it
	 * is there already.
	 */
	Team insert(Team team) {
		return this.mongo.insert(team);
	}

}
