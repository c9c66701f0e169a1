package org.hacktrail.judging.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.hacktrail.judging.TeamMemberships;
import org.hacktrail.judging.assignment.service.AssignmentService;
import org.hacktrail.judging.expo.ExpoVisit;
import org.hacktrail.judging.expo.ExpoVisitStatus;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundMethod;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.audit.AuditEventType;
import org.hacktrail.platform.audit.AuditLog;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Judges' written feedback for the teams.
 *
 * <p>
 * <b>Writing</b> (an ACTIVE judge, while the round is OPEN, without a conflict with the
 * proposal): in a RUBRIC round on a proposal assigned to the judge in the current plan;
 * in a PAIRWISE round on a table the judge was sent to or has seen (not one skipped). One
 * text per judge × proposal × round, up to {@value #MAX_TEXT} characters of free text,
 * control characters refused; saving an empty text deletes it. It is apart from the
 * sheet's private comment, which only the judge and organizers ever read. Feedback an
 * organizer hid no longer changes.
 *
 * <p>
 * <b>Reading.</b> The judge reads their own; organizers read every feedback of a round
 * with its judge and, for hidden ones, the reason. The proposal's team (its members and
 * its proposer) and organizers read the team's view: for each PUBLISHED round only, the
 * feedback not hidden, its judges numbered "Judge 1, 2, …" per round and proposal in the
 * order they first wrote (never named) — without the feedback of a judge who now has a
 * conflict of interest with the proposal (as their sheets are void), nor feedback written
 * at an expo visit the judge then skipped; before publication nothing, with
 * {@code published: false}. Other people are refused.
 *
 * <p>
 * <b>Hiding</b> (organizers, any time, with a reason of 1 to {@value #MAX_REASON}
 * characters): the team never sees it; audited ({@code TEAM_FEEDBACK_HIDDEN}).
 */
@Service
public class TeamFeedbackService {

	static final int MAX_TEXT = 2000;

	static final int MAX_REASON = 1000;

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final AssignmentService assignments;

	private final JudgingAccess access;

	private final ProposalLookup proposals;

	private final TeamMemberships memberships;

	private final AuditLog audit;

	private final Clock clock;

	TeamFeedbackService(MongoTemplate mongo, RoundService rounds, AssignmentService assignments, JudgingAccess access,
			ProposalLookup proposals, TeamMemberships memberships, AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.assignments = assignments;
		this.access = access;
		this.proposals = proposals;
		this.memberships = memberships;
		this.audit = audit;
		this.clock = clock;
	}

	public record SaveTeamFeedbackInput(String roundId, String proposalId, @Nullable String text) {
	}

	public record HideTeamFeedbackInput(String feedbackId, @Nullable String reason) {
	}

	/** One feedback as the team reads it: which judge (a number), where, what. */
	public record TeamEntry(int judgeNumber, TeamFeedbackSource source, String text) {
	}

	/** A published round's feedback for the team. */
	public record RoundFeedback(JudgingRound round, @Nullable Instant publishedAt, List<TeamEntry> entries) {
	}

	/** What the team reads of the feedback on its proposal. */
	public record ProposalFeedback(String proposalId, boolean published, List<RoundFeedback> rounds) {
	}

	// ---- the judge

	/**
	 * Saves (or, with an empty text, deletes) the signed-in judge's feedback for the
	 * proposal's team in the round.
	 * @return the feedback, or null when deleted
	 */
	public @Nullable TeamFeedback save(SaveTeamFeedbackInput input) {
		String me = this.access.requireSignedIn();
		JudgingRound round = this.rounds.requireStored(input.roundId());
		Judge judge = this.access.requireActiveJudge(round.hackathonId());
		if (round.status() != RoundStatus.OPEN) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round is " + round.status() + "; feedback for teams is written only while it is OPEN.",
					Map.of("field", "roundId", "status", round.status().name()));
		}
		String proposalId = input.proposalId();
		if (judge.isConflictedWith(proposalId)) {
			throw DomainException.refused(ErrorCode.FORBIDDEN, Refusal.CONFLICTED_NO_FEEDBACK);
		}
		String text = text(input.text());
		TeamFeedbackSource source;
		String visitId = null;
		if (round.config().method() == RoundMethod.PAIRWISE) {
			source = TeamFeedbackSource.EXPO_VISIT;
			visitId = visitOf(round, judge, proposalId);
		}
		else {
			source = TeamFeedbackSource.SCORE_SHEET;
			if (!this.assignments.work(round, me).contains(proposalId)) {
				throw DomainException.refused(ErrorCode.FORBIDDEN, Refusal.NOT_ASSIGNED);
			}
		}
		String id = TeamFeedback.idOf(round.id(), me, proposalId);
		TeamFeedback stored = this.mongo.findById(id, TeamFeedback.class);
		if (stored != null && stored.hidden() != null) {
			throw DomainException.badInput("text", Refusal.FEEDBACK_HIDDEN, "reason", stored.hidden().reason());
		}
		Instant now = this.clock.instant();
		try {
			if (text == null) {
				if (stored != null) {
					this.mongo.remove(stored);
				}
				return null;
			}
			if (stored == null) {
				return this.mongo.insert(new TeamFeedback(id, round.hackathonId(), round.id(), proposalId, me,
						judge.id(), source, visitId, text, now, now, null, null));
			}
			return this.mongo.save(new TeamFeedback(id, stored.hackathonId(), stored.roundId(), proposalId, me,
					judge.id(), source, (visitId != null) ? visitId : stored.visitId(), text, stored.createdAt(), now,
					null, stored.version()));
		}
		catch (DuplicateKeyException | OptimisticLockingFailureException ex) {
			throw DomainException.conflict("Your feedback changed meanwhile (another window?); reload it.");
		}
	}

	/** The signed-in judge's own feedback on the proposal in the round, or null. */
	public @Nullable TeamFeedback mine(String roundId, String proposalId) {
		String me = this.access.requireSignedIn();
		return this.mongo.findById(TeamFeedback.idOf(roundId, me, proposalId), TeamFeedback.class);
	}

	/**
	 * The visit of a PAIRWISE round the judge writes at: their newest visit of the table
	 * that is OPEN or seen. FORBIDDEN when there is none.
	 */
	private String visitOf(JudgingRound round, Judge judge, String proposalId) {
		Query query = new Query(Criteria.where("roundId").is(round.id()));
		return this.mongo.find(query, ExpoVisit.class)
			.stream()
			.filter((v) -> v.judgeId().equals(judge.id()) && v.proposalId().equals(proposalId)
					&& v.status() != ExpoVisitStatus.SKIPPED)
			.max(Comparator.comparingInt(ExpoVisit::number))
			.map(ExpoVisit::id)
			.orElseThrow(() -> DomainException
				.forbidden("You have not visited this table in this round; feedback is written at a table."));
	}

	// ---- organizers

	/**
	 * Every feedback of the round, hidden ones included, by proposal then time (none
	 * before judging is set up). Organizers only.
	 */
	public List<TeamFeedback> ofRound(String roundId) {
		this.access.requireOrganizer();
		// A round whose judging is not set up yet has no feedback (NOT_FOUND only for
		// a round that does not exist).
		String id = this.rounds.require(roundId).round().id();
		List<TeamFeedback> all = new ArrayList<>(
				this.mongo.find(new Query(Criteria.where("roundId").is(id)), TeamFeedback.class));
		all.sort(Comparator.comparing(TeamFeedback::proposalId)
			.thenComparing(TeamFeedback::createdAt)
			.thenComparing(TeamFeedback::id));
		return all;
	}

	/** Hides a feedback from the team, with a reason. Organizers only; audited. */
	public TeamFeedback hide(HideTeamFeedbackInput input) {
		String me = this.access.requireOrganizer();
		String reason = (input.reason() != null) ? input.reason().strip() : "";
		if (reason.isEmpty() || reason.codePointCount(0, reason.length()) > MAX_REASON) {
			throw DomainException.badInput("reason", Refusal.LENGTH, "min", 1, "max", MAX_REASON);
		}
		FreeText.check(reason, "reason", FreeText.Kind.TEXT);
		TeamFeedback stored = this.mongo.findById(input.feedbackId(), TeamFeedback.class);
		if (stored == null) {
			throw DomainException.notFound("There is no feedback with the id '" + input.feedbackId() + "'.");
		}
		if (stored.hidden() != null) {
			throw DomainException.badInput("feedbackId", Refusal.FEEDBACK_ALREADY_HIDDEN, "reason",
					stored.hidden().reason());
		}
		TeamFeedback hidden;
		try {
			hidden = this.mongo.save(new TeamFeedback(stored.id(), stored.hackathonId(), stored.roundId(),
					stored.proposalId(), stored.judgeUserId(), stored.judgeId(), stored.source(), stored.visitId(),
					stored.text(), stored.createdAt(), stored.updatedAt(),
					new TeamFeedback.Hiding(reason, me, this.clock.instant()), stored.version()));
		}
		catch (OptimisticLockingFailureException ex) {
			throw DomainException.conflict("The feedback changed meanwhile; reload it and hide it again.");
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("round", stored.roundId());
		details.put("proposal", stored.proposalId());
		details.put("judge", stored.judgeId());
		details.put("reason", reason);
		this.audit.record(AuditEventType.TEAM_FEEDBACK_HIDDEN, me, "teamFeedback", stored.id(), details);
		return hidden;
	}

	// ---- the team

	/**
	 * What the proposal's team reads: the feedback of its published rounds, not hidden,
	 * with numbered judges. The team's members, its proposer and organizers only.
	 */
	public ProposalFeedback forTeam(String proposalId) {
		String me = this.access.requireSignedIn();
		Proposal proposal = this.proposals.find(proposalId)
			.orElseThrow(() -> DomainException.notFound("There is no proposal with the id '" + proposalId + "'."));
		boolean team = me.equals(proposal.proposerId())
				|| this.memberships.proposalsWithMember(proposal.hackathonId(), me).contains(proposalId);
		if (!team && !this.access.isOrganizer()) {
			throw DomainException.forbidden("Only the proposal's team and organizers read the judges' feedback.");
		}
		List<JudgingRound> published = this.rounds.storedRounds(proposal.hackathonId())
			.stream()
			.filter((r) -> r.status() == RoundStatus.PUBLISHED)
			.sorted(Comparator.comparing(JudgingRound::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(JudgingRound::id))
			.toList();
		if (published.isEmpty()) {
			return new ProposalFeedback(proposalId, false, List.of());
		}
		Map<String, List<TeamFeedback>> byRound = new LinkedHashMap<>();
		published.forEach((r) -> byRound.put(r.id(), new ArrayList<>()));
		List<TeamFeedback> found = this.mongo.find(new Query(Criteria.where("proposalId").is(proposalId)),
				TeamFeedback.class);
		Set<String> conflicted = conflicted(found, proposalId);
		Set<String> skipped = skippedVisits(found);
		for (TeamFeedback feedback : found) {
			List<TeamFeedback> list = byRound.get(feedback.roundId());
			boolean dropped = conflicted.contains(feedback.judgeId())
					|| (feedback.visitId() != null && skipped.contains(feedback.visitId()));
			if (list != null && feedback.hidden() == null && !dropped) {
				list.add(feedback);
			}
		}
		List<RoundFeedback> rounds = new ArrayList<>();
		for (JudgingRound round : published) {
			List<TeamFeedback> list = Objects.requireNonNull(byRound.get(round.id()));
			list.sort(Comparator.comparing(TeamFeedback::createdAt).thenComparing(TeamFeedback::id));
			List<TeamEntry> entries = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				entries.add(new TeamEntry(i + 1, list.get(i).source(), list.get(i).text()));
			}
			if (!entries.isEmpty()) {
				rounds.add(new RoundFeedback(round, round.publishedAt(), entries));
			}
		}
		return new ProposalFeedback(proposalId, true, rounds);
	}

	/**
	 * The judges of these feedbacks with an active conflict of interest with the proposal
	 * now: like their sheets, their feedback no longer counts (one read).
	 */
	private Set<String> conflicted(List<TeamFeedback> feedback, String proposalId) {
		Set<String> judgeIds = new HashSet<>();
		feedback.forEach((f) -> judgeIds.add(f.judgeId()));
		Set<String> conflicted = new HashSet<>();
		if (!judgeIds.isEmpty()) {
			this.mongo.find(new Query(Criteria.where("_id").in(judgeIds)), Judge.class)
				.stream()
				.filter((j) -> j.isConflictedWith(proposalId))
				.forEach((j) -> conflicted.add(j.id()));
		}
		return conflicted;
	}

	/**
	 * The expo visits of these feedbacks that the judge skipped after writing (absent, or
	 * a conflict): the judge did not see the team there (one read).
	 */
	private Set<String> skippedVisits(List<TeamFeedback> feedback) {
		Set<String> visitIds = new HashSet<>();
		feedback.stream().map(TeamFeedback::visitId).filter(Objects::nonNull).forEach(visitIds::add);
		Set<String> skipped = new HashSet<>();
		if (!visitIds.isEmpty()) {
			this.mongo.find(new Query(Criteria.where("_id").in(visitIds)), ExpoVisit.class)
				.stream()
				.filter((v) -> v.status() == ExpoVisitStatus.SKIPPED)
				.forEach((v) -> skipped.add(v.id()));
		}
		return skipped;
	}

	// ---- validation

	private static @Nullable String text(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.codePointCount(0, stripped.length()) > MAX_TEXT) {
			throw DomainException.badInput("text", Refusal.TOO_LONG, "max", MAX_TEXT);
		}
		return FreeText.check(stripped, "text", FreeText.Kind.TEXT);
	}

}
