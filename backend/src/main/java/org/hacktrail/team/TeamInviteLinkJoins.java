package org.hacktrail.team;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Joining a team through an invitation link ({@link TeamInviteLinkService} keeps the
 * links): the same join as an accepted invitation, with the role and position the link
 * offers, and every refusal said before the link is used up.
 */
@Component
class TeamInviteLinkJoins {

	private final TeamChanges changes;

	private final TeamMembership membership;

	private final Clock clock;

	TeamInviteLinkJoins(TeamChanges changes, TeamMembership membership, Clock clock) {
		this.changes = changes;
		this.membership = membership;
		this.clock = clock;
	}

	/**
	 * Every refusal that joining through {@code link} would meet, checked on the team as
	 * it is now and said before the link is used up, so that a person who cannot join
	 * leaves the link unused (and the store unchanged). The join itself checks them again
	 * ({@link #join}).
	 */
	void check(TeamChanges.Target target, TeamInviteLink link, String userId) {
		Team team = this.changes.current(target);
		requireNotMember(team, userId);
		TeamRules.requireOpenForMembers(team, target, false);
		TeamRules.requireRoom(team);
		TeamRules.requireSeat(team, link.positionId());
		this.membership.requireNoOtherTeam(target, userId, "You can be in only one team at this hackathon and are "
				+ "already in another one; leave it before joining this one.");
	}

	/**
	 * A member opening one of their team's links (a lead trying it, say) is refused, and
	 * the link stays unused.
	 */
	static void requireNotMember(Team team, String userId) {
		if (team.isMember(userId)) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"You are already a member of this team; the link stays unused for someone else.",
					Map.of("rule", "alreadyMember"));
		}
	}

	/**
	 * Adds {@code userId} (the caller, who has just claimed {@code link}) to the team.
	 * Rules are checked again on the team as written.
	 */
	Team join(TeamChanges.Target target, TeamInviteLink link, String userId, String displayName,
			@Nullable String affiliation) {
		return this.membership.join(target, userId, true, (team) -> {
			TeamRules.requireOpenForMembers(team, target, false);
			TeamRules.requireSeat(team, link.positionId());
			Instant now = this.clock.instant();
			Team.Edit edit = team.edit();
			edit.members.add(new TeamMember(userId, displayName, link.role(), affiliation,
					team.position(link.positionId()).map(OpenPosition::id).orElse(null), JoinedVia.INVITATION, now));
			TeamRules.closeOthers(edit, userId, null, userId, now);
			return edit;
		});
	}

}
