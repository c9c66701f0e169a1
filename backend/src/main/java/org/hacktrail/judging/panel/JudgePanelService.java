package org.hacktrail.judging.panel;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.identity.Role;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.WrittenReason;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.Retries;
import org.hacktrail.platform.SecretTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The judge panel: invitations, acceptance, judge records.
 *
 * <p>
 * <b>Accepting.</b> An invitation can be accepted two ways, and both bind it to the
 * account that accepts:
 * <ul>
 * <li>with the secret token from the invitation link (the organizer receives the link
 * once and sends it). This works with any login, including a GitHub account without a
 * public email or a different address than the one invited, and it is the only way that
 * does not trust the login provider's email;</li>
 * <li>by id, when the signed-in account's email equals the invited email (normalised).
 * Convenient — the invitation shows up in {@code myJudgeInvitations} — but it trusts the
 * email the login provider reported.</li>
 * </ul>
 * Acceptance claims the invitation with one conditional update (PENDING → ACCEPTED by
 * this user), then creates the judge record (its id is {@code hackathonId:userId}; an
 * insert that finds it already there is fine) and grants the JUDGE role. Each step is
 * idempotent, and accepting again as the same user repeats the later steps, so an
 * interrupted acceptance is completed by retrying it; no transaction is needed.
 */
@Service
public class JudgePanelService {

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** A change to a judge record is made again on the fresh record when another won. */
	static final Retries RETRIES = Retries.upTo(5);

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final UserDirectory users;

	private final JudgingAccess access;

	private final ConflictService conflicts;

	private final ObjectProvider<DroppedJudgeWork> work;

	private final Clock clock;

	JudgePanelService(MongoTemplate mongo, HackathonService hackathons, UserDirectory users, JudgingAccess access,
			ConflictService conflicts, ObjectProvider<DroppedJudgeWork> work, Clock clock) {
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.users = users;
		this.access = access;
		this.conflicts = conflicts;
		this.work = work;
		this.clock = clock;
	}

	public record InviteJudgeInput(String hackathonId, String email, Sector sector, @Nullable List<String> affiliations,
			@Nullable List<String> expertise, @Nullable Integer maxLoad) {
	}

	/** An invitation and the secret of its link, which is shown this once. */
	public record IssuedInvitation(JudgeInvitation invitation, String token) {
	}

	public record UpdateJudgeInput(String judgeId, @Nullable Sector sector, @Nullable List<String> affiliations,
			@Nullable List<String> expertise, @Nullable Integer maxLoad, @Nullable Boolean clearMaxLoad,
			@Nullable Integer expectedVersion) {
	}

	// ---- invitations

