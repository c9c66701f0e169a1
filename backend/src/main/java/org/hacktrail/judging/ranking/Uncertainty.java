package org.hacktrail.judging.ranking;

import java.util.List;

import org.hacktrail.judging.Sector;

/**
 * What the bootstrap of {@link RankingMethod#RUBRIC_2} drew its spread from: the
 * between-judge residuals of the whole round, pooled per sector (docs/judging-method.md,
 * method 2).
 *
 * @param known whether the round pool has at least
 * {@link RubricRanking#MIN_POOL_RESIDUALS} residuals; when not (few or no proposals have
 * two sheets of one sector), every rank interval and P(top N) is unknown (null), never
 * certain
 * @param residualCount residuals in the round pool (all sectors)
 * @param spread √(mean of the squared residuals) of the round pool (0 when empty)
 * @param sectors per sector in sector order, the pool its draws come from
 */
public record Uncertainty(boolean known, int residualCount, double spread, List<ResidualPool> sectors) {

	public Uncertainty {
		sectors = List.copyOf(sectors);
	}

	/**
	 * @param residualCount the sector's own residuals
	 * @param spread √(mean of the squared residuals) of the pool drawn from
	 * @param roundPool true when the sector's own pool has fewer than
	 * {@link RubricRanking#MIN_POOL_RESIDUALS} residuals and the round pool is drawn from
	 * instead
	 */
	public record ResidualPool(Sector sector, int residualCount, double spread, boolean roundPool) {
	}

}
