package org.hacktrail.team;

import java.time.Clock;
import java.time.Instant;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * A team's members: leaving, being removed, roles and affiliations, and organizers adding
 * a person directly. A team's last lead cannot leave or step down without handing the
 * lead role over.
 */
@Service
class TeamMembers {

	private final TeamChanges changes;

	private final TeamMembership membership;

	private final TeamPolicy policy;

	private final CurrentUser currentUser;

	private final UserDirectory users;

	private final Clock clock;

	TeamMembers(TeamChanges changes, TeamMembership membership, TeamPolicy policy, CurrentUser currentUser,
			UserDirectory users, Clock clock) {
		this.changes = changes;
		this.membership = membership;
		this.policy = policy;
		this.currentUser = currentUser;
		this.users = users;
		this.clock = clock;
	}

	record MemberInput(String proposalId, String userId, @Nullable TeamRole role, @Nullable String affiliation,
			@Nullable String reason) {
	}

	/**
	 * Leaves a team (the member themself). The last lead hands the lead role to another
	 * member in the same write ({@code handOverTo}), or cannot leave.
	 */
	Team leave(String proposalId, @Nullable String handOverTo) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.target(proposalId);
		return this.membership.leave(target, me, (team) -> {
			TeamMember member = team.member(me)
				.orElseThrow(() -> DomainException.badInput("proposalId", Refusal.NOT_MEMBER_SELF));
			Team.Edit edit = team.edit();
			if (handOverTo != null) {
				if (handOverTo.equals(me) || !team.isMember(handOverTo)) {
					throw DomainException.badInput("handOverTo", Refusal.HAND_OVER_TO_MEMBER);
				}
				if (member.role() != TeamRole.LEAD && !this.policy.isOrganizer()) {
					throw DomainException.forbidden("Only a lead can hand the lead role over.");
				}
				edit.replaceMember(handOverTo, (m) -> m.withRole(TeamRole.LEAD));
			}
			edit.members.removeIf((m) -> m.userId().equals(me));
			TeamRules.requireLeadRemains(team, edit, "You are the team's last lead: hand the lead role to another "
					+ "member (handOverTo) before you leave.");
			return edit;
		}, null);
	}

	/**
	 * Removes a member (leads, organizers); only organizers remove the proposer. The
	 * member is notified.
	 */
	Team remove(MemberInput input) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.target(input.proposalId());
		String reason = TeamRules.text(input.reason(), "reason", TeamRules.MAX_NOTE, FreeText.Kind.TEXT);
		return this.membership.leave(target, input.userId(), (team) -> {
			this.policy.requireManager(team, "remove members");
			if (input.userId().equals(me)) {
				throw DomainException.badInput("userId", Refusal.USE_OTHER_ACTION, "action", "leaveTeam");
			}
			requireMember(team, input.userId());
			if (input.userId().equals(team.proposerId()) && !this.policy.isOrganizer()) {
				throw DomainException.forbidden("Only organizers can remove the proposer from their proposal's team.");
			}
			Team.Edit edit = team.edit();
			edit.members.removeIf((m) -> m.userId().equals(input.userId()));
			TeamRules.requireLeadRemains(team, edit,
					"This would leave the team without a lead; make another member a lead first.");
			return edit;
		}, reason);
	}

	/**
	 * Changes a member's role and/or affiliation. Leads and organizers change both; a
	 * member changes their own affiliation. The last lead cannot step down.
	 */
	Team update(MemberInput input) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.target(input.proposalId());
		String affiliation = (input.affiliation() != null)
				? TeamRules.text(input.affiliation(), "affiliation", TeamRules.MAX_AFFILIATION, FreeText.Kind.LINE)
				: null;
		return this.changes.change(target, (team) -> {
			boolean self = input.userId().equals(me);
			if (!this.policy.canManage(team) && !(self && input.role() == null)) {
				throw DomainException
					.forbidden(self ? "Only the team's leads and organizers can change roles; you can change your own "
							+ "affiliation." : "Only the team's leads and organizers can change members.");
			}
			requireMember(team, input.userId());
			Team.Edit edit = team.edit();
			edit.replaceMember(input.userId(), (m) -> {
				TeamMember changed = (input.role() != null) ? m.withRole(input.role()) : m;
				return (input.affiliation() != null) ? changed.withAffiliation(affiliation) : changed;
			});
			TeamRules.requireLeadRemains(team, edit,
					"This member is the team's last lead: make another member a lead first.");
			return edit.build(this.clock.instant());
		});
	}

	/**
	 * Adds a person directly (organizers only), e.g. the lead of a proposal imported
	 * without a user proposer. The one-team rule applies; the WITHDRAWN / past-JUDGING
	 * rule does not (the organizer is the one who may allow it).
	 */
	Team add(MemberInput input) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.target(input.proposalId());
		this.policy.requireOrganizer("Only organizers add members directly; leads invite people instead.");
		String affiliation = TeamRules.text(input.affiliation(), "affiliation", TeamRules.MAX_AFFILIATION,
				FreeText.Kind.LINE);
		User user = this.users.findById(input.userId())
			.orElseThrow(() -> DomainException.notFound("There is no user with the id '" + input.userId() + "'."));
		TeamRules.requireOpenForMembers(this.changes.current(target), target, true);
		return this.membership.join(target, user.id(), user.id().equals(me), (team) -> {
			TeamRules.requireOpenForMembers(team, target, true);
			Instant now = this.clock.instant();
			Team.Edit edit = team.edit();
			TeamRole role = (input.role() != null) ? input.role() : TeamRole.OTHER;
			edit.members
				.add(new TeamMember(user.id(), user.displayName(), role, affiliation, null, JoinedVia.ORGANIZER, now));
			TeamRules.closeOthers(edit, user.id(), null, me, now);
			return edit;
		});
	}

	private static void requireMember(Team team, String userId) {
		if (!team.isMember(userId)) {
			throw DomainException.badInput("userId", Refusal.NOT_MEMBER);
		}
	}

}
