package org.hacktrail.team;

import org.hacktrail.team.TeamViews.InvitationView;
import org.hacktrail.team.TeamViews.JoinRequestView;
import org.hacktrail.team.TeamViews.MemberView;
import org.hacktrail.team.TeamViews.PositionView;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL mutations of teams, one feature class each: positions ({@link TeamPositions}),
 * join requests ({@link JoinRequests}), invitations ({@link TeamInvitations}), members
 * ({@link TeamMembers}) and settings ({@link TeamSettings}). Rules and security live
 * there; this class turns the results into the schema's payloads.
 */
@Controller
class TeamMutationController {

	private final TeamPositions positions;

	private final JoinRequests requests;

	private final TeamInvitations invitations;

	private final TeamMembers members;

	private final TeamSettings settings;

	private final TeamViews views;

	TeamMutationController(TeamPositions positions, JoinRequests requests, TeamInvitations invitations,
			TeamMembers members, TeamSettings settings, TeamViews views) {
		this.positions = positions;
		this.requests = requests;
		this.invitations = invitations;
		this.members = members;
		this.settings = settings;
		this.views = views;
	}

	/**
	 * One payload record for every team mutation; each payload type of the schema reads
	 * the fields it declares.
	 */
	record TeamPayload(@Nullable Team team, @Nullable JoinRequestView joinRequest, @Nullable InvitationView invitation,
			@Nullable PositionView position, @Nullable MemberView member) {

		static TeamPayload of(Team team) {
			return new TeamPayload(team, null, null, null, null);
		}

		/** The team and its member {@code userId} as written. */
		static TeamPayload ofMember(Team team, @Nullable String userId) {
			return new TeamPayload(team, null, null, null, TeamViews.member(team, userId));
		}

	}

	record RemoveTeamPositionInput(String proposalId, String positionId) {
	}

	record RequestIdInput(String requestId, @Nullable String note, @Nullable TeamRole role) {
	}

	record InvitationIdInput(String invitationId, @Nullable String note, @Nullable String affiliation) {
	}

	record LeaveTeamInput(String proposalId, @Nullable String handOverTo) {
	}

	record SetTeamPartnerAgencyInput(String proposalId, TeamSettings.@Nullable PartnerAgencyInput partnerAgency) {
	}

	record AllowLateTeamMembersInput(String proposalId, boolean allowed, @Nullable String reason) {
	}

	// ---- positions

	@MutationMapping
	TeamPayload openTeamPosition(@Argument TeamPositions.OpenPositionInput input) {
		Team team = this.positions.open(input);
		OpenPosition opened = team.positions().get(team.positions().size() - 1);
		return new TeamPayload(team, null, null, TeamViews.position(team, opened), null);
	}

	@MutationMapping
	TeamPayload updateTeamPosition(@Argument TeamPositions.UpdatePositionInput input) {
		Team team = this.positions.update(input);
		return new TeamPayload(team, null, null, TeamViews.position(team, input.positionId()), null);
	}

	@MutationMapping
	TeamPayload removeTeamPosition(@Argument RemoveTeamPositionInput input) {
		return TeamPayload.of(this.positions.remove(input.proposalId(), input.positionId()));
	}

	// ---- join requests

	@MutationMapping
	TeamPayload requestToJoinTeam(@Argument JoinRequests.JoinRequestInput input) {
		return new TeamPayload(null, this.views.request(this.requests.request(input)), null, null, null);
	}

	@MutationMapping
	TeamPayload withdrawJoinRequest(@Argument RequestIdInput input) {
		return new TeamPayload(null, this.views.request(this.requests.withdraw(input.requestId())), null, null, null);
	}

	@MutationMapping
	TeamPayload acceptJoinRequest(@Argument RequestIdInput input) {
		TeamRequest accepted = this.requests
			.accept(new JoinRequests.DecisionInput(input.requestId(), input.note(), input.role()));
		return new TeamPayload(accepted.team(), this.views.request(accepted), null, null,
				TeamViews.member(accepted.team(), accepted.request().userId()));
	}

	@MutationMapping
	TeamPayload declineJoinRequest(@Argument RequestIdInput input) {
		TeamRequest declined = this.requests
			.decline(new JoinRequests.DecisionInput(input.requestId(), input.note(), null));
		return new TeamPayload(null, this.views.request(declined), null, null, null);
	}

	// ---- invitations

	@MutationMapping
	TeamPayload inviteToTeam(@Argument TeamInvitations.InviteInput input) {
		TeamInvite made = this.invitations.invite(input);
		return new TeamPayload(made.team(), null, this.views.invitation(made), null, null);
	}

	@MutationMapping
	TeamPayload acceptTeamInvitation(@Argument InvitationIdInput input) {
		TeamInvite accepted = this.invitations.accept(input.invitationId(), input.affiliation());
		return new TeamPayload(accepted.team(), null, this.views.invitation(accepted), null,
				TeamViews.member(accepted.team(), accepted.invitation().userId()));
	}

	@MutationMapping
	TeamPayload declineTeamInvitation(@Argument InvitationIdInput input) {
		TeamInvite declined = this.invitations.decline(input.invitationId(), input.note());
		return new TeamPayload(null, null, this.views.invitation(declined), null, null);
	}

	@MutationMapping
	TeamPayload withdrawTeamInvitation(@Argument InvitationIdInput input) {
		TeamInvite withdrawn = this.invitations.withdraw(input.invitationId());
		return new TeamPayload(null, null, this.views.invitation(withdrawn), null, null);
	}

	// ---- members

	@MutationMapping
	TeamPayload leaveTeam(@Argument LeaveTeamInput input) {
		return TeamPayload.of(this.members.leave(input.proposalId(), input.handOverTo()));
	}

	@MutationMapping
	TeamPayload removeTeamMember(@Argument TeamMembers.MemberInput input) {
		return TeamPayload.of(this.members.remove(input));
	}

	@MutationMapping
	TeamPayload updateTeamMember(@Argument TeamMembers.MemberInput input) {
		return TeamPayload.ofMember(this.members.update(input), input.userId());
	}

	@MutationMapping
	TeamPayload addTeamMember(@Argument TeamMembers.MemberInput input) {
		return TeamPayload.ofMember(this.members.add(input), input.userId());
	}

	// ---- settings

	@MutationMapping
	TeamPayload setTeamPartnerAgency(@Argument SetTeamPartnerAgencyInput input) {
		return TeamPayload.of(this.settings.setPartnerAgency(input.proposalId(), input.partnerAgency()));
	}

	@MutationMapping
	TeamPayload allowLateTeamMembers(@Argument AllowLateTeamMembersInput input) {
		return TeamPayload.of(this.settings.allowLateMembers(input.proposalId(), input.allowed(), input.reason()));
	}

}
