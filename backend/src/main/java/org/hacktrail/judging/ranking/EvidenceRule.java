package org.hacktrail.judging.ranking;

import org.hacktrail.judging.InputChecks;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.hacktrail.judging.Sector;

/**
 * How much evidence a proposal needs before {@link RankingMethod#RUBRIC_2} proposes it
 * for the top N: the round's k and its sector rule (the same numbers the judge assignment
 * works to).
 *
 * @param judgesPerProposal k, the submitted sheets a proposal needs (at least 1)
 * @param sectorMinimums the sheets each sector must contribute (0 for sectors not given),
 * for every sector in sector order
 */
public record EvidenceRule(int judgesPerProposal, Map<Sector, Integer> sectorMinimums) {

	public static final int DEFAULT_JUDGES_PER_PROPOSAL = 3;

	public EvidenceRule {
		InputChecks.require(judgesPerProposal >= 1,
				"judges per proposal k must be at least 1, got " + judgesPerProposal);
		EnumMap<Sector, Integer> all = new EnumMap<>(Sector.class);
		for (Sector sector : Sector.values()) {
			Integer minimum = (sectorMinimums != null) ? sectorMinimums.get(sector) : null;
			int value = (minimum != null) ? minimum : 0;
			InputChecks.require(value >= 0, "the sector minimum of " + sector + " must not be negative, got " + value);
			all.put(sector, value);
		}
		sectorMinimums = Collections.unmodifiableMap(all);
	}

	/** k = 3, at least one PUBLIC and one PRIVATE sheet (a round's defaults). */
	public static EvidenceRule defaults() {
		return new EvidenceRule(DEFAULT_JUDGES_PER_PROPOSAL, Map.of(Sector.PUBLIC, 1, Sector.PRIVATE, 1));
	}

}
