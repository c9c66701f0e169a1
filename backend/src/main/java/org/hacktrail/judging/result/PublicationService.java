package org.hacktrail.judging.result;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.judging.WrittenReason;
import org.hacktrail.judging.award.AwardTrack;
import org.hacktrail.judging.award.RoundAwardsService;
import org.hacktrail.judging.expo.ExpoPublication;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.TieGroup;
import org.hacktrail.judging.ranking.service.Pseudonyms;
import org.hacktrail.judging.ranking.service.RankingService;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundEvent;
import org.hacktrail.judging.round.RoundMethod;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.platform.CodedText;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.MessageArg;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.audit.AuditEventType;
import org.hacktrail.platform.audit.AuditLog;
import org.hacktrail.proposal.ChangeCode;
import org.hacktrail.proposal.ProposalService;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Selecting and publishing a round's results.
 *
 * <p>
 * <b>Selection</b> (round CLOSED, organizers): the ranking's top N as it is; or, when a
 * tie straddles the cut, N proposals chosen among the tied ones with a recorded reason;
 * or anything else — an override — with a written justification, published with the
 * results. The selection remembers the fingerprint of the ranking input it was made on.
 *
 * <p>
 * <b>Publication</b> (organizers): the ranking is computed again and must have the
 * selection's fingerprint (a sheet reopened or voided since means: select again). Then,
 * in this order, each step idempotent so that publishing again completes an interrupted
 * publication:
 * <ol>
 * <li>the frozen snapshot ({@link PublishedRound}) is written;</li>
 * <li>the round becomes PUBLISHED by one conditional update (CLOSED → PUBLISHED): from
 * here on the results are public;</li>
 * <li>proposals move through their lifecycle (system moves, recorded in their history): a
 * REVIEW round's selection to SHORTLISTED and the rest to NOT_SHORTLISTED; a FINAL
 * round's to OUTSTANDING and the rest to NOT_SELECTED;</li>
 * <li>for a FINAL round, the hackathon moves from JUDGING to RESULTS_PUBLISHED.</li>
 * </ol>
 *
 * <p>
 * <b>Both methods</b>: a PAIRWISE round (expo judging) goes through the same selection,
 * open cases and publication, its ranking ({@code hacktrail-pairwise-1} on the
 * pseudonymous comparisons, {@link ExpoPublication}) shown as every round's is
 * ({@link PairwiseRankings}); its snapshot also keeps the comparisons, skips and judges
 * the open data publishes.
 *
 * <p>
 * <b>Showing</b> a ranking: before publication only organizers see it, computed live;
 * after, everyone sees the published one.
 */
@Service
public class PublicationService {

	private static final Logger log = LoggerFactory.getLogger(PublicationService.class);

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final RankingService ranking;

	private final ProposalService proposals;

	private final HackathonService hackathons;

	private final JudgingAccess access;

	private final Clock clock;

	private final AuditLog audit;

	private final JudgePanelService panel;

	private final Pseudonyms pseudonyms;

	private final ExpoPublication expo;

	private final RoundAwardsService awards;

	PublicationService(MongoTemplate mongo, RoundService rounds, RankingService ranking, ProposalService proposals,
			HackathonService hackathons, JudgingAccess access, Clock clock, AuditLog audit, JudgePanelService panel,
			Pseudonyms pseudonyms, ExpoPublication expo, RoundAwardsService awards) {
		this.expo = expo;
		this.awards = awards;
		this.audit = audit;
		this.panel = panel;
		this.pseudonyms = pseudonyms;
		this.mongo = mongo;
		this.rounds = rounds;
		this.ranking = ranking;
		this.proposals = proposals;
		this.hackathons = hackathons;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * A round's ranking computed now, whatever its method: a RUBRIC round's by
	 * {@link RankingService}, a PAIRWISE round's by {@link ExpoPublication} (shown as a
	 * {@link RankingResult}, see {@link PairwiseRankings}).
	 *
	 * @param proposalIds the round's proposals
	 */
	record Ranked(RankingResult result, int cut, String fingerprint, List<String> proposalIds,
			RankingService.@Nullable Computed rubric, ExpoPublication.@Nullable Computed pairwise) {

		PublishedRound.@Nullable Vote vote() {
			return (this.rubric != null) ? PublishedRound.Vote.of(this.rubric) : null;
		}

	}

