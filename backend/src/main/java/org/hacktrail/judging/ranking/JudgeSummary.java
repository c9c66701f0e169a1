package org.hacktrail.judging.ranking;

import org.hacktrail.judging.Sector;

/**
 * How one judge's totals were normalised.
 *
 * @param judgeId pseudonymous judge id
 * @param sector the judge's sector
 * @param sheetCount submitted sheets of this judge in the round
 * @param mean μ_judge, mean of the judge's totals r
 * @param standardDeviation σ_judge, population standard deviation of the judge's totals r
 * @param treatment which rule produced the judge's normalised totals
 */
public record JudgeSummary(String judgeId, Sector sector, int sheetCount, double mean, double standardDeviation,
		Treatment treatment) {

	public enum Treatment {

		/** n = μ + σ · (r − μ_judge) / σ_judge. */
		Z_SCORE,

		/**
		 * Fewer than 3 sheets: n = μ + (r − μ_judge), the raw totals shifted so their
		 * mean is μ.
		 */
		SHIFTED,

		/**
		 * σ_judge = 0 (all totals equal, within the spread tolerance): n = μ, no spread
		 * information.
		 */
		NO_SPREAD,

		/** Normalisation off: n = r. */
		RAW

	}

}
