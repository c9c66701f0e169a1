package org.hacktrail.team;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A person joining or leaving a team, kept in step with the one-team locks of
 * {@link HackathonMemberships} without a transaction (a reserve/confirm saga). Joining
 * takes the lock first, writes the team, then confirms the lock, or releases it if the
 * team write failed (the compensation), so a failed join never leaves the person locked
 * out of other teams. Leaving writes the team first, then releases the lock. The proposal
 * is synced and the person told only after both writes.
 */
@Component
class TeamMembership {

	private final TeamChanges changes;

	private final HackathonMemberships memberships;

	private final TeamProposalSync sync;

	private final TeamNotifications notifications;

	private final CurrentUser currentUser;

	private final Clock clock;

	TeamMembership(TeamChanges changes, HackathonMemberships memberships, TeamProposalSync sync,
			TeamNotifications notifications, CurrentUser currentUser, Clock clock) {
		this.changes = changes;
		this.memberships = memberships;
		this.sync = sync;
		this.notifications = notifications;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * An early refusal (CONFLICT, {@code oneTeamPerHackathon}, saying {@code message})
	 * when the person is in another team of the hackathon; joining decides for good.
	 */
	void requireNoOtherTeam(TeamChanges.Target target, String userId, String message) {
		this.memberships.requireNoOtherTeam(target.hackathon(), userId, target.proposal().id(), message);
	}

	/**
	 * Adds {@code userId} with the edit {@code decide} makes, after the common checks
	 * (not a member yet, room in the team) on each attempt.
	 * @param self whether the person is the caller (for the wording of a refusal)
	 */
	Team join(TeamChanges.Target target, String userId, boolean self, Function<Team, Team.Edit> decide) {
		if (this.changes.current(target).isMember(userId)) {
			throw DomainException.badInput("userId", Refusal.ALREADY_MEMBER);
		}
		HackathonMemberships.Hold hold = this.memberships.reserve(target.hackathon(), userId, target.proposal().id(),
				self);
		Team saved;
		try {
			saved = this.changes.write(target, (team) -> {
				if (team.isMember(userId)) {
					throw DomainException.conflict("This person has just become a member of the team.");
				}
				TeamRules.requireRoom(team);
				return decide.apply(team).build(this.clock.instant());
			});
		}
		catch (RuntimeException ex) {
			this.memberships.abort(hold);
			throw ex;
		}
		this.memberships.confirm(hold);
		this.sync.afterChange(saved, target, this.currentUser.id().orElse(null));
		return saved;
	}

	/**
	 * Removes {@code userId} with the edit {@code decide} makes; notifies them (with
	 * {@code removalReason}) when someone else removed them.
	 */
	Team leave(TeamChanges.Target target, String userId, Function<Team, Team.Edit> decide,
			@Nullable String removalReason) {
		String epoch = this.memberships.epochOf(target.hackathon(), userId, target.proposal().id());
		boolean bySomeoneElse = !userId.equals(this.currentUser.id().orElse(null));
		Team saved = this.changes.write(target, (team) -> decide.apply(team).build(this.clock.instant()));
		this.memberships.release(target.hackathon(), userId, saved.id(), epoch);
		this.sync.afterChange(saved, target, null);
		if (bySomeoneElse) {
			Map<String, String> parameters = new LinkedHashMap<>();
			if (removalReason != null) {
				parameters.put("reason", removalReason);
			}
			this.notifications.send(List.of(userId), TeamNotifications.MEMBER_REMOVED, target, parameters);
		}
		return saved;
	}

}
