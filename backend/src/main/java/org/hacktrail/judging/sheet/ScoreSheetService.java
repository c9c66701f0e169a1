package org.hacktrail.judging.sheet;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;

import org.hacktrail.judging.assignment.service.AssignmentService;
import org.hacktrail.judging.panel.ConflictActivated;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.JudgingPlan;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.RubricCriterion;
import org.hacktrail.judging.round.UnsubmittedSheets;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Score sheets and judging progress.
 *
 * <p>
 * <b>Saving.</b> A judge saves a sheet of a proposal assigned to them in the round's
 * current plan, while the round is OPEN and they are an active judge without a conflict
 * with it. A save names the version it was based on (none for the first save): the write
 * is conditional on that version, so of two concurrent saves of one sheet the second is a
 * CONFLICT — never a lost write. The hot path costs four store round trips, each by id:
 * the round, the judge record, the judge's work in the current plan, and the conditional
 * write.
 *
 * <p>
 * <b>Who sees a sheet.</b> Its judge and organizers — before and after publication. Other
 * judges and proposers never see sheets here; after publication everyone sees every
 * counted sheet in the open data, under pseudonymous judge ids.
 */
@Service
public class ScoreSheetService implements UnsubmittedSheets {

	static final int MAX_COMMENT = 5000;

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final AssignmentService assignments;

	private final JudgePanelService panel;

	private final JudgingAccess access;

	private final Clock clock;

