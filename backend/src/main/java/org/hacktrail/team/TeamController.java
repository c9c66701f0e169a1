package org.hacktrail.team;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hacktrail.identity.User;
import org.hacktrail.identity.UserRepository;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalService;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for teams. Rules, security and who may read what live in {@link TeamService};
 * this class turns teams into the schema's shapes. Related objects are batch-loaded: the
 * teams of a page of proposals, the proposals of a list of teams, requests or
 * invitations, and the users of a list of members each cost one round trip.
 */
@Controller
class TeamController {

	private final TeamService teams;

	private final ProposalService proposals;

	private final UserRepository users;

	TeamController(TeamService teams, ProposalService proposals, UserRepository users) {
		this.teams = teams;
		this.proposals = proposals;
		this.users = users;
	}

	// ---- views: the schema's shapes, built with the caller's rights applied

	record PositionView(String id, String skill, TeamRole role, @Nullable String description, int count, int filled,
			int openings, OffsetDateTime createdAt) {
	}

	record MemberView(String userId, String displayName, TeamRole role, @Nullable String affiliation,
			@Nullable PositionView position, JoinedVia joinedVia, OffsetDateTime joinedAt) {
	}

	record JoinRequestView(String id, String proposalId, String requesterId, String requesterName,
			@Nullable String message, @Nullable PositionView position, @Nullable TeamRole role,
			@Nullable String affiliation, RequestStatus status, @Nullable String decisionNote, OffsetDateTime createdAt,
			@Nullable OffsetDateTime decidedAt) {
	}

	record InvitationView(String id, String proposalId, String inviteeId, String inviteeName, @Nullable String message,
			TeamRole role, @Nullable PositionView position, RequestStatus status, String invitedBy,
			@Nullable String decisionNote, OffsetDateTime createdAt, @Nullable OffsetDateTime decidedAt) {
	}

	static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static PositionView position(Team team, OpenPosition position) {
		return new PositionView(position.id(), position.skill(), position.role(), position.description(),
				position.count(), team.filled(position), team.openings(position), utc(position.createdAt()));
	}

	static @Nullable PositionView position(Team team, @Nullable String positionId) {
		return team.position(positionId).map((p) -> position(team, p)).orElse(null);
	}

	static MemberView member(Team team, TeamMember member) {
		return new MemberView(member.userId(), member.displayName(), member.role(), member.affiliation(),
				position(team, member.positionId()), member.via(), utc(member.joinedAt()));
	}

	private JoinRequestView request(Team team, JoinRequest request) {
		// The message and the decision note are for the requester, the team's leads and
		// organizers only.
		boolean readable = this.teams.canRead(team, request);
		return new JoinRequestView(request.id(), team.id(), request.userId(), request.displayName(),
				readable ? request.message() : null, position(team, request.positionId()), request.role(),
				request.affiliation(), request.status(), readable ? request.decisionNote() : null,
				utc(request.createdAt()), utc(request.decidedAt()));
	}

	private InvitationView invitation(Team team, TeamInvitation invitation) {
		boolean readable = this.teams.canRead(team, invitation);
		return new InvitationView(invitation.id(), team.id(), invitation.userId(), invitation.displayName(),
				readable ? invitation.message() : null, invitation.role(), position(team, invitation.positionId()),
				invitation.status(), invitation.invitedBy(), readable ? invitation.decisionNote() : null,
				utc(invitation.createdAt()), utc(invitation.decidedAt()));
	}

	// ---- queries

	@QueryMapping
	@Nullable Team team(@Argument String proposalId) {
		return this.proposals.findVisible(proposalId).map(this.teams::teamOf).orElse(null);
	}

	@QueryMapping
	List<Team> myTeams() {
		return this.teams.myTeams();
	}

	@QueryMapping
	List<JoinRequestView> myJoinRequests(@Argument @Nullable List<RequestStatus> status) {
		return this.teams.myRequests(status).stream().map((r) -> request(r.team(), r.request())).toList();
	}

	@QueryMapping
	List<InvitationView> myTeamInvitations(@Argument @Nullable List<RequestStatus> status) {
		return this.teams.myInvitations(status).stream().map((i) -> invitation(i.team(), i.invitation())).toList();
	}

	@QueryMapping
	Window<Proposal> proposalsNeedingSkill(@Argument String hackathonSlug, @Argument String skill,
			ScrollSubrange subrange) {
		return this.teams.proposalsNeedingSkill(hackathonSlug, skill, subrange);
	}

	// ---- Team fields

	@BatchMapping(typeName = "Proposal")
	Map<Proposal, Team> team(List<Proposal> page) {
		return this.teams.teamsOf(page);
	}

