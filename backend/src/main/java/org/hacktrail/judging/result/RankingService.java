package org.hacktrail.judging.result;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.ranking.Criterion;
import org.hacktrail.judging.ranking.PublicVote;
import org.hacktrail.judging.ranking.RankingInput;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.RubricRanking;
import org.hacktrail.judging.ranking.SubmittedSheet;
import org.hacktrail.judging.round.AssignmentService;
import org.hacktrail.judging.round.JudgingPlan;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundConfig;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.judging.round.VoteMode;
import org.hacktrail.judging.sheet.ScoreSheetService;
import org.hacktrail.judging.sheet.SheetStatus;
import org.hacktrail.judging.vote.BallotService;
import org.hacktrail.platform.DomainException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Builds a round's ranking input from the store and runs {@link RubricRanking} on it.
 *
 * <p>
 * <b>Which sheets count:</b> a sheet counts when it is SUBMITTED, its judge × proposal pair is in the round's
 * current assignment plan, and the judge has no active conflict of interest with the proposal. Drafts, voided
 * sheets, sheets of pairs a plan change moved away (a dropped judge's, a conflicted judge's) do not. The judge's
 * sector is the one on their judge record; the judge id is the pseudonym ({@link Pseudonyms}).
 *
 * <p>
 * Before publication only organizers see a ranking; after, everyone sees the published one.
 */
@Service
public class RankingService {

	private static final int CACHE_SIZE = 8;

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final AssignmentService assignments;

	private final ScoreSheetService sheets;

	private final JudgePanelService panel;

	private final BallotService ballots;

	private final Pseudonyms pseudonyms;

	private final JudgingAccess access;

