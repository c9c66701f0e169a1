package org.hacktrail.team;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.User;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Asking to join a team: any signed-in person who is not a member asks (one pending
 * request per person and team), the requester withdraws, the team's leads and organizers
 * accept (the requester joins, see {@link TeamMembership}) or decline.
 */
@Service
class JoinRequests {

	static final int MAX_PENDING_REQUESTS = 200;

	static final int MAX_REQUESTS = 1000;

	private final TeamChanges changes;

	private final TeamMembership membership;

	private final TeamPolicy policy;

	private final TeamNotifications notifications;

	private final CurrentUser currentUser;

	private final Clock clock;

	JoinRequests(TeamChanges changes, TeamMembership membership, TeamPolicy policy, TeamNotifications notifications,
			CurrentUser currentUser, Clock clock) {
		this.changes = changes;
		this.membership = membership;
		this.policy = policy;
		this.notifications = notifications;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	record JoinRequestInput(String proposalId, @Nullable String message, @Nullable String positionId,
			@Nullable TeamRole role, @Nullable String affiliation) {
	}

	record DecisionInput(String id, @Nullable String note, @Nullable TeamRole role) {
	}

	/** Asks to join a team; its leads are told. */
	TeamRequest request(JoinRequestInput input) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.target(input.proposalId());
		String message = TeamRules.text(input.message(), "message", TeamRules.MAX_MESSAGE, FreeText.Kind.TEXT);
		String affiliation = TeamRules.text(input.affiliation(), "affiliation", TeamRules.MAX_AFFILIATION,
				FreeText.Kind.LINE);
		User user = this.currentUser.require();
		this.membership.requireNoOtherTeam(target, me, "You can be in only one team at this hackathon and are "
				+ "already in another one; leave it before asking to join this one.");
		// A team's id is its proposal's, so the request's id is known before the write.
		String requestId = Team.newChildId(target.proposal().id());
		Team saved = this.changes.change(target, (team) -> {
			TeamRules.requireOpenForMembers(team, target, false);
			if (team.isMember(me)) {
				throw DomainException.badInput("proposalId", Refusal.ALREADY_MEMBER_SELF);
			}
			if (team.pendingRequestOf(me).isPresent()) {
				throw new DomainException(ErrorCode.CONFLICT, "You already asked to join this team and the request "
						+ "is pending; withdraw it to ask again.", Map.of("rule", "onePendingRequest"));
			}
			TeamRules.requireFreeSeatToOffer(team, input.positionId());
			if (team.pendingRequests() >= MAX_PENDING_REQUESTS || team.requests().size() >= MAX_REQUESTS) {
				throw DomainException.conflict("This team has too many join requests to take more; try later.");
			}
			Team.Edit edit = team.edit();
			edit.requests.add(new JoinRequest(requestId, me, user.displayName(), message, input.positionId(),
					input.role(), affiliation, RequestStatus.PENDING, null, null, this.clock.instant(), null));
			return edit.build(this.clock.instant());
		});
		JoinRequest request = saved.request(requestId).orElseThrow();
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("requestId", request.id());
		parameters.put("requesterName", request.displayName());
		saved.position(request.positionId()).ifPresent((p) -> parameters.put("positionSkill", p.skill()));
		this.notifications.send(saved.leadIds(), TeamNotifications.JOIN_REQUEST_RECEIVED, target, parameters);
		return new TeamRequest(saved, request);
	}

	/** Withdraws a pending request (the requester, organizers). */
	TeamRequest withdraw(String requestId) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.targetOf(requestId, "join request");
		Team saved = this.changes.change(target, (team) -> {
			JoinRequest request = this.policy.requireRequest(team, requestId);
			if (!request.userId().equals(me) && !this.policy.isOrganizer()) {
				throw DomainException.forbidden("Only the person who asked (or an organizer) can withdraw a join "
						+ "request; leads decline it instead.");
			}
			TeamRules.requirePending(request.status(), "join request");
			Team.Edit edit = team.edit();
			edit.replaceRequest(requestId, (r) -> r.decided(RequestStatus.WITHDRAWN, null, me, this.clock.instant()));
			return edit.build(this.clock.instant());
		});
		return new TeamRequest(saved, saved.request(requestId).orElseThrow());
	}

	/**
	 * Accepts a pending request (leads, organizers): the requester becomes a member in
	 * the wanted position (refused with CONFLICT when it has no free seat left) with its
	 * role, unless {@code role} says otherwise. The requester is told.
	 */
	TeamRequest accept(DecisionInput input) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.targetOf(input.id(), "join request");
		String note = note(input.note());
		// Who joins is known from the request; the lock of the one-team rule is taken
		// before the team changes.
		Team first = this.changes.current(target);
		this.policy.requireManager(first, "accept join requests");
		JoinRequest asked = this.policy.requireRequest(first, input.id());
		TeamRules.requirePending(asked.status(), "join request");
		TeamRules.requireOpenForMembers(first, target, false);
		Team saved = this.membership.join(target, asked.userId(), false, (team) -> {
			this.policy.requireManager(team, "accept join requests");
			JoinRequest request = this.policy.requireRequest(team, input.id());
			TeamRules.requirePending(request.status(), "join request");
			TeamRules.requireOpenForMembers(team, target, false);
			TeamRules.requireSeat(team, request.positionId());
			TeamRole role = (input.role() != null) ? input.role()
					: team.position(request.positionId())
						.map(OpenPosition::role)
						.orElse((request.role() != null) ? request.role() : TeamRole.OTHER);
			Instant now = this.clock.instant();
			Team.Edit edit = team.edit();
			edit.members.add(new TeamMember(request.userId(), request.displayName(), role, request.affiliation(),
					team.position(request.positionId()).map(OpenPosition::id).orElse(null), JoinedVia.REQUEST, now));
			edit.replaceRequest(request.id(), (r) -> r.decided(RequestStatus.ACCEPTED, note, me, now));
			TeamRules.closeOthers(edit, request.userId(), request.id(), me, now);
			return edit;
		});
		return decided(saved, input.id(), note, TeamNotifications.JOIN_REQUEST_ACCEPTED, target);
	}

	/**
	 * Declines a pending request, with an optional note to the requester (leads,
	 * organizers).
	 */
	TeamRequest decline(DecisionInput input) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.targetOf(input.id(), "join request");
		String note = note(input.note());
		Team saved = this.changes.change(target, (team) -> {
			this.policy.requireManager(team, "decline join requests");
			JoinRequest request = this.policy.requireRequest(team, input.id());
			TeamRules.requirePending(request.status(), "join request");
			Team.Edit edit = team.edit();
			edit.replaceRequest(request.id(), (r) -> r.decided(RequestStatus.DECLINED, note, me, this.clock.instant()));
			return edit.build(this.clock.instant());
		});
		return decided(saved, input.id(), note, TeamNotifications.JOIN_REQUEST_DECLINED, target);
	}

	/** Tells the requester of the decision on their request, as written. */
	private TeamRequest decided(Team saved, String requestId, @Nullable String note, String type,
			TeamChanges.Target target) {
		JoinRequest request = saved.request(requestId).orElseThrow();
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("requestId", request.id());
		if (note != null) {
			parameters.put("note", note);
		}
		this.notifications.send(List.of(request.userId()), type, target, parameters);
		return new TeamRequest(saved, request);
	}

	private static @Nullable String note(@Nullable String note) {
		return TeamRules.text(note, "note", TeamRules.MAX_NOTE, FreeText.Kind.TEXT);
	}

}