	Ranked compute(RoundService.RoundContext context) {
		if (context.judging().config().method() == RoundMethod.PAIRWISE) {
			ExpoPublication.Computed pairwise = this.expo.compute(context);
			return new Ranked(
					PairwiseRankings.asRankingResult(pairwise.input(), pairwise.result(), context.judging().config(),
							pairwise.evidence().sectors()),
					pairwise.cut(), pairwise.fingerprint(), pairwise.candidates(), null, pairwise);
		}
		RankingService.Computed rubric = this.ranking.compute(context);
		return new Ranked(rubric.result(), rubric.cut(), rubric.fingerprint(), rubric.plan().proposalIds(), rubric,
				null);
	}

	/**
	 * @param quotaOverride the organizer's explicit flag that the selection has more or
	 * fewer proposals than the round's N (an override; needs the justification too)
	 */
	public record SelectProposalsInput(String roundId, @Nullable List<String> proposalIds,
			@Nullable String justification, @Nullable String tieResolution, @Nullable Boolean quotaOverride,
			@Nullable Integer expectedVersion) {
	}

	/**
	 * What publishing did: the round, and the proposals that could not be moved (with
	 * why).
	 */
	public record Publication(JudgingRound round, List<String> moved, List<PublicationText.Problem> problems) {
	}

	/**
	 * The {@code extensions.rule} of a publication refused because an award track's
	 * winners are not selected (or were selected on another ranking).
	 */
	public static final String TRACK_SELECTIONS = "TRACK_SELECTIONS";

	/** The {@code extensions.rule} of a publication refused for open cases. */
	public static final String OPEN_CASES = "OPEN_CASES";

	/**
	 * What publishing would do, before it is done: whether it can go ahead (and why not),
	 * the selection and every open case of the ranking.
	 *
	 * @param blockers why publishing cannot go ahead now, as codes with their English
	 * (empty when it can; see {@link PublicationText})
	 * @param openCases every open case; the unresolved ones need {@code confirmOpenCases}
	 */
	public record Preview(JudgingRound round, List<CodedText> blockers, @Nullable Selection selection, int cut,
			List<OpenCase> openCases) {

		public boolean ready() {
			return this.blockers.isEmpty();
		}

		public int unresolvedCount() {
			return OpenCases.unresolved(this.openCases).size();
		}

	}

	/**
	 * What publishing the round would publish and every open case its ranking reports
	 * (the published ones once PUBLISHED). Organizers; changes nothing.
	 */
	public Preview preview(String roundId) {
		this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(roundId);
		JudgingRound round = context.judging();
		if (round.status() == RoundStatus.PUBLISHED) {
			PublishedRound published = this.mongo.findById(roundId, PublishedRound.class);
			if (published != null) {
				return new Preview(round, List.of(PublicationText.alreadyPublished()), published.selection(),
						published.cut(), openCases(round, published.ranking(), published.cut(), published.selection()));
			}
		}
		List<CodedText> blockers = new ArrayList<>();
		if (round.status() != RoundStatus.CLOSED) {
			blockers.add(PublicationText.notClosed(round.status()));
		}
		Ranked computed;
		try {
			computed = compute(context);
		}
		catch (DomainException ex) {
			blockers.add(PublicationText.notRanked(ex));
			return new Preview(round, blockers, round.selection(), RoundService.cut(context.hackathon(), round),
					List.of());
		}
		Selection selection = roundSelection(context);
		boolean dedicated = this.awards.dedicatedTrack(context) != null;
		if (round.status() == RoundStatus.CLOSED) {
			// A dedicated round's selection is its track's: the track's blockers say what
			// is
			// missing.
			if (selection == null && !dedicated) {
				blockers.add(PublicationText.selectionMissing());
			}
			else if (selection != null && !dedicated && !computed.fingerprint().equals(selection.inputFingerprint())) {
				blockers.add(PublicationText.selectionStale());
			}
			blockers.addAll(TrackSelections.blockers(this.awards.roundTracks(context), computed.fingerprint()));
		}
		if (round.kind() == RoundKind.FINAL && context.hackathon().phase() != HackathonPhase.JUDGING) {
			blockers.add(PublicationText.finalNotJudging(context.hackathon().phase()));
		}
		return new Preview(round, blockers, selection, computed.cut(),
				openCases(round, computed.result(), computed.cut(), selection));
	}

