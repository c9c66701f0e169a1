package org.hacktrail.judging.ranking.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import org.hacktrail.judging.assignment.service.AssignmentService;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.ranking.Criterion;
import org.hacktrail.judging.ranking.EvidenceRule;
import org.hacktrail.judging.ranking.PublicVote;
import org.hacktrail.judging.ranking.RankingInput;
import org.hacktrail.judging.ranking.RankingMethod;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.RubricRanking;
import org.hacktrail.judging.ranking.SubmittedSheet;
import org.hacktrail.judging.round.JudgingPlan;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundConfig;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.VoteMode;
import org.hacktrail.judging.sheet.ScoreSheetService;
import org.hacktrail.judging.sheet.SheetStatus;
import org.hacktrail.judging.vote.BallotService;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.Refusal;

import org.springframework.stereotype.Service;

/**
 * Builds a round's ranking input from the store and runs {@link RubricRanking} on it,
 * with method {@link #METHOD} and the round's k and sector minimums as its evidence rule
 * (what is shown and published is {@code judging.result}'s).
 *
 * <p>
 * <b>Which sheets count:</b> a sheet counts when it is SUBMITTED, its judge × proposal
 * pair is in the round's current assignment plan, and the judge has no active conflict of
 * interest with the proposal. Drafts, voided sheets, sheets of pairs a plan change moved
 * away (a dropped judge's, a conflicted judge's) do not. The judge's sector is the one on
 * their judge record; the judge id is the pseudonym ({@link Pseudonyms}).
 */
@Service
public class RankingService {

	private static final int CACHE_SIZE = 8;

	/**
	 * The method rounds are ranked with. Published results keep the method they were
	 * computed with (in their snapshot); a selection made on a method-1 ranking has
	 * another input fingerprint and is made again before publishing.
	 */
	public static final RankingMethod METHOD = RankingMethod.RUBRIC_2;

	private final RoundService rounds;

	private final AssignmentService assignments;

	private final ScoreSheetService sheets;

	private final JudgePanelService panel;

	private final BallotService ballots;

	private final Pseudonyms pseudonyms;