	@BatchMapping(typeName = "Team", field = "proposal")
	Map<Team, Proposal> teamProposal(List<Team> teams) {
		Map<String, Proposal> byId = new HashMap<>();
		this.proposals.findAllVisible(teams.stream().map(Team::id).toList()).forEach((p) -> byId.put(p.id(), p));
		Map<Team, Proposal> result = new LinkedHashMap<>();
		teams.stream().filter((t) -> byId.containsKey(t.id())).forEach((t) -> result.put(t, byId.get(t.id())));
		return result;
	}

	@SchemaMapping(typeName = "Team")
	List<MemberView> members(Team team) {
		return team.members().stream().map((m) -> member(team, m)).toList();
	}

	@SchemaMapping(typeName = "Team")
	int size(Team team) {
		return team.size();
	}

	@SchemaMapping(typeName = "Team")
	List<PositionView> positions(Team team) {
		return team.positions().stream().map((p) -> position(team, p)).toList();
	}

	@SchemaMapping(typeName = "Team")
	List<PositionView> openPositions(Team team) {
		return team.positions().stream().filter((p) -> team.openings(p) > 0).map((p) -> position(team, p)).toList();
	}

	@SchemaMapping(typeName = "Team")
	List<JoinRequestView> joinRequests(Team team, @Argument @Nullable List<RequestStatus> status) {
		return this.teams.visibleRequests(team, status).stream().map((r) -> request(team, r)).toList();
	}

	@SchemaMapping(typeName = "Team")
	List<InvitationView> invitations(Team team, @Argument @Nullable List<RequestStatus> status) {
		return this.teams.visibleInvitations(team, status).stream().map((i) -> invitation(team, i)).toList();
	}

	@SchemaMapping(typeName = "Team")
	@Nullable String lateMembersReason(Team team) {
		return this.teams.canManage(team) ? team.lateMembersReason() : null;
	}

	@SchemaMapping(typeName = "Team")
	boolean viewerCanManage(Team team) {
		return this.teams.canManage(team);
	}

	@SchemaMapping(typeName = "Team")
	@Nullable MemberView viewerMembership(Team team) {
		return this.teams.myMembership(team).map((m) -> member(team, m)).orElse(null);
	}

	@SchemaMapping(typeName = "Team")
	int version(Team team) {
		return (team.version() != null) ? team.version().intValue() : 0;
	}

	@BatchMapping(typeName = "TeamMember")
	Map<MemberView, User> user(List<MemberView> members) {
		Set<String> ids = members.stream().map(MemberView::userId).collect(Collectors.toSet());
		Map<String, User> byId = new HashMap<>();
		this.users.findAllById(ids).forEach((u) -> byId.put(u.id(), u));
		Map<MemberView, User> result = new LinkedHashMap<>();
		members.stream()
			.filter((m) -> byId.containsKey(m.userId()))
			.forEach((m) -> result.put(m, byId.get(m.userId())));
		return result;
	}

	@BatchMapping(typeName = "JoinRequest", field = "proposal")
	Map<JoinRequestView, Proposal> requestProposal(List<JoinRequestView> requests) {
		return proposalsOf(requests, JoinRequestView::proposalId);
	}

	@BatchMapping(typeName = "TeamInvitation", field = "proposal")
	Map<InvitationView, Proposal> invitationProposal(List<InvitationView> invitations) {
		return proposalsOf(invitations, InvitationView::proposalId);
	}

	private <T> Map<T, Proposal> proposalsOf(List<T> items, java.util.function.Function<T, String> proposalId) {
		Map<String, Proposal> byId = new HashMap<>();
		this.proposals.findAllVisible(items.stream().map(proposalId).distinct().toList())
			.forEach((p) -> byId.put(p.id(), p));
		Map<T, Proposal> result = new LinkedHashMap<>();
		items.stream()
			.filter((i) -> byId.containsKey(proposalId.apply(i)))
			.forEach((i) -> result.put(i, byId.get(proposalId.apply(i))));
		return result;
	}

	// ---- mutations