	private List<OpenCase> openCases(JudgingRound round, RankingResult result, int cut, @Nullable Selection selection) {
		Map<String, OpenCases.JudgeName> judges = new java.util.HashMap<>();
		for (JudgeSummaryName name : judgeNames(round, result)) {
			judges.put(name.pseudonym(), new OpenCases.JudgeName(name.judgeId(), name.name()));
		}
		return OpenCases.of(result, cut, selection, judges);
	}

	private record JudgeSummaryName(String pseudonym, String judgeId, String name) {
	}

	/** The judges the ranking names by pseudonym, with their record id and name. */
	private List<JudgeSummaryName> judgeNames(JudgingRound round, RankingResult result) {
		Set<String> named = new HashSet<>();
		result.judges().forEach((j) -> named.add(j.judgeId()));
		List<JudgeSummaryName> names = new ArrayList<>();
		if (named.isEmpty()) {
			return names;
		}
		for (var judge : this.panel.judgesOf(round.hackathonId())) {
			String pseudonym = this.pseudonyms.of(round.hackathonId(), judge.userId());
			if (named.contains(pseudonym)) {
				names.add(new JudgeSummaryName(pseudonym, judge.id(), judge.displayName()));
			}
		}
		return names;
	}

	public RankingView ranking(String roundId) {
		RoundService.RoundContext context = this.rounds.require(roundId);
		JudgingRound round = context.judging();
		if (round.status() == RoundStatus.PUBLISHED) {
			PublishedRound published = this.mongo.findById(roundId, PublishedRound.class);
			if (published != null) {
				return new RankingView(round, true, published.ranking(), published.cut(), published.selection(),
						published.vote());
			}
		}
		this.access.requireOrganizer();
		Ranked computed = compute(context);
		return new RankingView(round, false, computed.result(), computed.cut(), round.selection(), computed.vote());
	}

