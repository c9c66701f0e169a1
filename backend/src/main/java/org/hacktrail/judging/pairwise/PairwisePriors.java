package org.hacktrail.judging.pairwise;

import org.hacktrail.judging.InputChecks;

import static org.hacktrail.judging.InputChecks.require;

/**
 * The constants of Crowd-BT (Chen et al. 2013), with Gavel's values as the defaults
 * ({@link #gavel()}): every candidate starts at score μ₀ with variance σ₀², every judge
 * with reliability Beta(α₀, β₀) — a prior belief that a judge agrees with the true order
 * α₀ / (α₀ + β₀) of the time (10 / 11 ≈ 91 %).
 *
 * @param mu a candidate's prior score μ₀ (Gavel 0)
 * @param sigmaSquared a candidate's prior variance σ₀² (Gavel 1)
 * @param alpha a judge's prior α₀ (Gavel 10)
 * @param beta a judge's prior β₀ (Gavel 1)
 * @param kappa the floor κ of the factor that shrinks a variance, keeping it positive
 * (Gavel 0.0001)
 * @param gamma the weight γ of what a comparison teaches about the judge against what it
 * teaches about the candidates, in the expected information gain (Gavel 0.1)
 */
public record PairwisePriors(double mu, double sigmaSquared, double alpha, double beta, double kappa, double gamma) {

	public PairwisePriors {
		InputChecks.finite(mu, "prior score μ₀");
		require(Double.isFinite(sigmaSquared) && sigmaSquared > 0, "prior variance σ₀² must be above 0");
		require(Double.isFinite(alpha) && alpha > 0, "prior α₀ must be above 0");
		require(Double.isFinite(beta) && beta > 0, "prior β₀ must be above 0");
		require(Double.isFinite(kappa) && kappa > 0 && kappa <= 1, "κ must be in (0, 1]");
		InputChecks.nonNegative(gamma, "γ");
	}

	/** μ₀ = 0, σ₀² = 1, α₀ = 10, β₀ = 1, κ = 0.0001, γ = 0.1 (Gavel's crowd_bt.py). */
	public static PairwisePriors gavel() {
		return new PairwisePriors(0.0, 1.0, 10.0, 1.0, 0.0001, 0.1);
	}

}
