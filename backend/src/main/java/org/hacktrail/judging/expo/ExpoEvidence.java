package org.hacktrail.judging.expo;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.InputChecks;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.pairwise.Comparison;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwisePriors;
import org.hacktrail.judging.pairwise.PairwiseResult;
import org.hacktrail.judging.pairwise.SectorPairwiseInput;
import org.hacktrail.judging.pairwise.SectorPairwiseResult;
import org.hacktrail.judging.round.ExpoTable;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * Everything a PAIRWISE round's ranking rests on, in the form it is selected on and
 * published: no user or judge record id, judges under their pseudonyms (the same
 * {@code J-…} ids rubric sheets carry in results.json) and comparisons under ids given in
 * their canonical order ({@code C-000001}, …), so the published data gives the published
 * ranking bit for bit.
 *
 * @param priors the method's constants
 * @param minimumComparisons m: a candidate in fewer comparisons has insufficient evidence
 * @param tables the candidates' tables when the ranking was computed, in proposal id
 * order
 * @param judges every judge with an answer, by pseudonym, with their sector
 * @param comparisons every COMPARED visit, in canonical order (sequence, then id)
 * @param skips every SKIPPED visit, by time, then judge and proposal (the public files
 * leave CONFLICT skips out: {@link #published})
 * @param firstVisits visits with nothing to compare (a judge's first table)
 * @param result the ranking of {@link #input} (of a round ranked by sector: the combined
 * ranking of {@code sectors})
 * @param sectors a round ranked by sector (hacktrail-pairwise-2): the sector passes, the
 * divergence and missing sectors; null for hacktrail-pairwise-1
 * @param sectorWeights W_s of a round ranked by sector, every sector in sector order;
 * null for hacktrail-pairwise-1
 */
public record ExpoEvidence(PairwisePriors priors, int minimumComparisons, List<ExpoTable> tables,
		List<PublicJudge> judges, List<PublicComparison> comparisons, List<PublicSkip> skips, int firstVisits,
		PairwiseResult result, @Nullable SectorPairwiseResult sectors, @Nullable Map<Sector, Double> sectorWeights) {

	@PersistenceCreator
	public ExpoEvidence {
		tables = List.copyOf(tables);
		judges = List.copyOf(judges);
		comparisons = List.copyOf(comparisons);
		skips = List.copyOf(skips);
		if (sectorWeights != null) {
			EnumMap<Sector, Double> all = new EnumMap<>(Sector.class);
			for (Sector sector : Sector.values()) {
				Double weight = sectorWeights.get(sector);
				all.put(sector, (weight != null) ? weight : 0.0);
			}
			sectorWeights = Collections.unmodifiableMap(all);
		}
	}

	/** A round without sectors (hacktrail-pairwise-1). */
	public ExpoEvidence(PairwisePriors priors, int minimumComparisons, List<ExpoTable> tables, List<PublicJudge> judges,
			List<PublicComparison> comparisons, List<PublicSkip> skips, int firstVisits, PairwiseResult result) {
		this(priors, minimumComparisons, tables, judges, comparisons, skips, firstVisits, result, null, null);
	}

	/** Whether the round was ranked by sector (hacktrail-pairwise-2). */
	public boolean bySector() {
		return this.sectors != null;
	}

	/**
	 * This evidence as the public files (results.json, results.csv) give it: without the
	 * skips for a CONFLICT of interest, which would tell who had a conflict with which
	 * team. Each judge's skips are counted again without them, and a judge left with
	 * neither a comparison nor a skip is left out, so that no count betrays a skip left
	 * out. Nothing the ranking rests on changes: skips are no comparisons (the method's
	 * input is {@link #comparisons} only).
	 */
	public ExpoEvidence published() {
		List<PublicSkip> kept = this.skips.stream().filter((s) -> s.reason() != ExpoSkipReason.CONFLICT).toList();
		if (kept.size() == this.skips.size()) {
			return this;
		}
		Map<String, Integer> skipsOf = new HashMap<>();
		kept.forEach((s) -> skipsOf.merge(s.judge(), 1, Integer::sum));
		List<PublicJudge> judges = this.judges.stream()
			.map((j) -> new PublicJudge(j.id(), j.sector(), j.comparisons(), skipsOf.getOrDefault(j.id(), 0)))
			.filter((j) -> j.comparisons() > 0 || j.skips() > 0)
			.toList();
		return new ExpoEvidence(this.priors, this.minimumComparisons, this.tables, judges, this.comparisons, kept,
				this.firstVisits, this.result, this.sectors, this.sectorWeights);
	}

	/**
	 * A judge by pseudonym.
	 *
	 * @param comparisons the judge's comparisons
	 * @param skips the judge's skipped tables
	 */
	public record PublicJudge(String id, Sector sector, int comparisons, int skips) {
	}

	/**
	 * One answer "better than the previous one?".
	 *
	 * @param id {@code C-} and the comparison's place in canonical order, from 1, all ids
	 * of a round zero-padded to one width (at least six digits)
	 * @param judge the judge's pseudonym
	 * @param current the proposal at the table the judge answered at
	 * @param previous the proposal the judge had seen before it
	 * @param winner the proposal the judge preferred
	 * @param loser the other one
	 * @param at when the answer was stored
	 * @param sequence the answer's place in time (microseconds since the epoch when
	 * stored), the method's order
	 * @param sector the judge's sector when the answer was stored, in a round ranked by
	 * sector (null otherwise)
	 */
	public record PublicComparison(String id, String judge, String current, String previous, String winner,
			String loser, @Nullable Instant at, long sequence, @Nullable Sector sector) {

		@PersistenceCreator
		public PublicComparison {
		}

		/** A comparison of a round without sectors. */
		public PublicComparison(String id, String judge, String current, String previous, String winner, String loser,
				@Nullable Instant at, long sequence) {
			this(id, judge, current, previous, winner, loser, at, sequence, null);
		}

	}

	/**
	 * A table left without comparing.
	 *
	 * @param at when (null only if unknown)
	 */
	public record PublicSkip(String judge, String proposal, ExpoSkipReason reason, @Nullable Instant at) {
	}

	/**
	 * The method's input as published.
	 * @param candidates the round's candidates
	 * @param cut N
	 * @param replicates B
	 */
	public PairwiseInput input(List<String> candidates, int cut, int replicates, long seed) {
		List<Comparison> list = this.comparisons.stream()
			.map((c) -> new Comparison(c.id(), c.judge(), c.winner(), c.loser(), c.sequence()))
			.toList();
		return new PairwiseInput(candidates, list, this.priors, cut, this.minimumComparisons, replicates, seed);
	}

	/**
	 * The hacktrail-pairwise-2 input as published (a round ranked by sector only): the
	 * comparisons with their sectors, the sector weights.
	 */
	public SectorPairwiseInput sectorInput(List<String> candidates, int cut, int replicates, long seed) {
		InputChecks.require(this.sectorWeights != null, "the round is not ranked by sector");
		Map<String, Sector> sectors = new HashMap<>();
		this.comparisons.forEach((c) -> sectors.put(c.id(), c.sector()));
		return new SectorPairwiseInput(input(candidates, cut, replicates, seed), sectors, this.sectorWeights);
	}

}
