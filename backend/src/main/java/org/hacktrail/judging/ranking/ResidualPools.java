package org.hacktrail.judging.ranking;

import java.util.ArrayList;
import java.util.List;

import org.hacktrail.judging.Sector;

/**
 * Method 2's residuals (docs/judging-method.md, M2): per sector (by ordinal) the pool its
 * bootstrap draws come from, and what is published about them.
 *
 * @param drawFrom per sector ordinal, the residuals its draws come from
 * @param uncertainty what the result publishes about the pools
 */
record ResidualPools(double[][] drawFrom, Uncertainty uncertainty) {

	private static final Sector[] SECTORS = Sector.values();

	private static final int G = SECTORS.length;

	/**
	 * Method 2's residual pools: per sector, over every proposal (id order) with c ≥ 2
	 * sheets of that sector, (n − mean_g) · √(c / (c − 1)) for each sheet in judge id
	 * order; the round pool is the sector pools one after the other in sector order. A
	 * sector draws from its own pool when it has at least
	 * {@link RubricRanking#MIN_POOL_RESIDUALS} residuals, otherwise from the round pool;
	 * a round pool smaller than that leaves the spread unknown (no bootstrap).
	 */
	static ResidualPools of(int proposalCount, int[] groupCount, int[] groupStart, double[] groupValues,
			double[] groupMean) {
		double[][] own = new double[G][];
		int roundSize = 0;
		for (int g = 0; g < G; g++) {
			int size = 0;
			for (int p = 0; p < proposalCount; p++) {
				int count = groupCount[p * G + g];
				size += (count >= 2) ? count : 0;
			}
			own[g] = new double[size];
			int next = 0;
			for (int p = 0; p < proposalCount; p++) {
				int count = groupCount[p * G + g];
				if (count >= 2) {
					double factor = Math.sqrt((double) count / (count - 1));
					for (int v = groupStart[p * G + g]; v < groupStart[p * G + g + 1]; v++) {
						own[g][next++] = (groupValues[v] - groupMean[p * G + g]) * factor;
					}
				}
			}
			roundSize += size;
		}
		double[] round = new double[roundSize];
		int next = 0;
		for (int g = 0; g < G; g++) {
			System.arraycopy(own[g], 0, round, next, own[g].length);
			next += own[g].length;
		}
		double roundSpread = RubricRanking.rootMeanSquare(round);
		double[][] drawFrom = new double[G][];
		List<Uncertainty.ResidualPool> sectors = new ArrayList<>(G);
		for (int g = 0; g < G; g++) {
			boolean roundPool = own[g].length < RubricRanking.MIN_POOL_RESIDUALS;
			drawFrom[g] = roundPool ? round : own[g];
			sectors.add(new Uncertainty.ResidualPool(SECTORS[g], own[g].length,
					roundPool ? roundSpread : RubricRanking.rootMeanSquare(own[g]), roundPool));
		}
		return new ResidualPools(drawFrom,
				new Uncertainty(roundSize >= RubricRanking.MIN_POOL_RESIDUALS, roundSize, roundSpread, sectors));
	}

}