	/**
	 * One payload record for every team mutation; each payload type of the schema reads
	 * the fields it declares.
	 */
	record TeamPayload(@Nullable Team team, @Nullable JoinRequestView joinRequest, @Nullable InvitationView invitation,
			@Nullable PositionView position, @Nullable MemberView member) {

		static TeamPayload of(Team team) {
			return new TeamPayload(team, null, null, null, null);
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

	record SetTeamPartnerAgencyInput(String proposalId, TeamService.@Nullable PartnerAgencyInput partnerAgency) {
	}

	record AllowLateTeamMembersInput(String proposalId, boolean allowed, @Nullable String reason) {
	}

	@MutationMapping
	TeamPayload openTeamPosition(@Argument TeamService.OpenPositionInput input) {
		Team team = this.teams.openPosition(input);
		OpenPosition opened = team.positions().get(team.positions().size() - 1);
		return new TeamPayload(team, null, null, position(team, opened), null);
	}

	@MutationMapping
	TeamPayload updateTeamPosition(@Argument TeamService.UpdatePositionInput input) {
		Team team = this.teams.updatePosition(input);
		return new TeamPayload(team, null, null, position(team, input.positionId()), null);
	}

	@MutationMapping
	TeamPayload removeTeamPosition(@Argument RemoveTeamPositionInput input) {
		return TeamPayload.of(this.teams.removePosition(input.proposalId(), input.positionId()));
	}

	@MutationMapping
	TeamPayload requestToJoinTeam(@Argument TeamService.JoinRequestInput input) {
		TeamService.TeamRequest made = this.teams.requestToJoin(input);
		return new TeamPayload(null, request(made.team(), made.request()), null, null, null);
	}

	@MutationMapping
	TeamPayload withdrawJoinRequest(@Argument RequestIdInput input) {
		TeamService.TeamRequest withdrawn = this.teams.withdrawRequest(input.requestId());
		return new TeamPayload(null, request(withdrawn.team(), withdrawn.request()), null, null, null);
	}

	@MutationMapping
	TeamPayload acceptJoinRequest(@Argument RequestIdInput input) {
		TeamService.TeamRequest accepted = this.teams
			.acceptRequest(new TeamService.DecisionInput(input.requestId(), input.note(), input.role(), null));
		return new TeamPayload(accepted.team(), request(accepted.team(), accepted.request()), null, null,
				accepted.team()
					.member(accepted.request().userId())
					.map((m) -> member(accepted.team(), m))
					.orElse(null));
	}

	@MutationMapping
	TeamPayload declineJoinRequest(@Argument RequestIdInput input) {
		TeamService.TeamRequest declined = this.teams
			.declineRequest(new TeamService.DecisionInput(input.requestId(), input.note(), null, null));
		return new TeamPayload(null, request(declined.team(), declined.request()), null, null, null);
	}

	@MutationMapping
	TeamPayload inviteToTeam(@Argument TeamService.InviteInput input) {
		TeamService.TeamInvite made = this.teams.invite(input);
		return new TeamPayload(made.team(), null, invitation(made.team(), made.invitation()), null, null);
	}

	@MutationMapping
	TeamPayload acceptTeamInvitation(@Argument InvitationIdInput input) {
		TeamService.TeamInvite accepted = this.teams.acceptInvitation(input.invitationId(), input.affiliation());
		return new TeamPayload(accepted.team(), null, invitation(accepted.team(), accepted.invitation()), null,
				accepted.team()
					.member(accepted.invitation().userId())
					.map((m) -> member(accepted.team(), m))
					.orElse(null));
	}

	@MutationMapping
	TeamPayload declineTeamInvitation(@Argument InvitationIdInput input) {
		TeamService.TeamInvite declined = this.teams.declineInvitation(input.invitationId(), input.note());
		return new TeamPayload(null, null, invitation(declined.team(), declined.invitation()), null, null);
	}

	@MutationMapping
	TeamPayload withdrawTeamInvitation(@Argument InvitationIdInput input) {
		TeamService.TeamInvite withdrawn = this.teams.withdrawInvitation(input.invitationId());
		return new TeamPayload(null, null, invitation(withdrawn.team(), withdrawn.invitation()), null, null);
	}

	@MutationMapping
	TeamPayload leaveTeam(@Argument LeaveTeamInput input) {
		return TeamPayload.of(this.teams.leave(input.proposalId(), input.handOverTo()));
	}

	@MutationMapping
	TeamPayload removeTeamMember(@Argument TeamService.MemberInput input) {
		return TeamPayload.of(this.teams.removeMember(input));
	}

	@MutationMapping
	TeamPayload updateTeamMember(@Argument TeamService.MemberInput input) {
		Team team = this.teams.updateMember(input);
		return new TeamPayload(team, null, null, null,
				team.member(input.userId()).map((m) -> member(team, m)).orElse(null));
	}

	@MutationMapping
	TeamPayload addTeamMember(@Argument TeamService.MemberInput input) {
		Team team = this.teams.addMember(input);
		return new TeamPayload(team, null, null, null,
				team.member(input.userId()).map((m) -> member(team, m)).orElse(null));
	}

	@MutationMapping
	TeamPayload setTeamPartnerAgency(@Argument SetTeamPartnerAgencyInput input) {
		return TeamPayload.of(this.teams.setPartnerAgency(input.proposalId(), input.partnerAgency()));
	}

	@MutationMapping
	TeamPayload allowLateTeamMembers(@Argument AllowLateTeamMembersInput input) {
		return TeamPayload.of(this.teams.allowLateMembers(input.proposalId(), input.allowed(), input.reason()));
	}

}
