package org.hacktrail.team;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.team.TeamViews.MemberView;
import org.hacktrail.team.TeamViews.PositionView;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for team invitation links. Rules and security live in
 * {@link TeamInviteLinkService}; this class turns links into the schema's shapes. The
 * token is never part of a link's shape: it appears once, in the answer to
 * {@code createTeamInviteLink}.
 */
@Controller
class TeamInviteLinkController {

	private final TeamInviteLinkService links;

	private final TeamQueries teams;

	private final TeamPolicy policy;

	private final CurrentUser currentUser;

	private final Clock clock;

	TeamInviteLinkController(TeamInviteLinkService links, TeamQueries teams, TeamPolicy policy, CurrentUser currentUser,
			Clock clock) {
		this.links = links;
		this.teams = teams;
		this.policy = policy;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	record InviteLinkView(String id, String proposalId, @Nullable String message, TeamRole role,
			@Nullable PositionView position, RequestStatus status, boolean expired, String createdByName,
			Instant createdAt, Instant expiresAt, @Nullable String usedByName, @Nullable Instant usedAt,
			@Nullable String decisionNote) {
	}

	private InviteLinkView view(Team team, TeamInviteLink link) {
		// Who used the link, and their note: for the team's leads and organizers, and for
		// that person.
		boolean readable = this.policy.canManage(team)
				|| this.currentUser.id().map((id) -> id.equals(link.usedBy())).orElse(false);
		return new InviteLinkView(link.id(), link.teamId(), link.message(), link.role(),
				TeamViews.position(team, link.positionId()), link.status(), link.isExpired(this.clock.instant()),
				link.createdByName(), link.createdAt(), link.expiresAt(), readable ? link.usedByName() : null,
				readable ? link.usedAt() : null, readable ? link.decisionNote() : null);
	}

	// ---- reading

	@QueryMapping
	InviteLinkView teamInviteLink(@Argument String token) {
		TeamInviteLinkService.Linked opened = this.links.open(token);
		return view(opened.team(), opened.link());
	}

	@BatchMapping(typeName = "Team", field = "openInviteLinks")
	Map<Team, List<InviteLinkView>> openInviteLinks(List<Team> teams) {
		Map<Team, List<InviteLinkView>> result = new LinkedHashMap<>();
		this.links.openLinks(teams)
			.forEach((team, open) -> result.put(team, open.stream().map((link) -> view(team, link)).toList()));
		return result;
	}

	@BatchMapping(typeName = "TeamInviteLink", field = "proposal")
	Map<InviteLinkView, Proposal> proposal(List<InviteLinkView> views) {
		return this.teams.proposalsOf(views, InviteLinkView::proposalId);
	}

	// ---- mutations

	/**
	 * One payload record for every link mutation; each payload type of the schema reads
	 * the fields it declares.
	 */
	record LinkPayload(InviteLinkView link, Team team, @Nullable String token, @Nullable String path,
			@Nullable MemberView member) {
	}

	record WithdrawTeamInviteLinkInput(String linkId) {
	}

	record AcceptTeamInviteLinkInput(String token, @Nullable String affiliation) {
	}

	record DeclineTeamInviteLinkInput(String token, @Nullable String note) {
	}

	@MutationMapping
	LinkPayload createTeamInviteLink(@Argument TeamInviteLinkService.CreateInput input) {
		TeamInviteLinkService.Issued issued = this.links.create(input);
		return new LinkPayload(view(issued.team(), issued.link()), issued.team(), issued.token(), issued.path(), null);
	}

	@MutationMapping
	LinkPayload withdrawTeamInviteLink(@Argument WithdrawTeamInviteLinkInput input) {
		TeamInviteLinkService.Linked withdrawn = this.links.withdraw(input.linkId());
		return new LinkPayload(view(withdrawn.team(), withdrawn.link()), withdrawn.team(), null, null, null);
	}

	@MutationMapping
	LinkPayload acceptTeamInviteLink(@Argument AcceptTeamInviteLinkInput input) {
		TeamInviteLinkService.Linked joined = this.links.accept(input.token(), input.affiliation());
		Team team = joined.team();
		return new LinkPayload(view(team, joined.link()), team, null, null,
				TeamViews.member(team, joined.link().usedBy()));
	}

	@MutationMapping
	LinkPayload declineTeamInviteLink(@Argument DeclineTeamInviteLinkInput input) {
		TeamInviteLinkService.Linked declined = this.links.decline(input.token(), input.note());
		return new LinkPayload(view(declined.team(), declined.link()), declined.team(), null, null, null);
	}

}