	/**
	 * Invites a person by email. Inviting an email that has a PENDING or REVOKED
	 * invitation renews it (new details, new link; the old link stops working); one that
	 * was ACCEPTED is a CONFLICT.
	 */
	public IssuedInvitation invite(InviteJudgeInput input) {
		String me = this.access.requireOrganizer();
		Hackathon hackathon = this.hackathons.find(input.hackathonId());
		requireNotArchived(hackathon);
		String email = (input.email() != null) ? input.email().strip() : "";
		if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			throw DomainException.badInput("email", Refusal.NOT_AN_EMAIL, "value", email);
		}
		if (input.sector() == null) {
			throw DomainException.badInput("sector", Refusal.REQUIRED);
		}
		checkMaxLoad(input.maxLoad());
		List<String> affiliations = (input.affiliations() != null)
				? Affiliations.clean(input.affiliations(), "affiliations") : null;
		List<String> expertise = Affiliations.clean(input.expertise(), "expertise");
		String key = emailKey(email);
		String id = JudgeInvitation.idOf(hackathon.id(), key);
		String token = SecretTokens.newSecret("hti_");
		Instant now = this.clock.instant();
		JudgeInvitation existing = this.mongo.findById(id, JudgeInvitation.class);
		if (existing != null && existing.status() == InvitationStatus.ACCEPTED) {
			throw DomainException.conflict(email + " has already accepted an invitation to judge " + hackathon.slug()
					+ "; change the judge record instead.");
		}
		JudgeInvitation invitation = new JudgeInvitation(id, hackathon.id(), email, key, input.sector(), affiliations,
				expertise, input.maxLoad(), SecretTokens.hash(token), InvitationStatus.PENDING, me, now, null, null,
				(existing != null) ? existing.version() : null);
		try {
			return new IssuedInvitation(this.mongo.save(invitation), token);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict(email + " was invited to " + hackathon.slug()
					+ " at the same moment by someone else; reload the invitations.");
		}
	}

	public JudgeInvitation revoke(String invitationId) {
		this.access.requireOrganizer();
		JudgeInvitation updated = this.mongo.findAndModify(
				new Query(Criteria.where("_id").is(invitationId).and("status").is(InvitationStatus.PENDING)),
				new Update().set("status", InvitationStatus.REVOKED).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), JudgeInvitation.class);
		if (updated == null) {
			JudgeInvitation current = this.mongo.findById(invitationId, JudgeInvitation.class);
			if (current == null) {
				throw DomainException.notFound("There is no judge invitation with the id '" + invitationId + "'.");
			}
			if (current.status() == InvitationStatus.REVOKED) {
				return current;
			}
			throw DomainException.conflict("This invitation was already accepted; drop the judge instead.");
		}
		return updated;
	}

	/**
	 * Accepts with the token of the invitation link, or by id when the account's email is
	 * the one invited.
	 */
	public Judge accept(@Nullable String token, @Nullable String invitationId) {
		String me = this.access.requireSignedIn();
		JudgeInvitation invitation;
		if (token != null && !token.isBlank()) {
			Query byToken = new Query(Criteria.where("tokenHash").is(SecretTokens.hash(token.strip())));
			invitation = this.mongo.findOne(byToken, JudgeInvitation.class);
			if (invitation == null) {
				throw DomainException.notFound("This invitation link is not valid (it may have been renewed or "
						+ "revoked); ask the organizer for a new one.");
			}
		}
		else if (invitationId != null && !invitationId.isBlank()) {
			invitation = this.mongo.findById(invitationId, JudgeInvitation.class);
			User user = this.users.findById(me).orElseThrow(DomainException::unauthenticated);
			if (invitation == null || user.email() == null || !emailKey(user.email()).equals(invitation.emailKey())) {
				throw DomainException.forbidden("This invitation is not addressed to your account's email; open "
						+ "the invitation link instead.");
			}
		}
		else {
			throw DomainException.badInput("token", Refusal.REQUIRED);
		}
		Hackathon hackathon = this.hackathons.find(invitation.hackathonId());
		requireNotArchived(hackathon);
		if (invitation.status() == InvitationStatus.REVOKED) {
			throw DomainException.badInput("token", Refusal.INVITATION_REVOKED);
		}
		if (invitation.status() == InvitationStatus.PENDING) {
			JudgeInvitation claimed = this.mongo.findAndModify(
					new Query(Criteria.where("_id").is(invitation.id()).and("status").is(InvitationStatus.PENDING)),
					new Update().set("status", InvitationStatus.ACCEPTED)
						.set("acceptedBy", me)
						.set("acceptedAt", this.clock.instant())
						.inc("version", 1),
					FindAndModifyOptions.options().returnNew(true), JudgeInvitation.class);
			invitation = (claimed != null) ? claimed : this.mongo.findById(invitation.id(), JudgeInvitation.class);
		}
		if (invitation == null || invitation.status() != InvitationStatus.ACCEPTED
				|| !me.equals(invitation.acceptedBy())) {
			throw DomainException.conflict("This invitation has already been accepted by another account.");
		}
		Judge judge = ensureJudge(invitation, me);
		this.users.addRole(me, Role.JUDGE);
		this.conflicts.detectForJudge(judge);
		return this.mongo.findById(judge.id(), Judge.class);
	}

	private Judge ensureJudge(JudgeInvitation invitation, String userId) {
		Judge existing = this.mongo.findById(Judge.idOf(invitation.hackathonId(), userId), Judge.class);
		if (existing != null) {
			return existing;
		}
		User user = this.users.findById(userId).orElseThrow(DomainException::unauthenticated);
		List<String> affiliations = (invitation.affiliations() != null) ? invitation.affiliations()
				: Affiliations.clean(user.affiliations(), "affiliations");
		Instant now = this.clock.instant();
		Judge judge = new Judge(Judge.idOf(invitation.hackathonId(), userId), invitation.hackathonId(), userId,
				user.displayName(), invitation.sector(), affiliations, invitation.expertise(), invitation.maxLoad(),
				JudgeStatus.ACTIVE, null, List.of(), invitation.id(), now, now, null);
		try {
			return this.mongo.insert(judge);
		}
		catch (DuplicateKeyException ex) {
			return this.mongo.findById(judge.id(), Judge.class);
		}
	}

	/** The hackathon's invitations, newest first. Organizers only. */
	public List<JudgeInvitation> invitations(Hackathon hackathon) {
		this.access.requireOrganizer();
		return this.mongo.find(new Query(Criteria.where("hackathonId").is(hackathon.id())), JudgeInvitation.class)
			.stream()
			.sorted(Comparator.comparing(JudgeInvitation::invitedAt).reversed())
			.toList();
	}

	/** PENDING invitations addressed to the signed-in account's email. */
	public List<JudgeInvitation> myInvitations() {
		String me = this.access.requireSignedIn();
		User user = this.users.findById(me).orElseThrow(DomainException::unauthenticated);
		if (user.email() == null) {
			return List.of();
		}
		return this.mongo
			.find(new Query(
					Criteria.where("emailKey").is(emailKey(user.email())).and("status").is(InvitationStatus.PENDING)),
					JudgeInvitation.class)
			.stream()
			.sorted(Comparator.comparing(JudgeInvitation::invitedAt).reversed())
			.toList();
	}

	// ---- judges

	/** Every judge of a hackathon (dropped ones too), by name. Organizers only. */
	public List<Judge> judges(Hackathon hackathon) {
		this.access.requireOrganizer();
		return judgesOf(hackathon.id());
	}

	/** Every judge of a hackathon, whoever asks; callers check rights. */
	public List<Judge> judgesOf(String hackathonId) {
		return this.mongo.find(new Query(Criteria.where("hackathonId").is(hackathonId)), Judge.class)
			.stream()
			.sorted(Comparator.comparing(Judge::displayName).thenComparing(Judge::id))
			.toList();
	}

	public Judge require(String judgeId) {
		Judge judge = this.mongo.findById(judgeId, Judge.class);
		if (judge == null) {
			throw DomainException.notFound("There is no judge with the id '" + judgeId + "'.");
		}
		return judge;
	}

	/**
	 * Changes a judge record. Organizers change everything; the judge changes their own
	 * affiliations and expertise (not their sector or load: those shape the panel).
	 * Changed affiliations are checked for conflicts again.
	 */
	public Judge update(UpdateJudgeInput input) {
		String me = this.access.requireSignedIn();
		Judge current = require(input.judgeId());
		boolean organizer = this.access.isOrganizer();
		if (!organizer) {
			if (!current.userId().equals(me)) {
				throw DomainException.forbidden("Only organizers and the judge themself can change a judge record.");
			}
			if (input.sector() != null || input.maxLoad() != null || Boolean.TRUE.equals(input.clearMaxLoad())) {
				throw DomainException.forbidden("Only organizers change a judge's sector and maximum load.");
			}
		}
		requireNotArchived(this.hackathons.find(current.hackathonId()));
		if (input.expectedVersion() != null && current.version() != null
				&& current.version() != input.expectedVersion().longValue()) {
			throw new OptimisticLockingFailureException("Judge " + current.id() + " changed");
		}
		checkMaxLoad(input.maxLoad());
		Sector sector = (input.sector() != null) ? input.sector() : current.sector();
		List<String> affiliations = (input.affiliations() != null)
				? Affiliations.clean(input.affiliations(), "affiliations") : current.affiliations();
		List<String> expertise = (input.expertise() != null) ? Affiliations.clean(input.expertise(), "expertise")
				: current.expertise();
		Integer maxLoad = Boolean.TRUE.equals(input.clearMaxLoad()) ? null
				: (input.maxLoad() != null) ? input.maxLoad() : current.maxLoad();
		Judge saved = this.mongo
			.save(current.withProfile(sector, affiliations, expertise, maxLoad, this.clock.instant()));
		if (!affiliations.equals(current.affiliations())) {
			this.conflicts.detectForJudge(saved);
			saved = require(saved.id());
		}
		return saved;
	}

	/**
	 * A dropped judge and what became of their work in each round that is not published.
	 */
	public record Dropped(Judge judge, List<DroppedJudgeWork.RoundOutcome> rounds) {
	}

	/**
	 * Drops a judge who can no longer judge: status DROPPED with the reason. In every
	 * round not published, their submitted sheets are kept (they count) unless the
	 * organizer voids them with a written reason, and their other proposals go to other
	 * judges while the round is set up or scored ({@link DroppedJudgeWork}). Dropping a
	 * dropped judge again settles their work again: that is how kept sheets are voided
	 * later. Every input is checked before anything changes.
	 */
	public Dropped drop(String judgeId, @Nullable String reason, @Nullable Boolean voidSubmittedSheets,
			@Nullable String voidReason) {
		String me = this.access.requireOrganizer();
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > 1000) {
			throw DomainException.badInput("reason", Refusal.REASON_REQUIRED);
		}
		FreeText.check(why, "reason", FreeText.Kind.TEXT);
		boolean voiding = Boolean.TRUE.equals(voidSubmittedSheets);
		String voidWhy = null;
		if (voiding) {
			voidWhy = WrittenReason.require(voidReason, "voidReason",
					"why the judge's submitted sheets no longer count; it is kept in each sheet's history");
		}
		else if (WrittenReason.given(voidReason)) {
			throw DomainException.badInput("voidReason", Refusal.ONLY_WITH, "other", "voidSubmittedSheets");
		}
		Judge current = require(judgeId);
		requireNotArchived(this.hackathons.find(current.hackathonId()));
		Judge dropped = (current.status() == JudgeStatus.DROPPED) ? current
				: change(judgeId, (judge) -> judge.withStatus(JudgeStatus.DROPPED, why, this.clock.instant()));
		List<DroppedJudgeWork.RoundOutcome> rounds = this.work.getObject()
			.settle(new JudgeDropped(dropped.hackathonId(), dropped.userId(), why, me, voiding, voidWhy));
		return new Dropped(require(judgeId), rounds);
	}

	/** Applies a change to the judge record, retrying on a concurrent write. */
	Judge change(String judgeId, UnaryOperator<Judge> change) {
		return RETRIES.get(() -> this.mongo.save(change.apply(require(judgeId))));
	}

	static String emailKey(String email) {
		return Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	private static void checkMaxLoad(@Nullable Integer maxLoad) {
		if (maxLoad != null && (maxLoad < 0 || maxLoad > 10_000)) {
			throw DomainException.badInput("maxLoad", Refusal.OUT_OF_RANGE, "min", 0, "max", 10000, "value", maxLoad);
		}
	}

	static void requireNotArchived(Hackathon hackathon) {
		if (hackathon.isArchived()) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The hackathon " + hackathon.slug() + " is ARCHIVED; its panel no longer changes.",
					Map.of("phase", hackathon.phase().name()));
		}
	}

}
