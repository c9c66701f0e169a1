package org.hacktrail.team;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.notification.NotificationService;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.GraphQlLimits;
import org.hacktrail.platform.Keysets;
import org.hacktrail.proposal.Keys;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalService;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;

/**
 * Teams: who sees and changes them, and every rule of forming one.
 *
 * <p>
 * <b>Who may do what.</b> A team is visible exactly when its proposal is (hidden:
 * NOT_FOUND). Its leads and organizers manage it: positions, accepting and declining
 * requests, invitations, members' roles, the partner agency. A requester withdraws their
 * own request; an invitee accepts or declines their own invitation (nobody accepts one
 * for them, organizers included: they add members directly instead); a member leaves by
 * themself. Organizers alone add members directly and allow late members. Anyone else:
 * FORBIDDEN; anonymous callers: UNAUTHENTICATED. A join request's message and decision
 * note are read only by the requester, the team's leads and organizers.
 *
 * <p>
 * <b>How a change is made.</b> Each change reads the team document, checks every rule on
 * it (including who the caller is to this team), and writes it back with its version. If
 * someone else wrote in between, the write fails and the whole decision is made again on
 * the fresh document ({@link #write}); so two leads accepting two requests for the last
 * seat of a position at the same moment end with one accepted and one refused (CONFLICT),
 * never with the position over-filled or a member lost. After the team is written, its
 * size (and partner agency) is copied to the proposal, and the proposal moves to
 * TEAM_FORMING when its first member besides the proposer has joined; both are
 * single-document writes that later team changes repeat, so a crash in between heals on
 * the next change.
 *
 * <p>
 * <b>Rules.</b> One pending request per person and team. Accepting fills the wanted
 * position (refused when it has no free seat). A team's last lead cannot leave or step
 * down without handing the lead role over. At a hackathon that does not allow several
 * teams per person, a person joins one team only ({@link HackathonMemberships}). No new
 * members while the proposal is a DRAFT (nobody else can see it), and none once it is
 * WITHDRAWN or the hackathon is past JUDGING unless an organizer allowed late members (or
 * adds the member themself). Nothing changes in an ARCHIVED hackathon.
 */
@Service
public class TeamService {

	private static final Logger log = LoggerFactory.getLogger(TeamService.class);

	static final int MAX_MEMBERS = 100;

	static final int MAX_POSITIONS = 30;

	static final int MAX_SEATS = 50;

	static final int MAX_PENDING_REQUESTS = 200;

	static final int MAX_REQUESTS = 1000;

	static final int MAX_INVITATIONS = 300;

	static final int MAX_MESSAGE = 2000;

	static final int MAX_NOTE = 1000;

	static final int MAX_SKILL = 60;

	static final int MAX_DESCRIPTION = 1000;

	static final int MAX_AFFILIATION = 200;

	static final int MAX_AGENCY = 200;

	static final int MAX_MY_TEAMS = 200;

	/**
	 * Attempts of one decision under concurrent changes; each retry re-reads the team and
	 * decides again.
	 */
	static final int ATTEMPTS = 40;

	private static final Set<ProposalStatus> BEFORE_TEAM_FORMING = EnumSet.of(ProposalStatus.SUBMITTED,
			ProposalStatus.PITCHED);

	private final MongoTemplate mongo;

	private final ProposalService proposals;

	private final HackathonService hackathons;

	private final CurrentUser currentUser;

	private final UserDirectory users;

	private final HackathonMemberships memberships;

	private final NotificationService notifications;

	private final GraphQlLimits limits;

	private final Clock clock;

	TeamService(MongoTemplate mongo, ProposalService proposals, HackathonService hackathons, CurrentUser currentUser,
			UserDirectory users, HackathonMemberships memberships, NotificationService notifications,
			GraphQlLimits limits, Clock clock) {
		this.mongo = mongo;
		this.proposals = proposals;
		this.hackathons = hackathons;
		this.currentUser = currentUser;
		this.users = users;
		this.memberships = memberships;
		this.notifications = notifications;
		this.limits = limits;
		this.clock = clock;
	}

	// ---- inputs

	public record OpenPositionInput(String proposalId, String skill, @Nullable TeamRole role, @Nullable Integer count,
			@Nullable String description) {
	}

	public record UpdatePositionInput(String proposalId, String positionId, @Nullable String skill,
			@Nullable TeamRole role, @Nullable Integer count, @Nullable String description) {
	}

	public record JoinRequestInput(String proposalId, @Nullable String message, @Nullable String positionId,
			@Nullable TeamRole role, @Nullable String affiliation) {
	}

	public record DecisionInput(String id, @Nullable String note, @Nullable TeamRole role,
			@Nullable String affiliation) {
	}

	public record InviteInput(String proposalId, String userId, @Nullable TeamRole role, @Nullable String positionId,
			@Nullable String message) {
	}

	public record MemberInput(String proposalId, String userId, @Nullable TeamRole role, @Nullable String affiliation,
			@Nullable String reason) {
	}

	public record PartnerAgencyInput(String name, @Nullable String department) {
	}

	/**
	 * A join request or invitation together with its team, as returned by mutations and
	 * "my …" lists.
	 */
	public record TeamRequest(Team team, JoinRequest request) {
	}

	public record TeamInvite(Team team, TeamInvitation invitation) {
	}

	// ---- reading

	/**
	 * The team of a proposal the caller can see: the stored one, or the one it starts
	 * with.
	 */
	public Team teamOf(Proposal proposal) {
		Team team = this.mongo.findById(proposal.id(), Team.class);
		return (team != null) ? team : Team.initial(proposal, this.clock.instant());
	}

	/**
	 * The teams of many visible proposals: one {@code $in} by _id, whatever their number.
	 */
	public Map<Proposal, Team> teamsOf(Collection<Proposal> proposals) {
		Map<String, Team> stored = new HashMap<>();
		if (!proposals.isEmpty()) {
			Query query = new Query(Criteria.where("_id").in(proposals.stream().map(Proposal::id).distinct().toList()));
			this.mongo.find(query, Team.class).forEach((team) -> stored.put(team.id(), team));
		}
		Instant now = this.clock.instant();
		Map<Proposal, Team> teams = new LinkedHashMap<>();
		for (Proposal proposal : proposals) {
			Team team = stored.get(proposal.id());
			teams.put(proposal, (team != null) ? team : Team.initial(proposal, now));
		}
		return teams;
	}

