package org.hacktrail.judging.ranking;

import java.util.List;

import org.hacktrail.judging.Sector;

/**
 * How much of the evidence the round's rule asks for a proposal has
 * ({@link RankingMethod#RUBRIC_2}; docs/judging-method.md, method 2).
 *
 * @param sheetCount the proposal's submitted, counted sheets (all sectors)
 * @param sheetsRequired k, the round's judges per proposal
 * @param sectors every sector with a minimum above 0, in sector order
 * @param sufficient sheetCount ≥ k and every sector at or above its minimum; a proposal
 * without sufficient evidence is ranked but never in the proposed top N
 */
public record EvidenceCoverage(int sheetCount, int sheetsRequired, List<SectorCoverage> sectors, boolean sufficient) {

	public EvidenceCoverage {
		sectors = List.copyOf(sectors);
	}

	/**
	 * @param sheetCount the proposal's sheets from judges of this sector
	 * @param minimum the sector rule's minimum
	 */
	public record SectorCoverage(Sector sector, int sheetCount, int minimum) {
	}

}
