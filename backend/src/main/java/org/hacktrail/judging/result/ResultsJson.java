package org.hacktrail.judging.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.EvidenceCoverage;
import org.hacktrail.judging.ranking.JudgeSummary;
import org.hacktrail.judging.ranking.NormalisedSheet;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.RoundSummary;
import org.hacktrail.judging.ranking.SubmittedSheet;
import org.hacktrail.judging.ranking.TieGroup;
import org.hacktrail.judging.ranking.UnrankedProposal;
import org.hacktrail.judging.round.RubricCriterion;
import org.hacktrail.judging.round.VoteEligibility;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code results.json}, the open data anyone recomputes a hackathon's published rankings
 * from ({@code scripts/recompute-ranking}, docs/judging-method.md "Open data"), as
 * records: the file is these records written by Jackson, each record an object whose
 * fields are its components in order (a null component is written as {@code null}).
 *
 * <p>
 * The format is versioned by {@link #FORMAT}, the file's first field. A change to these
 * records is a change of the published format: it needs a new version, the script and
 * docs/judging-method.md updated, and a new {@code results.golden.json}, the file
 * {@code ResultsJsonFormatTests} compares two fixed rounds with, byte for byte.
 *
 * <p>
 * Numbers are doubles where the ranking computed doubles (written as Java prints them:
 * the shortest text that reads back as the same double) and integers where it counted;
 * the seed is a string, as an unsigned 64-bit integer does not fit a JSON number in most
 * readers.
 */
public record ResultsJson(String format, Hackathon hackathon, String method, List<? extends RoundEntry> rounds,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Award> awards) {

	/**
	 * One published round of the file: a RUBRIC round ({@link Round}) or a PAIRWISE one
	 * ({@link PairwiseResultsJson}); both start with the same fields up to
	 * {@code algorithmVersion}, which says which it is.
	 */
	public interface RoundEntry {

	}

	/**
	 * Version 4 added PAIRWISE (expo) rounds, method hacktrail-pairwise-1
	 * ({@link PairwiseResultsJson}); rubric rounds are written as in version 3. The award
	 * tracks ({@code awards}, after the rounds) were added within version 4 as an
	 * optional field that nothing recomputed depends on: a reader of version 4 may ignore
	 * it, and a file without award tracks other than the outstanding one is byte for byte
	 * as before. Version 3 added the public vote's eligibility rules
	 * ({@code publicVote.eligibility}). Version 2 added the evidence rule to the
	 * parameters, each line's evidence coverage and the round's residual pools (method
	 * hacktrail-rubric-2), and lets a line's rank interval and P(top N) be null
	 * (unknown). Files of versions 1 and 2 are still read by the script.
	 */
	public static final String FORMAT = "hacktrail-results-4";

	/**
	 * Version 5: a file with a PAIRWISE round ranked by sector (hacktrail-pairwise-2)
	 * carries that round's sectors ({@link PairwiseResultsJson.Sectors}, each
	 * comparison's and judge reliability's sector); every other round is written as in
	 * version 4, and a file without such a round stays version 4. No longer written: such
	 * a file is now version 6.
	 */
	public static final String FORMAT_SECTORS = "hacktrail-results-5";

	/**
	 * Version 6: a file with a PAIRWISE round, written as in version 5 except that a
	 * round's {@code skips} list only the tables skipped because the team was absent
	 * (reason ABSENT): a skip for a conflict of interest is left out, and the counts of
	 * skips ({@code summary.skipCount}, each judge's {@code skips}) count the listed
	 * ones, so that the file does not tell which judge had a conflict with which team.
	 * Nothing recomputed changes (skips are no comparisons). A file without a PAIRWISE
	 * round stays version 4.
	 */
	public static final String FORMAT_PUBLISHED_SKIPS = "hacktrail-results-6";

	static final String METHOD = "docs/judging-method.md (each round's algorithmVersion: hacktrail-rubric-1, "
			+ "hacktrail-rubric-2 or hacktrail-pairwise-1); recompute with scripts/recompute-ranking";

	static final String METHOD_SECTORS = "docs/judging-method.md (each round's algorithmVersion: hacktrail-rubric-1, "
			+ "hacktrail-rubric-2, hacktrail-pairwise-1 or hacktrail-pairwise-2); recompute with scripts/recompute-ranking";

	public ResultsJson(Hackathon hackathon, List<? extends RoundEntry> rounds) {
		this(hackathon, rounds, null);
	}

	/**
	 * The file of these rounds and award tracks: version 6 when a round is PAIRWISE, else
	 * version 4.
	 */
	public ResultsJson(Hackathon hackathon, List<? extends RoundEntry> rounds, @Nullable List<Award> awards) {
		this(pairwise(rounds) ? FORMAT_PUBLISHED_SKIPS : FORMAT, hackathon, bySector(rounds) ? METHOD_SECTORS : METHOD,
				rounds, awards);
	}

	private static boolean pairwise(List<? extends RoundEntry> rounds) {
		return rounds.stream().anyMatch(PairwiseResultsJson.class::isInstance);
	}

	private static boolean bySector(List<? extends RoundEntry> rounds) {
		return rounds.stream().anyMatch((r) -> r instanceof PairwiseResultsJson p && p.bySector());
	}

	/**
	 * One award track's result (added within format 4, after the rounds; a file without
	 * it predates award tracks): the track as published and its winners. A round
	 * published before award tracks existed reads as the outstanding track.
	 *
	 * @param track the track's id ({@code <hackathon id>.<slug>})
	 * @param round the id of the round that fed it
	 * @param selection TOP_N, TIE_RESOLVED or OVERRIDE, as a round's selection
	 * @param topN the track's top proposals (eligible proposals only) when selected
	 * @param judges {@code OWN} for a track judged by its own judges in a round dedicated
	 * to it (that round's ranking is the track's); absent for a track of the round's
	 * panel, so that files without such a track are as before
	 */
	public record Award(String track, String slug, @Nullable Text name, @Nullable String sponsor,
			@Nullable String sponsorKind, int quota, String eligibility, List<String> tags, String round,
			String selection, @Nullable String justification, @Nullable String tieResolution, List<String> topN,
			List<Proposal> winners, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String judges) {

		static Award of(String roundId, org.hacktrail.judging.award.RoundAwards.PublishedAward award,
				Map<String, LocalizedText> titles) {
			return new Award(award.trackId(), award.slug(), Text.of(award.name()), award.sponsor(),
					(award.sponsorKind() != null) ? award.sponsorKind().name() : null, award.quota(),
					award.eligibility().name(), award.tags(), roundId, award.selection().kind().name(),
					award.selection().justification(), award.selection().tieResolution(), award.selection().topN(),
					award.winners().stream().map((id) -> new Proposal(id, Text.of(titles.get(id)))).toList(),
					(award.judges() != null) ? award.judges().name() : null);
		}

	}

	/** A text in both languages; null when it has neither. */
	public record Text(@Nullable String zhTW, @Nullable String en) {

		static @Nullable Text of(@Nullable LocalizedText text) {
			return (text == null || text.isEmpty()) ? null : new Text(text.zhTW(), text.en());
		}

	}

	public record Hackathon(String slug, @Nullable Text name, String kind, @Nullable Integer edition, String phase,
			int outstandingQuota) {

		static Hackathon of(org.hacktrail.hackathon.Hackathon hackathon) {
			return new Hackathon(hackathon.slug(), Text.of(hackathon.name()), hackathon.kind().name(),
					hackathon.edition(), hackathon.phase().name(), hackathon.outstandingQuota());
		}

	}

	/**
	 * One published round: everything its ranking is computed from, and the ranking and
	 * selection as published.
	 *
	 * @param publishedAt null only when the round's publication time is unknown
	 * @param normalisation per judge, as the ranking treated them
	 */
	public record Round(String id, @Nullable Text name, String kind, @Nullable String publishedAt,
			String algorithmVersion, Parameters parameters, List<Criterion> rubric, @Nullable PublicVote publicVote,
			List<Proposal> proposals, List<Judge> judges, List<Sheet> sheets, Summary summary,
			List<Normalisation> normalisation, List<Line> ranking, List<Tie> ties, List<Unranked> unranked,
			@Nullable Uncertainty uncertainty, Selection selection) implements RoundEntry {

		/**
		 * The round from its frozen snapshot.
		 * @param titles proposal titles by id (a proposal without one gets a null title)
		 */
		static Round of(PublishedRound results, @Nullable Instant publishedAt, Map<String, LocalizedText> titles) {
			RankingResult ranking = results.ranking();
			Map<String, Sector> sectors = new TreeMap<>();
			results.sheets().forEach((sheet) -> sectors.put(sheet.judgeId(), sheet.sector()));
			Map<String, NormalisedSheet> normalised = new HashMap<>();
			ranking.sheets().forEach((s) -> normalised.put(s.proposalId() + '\u0000' + s.judgeId(), s));
			PublishedRound.Vote vote = results.vote();
			return new Round(results.id(), Text.of(results.name()), results.kind().name(),
					(publishedAt != null) ? publishedAt.toString() : null, ranking.algorithmVersion(),
					Parameters.of(results), results.config().criteria().stream().map(Criterion::of).toList(),
					(vote != null) ? PublicVote.of(vote, results.config().voteEligibility()) : null,
					results.proposalIds().stream().map((id) -> new Proposal(id, Text.of(titles.get(id)))).toList(),
					sectors.entrySet()
						.stream()
						.map((judge) -> new Judge(judge.getKey(), judge.getValue().name()))
						.toList(),
					results.sheets()
						.stream()
						.map((sheet) -> Sheet.of(sheet,
								normalised.get(sheet.proposalId() + '\u0000' + sheet.judgeId())))
						.toList(),
					Summary.of(ranking.round()), ranking.judges().stream().map(Normalisation::of).toList(),
					ranking.ranking().stream().map(Line::of).toList(), ranking.ties().stream().map(Tie::of).toList(),
					ranking.unranked().stream().map(Unranked::of).toList(), Uncertainty.of(ranking.uncertainty()),
					Selection.of(results.selection()));
		}

	}

	/**
	 * @param sectorWeights W_g for every sector, in sector order
	 * @param outstandingQuota N
	 * @param bootstrapReplicates B
	 * @param seed the bootstrap seed, an unsigned 64-bit decimal
	 * @param judgesPerProposal k, the sheets a proposal needs (method 2's evidence rule)
	 * @param sectorMinimums the sheets each sector must contribute, for every sector in
	 * sector order (method 2's evidence rule)
	 */
	public record Parameters(boolean normalise, Map<String, Double> sectorWeights, int outstandingQuota,
			int bootstrapReplicates, String seed, int judgesPerProposal, Map<String, Integer> sectorMinimums) {

		static Parameters of(PublishedRound results) {
			Map<String, Double> weights = new LinkedHashMap<>();
			Map<String, Integer> minimums = new LinkedHashMap<>();
			for (Sector sector : Sector.values()) {
				weights.put(sector.name(), results.config().sectorWeights().get(sector));
				minimums.put(sector.name(), results.config().sectorMinimums().get(sector));
			}
			return new Parameters(results.config().normalise(), weights, results.cut(),
					results.config().bootstrapReplicates(), Long.toUnsignedString(results.config().seed()),
					results.config().judgesPerProposal(), minimums);
		}

	}

	public record Criterion(String id, @Nullable Text name, @Nullable Text description, double weight, double scaleMin,
			double scaleMax) {

		static Criterion of(RubricCriterion criterion) {
			return new Criterion(criterion.id(), Text.of(criterion.name()), Text.of(criterion.description()),
					criterion.weight(), criterion.scaleMin(), criterion.scaleMax());
		}

	}

	/**
	 * @param totals vote total per proposal of the round that got votes
	 * @param eligibility who could vote (null for rounds published before the rules were
	 * recorded)
	 */
	public record PublicVote(String mode, double weight, int credits, int ballots, Map<String, Double> totals,
			@Nullable Eligibility eligibility) {

		static PublicVote of(PublishedRound.Vote vote, @Nullable VoteEligibility eligibility) {
			return new PublicVote(vote.mode().name(), vote.weight(), vote.credits(), vote.ballots(), vote.totals(),
					(eligibility != null) ? new Eligibility(eligibility.excludeTeam(), eligibility.excludeJudges(),
							eligibility.requireVerifiedEmail()) : null);
		}

	}

	/**
	 * The public vote's eligibility rules (docs/judging-method.md, "Public vote").
	 *
	 * @param excludeTeam no vote for a proposal the voter proposes or is on the team of
	 * @param excludeJudges the round's judges did not vote
	 * @param requireVerifiedEmail voters had an email their sign-in provider verified
	 */
	public record Eligibility(boolean excludeTeam, boolean excludeJudges, boolean requireVerifiedEmail) {
	}

	public record Proposal(String id, @Nullable Text title) {
	}

	/**
	 * @param id the judge's pseudonym
	 */
	public record Judge(String id, String sector) {
	}

	/**
	 * A counted sheet, with its total and normalised total as the ranking computed them.
	 */
	public record Sheet(String judge, String sector, String proposal, Map<String, Double> scores,
			@Nullable Double total, @Nullable Double normalised) {

		static Sheet of(SubmittedSheet sheet, @Nullable NormalisedSheet normalised) {
			return new Sheet(sheet.judgeId(), sheet.sector().name(), sheet.proposalId(), sheet.scores(),
					(normalised != null) ? normalised.total() : null,
					(normalised != null) ? normalised.normalised() : null);
		}

	}

	public record Summary(int proposalCount, int rankedCount, int sheetCount, int judgeCount, double mean,
			double standardDeviation, double normalisedStandardDeviation) {

		static Summary of(RoundSummary round) {
			return new Summary(round.proposalCount(), round.rankedCount(), round.sheetCount(), round.judgeCount(),
					round.mean(), round.standardDeviation(), round.normalisedStandardDeviation());
		}

	}

	public record Normalisation(String judge, String sector, int sheetCount, double mean, double standardDeviation,
			String treatment) {

		static Normalisation of(JudgeSummary judge) {
			return new Normalisation(judge.judgeId(), judge.sector().name(), judge.sheetCount(), judge.mean(),
					judge.standardDeviation(), judge.treatment().name());
		}

	}

	/**
	 * One line of the published ranking: every field of {@link RankedProposal}. The rank
	 * interval, percentiles, P(top N) and straddlesCut are null when the round's
	 * uncertainty is unknown; evidence is null for method 1.
	 */
	public record Line(String proposal, int rank, double finalScore, List<SectorScore> sectorScores,
			@Nullable Double voteTotal, @Nullable Double voteScore, List<String> missingSectors,
			@Nullable Double divergence, boolean divergent, boolean tied, boolean inTopN, @Nullable Integer rankLow,
			@Nullable Integer rankHigh, @Nullable Integer bootstrapRankP5, @Nullable Integer bootstrapRankP95,
			@Nullable Double probabilityTopN, @Nullable Boolean straddlesCut, @Nullable Evidence evidence) {

		static Line of(RankedProposal line) {
			List<SectorScore> sectors = new ArrayList<>();
			line.sectorScores()
				.forEach((s) -> sectors.add(new SectorScore(s.sector().name(), s.sheetCount(), s.mean(), s.weight())));
			return new Line(line.proposalId(), line.rank(), line.finalScore(), sectors, line.voteTotal(),
					line.voteScore(), line.missingSectors().stream().map(Enum::name).toList(), line.divergence(),
					line.divergent(), line.tied(), line.inTopN(), line.rankLow(), line.rankHigh(),
					line.bootstrapRankP5(), line.bootstrapRankP95(), line.probabilityTopN(), line.straddlesCut(),
					Evidence.of(line.evidence()));
		}

	}

	/**
	 * A proposal's evidence coverage (method 2).
	 *
	 * @param sheetsRequired k
	 * @param sectors every sector with a minimum above 0, in sector order
	 */
	public record Evidence(int sheetCount, int sheetsRequired, List<SectorEvidence> sectors, boolean sufficient) {

		static @Nullable Evidence of(@Nullable EvidenceCoverage coverage) {
			return (coverage == null) ? null
					: new Evidence(coverage.sheetCount(), coverage.sheetsRequired(),
							coverage.sectors()
								.stream()
								.map((s) -> new SectorEvidence(s.sector().name(), s.sheetCount(), s.minimum()))
								.toList(),
							coverage.sufficient());
		}

	}

	public record SectorEvidence(String sector, int sheetCount, int minimum) {
	}

	/**
	 * Method 2's residual pools: whether any between-judge residual exists, the round
	 * pool's size and spread, and per sector the pool drawn from.
	 */
	public record Uncertainty(boolean known, int residualCount, double spread, List<ResidualPool> sectors) {

		static @Nullable Uncertainty of(org.hacktrail.judging.ranking.@Nullable Uncertainty uncertainty) {
			return (uncertainty == null) ? null : new Uncertainty(uncertainty.known(), uncertainty.residualCount(),
					uncertainty.spread(),
					uncertainty.sectors()
						.stream()
						.map((s) -> new ResidualPool(s.sector().name(), s.residualCount(), s.spread(), s.roundPool()))
						.toList());
		}

	}

	public record ResidualPool(String sector, int residualCount, double spread, boolean roundPool) {
	}

	public record SectorScore(String sector, int sheetCount, double mean, double weight) {
	}

	public record Tie(int rank, List<String> proposals, boolean acrossCut) {

		static Tie of(TieGroup tie) {
			return new Tie(tie.rank(), tie.proposalIds(), tie.acrossCut());
		}

	}

	public record Unranked(String proposal, String reason) {

		static Unranked of(UnrankedProposal unranked) {
			return new Unranked(unranked.proposalId(), unranked.reason());
		}

	}

	/**
	 * The organizers' selection as published.
	 *
	 * @param kind TOP_N, TIE_RESOLVED or OVERRIDE
	 * @param topN the ranking's top N when the selection was made
	 * @param justification an override's, published
	 * @param tieResolution why these among the proposals tied across the cut
	 */
	public record Selection(String kind, List<String> proposals, List<String> topN, @Nullable String justification,
			@Nullable String tieResolution, String decidedAt) {

		static Selection of(org.hacktrail.judging.round.Selection selection) {
			return new Selection(selection.kind().name(), selection.proposalIds(), selection.topN(),
					selection.justification(), selection.tieResolution(), selection.at().toString());
		}

	}

}
