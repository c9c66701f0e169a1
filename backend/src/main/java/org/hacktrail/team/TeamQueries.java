package org.hacktrail.team;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.identity.CurrentUser;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.GraphQlLimits;
import org.hacktrail.platform.Keysets;
import org.hacktrail.platform.Refusal;
import org.hacktrail.proposal.Keys;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalService;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;

/**
 * Reading teams. A team is visible exactly when its proposal is, so every read goes
 * through the proposal feature's visibility ({@link ProposalService#findAllVisible}).
 */
@Service
class TeamQueries {

	static final int MAX_MY_TEAMS = 200;

	private final TeamStore teams;

	private final ProposalService proposals;

	private final HackathonService hackathons;

	private final CurrentUser currentUser;

	private final GraphQlLimits limits;

	private final Clock clock;

	TeamQueries(TeamStore teams, ProposalService proposals, HackathonService hackathons, CurrentUser currentUser,
			GraphQlLimits limits, Clock clock) {
		this.teams = teams;
		this.proposals = proposals;
		this.hackathons = hackathons;
		this.currentUser = currentUser;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * The team of a proposal the caller can see (the stored one, or the one it starts
	 * with); empty when they cannot see the proposal.
	 */
	Optional<Team> team(String proposalId) {
		return this.proposals.findVisible(proposalId).map(this.teams::teamOf);
	}

	/**
	 * The proposals of {@code items} that the caller can see (for batch loading: one
	 * round trip for the proposals and one for their hackathons); items whose proposal
	 * they cannot see are left out.
	 */
	<T> Map<T, Proposal> proposalsOf(List<T> items, Function<T, String> proposalId) {
		Map<String, Proposal> byId = new HashMap<>();
		this.proposals.findAllVisible(items.stream().map(proposalId).distinct().toList())
			.forEach((p) -> byId.put(p.id(), p));
		Map<T, Proposal> result = new LinkedHashMap<>();
		items.stream()
			.filter((i) -> byId.containsKey(proposalId.apply(i)))
			.forEach((i) -> result.put(i, byId.get(proposalId.apply(i))));
		return result;
	}

	/**
	 * The teams of many visible proposals: one {@code $in} by _id, whatever their number.
	 */
	Map<Proposal, Team> teamsOf(Collection<Proposal> proposals) {
		Map<String, Team> stored = new HashMap<>();
		this.teams.findAll(proposals.stream().map(Proposal::id).distinct().toList())
			.forEach((team) -> stored.put(team.id(), team));
		Instant now = this.clock.instant();
		Map<Proposal, Team> teams = new LinkedHashMap<>();
		for (Proposal proposal : proposals) {
			Team team = stored.get(proposal.id());
			teams.put(proposal, (team != null) ? team : Team.initial(proposal, now));
		}
		return teams;
	}

	/**
	 * Teams the signed-in user is a member of whose proposals they can see, most recently
	 * changed first.
	 */
	List<Team> myTeams() {
		String me = this.currentUser.requireId();
		return visible(this.teams.withMember(me, MAX_MY_TEAMS)).stream()
			.sorted(Comparator.comparing(Team::updatedAt).reversed())
			.toList();
	}

	/** The signed-in user's join requests, newest first, optionally of some statuses. */
	List<TeamRequest> myRequests(@Nullable Collection<RequestStatus> statuses) {
		String me = this.currentUser.requireId();
		List<TeamRequest> mine = new ArrayList<>();
		for (Team team : visible(this.teams.withRequester(me))) {
			team.requests()
				.stream()
				.filter((r) -> r.userId().equals(me) && r.status().isIn(statuses))
				.forEach((r) -> mine.add(new TeamRequest(team, r)));
		}
		mine.sort(Comparator.comparing((TeamRequest r) -> r.request().createdAt()).reversed());
		return mine;
	}

	/** Invitations to the signed-in user, newest first, optionally of some statuses. */
	List<TeamInvite> myInvitations(@Nullable Collection<RequestStatus> statuses) {
		String me = this.currentUser.requireId();
		List<TeamInvite> mine = new ArrayList<>();
		for (Team team : visible(this.teams.withInvitee(me))) {
			team.invitations()
				.stream()
				.filter((i) -> i.userId().equals(me) && i.status().isIn(statuses))
				.forEach((i) -> mine.add(new TeamInvite(team, i)));
		}
		mine.sort(Comparator.comparing((TeamInvite i) -> i.invitation().createdAt()).reversed());
		return mine;
	}

	/**
	 * Teams whose proposals the caller can see (one batch for the proposals and one for
	 * their hackathons).
	 */
	private List<Team> visible(List<Team> teams) {
		Set<String> visible = new HashSet<>();
		this.proposals.findAllVisible(teams.stream().map(Team::id).toList()).forEach((p) -> visible.add(p.id()));
		return teams.stream().filter((team) -> visible.contains(team.id())).toList();
	}

	/**
	 * Proposals of a hackathon that need a skill: an open position for it (or for a role
	 * of that name, e.g. "designer") with a free seat, or the skill among the proposal's
	 * needs. Ignores case and width; leaves out WITHDRAWN proposals (they take no
	 * members). Sorted by title; cursor-paginated. A few store round trips, whatever the
	 * number of matches (bounded by the hackathon).
	 */
	Window<Proposal> proposalsNeedingSkill(String hackathonSlug, String skill, ScrollSubrange subrange) {
		int pageSize = this.limits.pageSize(Keysets.requested(subrange));
		Hackathon hackathon = this.hackathons.requireVisibleBySlug(hackathonSlug);
		String wanted = (skill != null) ? skill.strip() : "";
		if (wanted.isEmpty() || wanted.length() > TeamRules.MAX_SKILL) {
			throw DomainException.badInput("skill", Refusal.LENGTH, "min", 1, "max", TeamRules.MAX_SKILL);
		}
		List<String> teamIds = this.teams.idsWithOpenSkill(hackathon.id(), Keys.skill(wanted));
		Map<String, Proposal> found = new LinkedHashMap<>();
		this.proposals.findVisibleNeeding(hackathon, wanted).forEach((p) -> found.put(p.id(), p));
		this.proposals.findAllVisible(teamIds.stream().filter((id) -> !found.containsKey(id)).toList())
			.forEach((p) -> found.put(p.id(), p));
		Optional<Keysets.Key> after = Keysets.after(subrange);
		List<Proposal> sorted = found.values()
			.stream()
			.filter((p) -> p.status() != ProposalStatus.WITHDRAWN)
			.sorted(Comparator.comparing(Proposal::normalizedTitle).thenComparing(Proposal::id))
			.filter((p) -> after.isEmpty() || p.normalizedTitle().compareTo(after.get().sortKey()) > 0
					|| (p.normalizedTitle().equals(after.get().sortKey()) && p.id().compareTo(after.get().id()) > 0))
			.limit(pageSize + 1L)
			.toList();
		return Keysets.window(sorted, pageSize, (p) -> new Keysets.Key(p.normalizedTitle(), p.id()));
	}

}
