package org.hacktrail.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.User;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.SecretTokens;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Invitation links to teams: a lead (or an organizer) makes a one-use link, shares it on
 * the hackathon floor, and the first signed-in person who opens it before it expires
 * joins the team (or declines).
 *
 * <p>
 * <b>Who may do what.</b> The team's leads and organizers make links, list the open ones
 * (never with their token) and withdraw them; anyone else: FORBIDDEN, anonymous callers:
 * UNAUTHENTICATED. Holding the token is what lets a signed-in person read the link and
 * use it: an unknown, garbled or withdrawn token is the same NOT_FOUND, so links cannot
 * be probed and a withdrawn one looks like one that never existed.
 *
 * <p>
 * <b>Using a link.</b> Every refusal is decided before anything is written: already used
 * (CONFLICT, rule {@code inviteLinkUsed}), expired (BAD_USER_INPUT,
 * {@code inviteLinkExpired}), and every rule of joining the team
 * ({@link TeamInviteLinkJoins#check}: already a member, team full, position full, one
 * team per hackathon, proposal withdrawn or hackathon past JUDGING). Then the link is
 * claimed with one conditional update on {@code {_id, status: PENDING}}: of two people
 * opening one link at once exactly one gets it, the other is told it was used. The
 * claimer then joins through the same code as an accepted invitation
 * ({@link TeamInviteLinkJoins#join}). If that join is refused after all (the team changed
 * in between), the claim is undone, so the link is not lost. No transaction is needed.
 * Known limit: if the service stops between the claim and the join, the link stays used
 * with nobody joined, and the lead makes a new one. (Unlike judge invitation links, using
 * a link again as the same person does not complete the join: it would also let a member
 * who left or was removed come back with their old link.)
 */
@Service
public class TeamInviteLinkService {

	private static final Logger log = LoggerFactory.getLogger(TeamInviteLinkService.class);

	/**
	 * How long a link works unless its creator says otherwise, and the longest they may
	 * say.
	 */
	static final int DEFAULT_VALID_DAYS = 7;

	static final int MAX_VALID_DAYS = 14;

	/**
	 * Open links a team may have at once: enough for a crowded floor, few enough to keep
	 * an eye on.
	 */
	static final int MAX_OPEN_LINKS = 50;

	static final String TOKEN_PREFIX = "htl_";

	/**
	 * Longer than any token this service makes; anything longer is not looked up at all.
	 */
	static final int MAX_TOKEN = 200;

	/** Where the web panel opens a link; the token follows. */
	static final String JOIN_PATH = "/teams/join/";

	static final String INVALID = "This invitation link is not valid: it may have been withdrawn, or mistyped. Ask "
			+ "the team's lead for a new one.";

	private final MongoTemplate mongo;

	private final TeamChanges changes;

	private final TeamPolicy policy;

	private final TeamInviteLinkJoins joins;

	private final TeamNotifications notifications;

	private final CurrentUser currentUser;

	private final Clock clock;

	TeamInviteLinkService(MongoTemplate mongo, TeamChanges changes, TeamPolicy policy, TeamInviteLinkJoins joins,
			TeamNotifications notifications, CurrentUser currentUser, Clock clock) {
		this.mongo = mongo;
		this.changes = changes;
		this.policy = policy;
		this.joins = joins;
		this.notifications = notifications;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	public record CreateInput(String proposalId, @Nullable String message, @Nullable TeamRole role,
			@Nullable String positionId, @Nullable Integer validDays) {
	}

	/** A new link and its secret, which is shown this once. */
	public record Issued(Team team, TeamInviteLink link, String token) {

		public String path() {
			return JOIN_PATH + this.token;
		}

	}

	/** A link with the team it invites to. */
	public record Linked(Team team, TeamInviteLink link) {
	}

	// ---- the team's side

	/**
	 * Makes a link (the team's leads, organizers). The role offered is the one given,
	 * else the position's, else OTHER; never LEAD, which would let whoever holds the link
	 * manage the team.
	 */
	public Issued create(CreateInput input) {
		String me = this.currentUser.requireId();
		TeamChanges.Target target = this.changes.target(input.proposalId());
		Team team = this.changes.current(target);
		this.policy.requireManager(team, "create invitation links");
		String message = TeamRules.text(input.message(), "message", TeamRules.MAX_MESSAGE, FreeText.Kind.TEXT);
		int days = (input.validDays() != null) ? input.validDays() : DEFAULT_VALID_DAYS;
		if (days < 1 || days > MAX_VALID_DAYS) {
			throw DomainException.badInput("validDays", Refusal.OUT_OF_RANGE, "min", 1, "max", MAX_VALID_DAYS, "value",
					days);
		}
		if (input.role() == TeamRole.LEAD) {
			throw DomainException.badInput("role", Refusal.LINK_CANNOT_MAKE_LEAD);
		}
		TeamRules.requireOpenForMembers(team, target, false);
		TeamRules.requireFreeSeatToOffer(team, input.positionId());
		Instant now = this.clock.instant();
		long open = linksOf(List.of(team.id())).stream().filter((link) -> link.isOpen(now)).count();
		if (open >= MAX_OPEN_LINKS) {
			throw DomainException.conflict("This team has " + open + " open invitation links, the most it may have; "
					+ "withdraw some first.");
		}
		TeamRole role = (input.role() != null) ? input.role()
				: team.position(input.positionId()).map(OpenPosition::role).orElse(TeamRole.OTHER);
		String token = SecretTokens.newSecret(TOKEN_PREFIX);
		User creator = this.currentUser.require();
		TeamInviteLink link = new TeamInviteLink(UUID.randomUUID().toString(), team.id(), team.hackathonId(),
				SecretTokens.hash(token), message, role, input.positionId(), RequestStatus.PENDING, me,
				creator.displayName(), now, now.plus(Duration.ofDays(days)), null, null, null, null, null, null, null);
		return new Issued(team, this.mongo.insert(link), token);
	}

	/**
	 * The links of teams the caller manages that can still be used, newest first, by
	 * team; an empty list for every other team. One store query for all the teams.
	 */
	public Map<Team, List<TeamInviteLink>> openLinks(Collection<Team> teams) {
		Map<Team, List<TeamInviteLink>> result = new LinkedHashMap<>();
		List<String> managed = new ArrayList<>();
		for (Team team : teams) {
			result.put(team, List.of());
			if (this.policy.canManage(team)) {
				managed.add(team.id());
			}
		}
		if (managed.isEmpty()) {
			return result;
		}
		Instant now = this.clock.instant();
		Map<String, List<TeamInviteLink>> byTeam = new LinkedHashMap<>();
		linksOf(managed).stream()
			.filter((link) -> link.isOpen(now))
			.sorted(Comparator.comparing(TeamInviteLink::createdAt).reversed())
			.forEach((link) -> byTeam.computeIfAbsent(link.teamId(), (id) -> new ArrayList<>()).add(link));
		result.replaceAll((team, none) -> byTeam.getOrDefault(team.id(), List.of()));
		return result;
	}

	/**
	 * Withdraws a link (the team's leads, organizers): it then answers like a link that
	 * never existed. Withdrawing a withdrawn link changes nothing; a used one is
	 * CONFLICT.
	 */
	public Linked withdraw(String linkId) {
		String me = this.currentUser.requireId();
		TeamInviteLink link = (linkId != null) ? this.mongo.findById(linkId, TeamInviteLink.class) : null;
		if (link == null) {
			throw DomainException.notFound("There is no invitation link with the id '" + linkId + "'.");
		}
		TeamChanges.Target target = this.changes.target(link.teamId());
		Team team = this.changes.current(target);
		this.policy.requireManager(team, "withdraw invitation links");
		if (link.status() == RequestStatus.WITHDRAWN) {
			return new Linked(team, link);
		}
		if (link.status() != RequestStatus.PENDING) {
			throw used(link);
		}
		TeamInviteLink withdrawn = this.mongo.findAndModify(pending(link.id()),
				new Update().set("status", RequestStatus.WITHDRAWN)
					.set("withdrawnBy", me)
					.set("withdrawnAt", this.clock.instant())
					.inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), TeamInviteLink.class);
		if (withdrawn == null) {
			// Used or withdrawn at this very moment by someone else.
			TeamInviteLink current = this.mongo.findById(link.id(), TeamInviteLink.class);
			if (current != null && current.status() == RequestStatus.WITHDRAWN) {
				return new Linked(team, current);
			}
			throw used((current != null) ? current : link);
		}
		return new Linked(team, withdrawn);
	}

	// ---- the side of the person who opens the link

	/** The link of a token and its team, for the person who opened it (signed in). */
	public Linked open(String token) {
		this.currentUser.requireId();
		TeamInviteLink link = byToken(token);
		TeamChanges.Target target = this.changes.target(link.teamId());
		return new Linked(this.changes.current(target), link);
	}

	/**
	 * Joins the team with the link: the caller becomes a member with the role and
	 * position it offers, and the team's leads are told. See the class comment for the
	 * refusals and how two people opening it at once are told apart.
	 */
	public Linked accept(String token, @Nullable String affiliation) {
		String me = this.currentUser.requireId();
		String checkedAffiliation = TeamRules.text(affiliation, "affiliation", TeamRules.MAX_AFFILIATION,
				FreeText.Kind.LINE);
		TeamInviteLink link = byToken(token);
		TeamChanges.Target target = this.changes.target(link.teamId());
		requireUsable(link);
		this.joins.check(target, link, me);
		User user = this.currentUser.require();
		TeamInviteLink claimed = claim(link, me, user.displayName(), RequestStatus.ACCEPTED, null);
		Team joined;
		try {
			joined = this.joins.join(target, claimed, me, user.displayName(), checkedAffiliation);
		}
		catch (RuntimeException ex) {
			release(claimed);
			throw ex;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("linkId", claimed.id());
		parameters.put("inviteeName", user.displayName());
		this.notifications.send(joined.leadIds().stream().filter((id) -> !id.equals(me)).toList(),
				TeamNotifications.INVITATION_ACCEPTED, target, parameters);
		return new Linked(joined, claimed);
	}

	/**
	 * Declines the link, with an optional note to the team's leads, who are told. The
	 * link is used up.
	 */
	public Linked decline(String token, @Nullable String note) {
		String me = this.currentUser.requireId();
		String checkedNote = TeamRules.text(note, "note", TeamRules.MAX_NOTE, FreeText.Kind.TEXT);
		TeamInviteLink link = byToken(token);
		TeamChanges.Target target = this.changes.target(link.teamId());
		requireUsable(link);
		Team team = this.changes.current(target);
		// E.g. a lead trying their own link: declining would only use it up.
		TeamInviteLinkJoins.requireNotMember(team, me);
		User user = this.currentUser.require();
		TeamInviteLink declined = claim(link, me, user.displayName(), RequestStatus.DECLINED, checkedNote);
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("linkId", declined.id());
		parameters.put("inviteeName", user.displayName());
		if (checkedNote != null) {
			parameters.put("note", checkedNote);
		}
		this.notifications.send(team.leadIds(), TeamNotifications.INVITATION_DECLINED, target, parameters);
		return new Linked(team, declined);
	}

	// ---- plumbing

	/**
	 * The link of a token; the same NOT_FOUND for a token never made, a garbled one and a
	 * withdrawn link's.
	 */
	private TeamInviteLink byToken(@Nullable String token) {
		String secret = (token != null) ? token.strip() : "";
		if (secret.isEmpty() || secret.length() > MAX_TOKEN) {
			throw DomainException.notFound(INVALID);
		}
		TeamInviteLink link = this.mongo.findOne(new Query(Criteria.where("tokenHash").is(SecretTokens.hash(secret))),
				TeamInviteLink.class);
		if (link == null || link.status() == RequestStatus.WITHDRAWN) {
			throw DomainException.notFound(INVALID);
		}
		return link;
	}

	/** Not used yet and not expired. */
	private void requireUsable(TeamInviteLink link) {
		if (link.status() != RequestStatus.PENDING) {
			throw used(link);
		}
		if (link.isExpired(this.clock.instant())) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"This invitation link expired at " + link.expiresAt() + ". Ask the team's lead for a new one.",
					Map.of("rule", "inviteLinkExpired", "expiresAt", link.expiresAt().toString()));
		}
	}

	private static DomainException used(TeamInviteLink link) {
		return new DomainException(ErrorCode.CONFLICT, "This invitation link has already been used; each link works "
				+ "once. Ask the team's lead for a new one.", Map.of("rule", "inviteLinkUsed"));
	}

	/**
	 * The filter of every conditional write: the link by id while PENDING (an index has
	 * exactly these fields).
	 */
	private static Query pending(String linkId) {
		return new Query(Criteria.where("_id").is(linkId).and("status").is(RequestStatus.PENDING));
	}

	/**
	 * Uses the link up for {@code me}, atomically: exactly one of any number of
	 * concurrent callers gets it.
	 */
	private TeamInviteLink claim(TeamInviteLink link, String me, String name, RequestStatus status,
			@Nullable String note) {
		Update update = new Update().set("status", status)
			.set("usedBy", me)
			.set("usedByName", name)
			.set("usedAt", this.clock.instant())
			.inc("version", 1);
		if (note != null) {
			update.set("decisionNote", note);
		}
		TeamInviteLink claimed = this.mongo.findAndModify(pending(link.id()), update,
				FindAndModifyOptions.options().returnNew(true), TeamInviteLink.class);
		if (claimed == null) {
			TeamInviteLink current = this.mongo.findById(link.id(), TeamInviteLink.class);
			if (current == null || current.status() == RequestStatus.WITHDRAWN) {
				throw DomainException.notFound(INVALID);
			}
			throw used(current);
		}
		return claimed;
	}

	/**
	 * Undoes a claim whose join was refused after all, by id and the version the claim
	 * wrote, so that the link works for the next person. Nothing else writes a used link,
	 * so the version still matches.
	 */
	private void release(TeamInviteLink claimed) {
		try {
			TeamInviteLink released = this.mongo.findAndModify(
					new Query(Criteria.where("_id").is(claimed.id()).and("version").is(claimed.version())),
					new Update().set("status", RequestStatus.PENDING)
						.unset("usedBy")
						.unset("usedByName")
						.unset("usedAt")
						.inc("version", 1),
					TeamInviteLink.class);
			if (released == null) {
				log.warn("Invitation link {} changed while its join was undone; left as it is", claimed.id());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not release invitation link {} after a refused join", claimed.id(), ex);
		}
	}

	private List<TeamInviteLink> linksOf(List<String> teamIds) {
		return this.mongo.find(new Query(Criteria.where("teamId").in(teamIds)), TeamInviteLink.class);
	}

}
