package org.hacktrail.team;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.team.TeamViews.InvitationView;
import org.hacktrail.team.TeamViews.JoinRequestView;
import org.hacktrail.team.TeamViews.MemberView;
import org.hacktrail.team.TeamViews.PositionView;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * GraphQL queries of teams and their fields ({@link TeamMutationController} changes
 * them). Who may read what lives in {@link TeamPolicy}; this class turns teams into the
 * schema's shapes ({@link TeamViews}). Related objects are batch-loaded: the teams of a
 * page of proposals, the proposals of a list of teams, requests or invitations, and the
 * users of a list of members each cost one round trip.
 */
@Controller
class TeamController {

	private final TeamQueries teams;

	private final TeamPolicy policy;

	private final TeamViews views;

	private final UserDirectory users;

	private final TeamInviteSearch inviteSearch;

	TeamController(TeamQueries teams, TeamPolicy policy, TeamViews views, UserDirectory users,
			TeamInviteSearch inviteSearch) {
		this.teams = teams;
		this.policy = policy;
		this.views = views;
		this.users = users;
		this.inviteSearch = inviteSearch;
	}

	// ---- queries

	@QueryMapping
	@Nullable Team team(@Argument String proposalId) {
		return this.teams.team(proposalId).orElse(null);
	}

	@QueryMapping
	List<Team> myTeams() {
		return this.teams.myTeams();
	}

	@QueryMapping
	List<JoinRequestView> myJoinRequests(@Argument @Nullable List<RequestStatus> status) {
		return this.teams.myRequests(status).stream().map(this.views::request).toList();
	}

	@QueryMapping
	List<InvitationView> myTeamInvitations(@Argument @Nullable List<RequestStatus> status) {
		return this.teams.myInvitations(status).stream().map(this.views::invitation).toList();
	}

	@QueryMapping
	Window<Proposal> proposalsNeedingSkill(@Argument String hackathonSlug, @Argument String skill,
			ScrollSubrange subrange) {
		return this.teams.proposalsNeedingSkill(hackathonSlug, skill, subrange);
	}

	@QueryMapping
	List<TeamInviteSearch.Candidate> inviteCandidates(@Argument String proposalId, @Argument String search) {
		return this.inviteSearch.search(proposalId, search);
	}

	// ---- Team fields

	@BatchMapping(typeName = "Proposal")
	Map<Proposal, Team> team(List<Proposal> page) {
		return this.teams.teamsOf(page);
	}

	@BatchMapping(typeName = "Team", field = "proposal")
	Map<Team, Proposal> teamProposal(List<Team> teams) {
		return this.teams.proposalsOf(teams, Team::id);
	}

	@SchemaMapping(typeName = "Team")
	List<MemberView> members(Team team) {
		return team.members().stream().map((m) -> TeamViews.member(team, m)).toList();
	}

	@SchemaMapping(typeName = "Team")
	int size(Team team) {
		return team.size();
	}

	@SchemaMapping(typeName = "Team")
	List<PositionView> positions(Team team) {
		return team.positions().stream().map((p) -> TeamViews.position(team, p)).toList();
	}

	@SchemaMapping(typeName = "Team")
	List<PositionView> openPositions(Team team) {
		return team.positions()
			.stream()
			.filter((p) -> team.openings(p) > 0)
			.map((p) -> TeamViews.position(team, p))
			.toList();
	}

	@SchemaMapping(typeName = "Team")
	List<JoinRequestView> joinRequests(Team team, @Argument @Nullable List<RequestStatus> status) {
		return this.policy.visibleRequests(team, status).stream().map((r) -> this.views.request(team, r)).toList();
	}

	@SchemaMapping(typeName = "Team")
	List<InvitationView> invitations(Team team, @Argument @Nullable List<RequestStatus> status) {
		return this.policy.visibleInvitations(team, status)
			.stream()
			.map((i) -> this.views.invitation(team, i))
			.toList();
	}

	@SchemaMapping(typeName = "Team")
	@Nullable String lateMembersReason(Team team) {
		return this.policy.canManage(team) ? team.lateMembersReason() : null;
	}

	@SchemaMapping(typeName = "Team")
	boolean viewerCanManage(Team team) {
		return this.policy.canManage(team);
	}

	@SchemaMapping(typeName = "Team")
	@Nullable MemberView viewerMembership(Team team) {
		return this.policy.myMembership(team).map((m) -> TeamViews.member(team, m)).orElse(null);
	}

	/**
	 * A team not stored yet (the one a proposal starts with, {@link Team#initial}) has no
	 * version: it reads as 0.
	 */
	@SchemaMapping(typeName = "Team")
	long version(Team team) {
		Long version = team.version();
		return (version != null) ? version : 0;
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
		return this.teams.proposalsOf(requests, JoinRequestView::proposalId);
	}

	@BatchMapping(typeName = "TeamInvitation", field = "proposal")
	Map<InvitationView, Proposal> invitationProposal(List<InvitationView> invitations) {
		return this.teams.proposalsOf(invitations, InvitationView::proposalId);
	}

}
