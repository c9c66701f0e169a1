package org.hacktrail.team;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The one-team lock on its own, through every interleaving the team service relies on: a
 * failed join releases it (the compensation), a concurrent join of the same person to the
 * same team keeps it, a lock left behind by a crash is repaired once stale (never while
 * fresh or while the person really is in that team), and a release after leaving neither
 * frees a person who joined again nor one still in another team.
 */
class HackathonMembershipsTests extends TeamTestBase {

	@Autowired
	HackathonMemberships memberships;

	@Autowired
	MongoTemplate mongo;

	static Hackathon hackathon(boolean allowMultipleTeams) {
		Instant now = Instant.now();
		return new Hackathon(UUID.randomUUID().toString(), "lock-" + UUID.randomUUID(), new LocalizedText(null, "Lock"),
				HackathonKind.PRESIDENTIAL, null, now, now.plusSeconds(3600), "Asia/Taipei", null,
				HackathonPhase.HACKING, List.of(), List.of(), 5, true, allowMultipleTeams, now, null, now, null);
	}

	/** A stored team of the hackathon with these members. */
	String team(Hackathon hackathon, String... memberIds) {
		Instant now = Instant.now();
		String id = UUID.randomUUID().toString();
		List<TeamMember> members = java.util.Arrays.stream(memberIds)
			.map((userId) -> new TeamMember(userId, userId, TeamRole.DEVELOPER, null, null, JoinedVia.REQUEST, now))
			.toList();
		this.mongo.insert(new Team(id, hackathon.id(), null, members, List.of(), List.of(), List.of(), null, false,
				null, null, null, null, null, now, now, null)
			.edit()
			.build(now));
		return id;
	}

	HackathonMembership lock(Hackathon hackathon, String userId) {
		return this.mongo.findById(HackathonMembership.key(hackathon.id(), userId), HackathonMembership.class);
	}

	void storeLock(Hackathon hackathon, String userId, String teamId, String epoch, Instant updatedAt) {
		this.mongo.insert(new HackathonMembership(HackathonMembership.key(hackathon.id(), userId), hackathon.id(),
				userId, teamId, List.of(), epoch, updatedAt, null));
	}