	/**
	 * The stored team of a proposal, whoever asks (for other features: the lifecycle
	 * hook, judging).
	 */
	public Optional<Team> findStored(String proposalId) {
		return Optional.ofNullable(this.mongo.findById(proposalId, Team.class));
	}

	/**
	 * Teams the signed-in user is a member of whose proposals they can see, most recently
	 * changed first.
	 */
	public List<Team> myTeams() {
		String me = this.currentUser.requireId();
		Query query = new Query(Criteria.where("memberIds").is(me)).limit(MAX_MY_TEAMS);
		return visible(this.mongo.find(query, Team.class)).stream()
			.sorted(Comparator.comparing(Team::updatedAt).reversed())
			.toList();
	}

	/** The signed-in user's join requests, newest first, optionally of some statuses. */
	public List<TeamRequest> myRequests(@Nullable Collection<RequestStatus> statuses) {
		String me = this.currentUser.requireId();
		List<TeamRequest> mine = new ArrayList<>();
		for (Team team : visible(this.mongo.find(new Query(Criteria.where("requesterIds").is(me)), Team.class))) {
			team.requests()
				.stream()
				.filter((r) -> r.userId().equals(me) && matches(r.status(), statuses))
				.forEach((r) -> mine.add(new TeamRequest(team, r)));
		}
		mine.sort(Comparator.comparing((TeamRequest r) -> r.request().createdAt()).reversed());
		return mine;
	}

