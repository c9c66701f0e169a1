package org.hacktrail.judging.round;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.Round;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.WrittenReason;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.ranking.Rubric;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.MessageArg;
import org.hacktrail.platform.Refusal;
import org.hacktrail.proposal.ChangeCode;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.hacktrail.proposal.ProposalService;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Judging rounds: their rules, their status, and which proposals take part.
 *
 * <p>
 * Only REVIEW and FINAL rounds of a hackathon are judged. A PUBLIC_VOTE round of the
 * hackathon's list is not scored by judges: the public vote is configured on the judged
 * round it feeds ({@code publicVote}), where it enters the final score as one more group.
 *
 * <p>
 * The whole configuration can change while the round is DRAFT (a change of k, sector
 * minimums, maximum load or candidates discards the assignment plan: it was computed with
 * the old rules). Once judges score (OPEN, CLOSED), the rubric, k, sector minimums,
 * loads, vote mode and candidates are frozen (sheets and the plan depend on them); the
 * ranking parameters — sector weights, normalisation, vote weight, cut, B, seed — can
 * still change, with a reason kept in the round's history. A PUBLISHED round never
 * changes.
 *
 * <p>
 * Opening a round moves its candidates into the round's status through the proposal
 * lifecycle (system moves, recorded in each proposal's history): IN_REVIEW for a REVIEW
 * round, FINALIST for a FINAL round.
 */
@Service
public class RoundService {

	static final Pattern CRITERION_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

	static final int MAX_CRITERIA = 30;

	static final int MAX_CANDIDATES = 5000;

	/** Statuses a first REVIEW round takes its candidates from by default. */
	static final Set<ProposalStatus> REVIEW_CANDIDATES = EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.PITCHED,
			ProposalStatus.TEAM_FORMING, ProposalStatus.HACKING, ProposalStatus.IN_REVIEW);

	/** Statuses a first FINAL round takes its candidates from by default. */
	static final Set<ProposalStatus> FINAL_CANDIDATES = EnumSet.of(ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST);

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final ProposalService proposalService;

	private final ProposalLookup proposals;

	private final JudgingAccess access;

	private final Clock clock;

	private final ObjectProvider<UnsubmittedSheets> unsubmitted;

	private final ObjectProvider<RoundDedications> dedications;

	RoundService(MongoTemplate mongo, HackathonService hackathons, ProposalService proposalService,
			ProposalLookup proposals, JudgingAccess access, Clock clock, ObjectProvider<UnsubmittedSheets> unsubmitted,
			ObjectProvider<RoundDedications> dedications) {
		this.mongo = mongo;
		this.unsubmitted = unsubmitted;
		this.dedications = dedications;
		this.hackathons = hackathons;
		this.proposalService = proposalService;
		this.proposals = proposals;
		this.access = access;
		this.clock = clock;
	}

	/** A round with its hackathon. */
	public record RoundContext(Hackathon hackathon, Round round, JudgingRound judging) {

		public boolean stored() {
			return this.judging.version() != null;
		}

	}

	public record CriterionInput(@Nullable String id, @Nullable LocalizedText name, @Nullable LocalizedText description,
			@Nullable Double weight, @Nullable Double scaleMin, @Nullable Double scaleMax) {
	}

	public record SectorMinimumInput(@Nullable Sector sector, @Nullable Integer minimum) {
	}

	public record SectorWeightInput(@Nullable Sector sector, @Nullable Double weight) {
	}

	public record PublicVoteInput(@Nullable VoteMode mode, @Nullable Double weight, @Nullable Integer credits,
			@Nullable VoteEligibilityInput eligibility) {
	}

	public record VoteEligibilityInput(@Nullable Boolean excludeTeam, @Nullable Boolean excludeJudges,
			@Nullable Boolean requireVerifiedEmail) {
	}

	public record ConfigureRoundInput(String roundId, @Nullable List<CriterionInput> criteria,
			@Nullable Integer judgesPerProposal, @Nullable List<SectorMinimumInput> sectorMinimums,
			@Nullable Integer maxLoad, @Nullable Boolean clearMaxLoad, @Nullable List<SectorWeightInput> sectorWeights,
			@Nullable Boolean normalise, @Nullable PublicVoteInput publicVote, @Nullable Integer cutSize,
			@Nullable List<String> candidateProposalIds, @Nullable Boolean useDefaultCandidates,
			@Nullable Integer bootstrapReplicates, @Nullable String seed, @Nullable String reason,
			@Nullable Integer expectedVersion, @Nullable RoundMethod method, @Nullable Boolean expoSectors) {
	}

	// ---- reading

	/**
	 * The round (stored, or its defaults when judging has not been set up yet), or
	 * NOT_FOUND.
	 */
	public RoundContext require(String roundId) {
		JudgingRound stored = this.mongo.findById(roundId, JudgingRound.class);
		Hackathon hackathon = (stored != null) ? this.hackathons.find(stored.hackathonId())
				: this.hackathons.findByRoundId(roundId).orElse(null);
		if (hackathon == null || !this.hackathons.isVisible(hackathon)) {
			throw DomainException.notFound("There is no round with the id '" + roundId + "'.");
		}
		Round round = hackathon.rounds().stream().filter((r) -> r.id().equals(roundId)).findFirst().orElse(null);
		if (round == null) {
			if (stored == null) {
				throw DomainException.notFound("There is no round with the id '" + roundId + "'.");
			}
			// The hackathon's round list was edited after judging started: judging keeps
			// its own record.
			round = new Round(roundId, new LocalizedText(null, "Removed round"), stored.kind());
		}
		return new RoundContext(hackathon, round, (stored != null) ? stored : defaults(hackathon, round));
	}

	/** The context of a round document just read or written (one read: its hackathon). */
	public RoundContext context(JudgingRound judging) {
		Hackathon hackathon = this.hackathons.find(judging.hackathonId());
		Round round = hackathon.rounds()
			.stream()
			.filter((r) -> r.id().equals(judging.id()))
			.findFirst()
			.orElse(new Round(judging.id(), new LocalizedText(null, "Removed round"), judging.kind()));
		return new RoundContext(hackathon, round, judging);
	}

	/**
	 * The round document only (the judge's hot path: one read by id); NOT_FOUND before
	 * judging is set up.
	 */
	public JudgingRound requireStored(String roundId) {
		JudgingRound round = this.mongo.findById(roundId, JudgingRound.class);
		if (round == null) {
			throw DomainException.notFound("There is no judging round with the id '" + roundId + "'.");
		}
		return round;
	}

	public Optional<JudgingRound> findStored(String roundId) {
		return Optional.ofNullable(this.mongo.findById(roundId, JudgingRound.class));
	}

	/**
	 * The round's current assignment plan (one read by id), or null before the first
	 * assignment.
	 */
	public @Nullable JudgingPlan currentPlan(JudgingRound round) {
		return (round.planId() != null) ? this.mongo.findById(round.planId(), JudgingPlan.class) : null;
	}

	/**
	 * The judged rounds of a hackathon, in the hackathon's order (REVIEW and FINAL
	 * rounds).
	 */
	public List<RoundContext> rounds(Hackathon hackathon) {
		Map<String, JudgingRound> stored = new java.util.HashMap<>();
		this.mongo.find(new Query(Criteria.where("hackathonId").is(hackathon.id())), JudgingRound.class)
			.forEach((r) -> stored.put(r.id(), r));
		List<RoundContext> rounds = new ArrayList<>();
		for (Round round : hackathon.rounds()) {
			if (round.kind() == RoundKind.PUBLIC_VOTE && !stored.containsKey(round.id())) {
				continue;
			}
			JudgingRound judging = stored.getOrDefault(round.id(), defaults(hackathon, round));
			rounds.add(new RoundContext(hackathon, round, judging));
		}
		return rounds;
	}

	/** Every stored round of a hackathon (for listeners). */
	public List<JudgingRound> storedRounds(String hackathonId) {
		return this.mongo.find(new Query(Criteria.where("hackathonId").is(hackathonId)), JudgingRound.class);
	}

	private static JudgingRound defaults(Hackathon hackathon, Round round) {
		return new JudgingRound(round.id(), hackathon.id(), round.kind(), RoundStatus.DRAFT, RoundConfig.defaults(0),
				null, null, List.of(), null, hackathon.createdAt(), hackathon.updatedAt(), null);
	}

	/**
	 * N for the round: its cut size, or the hackathon's outstanding quota (at least 1).
	 */
	public static int cut(Hackathon hackathon, JudgingRound round) {
		Integer cut = round.config().cutSize();
		return (cut != null) ? cut : Math.max(1, hackathon.outstandingQuota());
	}

	/**
	 * The proposals of a round: the configured list; otherwise the published selection of
	 * the previous judged round; otherwise, for the first judged round, the hackathon's
	 * proposals in the statuses that round takes (REVIEW: SUBMITTED to IN_REVIEW; FINAL:
	 * SHORTLISTED or FINALIST). In id order.
	 */
	public List<String> candidates(RoundContext context) {
		RoundConfig config = context.judging().config();
		RoundDedications.Dedication dedication = dedication(context.round().id());
		if (dedication != null) {
			return dedicatedCandidates(context, dedication);
		}
		if (config.candidateIds() != null) {
			return config.candidateIds().stream().sorted().toList();
		}
		List<Round> rounds = context.hackathon().rounds();
		int index = rounds.indexOf(context.round());
		for (int i = index - 1; i >= 0; i--) {
			Round previous = rounds.get(i);
			if (previous.kind() == RoundKind.PUBLIC_VOTE || dedication(previous.id()) != null) {
				// A round dedicated to an award track selects that track's winners, not
				// the next round's candidates.
				continue;
			}
			JudgingRound judged = this.mongo.findById(previous.id(), JudgingRound.class);
			if (judged == null) {
				continue;
			}
			if (judged.status() != RoundStatus.PUBLISHED || judged.selection() == null) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT,
						"The candidates of this round are the shortlist of " + "the previous round '"
								+ previous.name().primary() + "', which is not published yet; publish "
								+ "it first, or give this round's candidates explicitly.",
						Map.of("field", "candidateProposalIds", "previousRoundId", previous.id()));
			}
			return judged.selection().proposalIds().stream().sorted().toList();
		}
		Set<ProposalStatus> statuses = (context.judging().kind() == RoundKind.FINAL) ? FINAL_CANDIDATES
				: REVIEW_CANDIDATES;
		return this.proposals.ofHackathon(context.hackathon().id(), statuses).stream().map(Proposal::id).toList();
	}

	/**
	 * A dedicated round's candidates: the track's eligible proposals among the configured
	 * list, or among the hackathon's submitted proposals (neither DRAFT nor WITHDRAWN).
	 */
	private List<String> dedicatedCandidates(RoundContext context, RoundDedications.Dedication dedication) {
		List<String> configured = context.judging().config().candidateIds();
		Set<ProposalStatus> submitted = EnumSet
			.complementOf(EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN));
		List<Proposal> pool = (configured != null) ? List.copyOf(this.proposals.byIds(configured).values())
				: this.proposals.ofHackathon(context.hackathon().id(), submitted);
		return pool.stream().filter(dedication.eligible()).map(Proposal::id).sorted().toList();
	}

	/** The round's dedication to an award track with judges of its own, or null. */
	public RoundDedications.@Nullable Dedication dedication(String roundId) {
		RoundDedications provider = this.dedications.getIfAvailable();
		return (provider != null) ? provider.of(roundId) : null;
	}

	/**
	 * FORBIDDEN unless the judge works in the round: in a round dedicated to an award
	 * track, only the track's judges do.
	 */
	public void requireRoundJudge(JudgingRound round, String userId) {
		RoundDedications.Dedication dedication = dedication(round.id());
		if (dedication != null && !dedication.judges(userId)) {
			throw DomainException.forbidden(
					"This round is dedicated to an award track with judges of its own; " + "you are not one of them.");
		}
	}

	// ---- configuring

	/**
	 * Creates or changes a round's configuration (see the class comment for what can
	 * change when). Organizers.
	 */
	public JudgingRound configure(ConfigureRoundInput input) {
		String me = this.access.requireOrganizer();
		RoundContext context = require(input.roundId());
		requireWritable(context.hackathon());
		if (context.round().kind() == RoundKind.PUBLIC_VOTE) {
			throw DomainException.badInput("roundId", Refusal.ROUND_KIND, "kind", "PUBLIC_VOTE");
		}
		JudgingRound current = context.judging();
		if (current.version() != null && input.expectedVersion() != null
				&& current.version() != input.expectedVersion().longValue()) {
			throw new OptimisticLockingFailureException("Round " + current.id() + " changed");
		}
		RoundStatus status = current.status();
		if (status == RoundStatus.PUBLISHED) {
			throw DomainException.badInput("roundId", Refusal.ROUND_STATUS, "status", "PUBLISHED");
		}
		boolean draft = status == RoundStatus.DRAFT;
		if (!draft) {
			RoundConfigRules.requireDraftOnlyUnchanged(input, current.config());
		}
		RoundDedications.Dedication dedication = dedication(current.id());
		if (dedication != null && input.cutSize() != null && input.cutSize() != dedication.quota()) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round is dedicated to an award track: its cut N is the track's quota (" + dedication.quota()
							+ "); change the track's quota instead.",
					Map.of("field", "cutSize", "rule", "DEDICATED_ROUND", "trackId", dedication.trackId()));
		}
		String reason = (input.reason() != null && !input.reason().isBlank()) ? input.reason().strip() : null;
		if (!draft && reason == null) {
			throw DomainException.badInput("reason", Refusal.REASON_REQUIRED);
		}
		if (reason != null && reason.length() > 1000) {
			throw DomainException.badInput("reason", Refusal.TOO_LONG, "max", 1000);
		}
		FreeText.check(reason, "reason", FreeText.Kind.TEXT);
		RoundConfig was = current.config();
		RoundConfig config = RoundConfigRules.next(input, was, current.version() == null,
				(ids) -> candidates(context.hackathon(), ids));
		Instant now = this.clock.instant();
		RoundEvent event = draft ? null : RoundEvent.written(now, me, "CONFIGURED", reason);
		if (current.version() == null) {
			JudgingRound created = new JudgingRound(current.id(), current.hackathonId(), context.round().kind(),
					RoundStatus.DRAFT, config, null, null,
					List.of(RoundEvent.described(now, me, "CREATED", "Judging set up", List.of(), null)), null, now,
					now, null);
			try {
				return this.mongo.insert(created);
			}
			catch (DuplicateKeyException ex) {
				throw DomainException.conflict("Someone else set this round up at the same moment; reload it.");
			}
		}
		JudgingRound changed = current.with(status, config, current.selection(), current.publishedAt(), event, now);
		if (draft && current.planId() != null && !RoundConfigRules.sameAssignmentRules(was, config)) {
			// The plan was computed with other rules or candidates: it no longer applies;
			// assign again.
			List<RoundEvent> history = new ArrayList<>(changed.history());
			history.add(RoundEvent.described(now, me, "PLAN_DISCARDED",
					"k, sector minimums, maximum load or candidates " + "changed; run the assignment again", List.of(),
					null));
			changed = new JudgingRound(changed.id(), changed.hackathonId(), changed.kind(), changed.status(),
					changed.config(), null, changed.selection(), history, changed.publishedAt(), changed.createdAt(),
					now, changed.version());
		}
		return this.mongo.save(changed);
	}

	/**
	 * Makes sure the round has its document (with a drawn seed), creating the default
	 * one.
	 */
	public JudgingRound ensureStored(RoundContext context) {
		if (context.stored()) {
			return context.judging();
		}
		if (context.round().kind() == RoundKind.PUBLIC_VOTE) {
			throw DomainException.badInput("roundId", Refusal.ROUND_KIND, "kind", "PUBLIC_VOTE");
		}
		Instant now = this.clock.instant();
		JudgingRound created = new JudgingRound(context.round().id(), context.hackathon().id(), context.round().kind(),
				RoundStatus.DRAFT, RoundConfig.defaults(RoundConfigRules.newSeed()), null, null, List.of(RoundEvent
					.described(now, this.access.userId().orElse(null), "CREATED", "Judging set up", List.of(), null)),
				null, now, now, null);
		try {
			return this.mongo.insert(created);
		}
		catch (DuplicateKeyException ex) {
			return requireStored(context.round().id());
		}
	}

	// ---- status

	/** The {@code extensions.rule} of a refused close: sheets are not submitted. */
	public static final String ROUND_INCOMPLETE = "ROUND_INCOMPLETE";

	/** How many unsubmitted sheets a refusal's message names (the details name all). */
	static final int NAMED_IN_MESSAGE = 10;

	/**
	 * How many unsubmitted sheets a confirmed close's history entry names (the round
	 * document stays small).
	 */
	static final int NAMED_IN_HISTORY = 100;

	/**
	 * Opens (DRAFT → OPEN), closes (OPEN → CLOSED) or reopens (CLOSED → OPEN, with a
	 * reason) a round. Organizers. PUBLISHED is reached only by publishing the results.
	 *
	 * <p>
	 * Closing a round whose current plan has sheets not submitted (never saved, DRAFT or
	 * VOIDED) is refused (BAD_USER_INPUT, {@code extensions.rule}
	 * {@value #ROUND_INCOMPLETE}, every such sheet in {@code extensions.unsubmitted})
	 * unless the organizer confirms ({@code confirmIncomplete}) with a written reason
	 * ({@link WrittenReason}); the round's history then records the confirmation, the
	 * reason and the sheets left out.
	 */
	public JudgingRound changeStatus(String roundId, RoundStatus to, @Nullable String reason,
			@Nullable Boolean confirmIncomplete, @Nullable Integer expectedVersion) {
		String me = this.access.requireOrganizer();
		RoundContext context = require(roundId);
		requireWritable(context.hackathon());
		JudgingRound current = ensureStored(context);
		if (expectedVersion != null && current.version() != null && current.version() != expectedVersion.longValue()) {
			throw new OptimisticLockingFailureException("Round " + roundId + " changed");
		}
		RoundStatus from = current.status();
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (from == to) {
			return current;
		}
		if (Boolean.TRUE.equals(confirmIncomplete) && !(from == RoundStatus.OPEN && to == RoundStatus.CLOSED)) {
			throw DomainException.badInput("confirmIncomplete", Refusal.ONLY_WITH, "other",
					"status: CLOSED (from OPEN)");
		}
		RoundEvent closedIncomplete = null;
		if (from == RoundStatus.DRAFT && to == RoundStatus.OPEN && current.config().method() == RoundMethod.PAIRWISE) {
			List<String> entering = ExpoTables.requireReadyToOpen(candidates(context), current);
			if (dedication(roundId) == null) {
				enter(context.hackathon(), context.round().name(), current, entering, me);
			}
		}
		else if (from == RoundStatus.DRAFT && to == RoundStatus.OPEN) {
			if (current.config().criteria().isEmpty()) {
				throw DomainException.badInput("criteria", Refusal.RUBRIC_REQUIRED);
			}
			if (current.planId() == null) {
				throw DomainException.badInput("roundId", Refusal.ASSIGN_FIRST);
			}
			JudgingPlan plan = currentPlan(current);
			if (dedication(roundId) == null) {
				enter(context.hackathon(), context.round().name(), current,
						(plan != null) ? plan.proposalIds() : List.of(), me);
			}
		}
		else if (from == RoundStatus.OPEN && to == RoundStatus.CLOSED) {
			closedIncomplete = incomplete(context, current, Boolean.TRUE.equals(confirmIncomplete), reason, me);
		}
		else if (from == RoundStatus.CLOSED && to == RoundStatus.OPEN) {
			if (why == null) {
				throw DomainException.badInput("reason", Refusal.REASON_REQUIRED);
			}
		}
		else if (from == RoundStatus.PUBLISHED) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round is PUBLISHED; its results are public and it no longer changes status.",
					Map.of("field", "to", "from", from.name(), "to", to.name()));
		}
		else {
			throw new DomainException(ErrorCode.BAD_USER_INPUT, "A round cannot go from " + from + " to " + to
					+ ": DRAFT → OPEN → CLOSED, CLOSED → OPEN with a reason; PUBLISHED only by publishing the results.",
					Map.of("field", "to", "from", from.name(), "to", to.name()));
		}
		Instant now = this.clock.instant();
		String action = (from == RoundStatus.CLOSED) ? "REOPENED" : to.name();
		RoundEvent event = (closedIncomplete != null) ? new RoundEvent(now, me, action, closedIncomplete.detail(),
				closedIncomplete.args(), closedIncomplete.reason()) : RoundEvent.written(now, me, action, why);
		return this.mongo
			.save(current.with(to, current.config(), current.selection(), current.publishedAt(), event, now));
	}

	/**
	 * Null when every sheet of the plan is submitted; otherwise the history's detail of a
	 * confirmed close, or the refusal that names the sheets not submitted.
	 */
	private @Nullable RoundEvent incomplete(RoundContext context, JudgingRound round, boolean confirmed,
			@Nullable String reason, String me) {
		List<UnsubmittedSheets.Unsubmitted> missing = this.unsubmitted.getObject().of(round);
		if (missing.isEmpty()) {
			return null;
		}
		Map<String, Proposal> found = this.proposals
			.byIds(missing.stream().map(UnsubmittedSheets.Unsubmitted::proposalId).distinct().toList());
		List<String> named = new ArrayList<>();
		List<Map<String, Object>> details = new ArrayList<>();
		for (UnsubmittedSheets.Unsubmitted sheet : missing) {
			Proposal proposal = found.get(sheet.proposalId());
			String title = (proposal != null) ? proposal.title().primary() : sheet.proposalId();
			named.add(sheet.judgeName() + " on '" + title + "' (" + sheet.status() + ")");
			details.add(Map.of("judgeId", sheet.judgeId(), "judgeUserId", sheet.judgeUserId(), "judgeName",
					sheet.judgeName(), "proposalId", sheet.proposalId(), "proposalTitle", title, "status",
					sheet.status()));
		}
		String sheets = missing.size() + " sheet" + ((missing.size() == 1) ? "" : "s");
		if (!confirmed) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					sheets + ((missing.size() == 1) ? " is" : " are") + " not submitted, so closing now leaves "
							+ ((missing.size() == 1) ? "it" : "them") + " out of the ranking: "
							+ firstOf(named, NAMED_IN_MESSAGE) + ". Wait for the judges, or close anyway with "
							+ "confirmIncomplete: true and a reason (kept in the round's history).",
					Map.of("rule", ROUND_INCOMPLETE, "unsubmittedCount", missing.size(), "unsubmitted", details));
		}
		String why = WrittenReason.require(reason, "reason",
				"why the round closes with " + sheets + " not submitted; it is kept in the round's history",
				Map.of("rule", ROUND_INCOMPLETE, "unsubmittedCount", missing.size()));
		return RoundEvent.described(this.clock.instant(), me, "CLOSED",
				"Closed with " + sheets + " not submitted, confirmed by the organizer: " + why + " — not submitted: "
						+ firstOf(named, NAMED_IN_HISTORY),
				List.of(MessageArg.of("notSubmitted", missing.size())), why);
	}

	/**
	 * Moves the round's proposals into the round: IN_REVIEW for REVIEW, FINALIST for
	 * FINAL. Checked for every proposal first, so that nothing moves when one cannot;
	 * each move is idempotent, so opening again after an interruption completes it.
	 */
	private void enter(Hackathon hackathon, LocalizedText name, JudgingRound round, List<String> proposalIds,
			String by) {
		Map<String, Proposal> found = this.proposals.byIds(proposalIds);
		List<String> problems = new ArrayList<>();
		for (String id : proposalIds) {
			Proposal proposal = found.get(id);
			String problem = (proposal == null) ? "no longer exists" : entryProblem(hackathon, round.kind(), proposal);
			if (problem != null) {
				problems.add(id + ((proposal != null) ? " (" + proposal.title().primary() + ")" : "") + ": " + problem);
			}
		}
		if (!problems.isEmpty()) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"These proposals cannot enter the round; change the "
							+ "candidates (a new assignment) or the proposals first: " + String.join("; ", problems),
					Map.of("problems", problems));
		}
		ProposalStatus target = (round.kind() == RoundKind.FINAL) ? ProposalStatus.FINALIST : ProposalStatus.IN_REVIEW;
		List<MessageArg> args = List.of(MessageArg.localized("round", name.primary(), name.zhTW(), name.en()));
		for (String id : proposalIds) {
			this.proposalService.applySystemTransition(id, target, ChangeCode.ROUND_OPENED, args, by);
		}
	}

	static @Nullable String entryProblem(Hackathon hackathon, RoundKind kind, Proposal proposal) {
		ProposalStatus status = proposal.status();
		if (kind == RoundKind.FINAL) {
			if (status == ProposalStatus.FINALIST) {
				return null;
			}
			if (status != ProposalStatus.SHORTLISTED) {
				return "a FINAL round takes SHORTLISTED or FINALIST proposals; it is " + status;
			}
			if (hackathon.requirePartnerAgencyForFinalist() && proposal.partnerAgency() == null) {
				return "the hackathon requires a government partner agency before FINALIST, and its team has none";
			}
			return null;
		}
		if (status == ProposalStatus.IN_REVIEW || REVIEW_CANDIDATES.contains(status)
				|| status == ProposalStatus.SHORTLISTED) {
			return null;
		}
		return "a REVIEW round takes SUBMITTED to HACKING, IN_REVIEW or SHORTLISTED proposals; it is " + status;
	}

	// ---- helpers

	private static String firstOf(List<String> items, int limit) {
		return String.join("; ", items.subList(0, Math.min(limit, items.size())))
				+ ((items.size() > limit) ? "; and " + (items.size() - limit) + " more" : "");
	}

	public static void requireWritable(Hackathon hackathon) {
		if (hackathon.isArchived() || hackathon.phase() == HackathonPhase.DRAFT) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The hackathon " + hackathon.slug() + " is " + hackathon.phase()
							+ "; judging happens between OPEN_FOR_PROPOSALS and FOLLOW_UP.",
					Map.of("phase", hackathon.phase().name()));
		}
	}

	private List<String> candidates(Hackathon hackathon, List<String> ids) {
		Set<String> unique = new LinkedHashSet<>();
		for (String id : ids) {
			if (id != null && !id.isBlank()) {
				unique.add(id.strip());
			}
		}
		if (unique.size() > MAX_CANDIDATES) {
			throw DomainException.badInput("candidateProposalIds", Refusal.TOO_MANY, "max", MAX_CANDIDATES, "count",
					unique.size());
		}
		Map<String, Proposal> found = this.proposals.byIds(unique);
		for (String id : unique) {
			Proposal proposal = found.get(id);
			if (proposal == null || !proposal.hackathonId().equals(hackathon.id())
					|| proposal.status() == ProposalStatus.DRAFT || proposal.status() == ProposalStatus.WITHDRAWN) {
				throw DomainException.badInput("candidateProposalIds", Refusal.NOT_SUBMITTED_PROPOSAL, "value", id,
						"slug", hackathon.slug());
			}
		}
		return unique.stream().sorted().toList();
	}

	/** The ranking's view of a rubric. */
	public static Rubric rubric(List<RubricCriterion> criteria) {
		return RoundConfigRules.rubric(criteria);
	}

	/** A seed as published: an unsigned 64-bit decimal number. */
	public static long parseSeed(String text) {
		return RoundConfigRules.parseSeed(text);
	}

}
