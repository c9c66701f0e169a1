package org.hacktrail.judging.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.expo.ExpoEvidence;
import org.hacktrail.judging.pairwise.JudgeReliability;
import org.hacktrail.judging.pairwise.PairwisePriors;
import org.hacktrail.judging.pairwise.RankedCandidate;
import org.hacktrail.judging.pairwise.SectorPairwiseResult;
import org.hacktrail.judging.pairwise.SectorPass;
import org.hacktrail.judging.pairwise.SectorRanking;
import org.hacktrail.judging.round.ExpoTable;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A published PAIRWISE (expo) round in {@code results.json} (format hacktrail-results-6;
 * 4 and 5 also listed skips for a conflict of interest): everything
 * {@code hacktrail-pairwise-1} is computed from — its parameters and priors, the
 * candidates with their tables, every comparison (pair, winner, time, place in the
 * method's order) under the judges' pseudonyms — the tables skipped because the team was
 * absent, and the ranking, the judges' reliability and the selection as published.
 * Written by Jackson as {@link ResultsJson} is: each record an object of its components
 * in order.
 *
 * @param publishedAt null only when the round's publication time is unknown
 * @param algorithmVersion {@code hacktrail-pairwise-1}
 * @param judges every judge with a comparison or a listed skip, by pseudonym
 * @param comparisons every comparison, in the method's canonical order
 * @param skips every table a judge left without comparing because the team was absent (a
 * skip for a conflict of interest is not published)
 * @param ranking every candidate, by rank, then proposal id
 * @param judgeReliability Crowd-BT's Beta(α, β) per judge after the last comparison, by
 * pseudonym (hacktrail-pairwise-2: per sector and judge, each with its sector)
 * @param sectors hacktrail-pairwise-2 only (format hacktrail-results-5 on): the sector
 * weights, every sector's scores and each proposal's divergence and missing sectors; left
 * out of hacktrail-pairwise-1 rounds, which are otherwise written as in format 4
 */
public record PairwiseResultsJson(String id, ResultsJson.@Nullable Text name, String kind, @Nullable String publishedAt,
		String algorithmVersion, Parameters parameters, List<Proposal> proposals, List<Judge> judges,
		List<Comparison> comparisons, List<Skip> skips, Summary summary, List<Line> ranking,
		List<Reliability> judgeReliability, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Sectors sectors,
		List<ResultsJson.Tie> ties, ResultsJson.Selection selection) implements ResultsJson.RoundEntry {

	/** Whether this round is ranked by sector (hacktrail-pairwise-2). */
	@JsonIgnore
	boolean bySector() {
		return this.sectors != null;
	}

	/**
	 * The round as published, from its snapshot: CONFLICT skips are left out
	 * ({@link ExpoEvidence#published}), also from rounds published before they were.
	 */
	static PairwiseResultsJson of(PublishedRound results, ExpoEvidence snapshot, @Nullable Instant publishedAt,
			Map<String, LocalizedText> titles) {
		ExpoEvidence expo = snapshot.published();
		Map<String, ExpoTable> tables = new java.util.HashMap<>();
		expo.tables().forEach((t) -> tables.put(t.proposalId(), t));
		return new PairwiseResultsJson(results.id(), ResultsJson.Text.of(results.name()), results.kind().name(),
				(publishedAt != null) ? publishedAt.toString() : null, expo.result().algorithmVersion(),
				new Parameters(results.cut(), expo.minimumComparisons(),
						results.ranking().round().bootstrapReplicates(), Long.toUnsignedString(results.config().seed()),
						Priors.of(expo.priors())),
				results.proposalIds()
					.stream()
					.map((id) -> new Proposal(id, ResultsJson.Text.of(titles.get(id)), Table.of(tables.get(id))))
					.toList(),
				expo.judges()
					.stream()
					.map((j) -> new Judge(j.id(), (j.sector() != null) ? j.sector().name() : null, j.comparisons(),
							j.skips()))
					.toList(),
				expo.comparisons()
					.stream()
					.map((c) -> new Comparison(c.id(), c.judge(), c.current(), c.previous(), c.winner(), c.loser(),
							(c.at() != null) ? c.at().toString() : null, c.sequence(),
							(c.sector() != null) ? c.sector().name() : null))
					.toList(),
				expo.skips()
					.stream()
					.map((s) -> new Skip(s.judge(), s.proposal(), s.reason().name(),
							(s.at() != null) ? s.at().toString() : null))
					.toList(),
				new Summary(results.proposalIds().size(), expo.result().comparisonsCounted(), expo.firstVisits(),
						expo.skips().size(), expo.judges().size(), expo.result().judgeUpdatesKept()),
				expo.result().ranking().stream().map(Line::of).toList(), reliabilities(expo),
				Sectors.of(expo, results.proposalIds()),
				results.ranking().ties().stream().map(ResultsJson.Tie::of).toList(),
				ResultsJson.Selection.of(results.selection()));
	}

	private static List<Reliability> reliabilities(ExpoEvidence expo) {
		SectorPairwiseResult sectors = expo.sectors();
		if (sectors == null) {
			return expo.result().judges().stream().map(Reliability::of).toList();
		}
		List<Reliability> list = new ArrayList<>();
		for (SectorPass pass : sectors.sectors()) {
			for (JudgeReliability r : pass.judges()) {
				list.add(new Reliability(r.judgeId(), r.alpha(), r.beta(), r.reliability(), r.comparisons(),
						pass.sector().name()));
			}
		}
		return list;
	}

	/**
	 * A round ranked by sector (docs/judging-method-pairwise.md, "P7. Sectors").
	 *
	 * @param weights W_s of every sector, in sector order
	 * @param divergenceThreshold divergence strictly above it is flagged
	 * @param passes every sector's Crowd-BT pass, in sector order
	 * @param proposals per proposal in id order: divergence, its flag, missing sectors
	 */
	public record Sectors(List<SectorWeight> weights, double divergenceThreshold, List<SectorPassJson> passes,
			List<ProposalSectors> proposals) {

		static @Nullable Sectors of(ExpoEvidence expo, List<String> proposalIds) {
			SectorPairwiseResult sectors = expo.sectors();
			if (sectors == null) {
				return null;
			}
			List<SectorWeight> weights = sectors.sectors()
				.stream()
				.map((p) -> new SectorWeight(p.sector().name(), p.weight()))
				.toList();
			List<SectorPassJson> passes = sectors.sectors()
				.stream()
				.map((p) -> new SectorPassJson(p.sector().name(), p.weight(), p.comparisonsCounted(),
						p.judgeUpdatesKept(),
						p.candidates()
							.stream()
							.map((c) -> new SectorScoreJson(c.candidateId(), c.mu(), c.sigmaSquared(), c.comparisons()))
							.toList()))
				.toList();
			List<ProposalSectors> proposals = sectors.candidates()
				.stream()
				.map((c) -> new ProposalSectors(c.candidateId(), c.divergence(), c.divergent(),
						c.missingSectors().stream().map(Enum::name).toList()))
				.toList();
			return new Sectors(weights, SectorRanking.DIVERGENCE_THRESHOLD, passes, proposals);
		}

	}

	public record SectorWeight(String sector, double weight) {
	}

	/**
	 * @param comparisonsCounted the sector's comparisons
	 * @param judgeUpdatesKept of those, the ones after which a judge's (α, β) were kept
	 * @param scores every proposal in id order: μ_s, σ_s² and its comparisons in this
	 * sector (the prior and 0 when the sector never compared it)
	 */
	public record SectorPassJson(String sector, double weight, int comparisonsCounted, int judgeUpdatesKept,
			List<SectorScoreJson> scores) {
	}

	public record SectorScoreJson(String proposal, double score, double variance, int comparisons) {
	}

	/**
	 * @param divergence |μ_PUBLIC − μ_PRIVATE| / √(σ²_PUBLIC + σ²_PRIVATE); null unless
	 * both sectors compared the proposal
	 * @param missingSectors weighted sectors that never compared it
	 */
	public record ProposalSectors(String proposal, @Nullable Double divergence, boolean divergent,
			List<String> missingSectors) {
	}

	/**
	 * @param outstandingQuota N
	 * @param minimumComparisons m: fewer comparisons is insufficient evidence
	 * @param bootstrapReplicates B
	 * @param seed the bootstrap seed, an unsigned 64-bit decimal
	 * @param priors the method's constants
	 */
	public record Parameters(int outstandingQuota, int minimumComparisons, int bootstrapReplicates, String seed,
			Priors priors) {
	}

	/**
	 * Crowd-BT's constants (docs/judging-method-pairwise.md, "Inputs").
	 */
	public record Priors(double mu, double sigmaSquared, double alpha, double beta, double kappa, double gamma) {

		static Priors of(PairwisePriors p) {
			return new Priors(p.mu(), p.sigmaSquared(), p.alpha(), p.beta(), p.kappa(), p.gamma());
		}

	}

	public record Proposal(String id, ResultsJson.@Nullable Text title, @Nullable Table table) {
	}

	public record Table(String label, @Nullable Integer tableNumber, @Nullable Double x, @Nullable Double y) {

		static @Nullable Table of(@Nullable ExpoTable table) {
			return (table == null) ? null : new Table(table.label(), table.tableNumber(), table.x(), table.y());
		}

	}

	/**
	 * @param id the judge's pseudonym, as on rubric sheets
	 * @param sector the judge's sector when published
	 */
	public record Judge(String id, @Nullable String sector, int comparisons, int skips) {
	}

	/**
	 * @param current the proposal at the table where the judge answered
	 * @param previous the proposal seen before it
	 * @param at when the answer was stored
	 * @param sequence the method's order: ascending sequence, then id
	 * @param sector the judge's sector when answering (hacktrail-pairwise-2 only; left
	 * out otherwise)
	 */
	public record Comparison(String id, String judge, String current, String previous, String winner, String loser,
			@Nullable String at, long sequence, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String sector) {
	}

	/**
	 * @param reason ABSENT (the team was not there) or CONFLICT (the judge's conflict of
	 * interest)
	 */
	public record Skip(String judge, String proposal, String reason, @Nullable String at) {
	}

	/**
	 * @param firstVisits visits with nothing to compare (a judge's first table)
	 * @param judgeUpdatesKept comparisons after which a judge's (α, β) were kept
	 */
	public record Summary(int candidateCount, int comparisonsCounted, int firstVisits, int skipCount, int judgeCount,
			int judgeUpdatesKept) {
	}

	/**
	 * One line of the published ranking: every field of {@link RankedCandidate}.
	 */
	public record Line(String proposal, int rank, double score, double variance, int comparisons,
			boolean sufficientEvidence, boolean tied, boolean inTopN, int rankLow, int rankHigh, int rankP5,
			int rankP95, double probabilityTopN, boolean straddlesCut) {

		static Line of(RankedCandidate c) {
			return new Line(c.candidateId(), c.rank(), c.score(), c.variance(), c.comparisons(), c.sufficientEvidence(),
					c.tied(), c.inTopN(), c.rankLow(), c.rankHigh(), c.rankP5(), c.rankP95(), c.probabilityTopN(),
					c.straddlesCut());
		}

	}

	/**
	 * @param reliability α / (α + β)
	 * @param sector the sector whose pass this is (hacktrail-pairwise-2 only; left out
	 * otherwise)
	 */
	public record Reliability(String judge, double alpha, double beta, double reliability, int comparisons,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String sector) {

		static Reliability of(JudgeReliability r) {
			return new Reliability(r.judgeId(), r.alpha(), r.beta(), r.reliability(), r.comparisons(), null);
		}

	}

}
