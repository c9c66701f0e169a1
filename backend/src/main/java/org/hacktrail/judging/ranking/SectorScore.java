package org.hacktrail.judging.ranking;

import org.hacktrail.judging.Sector;

/**
 * One sector's view of one proposal.
 *
 * @param sector the sector
 * @param sheetCount how many of the proposal's sheets come from this sector
 * @param mean mean of the normalised totals n of those sheets
 * @param weight the sector's configured weight W_g
 */
public record SectorScore(Sector sector, int sheetCount, double mean, double weight) {
}
