package org.hacktrail.judging.pairwise;

import static org.hacktrail.judging.InputChecks.present;
import static org.hacktrail.judging.InputChecks.require;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.Sector;

/**
 * Everything a {@value SectorRanking#ALGORITHM_VERSION} ranking depends on: the pairwise
 * input (candidates, comparisons in canonical order, priors, N, m, B, seed), the sector
 * of each comparison's judge when the comparison was made, and the round's sector
 * weights.
 *
 * @param pairwise the comparisons and parameters, as for {@code hacktrail-pairwise-1}
 * @param sectors the sector of every comparison, by comparison id (every comparison of
 * {@code pairwise} must have one; extra ids are refused)
 * @param weights W_s per sector, each a finite number ≥ 0, their sum above 0; a sector
 * left out weighs 0
 */
public record SectorPairwiseInput(PairwiseInput pairwise, Map<String, Sector> sectors, Map<Sector, Double> weights) {

	public SectorPairwiseInput {
		present(pairwise, "pairwise input");
		present(sectors, "sectors of the comparisons");
		present(weights, "sector weights");
		Map<String, Sector> kept = new HashMap<>();
		for (Comparison comparison : pairwise.comparisons()) {
			Sector sector = sectors.get(comparison.comparisonId());
			require(sector != null, "comparison '" + comparison.comparisonId() + "' has no sector");
			kept.put(comparison.comparisonId(), sector);
		}
		require(kept.size() == sectors.size(), "sectors are given for " + (sectors.size() - kept.size())
				+ " comparison id(s) that are not among the comparisons");
		sectors = Collections.unmodifiableMap(kept);
		EnumMap<Sector, Double> all = new EnumMap<>(Sector.class);
		double total = 0;
		for (Sector sector : Sector.values()) {
			Double weight = weights.get(sector);
			double w = (weight != null) ? weight : 0.0;
			require(Double.isFinite(w) && w >= 0, "the weight of " + sector + " must be a finite number ≥ 0, got " + w);
			all.put(sector, w);
			total += w;
		}
		require(total > 0, "at least one sector weight must be above 0");
		weights = Collections.unmodifiableMap(all);
	}

	/** The sector's comparisons, in canonical order, as a pairwise input of its own. */
	public PairwiseInput of(Sector sector) {
		List<Comparison> mine = this.pairwise.comparisons()
			.stream()
			.filter((c) -> this.sectors.get(c.comparisonId()) == sector)
			.toList();
		PairwiseInput p = this.pairwise;
		return new PairwiseInput(p.candidateIds(), mine, p.priors(), p.outstandingQuota(), p.minimumComparisons(),
				p.bootstrapReplicates(), p.seed());
	}

	/** W_s. */
	public double weight(Sector sector) {
		return this.weights.get(sector);
	}

}
