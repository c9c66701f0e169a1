package org.hacktrail.judging.ranking;

import static org.hacktrail.judging.InputChecks.finite;
import static org.hacktrail.judging.InputChecks.nonBlank;
import static org.hacktrail.judging.InputChecks.nonNegative;
import static org.hacktrail.judging.InputChecks.require;

/**
 * One rubric criterion.
 *
 * @param id stable id, also the key of a sheet's scores
 * @param weight relative weight, ≥ 0; weights are normalised to sum 1 across the rubric
 * @param scaleMin lowest allowed score
 * @param scaleMax highest allowed score (above {@code scaleMin})
 */
public record Criterion(String id, double weight, double scaleMin, double scaleMax) {

	/**
	 * Bound on |scale| so that {@code F × 10^9} (tie keys) stays exact in a 64-bit
	 * integer.
	 */
	public static final double MAX_ABS_SCALE = 1_000_000;

	public Criterion {
		nonBlank(id, "criterion id");
		nonNegative(weight, "criterion '" + id + "': weight");
		finite(scaleMin, "criterion '" + id + "': scale minimum");
		finite(scaleMax, "criterion '" + id + "': scale maximum");
		require(scaleMin < scaleMax,
				"criterion '" + id + "': scale minimum " + scaleMin + " must be below the maximum " + scaleMax);
		require(Math.abs(scaleMin) <= MAX_ABS_SCALE && Math.abs(scaleMax) <= MAX_ABS_SCALE,
				"criterion '" + id + "': scale bounds must lie within ±" + MAX_ABS_SCALE);
	}

}
