package org.hacktrail.team;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.hacktrail.platform.DomainException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who may see and change what of a team. A team is visible exactly when its proposal is
 * (hidden: NOT_FOUND, see {@link TeamQueries}). Its leads and organizers manage it:
 * positions, accepting and declining requests, invitations, members' roles, the partner
 * agency. A requester withdraws their own request; an invitee accepts or declines their
 * own invitation (nobody accepts one for them, organizers included: they add members
 * directly instead); a member leaves by themself. Organizers alone add members directly
 * and allow late members. Anyone else: FORBIDDEN; anonymous callers: UNAUTHENTICATED. A
 * join request's message and decision note are read only by the requester, the team's
 * leads and organizers.
 */
@Component
class TeamPolicy {

	private final CurrentUser currentUser;

	TeamPolicy(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	/** Whether the caller manages the team: one of its leads, or an organizer. */
	boolean canManage(Team team) {
		return isOrganizer() || team.isLead(this.currentUser.id().orElse(null));
	}

	boolean isOrganizer() {
		return this.currentUser.hasRole(Role.ORGANIZER);
	}

	/** The caller's membership, if any. */
	Optional<TeamMember> myMembership(Team team) {
		return this.currentUser.id().flatMap(team::member);
	}

	/**
	 * A request (its message and decision note) is read by the requester, the team's
	 * leads and organizers only.
	 */
	boolean canRead(Team team, JoinRequest request) {
		return canManage(team) || this.currentUser.id().map(request.userId()::equals).orElse(false);
	}

	/** An invitation is read by the invitee, the team's leads and organizers only. */
	boolean canRead(Team team, TeamInvitation invitation) {
		return canManage(team) || this.currentUser.id().map(invitation.userId()::equals).orElse(false);
	}

	/**
	 * Join requests the caller may see, newest first: all for leads and organizers, their
	 * own for everyone else.
	 */
	List<JoinRequest> visibleRequests(Team team, @Nullable Collection<RequestStatus> statuses) {
		return team.requests()
			.stream()
			.filter((r) -> r.status().isIn(statuses) && canRead(team, r))
			.sorted(Comparator.comparing(JoinRequest::createdAt).reversed())
			.toList();
	}

	/**
	 * Invitations the caller may see, newest first: all for leads and organizers, their
	 * own for everyone else.
	 */
	List<TeamInvitation> visibleInvitations(Team team, @Nullable Collection<RequestStatus> statuses) {
		return team.invitations()
			.stream()
			.filter((i) -> i.status().isIn(statuses) && canRead(team, i))
			.sorted(Comparator.comparing(TeamInvitation::createdAt).reversed())
			.toList();
	}

	void requireManager(Team team, String action) {
		if (!canManage(team)) {
			throw DomainException.forbidden("Only the team's leads and organizers can " + action + ".");
		}
	}

	/** FORBIDDEN with {@code message} unless the caller is an organizer. */
	void requireOrganizer(String message) {
		if (!isOrganizer()) {
			throw DomainException.forbidden(message);
		}
	}

	JoinRequest requireRequest(Team team, String requestId) {
		JoinRequest request = team.request(requestId)
			.orElseThrow(() -> DomainException.notFound("There is no join request with the id '" + requestId + "'."));
		if (!canRead(team, request)) {
			throw DomainException
				.forbidden("Only the team's leads and organizers can act on someone else's join request.");
		}
		return request;
	}

	TeamInvitation requireInvitation(Team team, String invitationId) {
		TeamInvitation invitation = team.invitation(invitationId)
			.orElseThrow(() -> DomainException.notFound("There is no invitation with the id '" + invitationId + "'."));
		if (!canRead(team, invitation)) {
			throw DomainException
				.forbidden("Only the invited person, the team's leads and organizers can act on an invitation.");
		}
		return invitation;
	}

}
