package org.hacktrail.judging.ranking;

import org.hacktrail.judging.InputChecks;

import java.util.ArrayList;
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
	 * A proposal's coverage against the rule, the one place the rule is applied.
	 * @param sheetsPerSector the proposal's counted sheets per sector, by
	 * {@link Sector#ordinal()}
	 */
	public static EvidenceCoverage of(EvidenceRule rule, int[] sheetsPerSector) {
		Sector[] all = Sector.values();
		InputChecks.require(sheetsPerSector.length == all.length, "one sheet count per sector");
		int sheets = 0;
		boolean enough = true;
		List<SectorCoverage> sectors = new ArrayList<>();
		for (Sector sector : all) {
			int count = sheetsPerSector[sector.ordinal()];
			int minimum = rule.sectorMinimums().get(sector);
			sheets += count;
			enough &= count >= minimum;
			if (minimum > 0) {
				sectors.add(new SectorCoverage(sector, count, minimum));
			}
		}
		return new EvidenceCoverage(sheets, rule.judgesPerProposal(), sectors,
				enough && sheets >= rule.judgesPerProposal());
	}

	/**
	 * @param sheetCount the proposal's sheets from judges of this sector
	 * @param minimum the sector rule's minimum
	 */
	public record SectorCoverage(Sector sector, int sheetCount, int minimum) {
	}

}