	/**
	 * Recent results by input fingerprint: the same input always gives the same result.
	 */
	private final Map<String, RankingResult> cache = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, RankingResult> eldest) {
			return size() > CACHE_SIZE;
		}

	};

	RankingService(RoundService rounds, AssignmentService assignments, ScoreSheetService sheets,
			JudgePanelService panel, BallotService ballots, Pseudonyms pseudonyms) {
		this.rounds = rounds;
		this.assignments = assignments;
		this.sheets = sheets;
		this.panel = panel;
		this.ballots = ballots;
		this.pseudonyms = pseudonyms;
	}

	/**
	 * A round's ranking computed from the store now, with everything it was computed
	 * from.
	 *
	 * @param ballots the number of public-vote ballots cast (0 without a vote); the vote
	 * totals in the round are the input's
	 */
	public record Computed(Hackathon hackathon, JudgingRound round, JudgingPlan plan, RankingInput input,
			String fingerprint, RankingResult result, int ballots, int cut) {
	}

	/** Builds the input from the store and ranks it. */
	public Computed compute(RoundService.RoundContext context) {
		JudgingRound round = context.judging();
		JudgingPlan plan = (round.version() != null) ? this.rounds.currentPlan(round) : null;
		if (plan == null) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT, "The round has no assignment yet, so nothing to rank.",
					Map.of("rule", "rankingNoAssignment"));
		}
		RoundConfig config = round.config();
		if (config.criteria().isEmpty()) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT, "The round has no rubric yet.",
					Map.of("rule", "rankingNoRubric"));
		}
		Map<String, List<String>> works = this.assignments.works(plan);
		List<ScoreSheetService.PlannedSheet> stored = this.sheets.sheetsOf(round, works);
		Map<String, Judge> judges = new HashMap<>();
		this.panel.judgesOf(round.hackathonId()).forEach((judge) -> judges.put(judge.userId(), judge));
		List<SubmittedSheet> counted = new ArrayList<>();
		// One pseudonym per judge, not per sheet: each is an HMAC (a Mac instance and a
		// key set-up), and a round has
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
		int ballots = 0;
		if (config.voteMode() != VoteMode.NONE) {
			BallotService.Totals totals = this.ballots.totals(round);
			Map<String, Double> inRound = new TreeMap<>();
			totals.totals().forEach((proposal, total) -> {
				if (plan.proposalIds().contains(proposal)) {
					inRound.put(proposal, total);
				}
			});
			publicVote = new PublicVote(inRound, config.voteWeight());
			ballots = totals.ballots();
		}
		int cut = RoundService.cut(context.hackathon(), round);
		RankingInput input;
		try {
			input = new RankingInput(RoundService.rubric(config.criteria()), plan.proposalIds(), counted,
					config.sectorWeights(), config.normalise(), publicVote, cut, config.bootstrapReplicates(),
					config.seed(), METHOD, new EvidenceRule(config.judgesPerProposal(), config.sectorMinimums()));
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.badInput("roundId", Refusal.NOT_RANKABLE, "detail", String.valueOf(ex.getMessage()));
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
		return new Computed(context.hackathon(), round, plan, input, fingerprint, result, ballots, cut);
	}

	/**
	 * SHA-256 of the input in a canonical binary form (method and evidence rule
	 * included). {@link RankingInput} puts everything in canonical order and checks that
	 * every sheet scores exactly the rubric's criteria, so the encoding below is
	 * injective: equal inputs — and only equal inputs — have equal fingerprints. Strings
	 * are length-prefixed UTF-8, doubles their exact bits, numbers big-endian; judges are
	 * listed once (sorted, with their sector) and sheets refer to judges and proposals by
	 * position, so a 30,000-sheet round hashes about 1.5 MB (printing the input as text
	 * and hashing that was much slower: docs/benchmarks.md, "Measurements behind design
	 * choices").
	 */
	static String fingerprint(RankingInput input) {
		DigestWriter out = new DigestWriter();
		out.putInt(1); // the encoding's version
		List<Criterion> criteria = input.rubric().criteria();
		out.putInt(criteria.size());
		for (Criterion criterion : criteria) {
			out.putString(criterion.id());
			out.putDouble(criterion.weight());
			out.putDouble(criterion.scaleMin());
			out.putDouble(criterion.scaleMax());
		}
		Map<String, Integer> proposalIndex = new HashMap<>(input.proposalIds().size() * 2);
		out.putInt(input.proposalIds().size());
		for (String proposal : input.proposalIds()) {
			proposalIndex.put(proposal, proposalIndex.size());
			out.putString(proposal);
		}
		Map<String, Sector> sectorOf = new HashMap<>();
		input.sheets().forEach((sheet) -> sectorOf.put(sheet.judgeId(), sheet.sector()));
		TreeMap<String, Sector> judgeSectors = new TreeMap<>(sectorOf);
		Map<String, Integer> judgeIndex = new HashMap<>(judgeSectors.size() * 2);
		out.putInt(judgeSectors.size());
		for (Map.Entry<String, Sector> judge : judgeSectors.entrySet()) {
			judgeIndex.put(judge.getKey(), judgeIndex.size());
			out.putString(judge.getKey());
			out.putString(judge.getValue().name());
		}
		out.putInt(input.sheets().size());
		for (SubmittedSheet sheet : input.sheets()) {
			out.putInt(proposalIndex.get(sheet.proposalId()));
			out.putInt(judgeIndex.get(sheet.judgeId()));
			// The scores' keys are the rubric's criteria (checked by RankingInput), in
			// sorted order.
			for (double score : sheet.scores().values()) {
				out.putDouble(score);
			}
		}
		out.putInt(input.sectorWeights().size());
		for (Map.Entry<Sector, Double> weight : input.sectorWeights().entrySet()) {
			out.putString(weight.getKey().name());
			out.putDouble(weight.getValue());
		}
		out.putBoolean(input.normalise());
		PublicVote vote = input.publicVote();
		out.putBoolean(vote != null);
		if (vote != null) {
			out.putDouble(vote.weight());
			out.putInt(vote.totals().size());
			for (Map.Entry<String, Double> total : vote.totals().entrySet()) {
				out.putString(total.getKey());
				out.putDouble(total.getValue());
			}
		}
		out.putInt(input.outstandingQuota());
		out.putInt(input.bootstrapReplicates());
		out.putLong(input.seed());
		// Method 1 inputs keep their first encoding (selections made on them stay
		// valid); later methods append their id and what else they depend on.
		if (input.method() != RankingMethod.RUBRIC_1) {
			out.putString(input.method().version());
			out.putInt(input.evidenceRule().judgesPerProposal());
			for (Map.Entry<Sector, Integer> minimum : input.evidenceRule().sectorMinimums().entrySet()) {
				out.putString(minimum.getKey().name());
				out.putInt(minimum.getValue());
			}
		}
		return HexFormat.of().formatHex(out.digest());
	}

	/**
	 * Writes numbers and strings into a buffer that is hashed whenever it fills: the same
	 * bytes as a {@code DataOutputStream} would write (big-endian; strings as an int
	 * length and UTF-8), without a stream call per value.
	 */
	private static final class DigestWriter {

		private final MessageDigest digest;

		private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

		DigestWriter() {
			try {
				this.digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void putInt(int value) {
			room(Integer.BYTES).putInt(value);
		}

		void putLong(long value) {
			room(Long.BYTES).putLong(value);
		}

		void putDouble(double value) {
			room(Double.BYTES).putDouble(value);
		}

		void putBoolean(boolean value) {
			room(1).put((byte) (value ? 1 : 0));
		}

		void putString(String value) {
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			putInt(bytes.length);
			if (bytes.length > this.buffer.remaining()) {
				flush();
				if (bytes.length > this.buffer.capacity()) {
					this.digest.update(bytes);
					return;
				}
			}
			this.buffer.put(bytes);
		}

		byte[] digest() {
			flush();
			return this.digest.digest();
		}

		private ByteBuffer room(int bytes) {
			if (this.buffer.remaining() < bytes) {
				flush();
			}
			return this.buffer;
		}

		private void flush() {
			this.digest.update(this.buffer.array(), 0, this.buffer.position());
			this.buffer.clear();
		}

	}

}