	public JudgingRound select(SelectProposalsInput input) {
		String me = this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(input.roundId());
		JudgingRound round = context.judging();
		AwardTrack dedicatedTo = this.awards.dedicatedTrack(context);
		if (dedicatedTo != null) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round is dedicated to the award track '" + dedicatedTo.slug()
							+ "': its selection is the track's (selectTrackWinners).",
					Map.of("field", "roundId", "rule", "DEDICATED_ROUND", "trackId", dedicatedTo.id()));
		}
		if (round.status() != RoundStatus.CLOSED) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					(round.status() == RoundStatus.PUBLISHED)
							? "The round is PUBLISHED; its selection no longer changes."
							: "Select when the round is CLOSED (scoring over, the ranking final); it is "
									+ round.status() + ".",
					Map.of("status", round.status().name()));
		}
		if (input.expectedVersion() != null && round.version() != null
				&& round.version() != input.expectedVersion().longValue()) {
			throw new OptimisticLockingFailureException("Round " + round.id() + " changed");
		}
		Ranked computed = compute(context);
		int cut = computed.cut();
		Set<String> chosen = new LinkedHashSet<>();
		for (String id : (input.proposalIds() != null) ? input.proposalIds() : List.<String>of()) {
			if (id == null || !computed.proposalIds().contains(id)) {
				throw DomainException.badInput("proposalIds", Refusal.NOT_IN_ROUND, "value", id);
			}
			if (!chosen.add(id)) {
				throw DomainException.badInput("proposalIds", Refusal.DUPLICATE, "value", id);
			}
		}
		List<String> topN = computed.result()
			.ranking()
			.stream()
			.filter(RankedProposal::inTopN)
			.map(RankedProposal::proposalId)
			.toList();
		TieGroup acrossCut = computed.result().ties().stream().filter(TieGroup::acrossCut).findFirst().orElse(null);
		// Texts given where the selection does not use them are not kept, but not let
		// through unchecked either.
		FreeText.check(input.justification(), "justification", FreeText.Kind.TEXT);
		FreeText.check(input.tieResolution(), "tieResolution", FreeText.Kind.TEXT);
		boolean quotaOverride = Boolean.TRUE.equals(input.quotaOverride());
		if (chosen.size() != cut && !quotaOverride) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"The round selects " + cut + " proposal" + ((cut == 1) ? "" : "s") + " (N) and this selection has "
							+ chosen.size()
							+ ". To select more or fewer than N, say so explicitly (quotaOverride: true) and write why "
							+ "(justification); otherwise select exactly " + cut + ".",
					Map.of("field", "quotaOverride", "rule", "QUOTA", "cut", cut, "selected", chosen.size()));
		}
		if (quotaOverride && chosen.size() == cut) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"quotaOverride is for a selection of more or fewer than the round's " + cut
							+ " proposals; this one has exactly " + cut + ": leave quotaOverride out.",
					Map.of("field", "quotaOverride", "cut", cut, "selected", chosen.size()));
		}
		Selection.Kind kind;
		String justification = null;
		String tieReason = null;
		if (acrossCut == null && chosen.equals(new HashSet<>(topN))) {
			kind = Selection.Kind.TOP_N;
		}
		else if (acrossCut != null && chosen.size() == cut && isTieResolution(chosen, topN, acrossCut)) {
			kind = Selection.Kind.TIE_RESOLVED;
			tieReason = WrittenReason.require(input.tieResolution(), "tieResolution",
					"why you chose these among proposals " + acrossCut.proposalIds() + ", tied at rank "
							+ acrossCut.rank() + " across the cut of " + cut + "; it is recorded and published",
					Map.of("tied", acrossCut.proposalIds()));
		}
		else {
			kind = Selection.Kind.OVERRIDE;
			justification = WrittenReason.require(input.justification(), "justification",
					"why this selection differs from the ranking's top " + cut + " " + topN
							+ "; it is published with the results",
					Map.of("topN", topN));
		}
		Instant now = this.clock.instant();
		Selection selection = new Selection(new ArrayList<>(chosen), kind,
				(kind == Selection.Kind.OVERRIDE) ? justification : null,
				(kind == Selection.Kind.TIE_RESOLVED) ? tieReason : null, topN, computed.fingerprint(), me, now);
		String detail = kind + ": " + chosen.size() + " proposal(s)"
				+ (quotaOverride ? " instead of N = " + cut + " (quota override)" : "")
				+ ((selection.justification() != null) ? "; justification: " + selection.justification() : "")
				+ ((selection.tieResolution() != null) ? "; tie: " + selection.tieResolution() : "");
		List<MessageArg> args = List.of(MessageArg.of("kind", kind), MessageArg.of("count", chosen.size()),
				MessageArg.of("cut", cut), MessageArg.of("quotaOverride", quotaOverride));
		String written = (selection.justification() != null) ? selection.justification() : selection.tieResolution();
		JudgingRound saved = this.mongo.save(
				withSelection(round, selection, RoundEvent.described(now, me, "SELECTED", detail, args, written), now));
		if (kind == Selection.Kind.OVERRIDE) {
			this.audit.record(AuditEventType.OVERRIDE_APPLIED, me, "judgingRound", round.id(),
					Map.of("hackathon", round.hackathonId(), "selected", String.join(",", chosen), "topN",
							String.join(",", topN), "justification", justification));
		}
		return saved;
	}

	private static boolean isTieResolution(Set<String> chosen, List<String> topN, TieGroup tie) {
		Set<String> tied = new HashSet<>(tie.proposalIds());
		for (String id : topN) {
			if (!tied.contains(id) && !chosen.contains(id)) {
				return false;
			}
		}
		for (String id : chosen) {
			if (!topN.contains(id)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Publishes the round (see the class comment). Open cases of the ranking not resolved
	 * by the selection are refused (BAD_USER_INPUT, {@code extensions.rule}
	 * {@value #OPEN_CASES}, each case in {@code extensions.openCases}) unless the
	 * organizer confirms them ({@code confirmOpenCases}); the history records the
	 * confirmation and the cases.
	 */
	public Publication publish(String roundId, @Nullable Boolean confirmOpenCases) {
		String me = this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(roundId);
		JudgingRound round = context.judging();
		boolean finalRound = round.kind() == RoundKind.FINAL;
		boolean dedicated = this.awards.dedicatedTrack(context) != null;
		if (round.status() == RoundStatus.CLOSED) {
			Selection selection = roundSelection(context);
			if (selection == null && dedicated) {
				List<String> tracks = TrackSelections.blockers(this.awards.roundTracks(context), "")
					.stream()
					.map(CodedText::message)
					.toList();
				throw new DomainException(ErrorCode.BAD_USER_INPUT, String.join(" ", tracks),
						Map.of("rule", TRACK_SELECTIONS, "blockers", tracks));
			}
			if (selection == null) {
				throw PublicationText.refused(ErrorCode.BAD_USER_INPUT, PublicationText.selectionMissing(), Map.of());
			}
			if (finalRound && context.hackathon().phase() != HackathonPhase.JUDGING) {
				throw PublicationText.refused(ErrorCode.BAD_USER_INPUT,
						PublicationText.finalNotJudging(context.hackathon().phase()),
						Map.of("phase", context.hackathon().phase().name()));
			}
			Ranked computed = compute(context);
			if (!computed.fingerprint().equals(selection.inputFingerprint())) {
				throw PublicationText.refused(ErrorCode.CONFLICT, new CodedText(PublicationText.SELECTION_STALE,
						List.of(),
						"The ranking changed since the selection was made (a sheet was "
								+ "reopened, voided, a comparison recorded or a parameter changed); review the ranking and "
								+ "select again."),
						Map.of());
			}
			List<OpenCase> open = OpenCases.unresolved(openCases(round, computed.result(), computed.cut(), selection));
			if (!open.isEmpty() && !Boolean.TRUE.equals(confirmOpenCases)) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT,
						"The ranking reports " + open.size() + " open case" + ((open.size() == 1) ? "" : "s") + " ("
								+ countByKind(open)
								+ "); review them (publicationPreview), then publish with confirmOpenCases: true.",
						Map.of("rule", OPEN_CASES, "openCaseCount", open.size(), "openCases", open.stream()
							.map((c) -> Map.<String, Object>of("kind", c.kind().name(), "proposalIds", c.proposalIds(),
									"judgeId", (c.judgeId() != null) ? c.judgeId() : "", "message", c.message()))
							.toList()));
			}
			List<String> tracks = TrackSelections.blockers(this.awards.roundTracks(context), computed.fingerprint())
				.stream()
				.map(CodedText::message)
				.toList();
			if (!tracks.isEmpty()) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT, String.join(" ", tracks),
						Map.of("rule", TRACK_SELECTIONS, "blockers", tracks));
			}
			String confirmed = open.isEmpty() ? ""
					: "; " + open.size() + " open case(s) confirmed by the organizer: " + countByKind(open);
			this.mongo.save(new PublishedRound(round.id(), round.hackathonId(), context.round().name(), round.kind(),
					round.config(), computed.cut(), computed.proposalIds(),
					(computed.rubric() != null) ? computed.rubric().input().sheets() : List.of(), computed.vote(),
					computed.result(), selection, computed.fingerprint(),
					(computed.pairwise() != null) ? computed.pairwise().evidence() : null));
			// The awards are frozen before the round is PUBLISHED, as the snapshot is.
			this.awards.freeze(context, selection, computed.cut());
			Instant now = this.clock.instant();
			Query closed = new Query(Criteria.where("_id").is(round.id()).and("status").is(RoundStatus.CLOSED));
			Update publish = new Update().set("status", RoundStatus.PUBLISHED)
				.set("publishedAt", now)
				.set("updatedAt", now)
				.push("history",
						RoundEvent.described(now, me, "PUBLISHED",
								selection.kind() + ", " + selection.proposalIds().size() + " selected" + confirmed,
								List.of(MessageArg.of("kind", selection.kind()),
										MessageArg.of("count", selection.proposalIds().size()),
										MessageArg.of("openCases", open.size())),
								null))
				.inc("version", 1);
			boolean publishedNow = this.mongo.updateFirst(closed, publish, JudgingRound.class).getModifiedCount() == 1;
			if (publishedNow) {
				this.audit.record(AuditEventType.RESULTS_PUBLISHED, me, "judgingRound", round.id(),
						Map.of("hackathon", round.hackathonId(), "selection", selection.kind().name(), "selected",
								String.join(",", selection.proposalIds())));
			}
			else {
				JudgingRound now2 = this.rounds.requireStored(round.id());
				if (now2.status() != RoundStatus.PUBLISHED) {
					throw DomainException.conflict("The round changed while it was being published; reload it.");
				}
			}
		}
		else if (round.status() != RoundStatus.PUBLISHED) {
			throw PublicationText.refused(ErrorCode.BAD_USER_INPUT, PublicationText.notClosed(round.status()),
					Map.of("status", round.status().name()));
		}
		PublishedRound published = this.mongo.findById(round.id(), PublishedRound.class);
		if (published == null) {
			throw new IllegalStateException("Round " + round.id() + " is PUBLISHED without its snapshot");
		}
		List<String> moved = new ArrayList<>();
		List<PublicationText.Problem> problems = new ArrayList<>();
		Set<String> selected = new HashSet<>(published.selection().proposalIds());
		ProposalStatus in = finalRound ? ProposalStatus.OUTSTANDING : ProposalStatus.SHORTLISTED;
		ProposalStatus out = finalRound ? ProposalStatus.NOT_SELECTED : ProposalStatus.NOT_SHORTLISTED;
		List<MessageArg> reason = List.of(MessageArg.localized("round", published.name().primary(),
				published.name().zhTW(), published.name().en()));
		// A round dedicated to an award track moves no proposal: winning a track does not
		// change a proposal's status.
		for (String proposalId : dedicated ? List.<String>of() : published.proposalIds()) {
			ProposalStatus to = selected.contains(proposalId) ? in : out;
			try {
				this.proposals.applySystemTransition(proposalId, to, ChangeCode.RESULTS_PUBLISHED, reason, me);
				moved.add(proposalId);
			}
			catch (DomainException ex) {
				problems.add(PublicationText.notMoved(proposalId, to, ex));
			}
		}
		if (!problems.isEmpty()) {
			log.warn("Round {} published; {} proposals could not be moved: {}", round.id(), problems.size(), problems);
		}
		if (finalRound) {
			var hackathon = this.hackathons.find(round.hackathonId());
			if (hackathon.phase() == HackathonPhase.JUDGING) {
				this.hackathons.changePhase(hackathon.id(), HackathonPhase.RESULTS_PUBLISHED, null, null);
			}
		}
		return new Publication(this.rounds.requireStored(round.id()), moved, problems);
	}

	/**
	 * The selection publication publishes: the round's own, or in a round dedicated to an
	 * award track, that track's.
	 */
	private @Nullable Selection roundSelection(RoundService.RoundContext context) {
		AwardTrack dedicatedTo = this.awards.dedicatedTrack(context);
		if (dedicatedTo == null) {
			return context.judging().selection();
		}
		return this.awards.awards(context).selectionOf(dedicatedTo.id());
	}

	private static String countByKind(List<OpenCase> cases) {
		Map<OpenCase.Kind, Integer> counts = new java.util.EnumMap<>(OpenCase.Kind.class);
		cases.forEach((c) -> counts.merge(c.kind(), 1, Integer::sum));
		List<String> parts = new ArrayList<>();
		counts.forEach((kind, count) -> parts.add(count + " " + kind));
		return String.join(", ", parts);
	}

	private static JudgingRound withSelection(JudgingRound round, Selection selection, RoundEvent event, Instant now) {
		List<RoundEvent> history = new ArrayList<>(round.history());
		history.add(event);
		return new JudgingRound(round.id(), round.hackathonId(), round.kind(), round.status(), round.config(),
				round.planId(), selection, history, round.publishedAt(), round.createdAt(), now, round.version());
	}

}