	@Test
	void aFailedJoinReleasesTheLockAndAConfirmedOneKeepsIt() {
		Hackathon hackathon = hackathon(false);
		String first = team(hackathon);
		String second = team(hackathon);
		HackathonMemberships.Hold failed = this.memberships.reserve(hackathon, "u1", first, true);
		assertThat(lock(hackathon, "u1").holds()).containsExactly(failed.operation());
		this.memberships.abort(failed);
		assertThat(lock(hackathon, "u1")).isNull();

		HackathonMemberships.Hold joined = this.memberships.reserve(hackathon, "u1", first, true);
		this.memberships.confirm(joined);
		assertThat(lock(hackathon, "u1").epoch()).isNotNull();
		assertThat(lock(hackathon, "u1").holds()).isEmpty();

		DomainException refused = catchThrowableOfType(DomainException.class,
				() -> this.memberships.reserve(hackathon, "u1", second, false));
		assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT);
		assertThat(refused.details()).containsEntry("rule", "oneTeamPerHackathon").containsEntry("teamId", first);
		assertThat(refused.getMessage()).contains("This person");
	}

	@Test
	void anAbortDoesNotReleaseALockAnotherJoinOfTheSamePersonHolds() {
		Hackathon hackathon = hackathon(false);
		String team = team(hackathon);
		HackathonMemberships.Hold byRequest = this.memberships.reserve(hackathon, "u2", team, false);
		HackathonMemberships.Hold byInvitation = this.memberships.reserve(hackathon, "u2", team, true);
		this.memberships.abort(byRequest);
		assertThat(lock(hackathon, "u2")).as("still held by the invitation").isNotNull();
		this.memberships.confirm(byInvitation);
		this.memberships.abort(byRequest);
		assertThat(lock(hackathon, "u2")).as("a confirmed member's lock stays").isNotNull();
	}

	@Test
	void aStaleLockIsRepairedButNeverAFreshOneNorOneWhoseTeamHasThePerson() {
		Hackathon hackathon = hackathon(false);
		String crashed = team(hackathon);
		String wanted = team(hackathon);
		Instant old = Instant.now().minus(HackathonMemberships.STALE_AFTER).minusSeconds(60);

		storeLock(hackathon, "fresh", crashed, null, Instant.now());
		assertThat(catchThrowableOfType(DomainException.class,
				() -> this.memberships.reserve(hackathon, "fresh", wanted, true))
			.code()).isEqualTo(ErrorCode.CONFLICT);

		storeLock(hackathon, "stale", crashed, "e", old);
		HackathonMemberships.Hold repaired = this.memberships.reserve(hackathon, "stale", wanted, true);
		assertThat(lock(hackathon, "stale").teamId()).isEqualTo(wanted);
		assertThat(lock(hackathon, "stale").holds()).containsExactly(repaired.operation());

		String real = team(hackathon, "member");
		storeLock(hackathon, "member", real, "e", old);
		DomainException inTeam = catchThrowableOfType(DomainException.class,
				() -> this.memberships.reserve(hackathon, "member", wanted, true));
		assertThat(inTeam.code()).isEqualTo(ErrorCode.CONFLICT);
		assertThat(inTeam.details()).containsEntry("teamId", real);

		String elsewhere = team(hackathon, "moved");
		storeLock(hackathon, "moved", crashed, "e", old);
		DomainException moved = catchThrowableOfType(DomainException.class,
				() -> this.memberships.reserve(hackathon, "moved", wanted, true));
		assertThat(moved.details()).containsEntry("teamId", elsewhere);
		assertThat(lock(hackathon, "moved").teamId()).as("re-pointed to the team the person is in")
			.isEqualTo(elsewhere);
	}

	@Test
	void aReleaseAfterLeavingRespectsARejoinAJoinInFlightAndAnotherTeam() {
		Hackathon hackathon = hackathon(false);
		String team = team(hackathon);
		this.memberships.confirm(this.memberships.reserve(hackathon, "left", team, true));
		String epoch = this.memberships.epochOf(hackathon, "left", team);
		this.memberships.release(hackathon, "left", team, epoch);
		assertThat(lock(hackathon, "left")).isNull();

		this.memberships.confirm(this.memberships.reserve(hackathon, "back", team, true));
		String before = this.memberships.epochOf(hackathon, "back", team);
		// Left and joined again before the release ran: the new membership has a new
		// epoch and is kept.
		this.memberships.confirm(this.memberships.reserve(hackathon, "back", team, true));
		this.memberships.release(hackathon, "back", team, before);
		assertThat(lock(hackathon, "back")).isNotNull();

		this.memberships.confirm(this.memberships.reserve(hackathon, "inflight", team, true));
		String current = this.memberships.epochOf(hackathon, "inflight", team);
		HackathonMemberships.Hold joining = this.memberships.reserve(hackathon, "inflight", team, true);
		this.memberships.release(hackathon, "inflight", team, current);
		assertThat(lock(hackathon, "inflight")).as("left to the join in flight").isNotNull();
		this.memberships.abort(joining);
		assertThat(lock(hackathon, "inflight")).as("released by its abort").isNull();

		String other = team(hackathon, "proposer");
		this.memberships.confirm(this.memberships.reserve(hackathon, "proposer", team, true));
		this.memberships.release(hackathon, "proposer", team, this.memberships.epochOf(hackathon, "proposer", team));
		assertThat(lock(hackathon, "proposer").teamId()).as("still leads another team").isEqualTo(other);
	}

	@Test
	void hackathonsAllowingSeveralTeamsNeedNoLock() {
		Hackathon hackathon = hackathon(true);
		HackathonMemberships.Hold hold = this.memberships.reserve(hackathon, "free", team(hackathon), true);
		assertThat(hold.active()).isFalse();
		assertThat(lock(hackathon, "free")).isNull();
		this.memberships.abort(hold);
		this.memberships.confirm(hold);
	}

}
