package org.hacktrail.team;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Invitations to a team: the team's leads and organizers invite a person (one pending
 * invitation per person and team) and may withdraw it; only the invitee accepts (joining,
 * see {@link TeamMembership}) or declines it.
 */
@Service
class TeamInvitations {

	static final int MAX_INVITATIONS = 300;

	private final TeamChanges changes;

	private final TeamMembership membership;

	private final TeamPolicy policy;

	private final TeamNotifications notifications;

	private final CurrentUser currentUser;

	private final UserDirectory users;

	private final Clock clock;

	TeamInvitations(TeamChanges changes, TeamMembership membership, TeamPolicy policy, TeamNotifications notifications,
			CurrentUser currentUser, UserDirectory users, Clock clock) {
		this.changes = changes;
		this.membership = membership;
		this.policy = policy;
		this.notifications = notifications;
		this.currentUser = currentUser;
		this.users = users;
		this.clock = clock;
	}

	record InviteInput(String proposalId, String userId, @Nullable TeamRole role, @Nullable String positionId,
			@Nullable String message) {
	}

	/** Invites a person (leads, organizers); they are told, and accept or decline it. */
	TeamInvite invite(InviteInput input) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.target(input.proposalId());
		String message = TeamRules.text(input.message(), "message", TeamRules.MAX_MESSAGE, FreeText.Kind.TEXT);
		// The caller's rights first, so that nobody else can probe who is in which team.
		this.policy.requireManager(this.changes.current(target), "invite people");
		User invitee = this.users.findById(input.userId())
			.orElseThrow(() -> DomainException.notFound("There is no user with the id '" + input.userId() + "'."));
		this.membership.requireNoOtherTeam(target, invitee.id(),
				"This person is already in another team at this hackathon, where a person can be in only one.");
		// A team's id is its proposal's, so the invitation's id is known before the
		// write.
		String invitationId = Team.newChildId(target.proposal().id());
		Team saved = this.changes.change(target, (team) -> {
			this.policy.requireManager(team, "invite people");
			TeamRules.requireOpenForMembers(team, target, false);
			if (team.isMember(invitee.id())) {
				throw DomainException.badInput("userId", Refusal.ALREADY_MEMBER);
			}
			if (team.pendingInvitationOf(invitee.id()).isPresent()) {
				throw new DomainException(ErrorCode.CONFLICT,
						"This person already has a pending invitation to this team.",
						Map.of("rule", "onePendingInvitation"));
			}
			TeamRules.requireFreeSeatToOffer(team, input.positionId());
			if (team.invitations().size() >= MAX_INVITATIONS) {
				throw DomainException.conflict("This team has sent too many invitations to send more.");
			}
			// The role offered: as given, else the position's, else OTHER.
			TeamRole role = (input.role() != null) ? input.role()
					: team.position(input.positionId()).map(OpenPosition::role).orElse(TeamRole.OTHER);
			Team.Edit edit = team.edit();
			edit.invitations.add(new TeamInvitation(invitationId, invitee.id(), invitee.displayName(), message, role,
					input.positionId(), RequestStatus.PENDING, me, null, this.clock.instant(), null));
			return edit.build(this.clock.instant());
		});
		TeamInvitation invitation = saved.invitation(invitationId).orElseThrow();
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("invitationId", invitation.id());
		parameters.put("role", invitation.role().name());
		saved.position(invitation.positionId()).ifPresent((p) -> parameters.put("positionSkill", p.skill()));
		this.notifications.send(List.of(invitee.id()), TeamNotifications.INVITATION_RECEIVED, target, parameters);
		return new TeamInvite(saved, invitation);
	}

	/**
	 * Accepts an invitation (the invitee only): they become a member in the offered
	 * position and role, and the team's other leads are told.
	 */
	TeamInvite accept(String invitationId, @Nullable String affiliation) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.targetOf(invitationId, "invitation");
		String checkedAffiliation = TeamRules.text(affiliation, "affiliation", TeamRules.MAX_AFFILIATION,
				FreeText.Kind.LINE);
		Team first = this.changes.current(target);
		TeamInvitation offered = this.policy.requireInvitation(first, invitationId);
		requireInvitee(offered, me, "accept");
		TeamRules.requirePending(offered.status(), "invitation");
		TeamRules.requireOpenForMembers(first, target, false);
		Team saved = this.membership.join(target, me, true, (team) -> {
			TeamInvitation invitation = this.policy.requireInvitation(team, invitationId);
			TeamRules.requirePending(invitation.status(), "invitation");
			TeamRules.requireOpenForMembers(team, target, false);
			TeamRules.requireSeat(team, invitation.positionId());
			Instant now = this.clock.instant();
			Team.Edit edit = team.edit();
			edit.members.add(new TeamMember(me, invitation.displayName(), invitation.role(), checkedAffiliation,
					team.position(invitation.positionId()).map(OpenPosition::id).orElse(null), JoinedVia.INVITATION,
					now));
			edit.replaceInvitation(invitationId, (i) -> i.decided(RequestStatus.ACCEPTED, null, now));
			TeamRules.closeOthers(edit, me, invitationId, me, now);
			return edit;
		});
		TeamInvitation accepted = saved.invitation(invitationId).orElseThrow();
		this.notifications.send(saved.leadIds().stream().filter((id) -> !id.equals(me)).toList(),
				TeamNotifications.INVITATION_ACCEPTED, target,
				Map.of("invitationId", accepted.id(), "inviteeName", accepted.displayName()));
		return new TeamInvite(saved, accepted);
	}

	/** Declines an invitation (the invitee only); the team's leads are told. */
	TeamInvite decline(String invitationId, @Nullable String note) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.targetOf(invitationId, "invitation");
		String checkedNote = TeamRules.text(note, "note", TeamRules.MAX_NOTE, FreeText.Kind.TEXT);
		Team saved = this.changes.change(target, (team) -> {
			TeamInvitation invitation = this.policy.requireInvitation(team, invitationId);
			requireInvitee(invitation, me, "decline");
			TeamRules.requirePending(invitation.status(), "invitation");
			Team.Edit edit = team.edit();
			edit.replaceInvitation(invitationId,
					(i) -> i.decided(RequestStatus.DECLINED, checkedNote, this.clock.instant()));
			return edit.build(this.clock.instant());
		});
		TeamInvitation declined = saved.invitation(invitationId).orElseThrow();
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("invitationId", declined.id());
		parameters.put("inviteeName", declined.displayName());
		if (checkedNote != null) {
			parameters.put("note", checkedNote);
		}
		this.notifications.send(saved.leadIds(), TeamNotifications.INVITATION_DECLINED, target, parameters);
		return new TeamInvite(saved, declined);
	}

	/** Withdraws a pending invitation (leads, organizers). */
	TeamInvite withdraw(String invitationId) {
		TeamChanges.Target target = this.changes.targetOf(invitationId, "invitation");
		Team saved = this.changes.change(target, (team) -> {
			this.policy.requireManager(team, "withdraw invitations");
			TeamInvitation invitation = this.policy.requireInvitation(team, invitationId);
			TeamRules.requirePending(invitation.status(), "invitation");
			Team.Edit edit = team.edit();
			edit.replaceInvitation(invitationId, (i) -> i.decided(RequestStatus.WITHDRAWN, null, this.clock.instant()));
			return edit.build(this.clock.instant());
		});
		return new TeamInvite(saved, saved.invitation(invitationId).orElseThrow());
	}

	private static void requireInvitee(TeamInvitation invitation, String me, String action) {
		if (!invitation.userId().equals(me)) {
			throw DomainException.forbidden("Only the invited person can " + action + " an invitation; organizers add "
					+ "members directly instead.");
		}
	}

}