	ScoreSheetService(MongoTemplate mongo, RoundService rounds, AssignmentService assignments, JudgePanelService panel,
			JudgingAccess access, Clock clock) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.assignments = assignments;
		this.panel = panel;
		this.access = access;
		this.clock = clock;
	}

	public record ScoreInput(@Nullable String criterionId, @Nullable Double value) {
	}

	public record SaveScoreSheetInput(String roundId, String proposalId, @Nullable List<ScoreInput> scores,
			@Nullable String comment, @Nullable Integer expectedVersion) {
	}

	/** One assigned proposal and the judge's sheet on it (null before the first save). */
	public record AssignedProposal(String proposalId, @Nullable ScoreSheet sheet) {
	}

	/** A judge's work in a round: what is assigned, and how far they are. */
	public record MyAssignments(JudgingRound round, Judge judge, List<AssignedProposal> proposals, int assigned,
			int submitted) {
	}

	public record JudgeProgress(Judge judge, int assigned, int drafts, int submitted, int voided) {
	}

	public record ProposalProgress(String proposalId, int assigned, int submitted, List<String> judgeIds) {
	}

	public record RoundProgress(JudgingRound round, int assigned, int submitted, List<JudgeProgress> judges,
			List<ProposalProgress> proposals) {
	}

	// ---- the judge's panel

	/** The proposals assigned to the signed-in judge in the round, with their sheets. */
	public MyAssignments myAssignments(String roundId) {
		String me = this.access.requireSignedIn();
		JudgingRound round = this.rounds.requireStored(roundId);
		Judge judge = this.access.requireActiveJudge(round.hackathonId());
		return assignmentsOf(round, judge, me);
	}

	/**
	 * The signed-in person's work in every round being scored (OPEN) or just closed
	 * (CLOSED) at each hackathon where they are an active judge, open rounds first: the
	 * judge's home screen in one request. Rounds without work for them are left out; an
	 * empty list for anyone who judges nowhere.
	 */
	public List<MyAssignments> myJudging() {
		String me = this.access.requireSignedIn();
		List<MyAssignments> all = new ArrayList<>();
		for (Judge judge : this.mongo.find(new Query(Criteria.where("userId").is(me)), Judge.class)) {
			if (!judge.isActive()) {
				continue;
			}
			for (JudgingRound round : this.rounds.storedRounds(judge.hackathonId())) {
				if (round.status() == RoundStatus.OPEN || round.status() == RoundStatus.CLOSED) {
					MyAssignments work = assignmentsOf(round, judge, me);
					if (work.assigned() > 0) {
						all.add(work);
					}
				}
			}
		}
		all.sort(Comparator.comparing((MyAssignments a) -> a.round().status() != RoundStatus.OPEN)
			.thenComparing((a) -> a.round().createdAt(), Comparator.reverseOrder())
			.thenComparing((a) -> a.round().id()));
		return all;
	}

	private MyAssignments assignmentsOf(JudgingRound round, Judge judge, String me) {
		String roundId = round.id();
		List<String> work = this.assignments.work(round, me);
		Map<String, ScoreSheet> sheets = new HashMap<>();
		if (!work.isEmpty()) {
			List<String> ids = work.stream().map((p) -> ScoreSheet.idOf(roundId, me, p)).toList();
			this.mongo.find(new Query(Criteria.where("_id").in(ids)), ScoreSheet.class)
				.forEach((sheet) -> sheets.put(sheet.proposalId(), sheet));
		}
		List<AssignedProposal> proposals = work.stream().map((p) -> new AssignedProposal(p, sheets.get(p))).toList();
		int submitted = (int) sheets.values().stream().filter((s) -> s.status() == SheetStatus.SUBMITTED).count();
		return new MyAssignments(round, judge, proposals, work.size(), submitted);
	}

	/**
	 * Saves a draft of the signed-in judge's sheet: the scores given replace the stored
	 * ones, within scale.
	 */
	public ScoreSheet save(SaveScoreSheetInput input) {
		return write(input, false);
	}

	/**
	 * Submits the signed-in judge's sheet, after saving the scores and comment given (if
	 * any): every criterion must have a score. A submitted sheet is locked until an
	 * organizer reopens it.
	 */
	public ScoreSheet submit(SaveScoreSheetInput input) {
		return write(input, true);
	}

	private ScoreSheet write(SaveScoreSheetInput input, boolean submit) {
		String me = this.access.requireSignedIn();
		JudgingRound round = this.rounds.requireStored(input.roundId());
		Judge judge = this.access.requireActiveJudge(round.hackathonId());
		if (!round.isScoring()) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round is " + round.status() + "; sheets are saved only while it is OPEN.",
					Map.of("status", round.status().name()));
		}
		String proposalId = input.proposalId();
		if (judge.isConflictedWith(proposalId)) {
			throw DomainException.refused(ErrorCode.FORBIDDEN, Refusal.CONFLICTED_NO_SCORE);
		}
		if (!this.assignments.work(round, me).contains(proposalId)) {
			// Only a refusal asks whether the round is dedicated to a track: a dedicated
			// round assigns sheets to the track's judges only, so saving stays four round
			// trips (HotPathShapeTests), and a judge not on the track is told why.
			this.rounds.requireRoundJudge(round, me);
			throw DomainException.refused(ErrorCode.FORBIDDEN, Refusal.NOT_ASSIGNED);
		}
		TreeMap<String, Double> scores = (input.scores() != null) ? scores(round, input.scores()) : null;
		String comment = comment(input.comment());
		String id = ScoreSheet.idOf(round.id(), me, proposalId);
		Instant now = this.clock.instant();
		if (input.expectedVersion() == null) {
			TreeMap<String, Double> values = (scores != null) ? scores : new TreeMap<>();
			if (submit) {
				requireComplete(round, values);
			}
			SheetStatus status = submit ? SheetStatus.SUBMITTED : SheetStatus.DRAFT;
			List<SheetEvent> history = submit ? List.of(new SheetEvent(now, me, SheetStatus.DRAFT, status, null))
					: List.of();
			try {
				return this.mongo.insert(new ScoreSheet(id, round.hackathonId(), round.id(), me, proposalId, values,
						comment, status, history, submit ? now : null, now, now, null));
			}
			catch (DuplicateKeyException ex) {
				throw DomainException.conflict("This sheet has already been saved (from another window or device?); "
						+ "reload it and send the version you read as expectedVersion.");
			}
		}
		long expected = input.expectedVersion();
		Update update = new Update().set("updatedAt", now).inc("version", 1);
		if (scores != null) {
			update.set("scores", scores);
		}
		if (input.comment() != null) {
			update.set("comment", comment);
		}
		if (submit) {
			TreeMap<String, Double> values = scores;
			if (values == null) {
				ScoreSheet stored = requireOwnDraft(id, expected);
				values = new TreeMap<>(stored.scores());
			}
			requireComplete(round, values);
			update.set("status", SheetStatus.SUBMITTED)
				.set("submittedAt", now)
				.push("history", new SheetEvent(now, me, SheetStatus.DRAFT, SheetStatus.SUBMITTED, null));
		}
		ScoreSheet saved = this.mongo.findAndModify(
				new Query(Criteria.where("_id").is(id).and("version").is(expected).and("status").is(SheetStatus.DRAFT)),
				update, FindAndModifyOptions.options().returnNew(true), ScoreSheet.class);
		if (saved == null) {
			requireOwnDraft(id, expected);
			throw DomainException
				.conflict("The sheet changed since you read it; reload it and apply your change again.");
		}
		return saved;
	}

	/**
	 * The stored sheet, if it is a DRAFT at the expected version; otherwise the error
	 * that says why not.
	 */
	private ScoreSheet requireOwnDraft(String id, long expected) {
		ScoreSheet stored = this.mongo.findById(id, ScoreSheet.class);
		if (stored == null) {
			throw DomainException.notFound("There is no saved sheet to update yet; save it without expectedVersion.");
		}
		if (stored.status() == SheetStatus.SUBMITTED) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The sheet is submitted and locked; an organizer can " + "reopen it.",
					Map.of("status", "SUBMITTED"));
		}
		if (stored.status() == SheetStatus.VOIDED) {
			throw DomainException.forbidden("The sheet is void (a conflict of interest, or voided when its judge was "
					+ "dropped); it does not count and cannot be changed.");
		}
		if (stored.version() == null || stored.version() != expected) {
			throw DomainException.conflict("The sheet changed since you read it (version " + stored.version()
					+ ", you sent " + expected + "); reload it and apply your change again.");
		}
		return stored;
	}

	/**
	 * An organizer reopens a submitted (or voided, once its conflict is cleared) sheet,
	 * with a reason.
	 */
	public ScoreSheet reopen(String sheetId, @Nullable String reason) {
		String me = this.access.requireOrganizer();
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > 1000) {
			throw DomainException.badInput("reason", Refusal.LENGTH, "min", 1, "max", 1000);
		}
		FreeText.check(why, "reason", FreeText.Kind.TEXT);
		ScoreSheet sheet = requireSheet(sheetId);
		JudgingRound round = this.rounds.requireStored(sheet.roundId());
		if (round.status() != RoundStatus.OPEN) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT, switch (round.status()) {
				case CLOSED -> "The round is CLOSED; reopen the round first (with a reason), so that the judge can "
						+ "change the sheet.";
				case PUBLISHED -> "The round is PUBLISHED; its sheets no longer change.";
				default -> "The round is " + round.status() + "; sheets are reopened only while it is OPEN.";
			}, Map.of("status", round.status().name()));
		}
		if (sheet.status() == SheetStatus.DRAFT) {
			return sheet;
		}
		Judge judge = this.mongo.findById(Judge.idOf(sheet.hackathonId(), sheet.judgeUserId()), Judge.class);
		if (judge != null && !judge.isActive()) {
			throw DomainException.badInput("sheetId", Refusal.JUDGE_DROPPED);
		}
		if (sheet.status() == SheetStatus.VOIDED) {
			if (judge != null && judge.isConflictedWith(sheet.proposalId())) {
				throw DomainException.badInput("sheetId", Refusal.JUDGE_IN_CONFLICT);
			}
		}
		Instant now = this.clock.instant();
		ScoreSheet saved = this.mongo.findAndModify(
				new Query(Criteria.where("_id").is(sheetId).and("version").is(sheet.version())),
				new Update().set("status", SheetStatus.DRAFT)
					.set("submittedAt", null)
					.set("updatedAt", now)
					.push("history", new SheetEvent(now, me, sheet.status(), SheetStatus.DRAFT, why))
					.inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), ScoreSheet.class);
		if (saved == null) {
			throw DomainException.conflict("The sheet changed meanwhile; reload it.");
		}
		return saved;
	}

	// ---- reading

	/** A sheet, for its judge and organizers only. */
	public ScoreSheet sheet(String sheetId) {
		String me = this.access.requireSignedIn();
		ScoreSheet sheet = this.mongo.findById(sheetId, ScoreSheet.class);
		if (sheet == null) {
			throw DomainException.notFound("There is no sheet with the id '" + sheetId + "'.");
		}
		if (!sheet.judgeUserId().equals(me) && !this.access.isOrganizer()) {
			throw DomainException.forbidden("Only the sheet's judge and organizers see a score sheet.");
		}
		return sheet;
	}

	private ScoreSheet requireSheet(String sheetId) {
		ScoreSheet sheet = this.mongo.findById(sheetId, ScoreSheet.class);
		if (sheet == null) {
			throw DomainException.notFound("There is no sheet with the id '" + sheetId + "'.");
		}
		return sheet;
	}

	/**
	 * What progress and ranking read of a sheet: whose it is, on which proposal, its
	 * status and its scores.
	 *
	 * @param scores score per criterion id, sorted by criterion id
	 */
	public record PlannedSheet(String judgeUserId, String proposalId, SheetStatus status,
			SortedMap<String, Double> scores) {
	}

	/**
	 * Every sheet of the plan's judge × proposal pairs that exists, without its comment,
	 * history and times.
	 *
	 * <p>
	 * One find of the round's sheets by {@code roundId}, streamed and filtered here to
	 * the plan's pairs — not an {@code $in} of every sheet id: the embedded store looks
	 * each id of an {@code $in} up on its own, about three times slower on the H2 backend
	 * than one pass over the round's sheets (docs/benchmarks.md, section store, the
	 * "ranking read" lines); a real MongoDB serves {@code roundId} from the
	 * {@code round_proposal} index. Sheets of pairs no longer in the plan are read and
	 * dropped: a plan change moves a few pairs, not most.
	 *
	 * <p>
	 * The documents are read as they are stored and only the four fields are taken from
	 * them: mapping tens of thousands of them to {@link ScoreSheet} records cost about a
	 * third of the read ({@code StoreBenchmark}'s ranking read). {@code ScoreSheetTests}
	 * checks the fields read here against sheets saved through {@link #save}.
	 */
	public List<PlannedSheet> sheetsOf(JudgingRound round, Map<String, List<String>> works) {
		Map<String, Set<String>> planned = new HashMap<>(works.size() * 2);
		works.forEach((user, proposals) -> planned.put(user, new HashSet<>(proposals)));
		List<PlannedSheet> sheets = new ArrayList<>();
		if (planned.isEmpty()) {
			return sheets;
		}
		Query query = new Query(Criteria.where("roundId").is(round.id()));
		query.fields().include("judgeUserId", "proposalId", "status", "scores").exclude("_id");
		query.cursorBatchSize(1000);
		try (Stream<Document> stream = this.mongo.stream(query, Document.class,
				this.mongo.getCollectionName(ScoreSheet.class))) {
			stream.forEach((document) -> {
				String judge = document.getString("judgeUserId");
				String proposal = document.getString("proposalId");
				Set<String> assigned = planned.get(judge);
				if (assigned != null && assigned.contains(proposal)) {
					sheets.add(new PlannedSheet(judge, proposal, SheetStatus.valueOf(document.getString("status")),
							storedScores(document.get("scores", Document.class))));
				}
			});
		}
		return sheets;
	}

	private static SortedMap<String, Double> storedScores(@Nullable Document stored) {
		TreeMap<String, Double> scores = new TreeMap<>();
		if (stored != null) {
			stored.forEach((criterion, value) -> scores.put(criterion, ((Number) value).doubleValue()));
		}
		return Collections.unmodifiableSortedMap(scores);
	}

	/** Progress per judge and per proposal in the current plan. Organizers only. */
	public RoundProgress progress(String roundId) {
		this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(roundId);
		JudgingRound round = context.judging();
		JudgingPlan plan = (round.version() != null) ? this.rounds.currentPlan(round) : null;
		if (plan == null) {
			return new RoundProgress(round, 0, 0, List.of(), List.of());
		}
		Map<String, List<String>> works = this.assignments.works(plan);
		Map<String, Map<String, SheetStatus>> statuses = new HashMap<>();
		sheetsOf(round, works).forEach((sheet) -> statuses.computeIfAbsent(sheet.judgeUserId(), (k) -> new HashMap<>())
			.put(sheet.proposalId(), sheet.status()));
		Map<String, Judge> judges = new HashMap<>();
		this.panel.judgesOf(round.hackathonId()).forEach((j) -> judges.put(j.userId(), j));
		List<JudgeProgress> byJudge = new ArrayList<>();
		Map<String, int[]> byProposal = new LinkedHashMap<>();
		Map<String, List<String>> judgesOfProposal = new HashMap<>();
		plan.proposalIds().forEach((p) -> byProposal.put(p, new int[2]));
		int assigned = 0;
		int submitted = 0;
		for (Map.Entry<String, List<String>> entry : works.entrySet()) {
			Judge judge = judges.get(entry.getKey());
			int[] counts = new int[3];
			Map<String, SheetStatus> statusOf = statuses.getOrDefault(entry.getKey(), Map.of());
			for (String proposal : entry.getValue()) {
				SheetStatus status = statusOf.get(proposal);
				int[] perProposal = byProposal.computeIfAbsent(proposal, (k) -> new int[2]);
				perProposal[0]++;
				judgesOfProposal.computeIfAbsent(proposal, (k) -> new ArrayList<>())
					.add((judge != null) ? judge.id() : entry.getKey());
				assigned++;
				if (status == null) {
					continue;
				}
				switch (status) {
					case DRAFT -> counts[0]++;
					case SUBMITTED -> {
						counts[1]++;
						perProposal[1]++;
						submitted++;
					}
					case VOIDED -> counts[2]++;
				}
			}
			if (judge != null) {
				byJudge.add(new JudgeProgress(judge, entry.getValue().size(), counts[0], counts[1], counts[2]));
			}
		}
		byJudge.sort(Comparator.comparing((JudgeProgress p) -> p.judge().displayName())
			.thenComparing((p) -> p.judge().id()));
		List<ProposalProgress> proposals = new ArrayList<>();
		byProposal.forEach((proposal, counts) -> proposals.add(new ProposalProgress(proposal, counts[0], counts[1],
				judgesOfProposal.getOrDefault(proposal, List.of()))));
		return new RoundProgress(round, assigned, submitted, byJudge, proposals);
	}

	/**
	 * The current plan's pairs without a submitted sheet (what closing the round leaves
	 * out). Dropped judges' pairs that stay in the plan are their kept, submitted sheets,
	 * so they are never listed unless reopened since.
	 */
	@Override
	public List<Unsubmitted> of(JudgingRound round) {
		JudgingPlan plan = (round.version() != null) ? this.rounds.currentPlan(round) : null;
		if (plan == null) {
			return List.of();
		}
		Map<String, List<String>> works = this.assignments.works(plan);
		Map<String, SheetStatus> statusOf = new HashMap<>();
		sheetsOf(round, works).forEach((sheet) -> statusOf
			.put(ScoreSheet.idOf(round.id(), sheet.judgeUserId(), sheet.proposalId()), sheet.status()));
		Map<String, Judge> judges = new HashMap<>();
		this.panel.judgesOf(round.hackathonId()).forEach((j) -> judges.put(j.userId(), j));
		List<Unsubmitted> unsubmitted = new ArrayList<>();
		works.forEach((user, proposals) -> {
			Judge judge = judges.get(user);
			for (String proposal : proposals) {
				SheetStatus status = statusOf.get(ScoreSheet.idOf(round.id(), user, proposal));
				if (status != SheetStatus.SUBMITTED) {
					unsubmitted.add(new Unsubmitted((judge != null) ? judge.id() : user, user,
							(judge != null) ? judge.displayName() : user, proposal,
							(status != null) ? status.name() : "MISSING"));
				}
			}
		});
		unsubmitted.sort(Comparator.comparing(Unsubmitted::judgeName)
			.thenComparing(Unsubmitted::judgeUserId)
			.thenComparing(Unsubmitted::proposalId));
		return unsubmitted;
	}

	// ---- conflicts

	/**
	 * A conflict of interest voids the judge's sheets on the proposal in every round that
	 * is not published (a published result is never changed afterwards). Idempotent.
	 */
	@EventListener
	void conflictActivated(ConflictActivated event) {
		List<String> ids = new ArrayList<>();
		for (JudgingRound round : this.rounds.storedRounds(event.hackathonId())) {
			if (round.status() != RoundStatus.PUBLISHED) {
				event.proposalIds().forEach((p) -> ids.add(ScoreSheet.idOf(round.id(), event.judgeUserId(), p)));
			}
		}
		if (ids.isEmpty()) {
			return;
		}
		for (ScoreSheet sheet : this.mongo.find(new Query(Criteria.where("_id").in(ids)), ScoreSheet.class)) {
			voidSheet(sheet, event.by(), "Conflict of interest of the judge with the proposal");
		}
	}

	/**
	 * Voids a sheet with the reason in its history, again on the fresh sheet when another
	 * write won (up to 5 attempts); a sheet already VOIDED stays as it is.
	 * @return the sheet as it is now (null if it was deleted meanwhile)
	 */
	@Nullable ScoreSheet voidSheet(ScoreSheet sheet, @Nullable String by, String reason) {
		Instant now = this.clock.instant();
		ScoreSheet current = sheet;
		for (int attempt = 0; current != null && current.status() != SheetStatus.VOIDED && attempt < 5; attempt++) {
			ScoreSheet voided = this.mongo.findAndModify(
					new Query(Criteria.where("_id").is(current.id()).and("version").is(current.version())),
					new Update().set("status", SheetStatus.VOIDED)
						.set("updatedAt", now)
						.push("history", new SheetEvent(now, by, current.status(), SheetStatus.VOIDED, reason))
						.inc("version", 1),
					FindAndModifyOptions.options().returnNew(true), ScoreSheet.class);
			current = (voided != null) ? voided : this.mongo.findById(current.id(), ScoreSheet.class);
		}
		return current;
	}

	// ---- validation

	private static TreeMap<String, Double> scores(JudgingRound round, List<ScoreInput> inputs) {
		Map<String, RubricCriterion> criteria = new HashMap<>();
		round.config().criteria().forEach((c) -> criteria.put(c.id(), c));
		TreeMap<String, Double> scores = new TreeMap<>();
		for (int i = 0; i < inputs.size(); i++) {
			ScoreInput input = inputs.get(i);
			String field = "scores[" + i + "]";
			RubricCriterion criterion = (input.criterionId() != null) ? criteria.get(input.criterionId()) : null;
			if (criterion == null) {
				throw DomainException.badInput(field + ".criterionId", Refusal.UNKNOWN_VALUE, "value",
						input.criterionId(), "allowed", new java.util.TreeSet<>(criteria.keySet()));
			}
			Double value = input.value();
			if (value == null || !Double.isFinite(value) || value < criterion.scaleMin()
					|| value > criterion.scaleMax()) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT,
						"The score for '" + criterion.id() + "' must be " + "between " + plain(criterion.scaleMin())
								+ " and " + plain(criterion.scaleMax()) + "; was " + value + ".",
						Map.of("field", field + ".value", "criterionId", criterion.id()));
			}
			if (scores.put(criterion.id(), value) != null) {
				throw DomainException.badInput(field + ".criterionId", Refusal.DUPLICATE, "value", criterion.id());
			}
		}
		return scores;
	}

	private static void requireComplete(JudgingRound round, Map<String, Double> scores) {
		List<String> missing = round.config()
			.criteria()
			.stream()
			.map(RubricCriterion::id)
			.filter((id) -> !scores.containsKey(id))
			.toList();
		if (!missing.isEmpty()) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"A sheet is submitted complete; score " + missing + " first.",
					Map.of("field", "scores", "missing", missing));
		}
	}

	private static @Nullable String comment(@Nullable String comment) {
		if (comment == null || comment.isBlank()) {
			return null;
		}
		if (comment.length() > MAX_COMMENT) {
			throw DomainException.badInput("comment", Refusal.TOO_LONG, "max", MAX_COMMENT);
		}
		return FreeText.check(comment, "comment", FreeText.Kind.TEXT);
	}

	private static String plain(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
