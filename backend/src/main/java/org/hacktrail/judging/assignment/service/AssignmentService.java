package org.hacktrail.judging.assignment.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import org.hacktrail.judging.assignment.Assignment;
import org.hacktrail.judging.assignment.AssignmentPlan;
import org.hacktrail.judging.assignment.AssignmentRequest;
import org.hacktrail.judging.assignment.Conflict;
import org.hacktrail.judging.assignment.JudgeAssigner;
import org.hacktrail.judging.assignment.PanelJudge;
import org.hacktrail.judging.panel.ConflictActivated;
import org.hacktrail.judging.panel.ConflictOfInterest;
import org.hacktrail.judging.panel.ConflictService;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.JudgingPlan.PlanReason;
import org.hacktrail.judging.round.JudgingPlan;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundConfig;
import org.hacktrail.judging.round.RoundEvent;
import org.hacktrail.judging.round.RoundDedications;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.MessageArg;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Assignment plans: {@link JudgeAssigner} (plain Java, seeded) run on the round's
 * candidates, its active judges and their active conflicts, then stored.
 *
 * <p>
 * <b>Storing a plan without a transaction.</b> A plan is written as new documents — one
 * {@link JudgeWork} per judge (id {@code planId:userId}) and one {@link JudgingPlan} —
 * and becomes current by one conditional update of the round: {@code planId} from the
 * plan it was computed from to the new one. Readers always go through the round's
 * {@code planId}, so they see the old plan or the new one, never a mixture; an
 * interrupted write leaves unused documents behind and the old plan current. Two plans
 * computed at once from the same plan cannot both win: the second conditional update
 * fails and that plan is computed again from the new one.
 *
 * <p>
 * The full assignment runs while the round is DRAFT. Afterwards the plan only changes
 * locally ({@link JudgeAssigner#reassign}): a dropped judge's proposals without a
 * submitted sheet go to other judges ({@link #moveAway}; the sheets decide which), and so
 * does a proposal a judge got a conflict with. The load figures of every plan leave
 * dropped judges out.
 */
@Service
public class AssignmentService {

	private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);

	/**
	 * Stands for "the conflicted judge" when only some of a judge's proposals move (see
	 * {@link #replace}).
	 */
	static final String CONFLICTED = "\u0000conflicted";

	private static final int MAX_ATTEMPTS = 5;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final ConflictService conflicts;

	private final JudgingAccess access;

	private final Clock clock;

	AssignmentService(MongoTemplate mongo, RoundService rounds, ConflictService conflicts, JudgingAccess access,
			Clock clock) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.conflicts = conflicts;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * Runs the assignment for a DRAFT round and makes it the round's plan. Affiliation
	 * conflicts are looked for first, so that the plan respects every conflict known.
	 * Organizers.
	 * @param seedText the seed (unsigned 64-bit decimal) or null for a random one; the
	 * plan records it
	 */
	public JudgingPlan assign(String roundId, @Nullable String seedText) {
		String me = this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(roundId);
		RoundService.requireWritable(context.hackathon());
		RoundStatus status = context.judging().status();
		if (status != RoundStatus.DRAFT) {
			throw DomainException.badInput("roundId", Refusal.ASSIGN_ONLY_IN_DRAFT, "status", status);
		}
		long seed = (seedText != null && !seedText.isBlank()) ? RoundService.parseSeed(seedText) : RANDOM.nextLong();
		// Conflicts found now may change the current plan (listeners): read the round
		// after this.
		this.conflicts.detectAll(context.hackathon().id());
		context = this.rounds.require(roundId);
		JudgingRound round = this.rounds.ensureStored(context);
		List<String> candidates = this.rounds.candidates(context);
		List<Judge> judges = judges(round.hackathonId());
		Set<String> unavailable = unavailable(round, judges);
		AssignmentRequest request = request(round, candidates, judges, seed, unavailable);
		AssignmentPlan plan = JudgeAssigner.assign(request).withoutJudges(unavailable);
		long judgesWithRoom = request.judges().stream().filter((j) -> j.maxLoad() == null || j.maxLoad() > 0).count();
		return commit(round, plan, request,
				new Why("Assignment of " + candidates.size() + " proposals to " + judgesWithRoom + " judges",
						PlanReason.ASSIGNMENT,
						List.of(MessageArg.of("proposals", candidates.size()), MessageArg.of("judges", judgesWithRoom)),
						null),
				me);
	}

	/** One judge's work in the round's current plan (empty when the judge has none). */
	public List<String> work(JudgingRound round, String userId) {
		if (round.planId() == null) {
			return List.of();
		}
		JudgeWork work = this.mongo.findById(JudgeWork.idOf(round.planId(), userId), JudgeWork.class);
		return (work != null) ? work.proposalIds() : List.of();
	}

	/** Every judge's work in a plan, by user id (one {@code $in} on ids). */
	public Map<String, List<String>> works(JudgingPlan plan) {
		Map<String, List<String>> works = new LinkedHashMap<>();
		if (plan.judgeIds().isEmpty()) {
			return works;
		}
		List<String> ids = plan.judgeIds().stream().map((user) -> JudgeWork.idOf(plan.id(), user)).toList();
		this.mongo.find(new Query(Criteria.where("_id").in(ids)), JudgeWork.class)
			.forEach((work) -> works.put(work.userId(), work.proposalIds()));
		return works;
	}

	// ---- local changes after the fact

	/**
	 * Moves some proposals of one judge to other judges in a DRAFT or OPEN round (a
	 * dropped judge's proposals without a submitted sheet), keeping the rest of the plan,
	 * that judge's other proposals included; computed again if another plan won
	 * meanwhile. Organizers, through the panel.
	 * @return each moved proposal with the judges (user ids) it went to, in proposal id
	 * order; empty when the round is not DRAFT or OPEN, has no plan, or the judge has
	 * none of these proposals in it
	 * @param reason why the judge was dropped, as the organizer wrote it
	 */
	public Map<String, List<String>> moveAway(String roundId, String userId, Set<String> proposalIds, String reason,
			@Nullable String by) {
		Applied applied = change(roundId, by,
				(current, plan, previous) -> replace(current, plan, previous, userId, proposalIds,
						(count) -> new Why(count + " proposal(s) moved away: Judge dropped: " + reason,
								PlanReason.JUDGE_DROPPED, List.of(MessageArg.of("count", count)), reason)));
		Map<String, List<String>> moved = new java.util.TreeMap<>();
		if (applied == null) {
			return moved;
		}
		Set<Assignment> before = new HashSet<>(applied.previous());
		for (Assignment assignment : applied.change().plan().assignments()) {
			if (proposalIds.contains(assignment.proposalId()) && !before.contains(assignment)) {
				moved.computeIfAbsent(assignment.proposalId(), (k) -> new ArrayList<>()).add(assignment.judgeId());
			}
		}
		for (Assignment assignment : applied.previous()) {
			if (assignment.judgeId().equals(userId) && proposalIds.contains(assignment.proposalId())) {
				moved.putIfAbsent(assignment.proposalId(), new ArrayList<>());
			}
		}
		return moved;
	}

	@EventListener
	void conflictActivated(ConflictActivated event) {
		Set<String> proposals = new HashSet<>(event.proposalIds());
		for (JudgingRound round : this.rounds.storedRounds(event.hackathonId())) {
			change(round.id(), event.by(),
					(current, plan, previous) -> replace(current, plan, previous, event.judgeUserId(), proposals,
							(count) -> new Why(
									"Conflict of interest: " + count + " proposal(s) moved away from a judge",
									PlanReason.CONFLICT, List.of(MessageArg.of("count", count)), null)));
		}
	}

	/**
	 * Moves some proposals of one judge (conflicted ones, or a dropped judge's without a
	 * submitted sheet) to other judges: {@link JudgeAssigner#reassign} moves all of a
	 * dropped judge's proposals, so the pairs to move are handed to it under a stand-in
	 * judge id that is on no panel, and the stand-in is "dropped". Nothing else in the
	 * plan moves.
	 */
	private @Nullable Change replace(JudgingRound round, JudgingPlan plan, List<Assignment> previous, String userId,
			Set<String> proposals, IntFunction<Why> reason) {
		List<Assignment> renamed = new ArrayList<>();
		Set<String> moved = new HashSet<>();
		for (Assignment assignment : previous) {
			if (assignment.judgeId().equals(userId) && proposals.contains(assignment.proposalId())) {
				if (moved.add(assignment.proposalId())) {
					renamed.add(new Assignment(assignment.proposalId(), CONFLICTED));
				}
			}
			else {
				renamed.add(assignment);
			}
		}
		if (moved.isEmpty()) {
			return null;
		}
		List<Judge> judges = judges(round.hackathonId());
		Set<String> unavailable = unavailable(round, judges);
		AssignmentRequest request = request(round, plan.proposalIds(), judges, plan.seed(), unavailable);
		return new Change(JudgeAssigner.reassign(request, renamed, CONFLICTED).withoutJudges(unavailable), request,
				reason.apply(moved.size()));
	}

	private record Change(AssignmentPlan plan, AssignmentRequest request, Why reason) {
	}

	/**
	 * Why a plan is made: in English, as a code with its values, and what a person wrote.
	 */
	private record Why(String english, PlanReason code, List<MessageArg> args, @Nullable String written) {
	}

	/** A change that became the round's plan, and the assignments it was made from. */
	private record Applied(Change change, List<Assignment> previous) {
	}

	@FunctionalInterface
	private interface Changer {

		@Nullable Change apply(JudgingRound round, JudgingPlan plan, List<Assignment> previous);

	}

	/**
	 * Applies a local change to a DRAFT or OPEN round's plan, computing it again if
	 * another plan won meanwhile.
	 */
	private @Nullable Applied change(String roundId, @Nullable String by, Changer changer) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			JudgingRound round = this.rounds.requireStored(roundId);
			if (round.status() != RoundStatus.DRAFT && round.status() != RoundStatus.OPEN) {
				return null;
			}
			JudgingPlan plan = this.rounds.currentPlan(round);
			if (plan == null) {
				return null;
			}
			List<Assignment> previous = new ArrayList<>();
			works(plan).forEach((user, proposals) -> proposals.forEach((p) -> previous.add(new Assignment(p, user))));
			Change change = changer.apply(round, plan, previous);
			if (change == null) {
				return null;
			}
			if (tryCommit(round, change.plan(), change.request(), change.reason(), by) != null) {
				return new Applied(change, previous);
			}
		}
		log.warn("Round {}: the plan kept changing; a local change was not applied after {} attempts", roundId,
				MAX_ATTEMPTS);
		throw DomainException.conflict("The round's assignment kept changing; try again.");
	}

	// ---- building and storing

	/**
	 * Active judges, plus dropped ones (as unavailable) so that an old plan naming them
	 * can still be read.
	 */
	private List<Judge> judges(String hackathonId) {
		return this.mongo.find(new Query(Criteria.where("hackathonId").is(hackathonId)), Judge.class);
	}

	/** The user ids of the dropped judges: the plan's load figures leave them out. */
	private static Set<String> dropped(List<Judge> judges) {
		Set<String> dropped = new HashSet<>();
		judges.stream().filter((j) -> !j.isActive()).forEach((j) -> dropped.add(j.userId()));
		return dropped;
	}

	/**
	 * The user ids of the judges who take no work in the round: the dropped ones, and in
	 * a round dedicated to an award track every judge who is not one of the track's.
	 */
	private Set<String> unavailable(JudgingRound round, List<Judge> judges) {
		Set<String> unavailable = dropped(judges);
		RoundDedications.Dedication dedication = this.rounds.dedication(round.id());
		if (dedication != null) {
			judges.stream().filter((j) -> !dedication.judges(j.userId())).forEach((j) -> unavailable.add(j.userId()));
		}
		return unavailable;
	}

	private static AssignmentRequest request(JudgingRound round, List<String> proposals, List<Judge> judges, long seed,
			Set<String> unavailable) {
		RoundConfig config = round.config();
		List<PanelJudge> panel = new ArrayList<>();
		List<Conflict> conflicts = new ArrayList<>();
		for (Judge judge : judges) {
			Integer maxLoad = (!judge.isActive() || unavailable.contains(judge.userId())) ? Integer.valueOf(0)
					: (judge.maxLoad() != null) ? judge.maxLoad() : config.maxLoad();
			panel.add(new PanelJudge(judge.userId(), judge.sector(), maxLoad));
			for (ConflictOfInterest conflict : judge.conflicts()) {
				if (conflict.isActive()) {
					conflicts.add(new Conflict(judge.userId(), conflict.proposalId()));
				}
			}
		}
		try {
			return new AssignmentRequest(proposals, panel, conflicts, config.judgesPerProposal(),
					config.sectorMinimums(), seed);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.badInput("roundId", Refusal.INVALID, "detail", String.valueOf(ex.getMessage()));
		}
	}

	private JudgingPlan commit(JudgingRound round, AssignmentPlan plan, AssignmentRequest request, Why reason,
			String by) {
		JudgingPlan stored = tryCommit(round, plan, request, reason, by);
		if (stored == null) {
			throw DomainException.conflict("The round's assignment changed while this one was computed; run it again.");
		}
		return stored;
	}

	/**
	 * Writes the plan's documents and makes it current; null when another plan became
	 * current meanwhile.
	 */
	private @Nullable JudgingPlan tryCommit(JudgingRound round, AssignmentPlan plan, AssignmentRequest request,
			Why reason, @Nullable String by) {
		String planId = UUID.randomUUID().toString();
		Map<String, List<String>> byJudge = new LinkedHashMap<>();
		for (Assignment assignment : plan.assignments()) {
			byJudge.computeIfAbsent(assignment.judgeId(), (k) -> new ArrayList<>()).add(assignment.proposalId());
		}
		List<JudgeWork> works = new ArrayList<>();
		byJudge.forEach((user, proposals) -> works.add(JudgeWork.of(planId, round.id(), user, proposals)));
		Instant now = this.clock.instant();
		JudgingPlan record = new JudgingPlan(planId, round.id(), round.planId(), plan.algorithmVersion(),
				request.seed(), request.proposalIds(), new ArrayList<>(byJudge.keySet()), plan.assignments().size(),
				plan.loads(), plan.problems(), plan.loadSpread(), plan.balanced(), reason.english(), by, now,
				reason.code(), reason.args(), reason.written());
		List<MessageArg> eventArgs = new ArrayList<>(reason.args());
		eventArgs.add(MessageArg.of("cause", reason.code()));
		eventArgs.add(MessageArg.of("seed", Long.toUnsignedString(request.seed())));
		eventArgs.add(MessageArg.of("problems", plan.problems().size()));
		if (!works.isEmpty()) {
			this.mongo.insertAll(works);
		}
		this.mongo.insert(record);
		Query current = new Query(Criteria.where("_id").is(round.id()).and("planId").is(round.planId()));
		Update update = new Update().set("planId", planId)
			.set("updatedAt", now)
			.push("history",
					RoundEvent.described(now, by, "ASSIGNED",
							reason.english() + " (plan " + planId + ", seed " + Long.toUnsignedString(request.seed())
									+ ", " + plan.problems().size() + " problems)",
							eventArgs, reason.written()))
			.inc("version", 1);
		if (this.mongo.updateFirst(current, update, JudgingRound.class).getModifiedCount() == 1) {
			return record;
		}
		// Lost the race: leave no orphans behind (best effort; orphans would be
		// harmless).
		this.mongo.remove(new Query(Criteria.where("_id").in(works.stream().map(JudgeWork::id).toList())),
				JudgeWork.class);
		this.mongo.remove(new Query(Criteria.where("_id").is(planId)), JudgingPlan.class);
		return null;
	}

	/**
	 * Proposal ids of the current plan with their judges' user ids (organizers' views).
	 */
	public Map<String, List<String>> judgesByProposal(JudgingPlan plan) {
		Map<String, List<String>> byProposal = new HashMap<>();
		works(plan).forEach((user, proposals) -> proposals
			.forEach((p) -> byProposal.computeIfAbsent(p, (k) -> new ArrayList<>()).add(user)));
		return byProposal;
	}

}