	/** Invitations to the signed-in user, newest first, optionally of some statuses. */
	public List<TeamInvite> myInvitations(@Nullable Collection<RequestStatus> statuses) {
		String me = this.currentUser.requireId();
		List<TeamInvite> mine = new ArrayList<>();
		for (Team team : visible(this.mongo.find(new Query(Criteria.where("inviteeIds").is(me)), Team.class))) {
			team.invitations()
				.stream()
				.filter((i) -> i.userId().equals(me) && matches(i.status(), statuses))
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
		Set<String> visible = new java.util.HashSet<>();
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
	public Window<Proposal> proposalsNeedingSkill(String hackathonSlug, String skill, ScrollSubrange subrange) {
		int pageSize = this.limits.pageSize(Keysets.requested(subrange));
		Hackathon hackathon = this.hackathons.requireVisibleBySlug(hackathonSlug);
		String wanted = (skill != null) ? skill.strip() : "";
		if (wanted.isEmpty() || wanted.length() > MAX_SKILL) {
			throw DomainException.badInput("skill", "Give a skill of 1 to " + MAX_SKILL + " characters.");
		}
		Query withOpenPosition = new Query(
				Criteria.where("hackathonId").is(hackathon.id()).and("openSkillKeys").is(Keys.skill(wanted)));
		withOpenPosition.fields().include("_id");
		List<String> teamIds = this.mongo
			.find(withOpenPosition, org.bson.Document.class, this.mongo.getCollectionName(Team.class))
			.stream()
			.map((document) -> document.getString("_id"))
			.toList();
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

	// ---- who may see what

	/** Whether the caller manages the team: one of its leads, or an organizer. */
	public boolean canManage(Team team) {
		return this.currentUser.hasRole(Role.ORGANIZER) || team.isLead(this.currentUser.id().orElse(null));
	}

	/** The caller's membership, if any. */
	public Optional<TeamMember> myMembership(Team team) {
		return this.currentUser.id().flatMap(team::member);
	}

	/**
	 * Join requests the caller may see: all for leads and organizers, their own for
	 * everyone else.
	 */
	public List<JoinRequest> visibleRequests(Team team, @Nullable Collection<RequestStatus> statuses) {
		return team.requests()
			.stream()
			.filter((r) -> matches(r.status(), statuses) && canRead(team, r))
			.sorted(Comparator.comparing(JoinRequest::createdAt).reversed())
			.toList();
	}

	/**
	 * Invitations the caller may see: all for leads and organizers, their own for
	 * everyone else.
	 */
	public List<TeamInvitation> visibleInvitations(Team team, @Nullable Collection<RequestStatus> statuses) {
		return team.invitations()
			.stream()
			.filter((i) -> matches(i.status(), statuses) && canRead(team, i))
			.sorted(Comparator.comparing(TeamInvitation::createdAt).reversed())
			.toList();
	}

	/**
	 * A request (its message and decision note) is read by the requester, the team's
	 * leads and organizers only.
	 */
	public boolean canRead(Team team, JoinRequest request) {
		return canManage(team) || this.currentUser.id().map(request.userId()::equals).orElse(false);
	}

	/** An invitation is read by the invitee, the team's leads and organizers only. */
	public boolean canRead(Team team, TeamInvitation invitation) {
		return canManage(team) || this.currentUser.id().map(invitation.userId()::equals).orElse(false);
	}

	private static boolean matches(RequestStatus status, @Nullable Collection<RequestStatus> statuses) {
		return statuses == null || statuses.isEmpty() || statuses.contains(status);
	}

	// ---- positions

	/** Opens a position (leads, organizers). */
	public Team openPosition(OpenPositionInput input) {
		Target target = target(input.proposalId());
		String skill = skill(input.skill(), "skill");
		int count = (input.count() != null) ? seats(input.count(), 1) : 1;
		String description = text(input.description(), "description", MAX_DESCRIPTION, FreeText.Kind.TEXT);
		TeamRole role = (input.role() != null) ? input.role() : TeamRole.OTHER;
		Team saved = write(target, (team) -> {
			requireManager(team, "open positions");
			if (team.positions().size() >= MAX_POSITIONS) {
				throw DomainException
					.badInput("A team lists at most " + MAX_POSITIONS + " positions; remove or " + "reuse one.");
			}
			Team.Edit edit = team.edit();
			edit.positions.add(new OpenPosition(UUID.randomUUID().toString(), skill, role, count, description,
					this.clock.instant()));
			return edit.build(this.clock.instant());
		});
		afterChange(saved, target, null);
		return saved;
	}

	/** Changes a position; a count of 0 closes it (leads, organizers). */
	public Team updatePosition(UpdatePositionInput input) {
		Target target = target(input.proposalId());
		String skill = (input.skill() != null) ? skill(input.skill(), "skill") : null;
		Integer count = (input.count() != null) ? seats(input.count(), 0) : null;
		String description = (input.description() != null)
				? text(input.description(), "description", MAX_DESCRIPTION, FreeText.Kind.TEXT) : null;
		Team saved = write(target, (team) -> {
			requireManager(team, "change positions");
			OpenPosition was = requirePosition(team, input.positionId(), "positionId");
			Team.Edit edit = team.edit();
			edit.positions.replaceAll(
					(p) -> p.id().equals(was.id()) ? new OpenPosition(p.id(), (skill != null) ? skill : p.skill(),
							(input.role() != null) ? input.role() : p.role(), (count != null) ? count : p.count(),
							(input.description() != null) ? description : p.description(), p.createdAt()) : p);
			return edit.build(this.clock.instant());
		});
		afterChange(saved, target, null);
		return saved;
	}

	/**
	 * Removes a position (leads, organizers). Members who filled it stay, without a
	 * position; pending requests and invitations for it stay, for no particular position.
	 */
	public Team removePosition(String proposalId, String positionId) {
		Target target = target(proposalId);
		Team saved = write(target, (team) -> {
			requireManager(team, "remove positions");
			requirePosition(team, positionId, "positionId");
			Team.Edit edit = team.edit();
			edit.positions.removeIf((p) -> p.id().equals(positionId));
			edit.members.replaceAll((m) -> positionId.equals(m.positionId()) ? m.withoutPosition() : m);
			edit.requests
				.replaceAll((r) -> (r.isPending() && positionId.equals(r.positionId())) ? r.withoutPosition() : r);
			edit.invitations
				.replaceAll((i) -> (i.isPending() && positionId.equals(i.positionId())) ? i.withoutPosition() : i);
			return edit.build(this.clock.instant());
		});
		afterChange(saved, target, null);
		return saved;
	}

	// ---- join requests

	/** Asks to join a team (any signed-in person who is not a member). */
	public TeamRequest requestToJoin(JoinRequestInput input) {
		String me = this.currentUser.requireId();
		Target target = target(input.proposalId());
		String message = text(input.message(), "message", MAX_MESSAGE, FreeText.Kind.TEXT);
		String affiliation = text(input.affiliation(), "affiliation", MAX_AFFILIATION, FreeText.Kind.LINE);
		User user = this.currentUser.require();
		Optional<String> other = this.memberships.otherTeam(target.hackathon(), me, target.proposal().id());
		if (other.isPresent()) {
			throw new DomainException(ErrorCode.CONFLICT,
					"You can be in only one team at this hackathon and are "
							+ "already in another one; leave it before asking to join this one.",
					Map.of("rule", "oneTeamPerHackathon", "teamId", other.get()));
		}
		String[] requestId = new String[1];
		Team saved = write(target, (team) -> {
			requireOpenForMembers(team, target, false);
			if (team.isMember(me)) {
				throw DomainException.badInput("You are already a member of this team.");
			}
			if (team.pendingRequestOf(me).isPresent()) {
				throw new DomainException(ErrorCode.CONFLICT, "You already asked to join this team and the request "
						+ "is pending; withdraw it to ask again.", Map.of("rule", "onePendingRequest"));
			}
			if (input.positionId() != null) {
				OpenPosition position = requirePosition(team, input.positionId(), "positionId");
				if (team.openings(position) == 0) {
					throw DomainException.badInput("positionId", "The position '" + position.skill()
							+ "' has no free seat; ask to join without a position or for another one.");
				}
			}
			if (team.pendingRequests() >= MAX_PENDING_REQUESTS || team.requests().size() >= MAX_REQUESTS) {
				throw DomainException.conflict("This team has too many join requests to take more; try later.");
			}
			Team.Edit edit = team.edit();
			requestId[0] = team.newChildId();
			edit.requests.add(new JoinRequest(requestId[0], me, user.displayName(), message, input.positionId(),
					input.role(), affiliation, RequestStatus.PENDING, null, null, this.clock.instant(), null));
			return edit.build(this.clock.instant());
		});
		JoinRequest request = saved.request(requestId[0]).orElseThrow();
		afterChange(saved, target, null);
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("requestId", request.id());
		parameters.put("requesterName", request.displayName());
		saved.position(request.positionId()).ifPresent((p) -> parameters.put("positionSkill", p.skill()));
		notify(saved.leads().stream().map(TeamMember::userId).toList(), TeamNotifications.JOIN_REQUEST_RECEIVED, target,
				parameters);
		return new TeamRequest(saved, request);
	}

	/** Withdraws a pending request (the requester, organizers). */
	public TeamRequest withdrawRequest(String requestId) {
		String me = this.currentUser.requireId();
		Target target = targetOf(requestId, "join request");
		Team saved = write(target, (team) -> {
			JoinRequest request = requireRequest(team, requestId);
			if (!request.userId().equals(me) && !this.currentUser.hasRole(Role.ORGANIZER)) {
				throw DomainException.forbidden("Only the person who asked (or an organizer) can withdraw a join "
						+ "request; leads decline it instead.");
			}
			requirePending(request.status(), "join request");
			Team.Edit edit = team.edit();
			edit.replaceRequest(requestId, (r) -> r.decided(RequestStatus.WITHDRAWN, null, me, this.clock.instant()));
			return edit.build(this.clock.instant());
		});
		afterChange(saved, target, null);
		return new TeamRequest(saved, saved.request(requestId).orElseThrow());
	}

	/**
	 * Accepts a pending request (leads, organizers): the requester becomes a member in
	 * the wanted position (refused with CONFLICT when it has no free seat left) with its
	 * role, unless {@code role} says otherwise.
	 */
	public TeamRequest acceptRequest(DecisionInput input) {
		String me = this.currentUser.requireId();
		Target target = targetOf(input.id(), "join request");
		String note = text(input.note(), "note", MAX_NOTE, FreeText.Kind.TEXT);
		// Who joins is known from the request; the lock of the one-team rule is taken
		// before the team changes.
		Team first = teamOf(target.proposal());
		requireManager(first, "accept join requests");
		JoinRequest asked = requireRequest(first, input.id());
		requirePending(asked.status(), "join request");
		requireOpenForMembers(first, target, false);
		Team saved = addMember(target, asked.userId(), false, (team) -> {
			requireManager(team, "accept join requests");
			JoinRequest request = requireRequest(team, input.id());
			requirePending(request.status(), "join request");
			requireOpenForMembers(team, target, false);
			requireSeat(team, request.positionId());
			TeamRole role = (input.role() != null) ? input.role()
					: team.position(request.positionId())
						.map(OpenPosition::role)
						.orElse((request.role() != null) ? request.role() : TeamRole.OTHER);
			Instant now = this.clock.instant();
			Team.Edit edit = team.edit();
			edit.members.add(new TeamMember(request.userId(), request.displayName(), role, request.affiliation(),
					team.position(request.positionId()).map(OpenPosition::id).orElse(null), JoinedVia.REQUEST, now));
			edit.replaceRequest(request.id(), (r) -> r.decided(RequestStatus.ACCEPTED, note, me, now));
			closeOthers(edit, request.userId(), request.id(), me, now);
			return edit;
		});
		JoinRequest accepted = saved.request(input.id()).orElseThrow();
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("requestId", accepted.id());
		if (note != null) {
			parameters.put("note", note);
		}
		notify(List.of(accepted.userId()), TeamNotifications.JOIN_REQUEST_ACCEPTED, target, parameters);
		return new TeamRequest(saved, accepted);
	}

	/**
	 * Declines a pending request, with an optional note to the requester (leads,
	 * organizers).
	 */
	public TeamRequest declineRequest(DecisionInput input) {
		String me = this.currentUser.requireId();
		Target target = targetOf(input.id(), "join request");
		String note = text(input.note(), "note", MAX_NOTE, FreeText.Kind.TEXT);
		Team saved = write(target, (team) -> {
			requireManager(team, "decline join requests");
			JoinRequest request = requireRequest(team, input.id());
			requirePending(request.status(), "join request");
			Team.Edit edit = team.edit();
			edit.replaceRequest(request.id(), (r) -> r.decided(RequestStatus.DECLINED, note, me, this.clock.instant()));
			return edit.build(this.clock.instant());
		});
		afterChange(saved, target, null);
		JoinRequest declined = saved.request(input.id()).orElseThrow();
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("requestId", declined.id());
		if (note != null) {
			parameters.put("note", note);
		}
		notify(List.of(declined.userId()), TeamNotifications.JOIN_REQUEST_DECLINED, target, parameters);
		return new TeamRequest(saved, declined);
	}

	// ---- invitations

	/** Invites a person (leads, organizers); they accept or decline it. */
	public TeamInvite invite(InviteInput input) {
		String me = this.currentUser.requireId();
		Target target = target(input.proposalId());
		String message = text(input.message(), "message", MAX_MESSAGE, FreeText.Kind.TEXT);
		// The caller's rights first, so that nobody else can probe who is in which team.
		requireManager(teamOf(target.proposal()), "invite people");
		User invitee = this.users.findById(input.userId())
			.orElseThrow(() -> DomainException.notFound("There is no user with the id '" + input.userId() + "'."));
		Optional<String> other = this.memberships.otherTeam(target.hackathon(), invitee.id(), target.proposal().id());
		if (other.isPresent()) {
			throw new DomainException(ErrorCode.CONFLICT,
					"This person is already in another team at this hackathon, where a person can be in only one.",
					Map.of("rule", "oneTeamPerHackathon", "teamId", other.get()));
		}
		String[] invitationId = new String[1];
		Team saved = write(target, (team) -> {
			requireManager(team, "invite people");
			requireOpenForMembers(team, target, false);
			if (team.isMember(invitee.id())) {
				throw DomainException.badInput("userId", "This person is already a member of the team.");
			}
			if (team.pendingInvitationOf(invitee.id()).isPresent()) {
				throw new DomainException(ErrorCode.CONFLICT,
						"This person already has a pending invitation to this " + "team.",
						Map.of("rule", "onePendingInvitation"));
			}
			if (input.positionId() != null) {
				OpenPosition position = requirePosition(team, input.positionId(), "positionId");
				if (team.openings(position) == 0) {
					throw DomainException.badInput("positionId",
							"The position '" + position.skill() + "' has no free seat.");
				}
			}
			if (team.invitations().size() >= MAX_INVITATIONS) {
				throw DomainException.conflict("This team has sent too many invitations to send more.");
			}
			// The role offered: as given, else the position's, else OTHER.
			TeamRole role = (input.role() != null) ? input.role()
					: team.position(input.positionId()).map(OpenPosition::role).orElse(TeamRole.OTHER);
			Team.Edit edit = team.edit();
			invitationId[0] = team.newChildId();
			edit.invitations.add(new TeamInvitation(invitationId[0], invitee.id(), invitee.displayName(), message, role,
					input.positionId(), RequestStatus.PENDING, me, null, this.clock.instant(), null));
			return edit.build(this.clock.instant());
		});
		TeamInvitation invitation = saved.invitation(invitationId[0]).orElseThrow();
		afterChange(saved, target, null);
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("invitationId", invitation.id());
		parameters.put("role", invitation.role().name());
		saved.position(invitation.positionId()).ifPresent((p) -> parameters.put("positionSkill", p.skill()));
		notify(List.of(invitee.id()), TeamNotifications.INVITATION_RECEIVED, target, parameters);
		return new TeamInvite(saved, invitation);
	}

	/**
	 * Accepts an invitation (the invitee only): they become a member in the offered
	 * position and role.
	 */
	public TeamInvite acceptInvitation(String invitationId, @Nullable String affiliation) {
		String me = this.currentUser.requireId();
		Target target = targetOf(invitationId, "invitation");
		String checkedAffiliation = text(affiliation, "affiliation", MAX_AFFILIATION, FreeText.Kind.LINE);
		Team first = teamOf(target.proposal());
		TeamInvitation offered = requireInvitation(first, invitationId);
		requireInvitee(offered, me, "accept");
		requirePending(offered.status(), "invitation");
		requireOpenForMembers(first, target, false);
		Team saved = addMember(target, me, true, (team) -> {
			TeamInvitation invitation = requireInvitation(team, invitationId);
			requirePending(invitation.status(), "invitation");
			requireOpenForMembers(team, target, false);
			requireSeat(team, invitation.positionId());
			Instant now = this.clock.instant();
			Team.Edit edit = team.edit();
			edit.members.add(new TeamMember(me, invitation.displayName(), invitation.role(), checkedAffiliation,
					team.position(invitation.positionId()).map(OpenPosition::id).orElse(null), JoinedVia.INVITATION,
					now));
			edit.replaceInvitation(invitationId, (i) -> i.decided(RequestStatus.ACCEPTED, null, now));
			closeOthers(edit, me, invitationId, me, now);
			return edit;
		});
		TeamInvitation accepted = saved.invitation(invitationId).orElseThrow();
		notify(saved.leads().stream().map(TeamMember::userId).filter((id) -> !id.equals(me)).toList(),
				TeamNotifications.INVITATION_ACCEPTED, target,
				Map.of("invitationId", accepted.id(), "inviteeName", accepted.displayName()));
		return new TeamInvite(saved, accepted);
	}

	/** Declines an invitation (the invitee only). */
	public TeamInvite declineInvitation(String invitationId, @Nullable String note) {
		String me = this.currentUser.requireId();
		Target target = targetOf(invitationId, "invitation");
		String checkedNote = text(note, "note", MAX_NOTE, FreeText.Kind.TEXT);
		Team saved = write(target, (team) -> {
			TeamInvitation invitation = requireInvitation(team, invitationId);
			requireInvitee(invitation, me, "decline");
			requirePending(invitation.status(), "invitation");
			Team.Edit edit = team.edit();
			edit.replaceInvitation(invitationId,
					(i) -> i.decided(RequestStatus.DECLINED, checkedNote, this.clock.instant()));
			return edit.build(this.clock.instant());
		});
		afterChange(saved, target, null);
		TeamInvitation declined = saved.invitation(invitationId).orElseThrow();
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("invitationId", declined.id());
		parameters.put("inviteeName", declined.displayName());
		if (checkedNote != null) {
			parameters.put("note", checkedNote);
		}
		notify(saved.leads().stream().map(TeamMember::userId).toList(), TeamNotifications.INVITATION_DECLINED, target,
				parameters);
		return new TeamInvite(saved, declined);
	}

	/** Withdraws a pending invitation (leads, organizers). */
	public TeamInvite withdrawInvitation(String invitationId) {
		this.currentUser.requireId();
		Target target = targetOf(invitationId, "invitation");
		Team saved = write(target, (team) -> {
			requireManager(team, "withdraw invitations");
			TeamInvitation invitation = requireInvitation(team, invitationId);
			requirePending(invitation.status(), "invitation");
			Team.Edit edit = team.edit();
			edit.replaceInvitation(invitationId, (i) -> i.decided(RequestStatus.WITHDRAWN, null, this.clock.instant()));
			return edit.build(this.clock.instant());
		});
		afterChange(saved, target, null);
		return new TeamInvite(saved, saved.invitation(invitationId).orElseThrow());
	}

	// ---- joining through an invitation link ({@link TeamInviteLinkService} keeps the
	// links)

	/**
	 * Every refusal that joining through {@code link} would meet, checked on the team as
	 * it is now and said before the link is used up, so that a person who cannot join
	 * leaves the link unused (and the store unchanged). The join itself checks them again
	 * ({@link #joinByLink}).
	 */
	void checkJoinByLink(Target target, TeamInviteLink link, String userId) {
		Team team = teamOf(target.proposal());
		requireNotMemberForLink(team, userId);
		requireOpenForMembers(team, target, false);
		requireRoom(team);
		requireSeat(team, link.positionId());
		Optional<String> other = this.memberships.otherTeam(target.hackathon(), userId, target.proposal().id());
		if (other.isPresent()) {
			throw new DomainException(ErrorCode.CONFLICT,
					"You can be in only one team at this hackathon and are "
							+ "already in another one; leave it before joining this one.",
					Map.of("rule", "oneTeamPerHackathon", "teamId", other.get()));
		}
	}

	/**
	 * A member opening one of their team's links (a lead trying it, say) is refused, and
	 * the link stays unused.
	 */
	static void requireNotMemberForLink(Team team, String userId) {
		if (team.isMember(userId)) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"You are already a member of this team; the link stays " + "unused for someone else.",
					Map.of("rule", "alreadyMember"));
		}
	}

	/**
	 * Adds {@code userId} (the caller, who has just claimed {@code link}) to the team:
	 * the same join as an accepted invitation, with the role and position the link
	 * offers. Rules are checked again on the team as written.
	 */
	Team joinByLink(Target target, TeamInviteLink link, String userId, String displayName,
			@Nullable String affiliation) {
		return addMember(target, userId, true, (team) -> {
			requireOpenForMembers(team, target, false);
			requireSeat(team, link.positionId());
			Instant now = this.clock.instant();
			Team.Edit edit = team.edit();
			edit.members.add(new TeamMember(userId, displayName, link.role(), affiliation,
					team.position(link.positionId()).map(OpenPosition::id).orElse(null), JoinedVia.INVITATION, now));
			closeOthers(edit, userId, null, userId, now);
			return edit;
		});
	}

	// ---- members

	/**
	 * Leaves a team (the member themself). The last lead hands the lead role to another
	 * member in the same write ({@code handOverTo}), or cannot leave.
	 */
	public Team leave(String proposalId, @Nullable String handOverTo) {
		String me = this.currentUser.requireId();
		Target target = target(proposalId);
		return removeMember(target, me, (team) -> {
			TeamMember member = team.member(me)
				.orElseThrow(() -> DomainException.badInput("You are not a member of this team."));
			Team.Edit edit = team.edit();
			if (handOverTo != null) {
				if (handOverTo.equals(me) || !team.isMember(handOverTo)) {
					throw DomainException.badInput("handOverTo", "Hand the lead role to another member of the team.");
				}
				if (member.role() != TeamRole.LEAD && !this.currentUser.hasRole(Role.ORGANIZER)) {
					throw DomainException.forbidden("Only a lead can hand the lead role over.");
				}
				edit.replaceMember(handOverTo, (m) -> m.withRole(TeamRole.LEAD));
			}
			edit.members.removeIf((m) -> m.userId().equals(me));
			requireLeadRemains(team, edit, "You are the team's last lead: hand the lead role to another member "
					+ "(handOverTo) before you leave.");
			return edit;
		}, null);
	}

	/**
	 * Removes a member (leads, organizers); only organizers remove the proposer. The
	 * member is notified.
	 */
	public Team removeMember(MemberInput input) {
		String me = this.currentUser.requireId();
		Target target = target(input.proposalId());
		String reason = text(input.reason(), "reason", MAX_NOTE, FreeText.Kind.TEXT);
		Team saved = removeMember(target, input.userId(), (team) -> {
			requireManager(team, "remove members");
			if (input.userId().equals(me)) {
				throw DomainException.badInput("userId", "To leave the team yourself, use leaveTeam.");
			}
			if (!team.isMember(input.userId())) {
				throw DomainException.badInput("userId", "This person is not a member of the team.");
			}
			if (input.userId().equals(team.proposerId()) && !this.currentUser.hasRole(Role.ORGANIZER)) {
				throw DomainException.forbidden("Only organizers can remove the proposer from their proposal's team.");
			}
			Team.Edit edit = team.edit();
			edit.members.removeIf((m) -> m.userId().equals(input.userId()));
			requireLeadRemains(team, edit,
					"This would leave the team without a lead; make another member a lead " + "first.");
			return edit;
		}, reason);
		return saved;
	}

	/**
	 * Changes a member's role and/or affiliation. Leads and organizers change both; a
	 * member changes their own affiliation. The last lead cannot step down.
	 */
	public Team updateMember(MemberInput input) {
		String me = this.currentUser.requireId();
		Target target = target(input.proposalId());
		String affiliation = (input.affiliation() != null)
				? text(input.affiliation(), "affiliation", MAX_AFFILIATION, FreeText.Kind.LINE) : null;
		Team saved = write(target, (team) -> {
			boolean self = input.userId().equals(me);
			if (!canManage(team) && !(self && input.role() == null)) {
				throw DomainException.forbidden(self
						? "Only the team's leads and organizers can change roles; you can "
								+ "change your own affiliation."
						: "Only the team's leads and organizers can change members.");
			}
			if (!team.isMember(input.userId())) {
				throw DomainException.badInput("userId", "This person is not a member of the team.");
			}
			Team.Edit edit = team.edit();
			edit.replaceMember(input.userId(), (m) -> {
				TeamMember changed = (input.role() != null) ? m.withRole(input.role()) : m;
				return (input.affiliation() != null) ? changed.withAffiliation(affiliation) : changed;
			});
			requireLeadRemains(team, edit, "This member is the team's last lead: make another member a lead first.");
			return edit.build(this.clock.instant());
		});
		afterChange(saved, target, null);
		return saved;
	}

	/**
	 * Adds a person directly (organizers only), e.g. the lead of a proposal imported
	 * without a user proposer. The one-team rule applies; the WITHDRAWN / past-JUDGING
	 * rule does not (the organizer is the one who may allow it).
	 */
	public Team addMember(MemberInput input) {
		String me = this.currentUser.requireId();
		Target target = target(input.proposalId());
		if (!this.currentUser.hasRole(Role.ORGANIZER)) {
			throw DomainException.forbidden("Only organizers add members directly; leads invite people instead.");
		}
		String affiliation = text(input.affiliation(), "affiliation", MAX_AFFILIATION, FreeText.Kind.LINE);
		User user = this.users.findById(input.userId())
			.orElseThrow(() -> DomainException.notFound("There is no user with the id '" + input.userId() + "'."));
		requireOpenForMembers(teamOf(target.proposal()), target, true);
		return addMember(target, user.id(), user.id().equals(me), (team) -> {
			requireOpenForMembers(team, target, true);
			Instant now = this.clock.instant();
			Team.Edit edit = team.edit();
			TeamRole role = (input.role() != null) ? input.role() : TeamRole.OTHER;
			edit.members
				.add(new TeamMember(user.id(), user.displayName(), role, affiliation, null, JoinedVia.ORGANIZER, now));
			closeOthers(edit, user.id(), null, me, now);
			return edit;
		});
	}

	// ---- partner agency and late members

	/** Sets (or, with null, clears) the government partner agency (leads, organizers). */
	public Team setPartnerAgency(String proposalId, @Nullable PartnerAgencyInput input) {
		Target target = target(proposalId);
		PartnerAgency agency = null;
		if (input != null) {
			String name = text(input.name(), "partnerAgency.name", MAX_AGENCY, FreeText.Kind.LINE);
			if (name == null) {
				throw DomainException.badInput("partnerAgency.name",
						"Give the agency's name, or leave partnerAgency " + "out to clear it.");
			}
			agency = new PartnerAgency(name,
					text(input.department(), "partnerAgency.department", MAX_AGENCY, FreeText.Kind.LINE));
		}
		PartnerAgency chosen = agency;
		Team saved = write(target, (team) -> {
			requireManager(team, "set the partner agency");
			Team.Edit edit = team.edit();
			edit.partnerAgency = chosen;
			return edit.build(this.clock.instant());
		});
		afterChange(saved, target, null);
		return saved;
	}

	/**
	 * Allows (or stops allowing) new members after WITHDRAWN or past JUDGING (organizers
	 * only, with a reason).
	 */
	public Team allowLateMembers(String proposalId, boolean allowed, @Nullable String reason) {
		this.currentUser.requireId();
		Target target = target(proposalId);
		if (!this.currentUser.hasRole(Role.ORGANIZER)) {
			throw DomainException.forbidden("Only organizers can allow new members after the deadline.");
		}
		String why = text(reason, "reason", MAX_NOTE, FreeText.Kind.TEXT);
		if (allowed && why == null) {
			throw DomainException.badInput("reason", "Say why late members are allowed; it is kept on the team.");
		}
		Team saved = write(target, (team) -> {
			Team.Edit edit = team.edit();
			edit.lateMembersAllowed = allowed;
			edit.lateMembersReason = why;
			return edit.build(this.clock.instant());
		});
		afterChange(saved, target, null);
		return saved;
	}

	// ---- creation with the proposal

	/**
	 * Stores the team a new proposal starts with (its proposer as lead), if it has none
	 * yet. Called when a proposal is created; teams of older or imported proposals are
	 * stored on their first change instead.
	 */
	void createFor(Proposal proposal) {
		Team team = Team.initial(proposal, this.clock.instant());
		try {
			Team saved = this.mongo.insert(team);
			afterCreated(saved, this.hackathons.find(proposal.hackathonId()));
		}
		catch (DuplicateKeyException ex) {
			// Already there.
		}
	}

	// ---- the write loop

	/** A visible proposal and its hackathon: what every change is checked against. */
	record Target(Proposal proposal, Hackathon hackathon) {
	}

	Target target(String proposalId) {
		this.currentUser.requireId();
		Proposal proposal = this.proposals.requireVisible(proposalId);
		Hackathon hackathon = this.hackathons.find(proposal.hackathonId());
		if (hackathon.isArchived()) {
			throw DomainException
				.badInput("The hackathon " + hackathon.slug() + " is ARCHIVED; its teams no longer " + "change.");
		}
		return new Target(proposal, hackathon);
	}

	private Target targetOf(String requestOrInvitationId, String what) {
		this.currentUser.requireId();
		String teamId = Team.teamIdOf(requestOrInvitationId)
			.orElseThrow(() -> DomainException
				.notFound("There is no " + what + " with the id '" + requestOrInvitationId + "'."));
		return target(teamId);
	}

	/**
	 * Reads the team, decides, writes it with its version; on a concurrent write (or a
	 * concurrent first write of a new team) decides again on the fresh document.
	 * {@code decide} must check every rule again each time: it sees a different team on
	 * each attempt.
	 */
	private Team write(Target target, Function<Team, Team> decide) {
		for (int attempt = 1;; attempt++) {
			Team current = teamOf(target.proposal());
			Team next = decide.apply(current);
			try {
				Team saved = this.mongo.save(next);
				if (!current.isStored()) {
					afterCreated(saved, target.hackathon());
				}
				return saved;
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				if (attempt >= ATTEMPTS) {
					throw DomainException.conflict("This team is being changed by many people at once; try again.");
				}
				pause(attempt);
			}
		}
	}

	/**
	 * Adds a person: takes the one-team lock first, writes the team, then confirms the
	 * lock, or releases it if the team write failed (the compensation), so a failed join
	 * never leaves the person locked out of other teams.
	 */
	private Team addMember(Target target, String userId, boolean self, Function<Team, Team.Edit> decide) {
		if (teamOf(target.proposal()).isMember(userId)) {
			throw DomainException.badInput("This person is already a member of the team.");
		}
		HackathonMemberships.Hold hold = this.memberships.reserve(target.hackathon(), userId, target.proposal().id(),
				self);
		Team saved;
		try {
			saved = write(target, (team) -> {
				if (team.isMember(userId)) {
					throw DomainException.conflict("This person has just become a member of the team.");
				}
				requireRoom(team);
				return decide.apply(team).build(this.clock.instant());
			});
		}
		catch (RuntimeException ex) {
			this.memberships.abort(hold);
			throw ex;
		}
		this.memberships.confirm(hold);
		afterChange(saved, target, this.currentUser.id().orElse(null));
		return saved;
	}

	/**
	 * Removes a person: writes the team first, then releases their one-team lock;
	 * notifies them when removed.
	 */
	private Team removeMember(Target target, String userId, Function<Team, Team.Edit> decide,
			@Nullable String removalReason) {
		String epoch = this.memberships.epochOf(target.hackathon(), userId, target.proposal().id());
		boolean bySomeoneElse = !userId.equals(this.currentUser.id().orElse(null));
		Team saved = write(target, (team) -> decide.apply(team).build(this.clock.instant()));
		this.memberships.release(target.hackathon(), userId, saved.id(), epoch);
		afterChange(saved, target, null);
		if (bySomeoneElse) {
			Map<String, String> parameters = new LinkedHashMap<>();
			if (removalReason != null) {
				parameters.put("reason", removalReason);
			}
			notify(List.of(userId), TeamNotifications.MEMBER_REMOVED, target, parameters);
		}
		return saved;
	}

	/**
	 * The proposer of a new team holds the one-team lock for it (see
	 * {@link HackathonMemberships} for the limits).
	 */
	private void afterCreated(Team team, Hackathon hackathon) {
		if (team.proposerId() == null || !HackathonMemberships.applies(hackathon)) {
			return;
		}
		try {
			HackathonMemberships.Hold hold = this.memberships.reserve(hackathon, team.proposerId(), team.id(), true);
			this.memberships.confirm(hold);
		}
		catch (DomainException ex) {
			log.info("Proposer {} leads team {} while already in another team of hackathon {}", team.proposerId(),
					team.id(), hackathon.slug());
		}
	}

	/**
	 * Copies the team's size and partner agency to the proposal and moves it to
	 * TEAM_FORMING once a member besides the proposer is in. Both are single-document
	 * writes after the team write; a failure is logged, and the next team change repeats
	 * them (the snapshot carries the team's version, so an older one never wins).
	 */
	private void afterChange(Team team, Target target, @Nullable String by) {
		Proposal proposal = target.proposal();
		if (team.hasMemberBesidesProposer() && BEFORE_TEAM_FORMING.contains(proposal.status())) {
			for (int attempt = 1; attempt <= 3; attempt++) {
				try {
					this.proposals.applySystemTransition(proposal.id(), ProposalStatus.TEAM_FORMING,
							"The first team member besides the proposer joined.", by);
					break;
				}
				catch (OptimisticLockingFailureException ex) {
					pause(attempt);
				}
				catch (DomainException ex) {
					// Moved on meanwhile (e.g. to IN_REVIEW): nothing to do.
					log.debug("Proposal {} not moved to TEAM_FORMING: {}", proposal.id(), ex.getMessage());
					break;
				}
			}
		}
		try {
			this.proposals.recordTeam(proposal.id(), team.size(),
					(team.partnerAgency() != null) ? team.partnerAgency().name() : null,
					Objects.requireNonNull(team.version()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the size of team {} on its proposal", team.id(), ex);
		}
	}

	void notify(Collection<String> userIds, String type, Target target, Map<String, String> extra) {
		if (userIds.isEmpty()) {
			return;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("proposalId", target.proposal().id());
		parameters.put("proposalTitle", Objects.requireNonNullElse(target.proposal().title().primary(), ""));
		parameters.put("hackathonSlug", target.hackathon().slug());
		parameters.putAll(extra);
		try {
			this.notifications.send(userIds, type, parameters, "/proposals/" + target.proposal().id() + "#team");
		}
		catch (RuntimeException ex) {
			log.warn("Could not notify {} of {}", userIds, type, ex);
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 10) * 2));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DomainException.conflict("Interrupted while retrying a team change.");
		}
	}

	// ---- rule checks

	void requireManager(Team team, String action) {
		if (!canManage(team)) {
			throw DomainException.forbidden("Only the team's leads and organizers can " + action + ".");
		}
	}

	/**
	 * New members: not while the proposal is a DRAFT; not after WITHDRAWN or JUDGING
	 * unless allowed.
	 */
	void requireOpenForMembers(Team team, Target target, boolean organizerAdding) {
		Proposal proposal = target.proposal();
		if (proposal.status() == ProposalStatus.DRAFT) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT, "The proposal is still a DRAFT, which nobody else can "
					+ "see; submit it before people join its team.", Map.of("rule", "proposalDraft"));
		}
		boolean withdrawn = proposal.status() == ProposalStatus.WITHDRAWN;
		boolean late = target.hackathon().phase().isAfter(HackathonPhase.JUDGING);
		if ((withdrawn || late) && !team.lateMembersAllowed() && !organizerAdding) {
			String why = withdrawn ? "the proposal is WITHDRAWN"
					: "the hackathon is " + target.hackathon().phase() + ", past JUDGING";
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"This team takes no new members: " + why + ". An organizer can allow late members.",
					Map.of("rule", "teamClosed"));
		}
	}

	private static void requireLeadRemains(Team before, Team.Edit after, String message) {
		boolean hadLead = !before.leads().isEmpty();
		boolean hasLead = after.members.stream().anyMatch((m) -> m.role() == TeamRole.LEAD);
		if (hadLead && !hasLead) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT, message, Map.of("rule", "lastLead"));
		}
	}

	/**
	 * A team takes at most {@link #MAX_MEMBERS} members
	 * ({@code extensions.rule: teamFull}).
	 */
	static void requireRoom(Team team) {
		if (team.size() >= MAX_MEMBERS) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"A team has at most " + MAX_MEMBERS + " members, and " + "this one is full.",
					Map.of("rule", "teamFull"));
		}
	}

	static void requireSeat(Team team, @Nullable String positionId) {
		if (positionId == null) {
			return;
		}
		Optional<OpenPosition> position = team.position(positionId);
		// A position removed meanwhile: the person joins without one (removePosition
		// cleared pending requests).
		if (position.isPresent() && team.openings(position.get()) == 0) {
			throw new DomainException(ErrorCode.CONFLICT,
					"The position '" + position.get().skill() + "' has no free " + "seat left ("
							+ position.get().count() + " of " + position.get().count() + " filled). Raise its "
							+ "count or decline the request.",
					Map.of("rule", "positionFull", "positionId", positionId));
		}
	}

	static OpenPosition requirePosition(Team team, String positionId, String field) {
		return team.position(positionId)
			.orElseThrow(() -> DomainException.badInput(field,
					"This team has no position with the id '" + positionId + "'."));
	}

	private JoinRequest requireRequest(Team team, String requestId) {
		JoinRequest request = team.request(requestId)
			.orElseThrow(() -> DomainException.notFound("There is no join request with the id '" + requestId + "'."));
		if (!canRead(team, request)) {
			throw DomainException
				.forbidden("Only the team's leads and organizers can act on someone else's join " + "request.");
		}
		return request;
	}

	private TeamInvitation requireInvitation(Team team, String invitationId) {
		TeamInvitation invitation = team.invitation(invitationId)
			.orElseThrow(() -> DomainException.notFound("There is no invitation with the id '" + invitationId + "'."));
		if (!canRead(team, invitation)) {
			throw DomainException
				.forbidden("Only the invited person, the team's leads and organizers can act on an " + "invitation.");
		}
		return invitation;
	}

	private static void requireInvitee(TeamInvitation invitation, String me, String action) {
		if (!invitation.userId().equals(me)) {
			throw DomainException.forbidden("Only the invited person can " + action + " an invitation; organizers add "
					+ "members directly instead.");
		}
	}

	private static void requirePending(RequestStatus status, String what) {
		if (status != RequestStatus.PENDING) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"This " + what + " is " + status + " already; only a PENDING one can change.",
					Map.of("status", status.name()));
		}
	}

	/**
	 * A person who becomes a member: their other pending request or invitation to this
	 * team is closed as accepted.
	 */
	private static void closeOthers(Team.Edit edit, String userId, @Nullable String except, String by, Instant now) {
		edit.requests.replaceAll((r) -> (r.isPending() && r.userId().equals(userId) && !r.id().equals(except))
				? r.decided(RequestStatus.ACCEPTED, null, by, now) : r);
		edit.invitations.replaceAll((i) -> (i.isPending() && i.userId().equals(userId) && !i.id().equals(except))
				? i.decided(RequestStatus.ACCEPTED, null, now) : i);
	}

	private static String skill(@Nullable String skill, String field) {
		String value = text(skill, field, MAX_SKILL, FreeText.Kind.LINE);
		if (value == null) {
			throw DomainException.badInput(field,
					"Give the skill wanted on one line, 1 to " + MAX_SKILL + " characters (e.g. 前端, Data science).");
		}
		return value;
	}

	private static int seats(int count, int min) {
		if (count < min || count > MAX_SEATS) {
			throw DomainException.badInput("count",
					"A position has " + min + " to " + MAX_SEATS + " seats, not " + count + ".");
		}
		return count;
	}

	/**
	 * Stripped text, null when blank; BAD_USER_INPUT naming the field when too long or
	 * against the rule of its kind (a {@link FreeText.Kind#LINE} for skills, affiliations
	 * and agencies, {@link FreeText.Kind#TEXT} for messages, descriptions, notes and
	 * reasons).
	 */
	static @Nullable String text(@Nullable String value, String field, int max, FreeText.Kind kind) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.codePointCount(0, stripped.length()) > max) {
			throw DomainException.badInput(field, "The " + field + " is at most " + max + " characters.");
		}
		return FreeText.check(stripped, field, kind);
	}

}