	/** Recent results by input fingerprint: the same input always gives the same result. */
	private final Map<String, RankingResult> cache = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, RankingResult> eldest) {
			return size() > CACHE_SIZE;
		}

	};

	RankingService(MongoTemplate mongo, RoundService rounds, AssignmentService assignments, ScoreSheetService sheets,
			JudgePanelService panel, BallotService ballots, Pseudonyms pseudonyms, JudgingAccess access) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.assignments = assignments;
		this.sheets = sheets;
		this.panel = panel;
		this.ballots = ballots;
		this.pseudonyms = pseudonyms;
		this.access = access;
	}

	/** A round's ranking computed from the store now, with everything it was computed from. */
	public record Computed(Hackathon hackathon, JudgingRound round, JudgingPlan plan, RankingInput input,
			String fingerprint, RankingResult result, PublishedRound.@Nullable Vote vote, int cut) {
	}

	/** What a caller sees of a round's ranking: live for organizers, the published snapshot for everyone after. */
	public record RankingView(JudgingRound round, boolean published, RankingResult result, int cut,
			@Nullable Selection selection, PublishedRound.@Nullable Vote vote) {
	}

	public RankingView view(String roundId) {
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
		Computed computed = compute(context);
		return new RankingView(round, false, computed.result(), computed.cut(), round.selection(), computed.vote());
	}

	/** Builds the input from the store and ranks it. */
	public Computed compute(RoundService.RoundContext context) {
		JudgingRound round = context.judging();
		JudgingPlan plan = (round.version() != null) ? this.assignments.currentPlan(round) : null;
		if (plan == null) {
			throw DomainException.badInput("The round has no assignment yet, so nothing to rank.");
		}
		RoundConfig config = round.config();
		if (config.criteria().isEmpty()) {
			throw DomainException.badInput("The round has no rubric yet.");
		}
		Map<String, List<String>> works = this.assignments.works(plan);
		List<ScoreSheetService.PlannedSheet> stored = this.sheets.sheetsOf(round, works);
		Map<String, Judge> judges = new HashMap<>();
		this.panel.judgesOf(round.hackathonId()).forEach((judge) -> judges.put(judge.userId(), judge));
		List<SubmittedSheet> counted = new ArrayList<>();
		// One pseudonym per judge, not per sheet: each is an HMAC (a Mac instance and a key set-up), and a round has
		// tens of thousands of sheets from a few hundred judges.
		Map<String, String> pseudonymOf = new HashMap<>();
		for (ScoreSheetService.PlannedSheet sheet : stored) {
			Judge judge = judges.get(sheet.judgeUserId());
			if (sheet.status() != SheetStatus.SUBMITTED || judge == null
					|| judge.isConflictedWith(sheet.proposalId())) {
				continue;
			}
			String pseudonym = pseudonymOf.computeIfAbsent(judge.userId(),
					(user) -> this.pseudonyms.of(round.hackathonId(), user));
			counted.add(new SubmittedSheet(pseudonym, judge.sector(), sheet.proposalId(), sheet.scores()));
		}
		PublicVote publicVote = null;
		PublishedRound.Vote vote = null;
		if (config.voteMode() != VoteMode.NONE) {
			BallotService.Totals totals = this.ballots.totals(round);
			Map<String, Double> inRound = new TreeMap<>();
			totals.totals().forEach((proposal, total) -> {
				if (plan.proposalIds().contains(proposal)) {
					inRound.put(proposal, total);
				}
			});
			publicVote = new PublicVote(inRound, config.voteWeight());
			vote = new PublishedRound.Vote(config.voteMode(), config.voteWeight(), config.voteCredits(),
					totals.ballots(), inRound);
		}
		int cut = RoundService.cut(context.hackathon(), round);
		RankingInput input;
		try {
			input = new RankingInput(RoundService.rubric(config.criteria()), plan.proposalIds(), counted,
					config.sectorWeights(), config.normalise(), publicVote, cut, config.bootstrapReplicates(),
					config.seed());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.badInput("The round cannot be ranked: " + ex.getMessage());
		}
		String fingerprint = fingerprint(input);
		RankingResult result;
		synchronized (this.cache) {
			result = this.cache.get(fingerprint);
		}
		if (result == null) {
			result = RubricRanking.rank(input);
			synchronized (this.cache) {
				this.cache.put(fingerprint, result);
			}
		}
		return new Computed(context.hackathon(), round, plan, input, fingerprint, result, vote, cut);
	}

	/**
	 * SHA-256 of the input in a canonical binary form. {@link RankingInput} puts everything in canonical order and
	 * checks that every sheet scores exactly the rubric's criteria, so the encoding below is injective: equal inputs —
	 * and only equal inputs — have equal fingerprints. Strings are length-prefixed UTF-8, doubles their exact bits;
	 * judges are listed once (sorted, with their sector) and sheets refer to judges and proposals by position, so a
	 * 30,000-sheet round hashes about 1.5 MB, streamed (printing the input as text and hashing that took 70–150 ms).
	 */
	static String fingerprint(RankingInput input) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (DataOutputStream out = new DataOutputStream(
				new BufferedOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest), 1 << 16))) {
			out.writeInt(1); // the encoding's version
			List<Criterion> criteria = input.rubric().criteria();
			out.writeInt(criteria.size());
			for (Criterion criterion : criteria) {
				writeString(out, criterion.id());
				out.writeDouble(criterion.weight());
				out.writeDouble(criterion.scaleMin());
				out.writeDouble(criterion.scaleMax());
			}
			Map<String, Integer> proposalIndex = new HashMap<>();
			out.writeInt(input.proposalIds().size());
			for (String proposal : input.proposalIds()) {
				proposalIndex.put(proposal, proposalIndex.size());
				writeString(out, proposal);
			}
			TreeMap<String, Sector> judgeSectors = new TreeMap<>();
			input.sheets().forEach((sheet) -> judgeSectors.put(sheet.judgeId(), sheet.sector()));
			Map<String, Integer> judgeIndex = new HashMap<>();
			out.writeInt(judgeSectors.size());
			for (Map.Entry<String, Sector> judge : judgeSectors.entrySet()) {
				judgeIndex.put(judge.getKey(), judgeIndex.size());
				writeString(out, judge.getKey());
				writeString(out, judge.getValue().name());
			}
			out.writeInt(input.sheets().size());
			for (SubmittedSheet sheet : input.sheets()) {
				out.writeInt(proposalIndex.get(sheet.proposalId()));
				out.writeInt(judgeIndex.get(sheet.judgeId()));
				// The scores' keys are the rubric's criteria (checked by RankingInput), in sorted order.
				for (double score : sheet.scores().values()) {
					out.writeDouble(score);
				}
			}
			out.writeInt(input.sectorWeights().size());
			for (Map.Entry<Sector, Double> weight : input.sectorWeights().entrySet()) {
				writeString(out, weight.getKey().name());
				out.writeDouble(weight.getValue());
			}
			out.writeBoolean(input.normalise());
			PublicVote vote = input.publicVote();
			out.writeBoolean(vote != null);
			if (vote != null) {
				out.writeDouble(vote.weight());
				out.writeInt(vote.totals().size());
				for (Map.Entry<String, Double> total : vote.totals().entrySet()) {
					writeString(out, total.getKey());
					out.writeDouble(total.getValue());
				}
			}
			out.writeInt(input.outstandingQuota());
			out.writeInt(input.bootstrapReplicates());
			out.writeLong(input.seed());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // never: the stream writes to a digest
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void writeString(DataOutputStream out, String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

}
