package org.hacktrail.judging.pairwise;

/**
 * The formulas of Crowd-BT (Chen, Bennett, Collins-Thompson and Horvitz 2013, "Pairwise
 * ranking aggregation in a crowdsourced setting", WSDM '13, §3–4) as Gavel implements
 * them ({@code anishathalye/gavel}, {@code gavel/crowd_bt.py}): one comparison updates
 * the judge's Beta(α, β) reliability and both candidates' normal N(μ, σ²) scores by
 * moment matching, from the values before the comparison; the expected information gain
 * of a comparison not yet made chooses the next project.
 * <p>
 * Every expression is evaluated exactly in the order written in
 * {@code docs/judging-method-pairwise.md} (IEEE double, no fused multiply-add), with
 * {@link StrictMath} (fdlibm) for exp and log, so the same inputs give the same bits on
 * every JVM.
 */
public final class CrowdBt {

	private CrowdBt() {
	}

	/**
	 * What one comparison changes.
	 *
	 * @param alpha the judge's α after the comparison
	 * @param beta the judge's β after
	 * @param muWinner the winner's μ after
	 * @param sigmaSquaredWinner the winner's σ² after
	 * @param muLoser the loser's μ after
	 * @param sigmaSquaredLoser the loser's σ² after
	 * @param judgeUpdated false when the moment matching had no valid answer and the
	 * judge's α and β were kept (see {@link #annotator})
	 */
	public record Step(double alpha, double beta, double muWinner, double sigmaSquaredWinner, double muLoser,
			double sigmaSquaredLoser, boolean judgeUpdated) {
	}

	/**
	 * The judge's reliability after the comparison, and c, the probability the model gave
	 * the answer before it was made.
	 *
	 * @param alpha α after (α before when not {@code updated})
	 * @param beta β after (β before when not {@code updated})
	 * @param c the probability that this judge says "winner over loser"
	 * @param updated whether the moment matching gave a valid Beta
	 */
	public record Annotator(double alpha, double beta, double c, boolean updated) {
	}

	/** Applies one comparison (Gavel's {@code update}). */
	public static Step update(double alpha, double beta, double muWinner, double sigmaSquaredWinner, double muLoser,
			double sigmaSquaredLoser, double kappa) {
		Annotator judge = annotator(alpha, beta, muWinner, sigmaSquaredWinner, muLoser, sigmaSquaredLoser);
		double ew = StrictMath.exp(muWinner);
		double el = StrictMath.exp(muLoser);
		double muFactor = (alpha * ew) / (alpha * ew + beta * el) - ew / (ew + el);
		double reliable = alpha * ew + beta * el;
		double plain = ew + el;
		double varianceFactor = (alpha * ew * beta * el) / (reliable * reliable) - (ew * el) / (plain * plain);
		return new Step(judge.alpha(), judge.beta(), muWinner + sigmaSquaredWinner * muFactor,
				sigmaSquaredWinner * Math.max(1 + sigmaSquaredWinner * varianceFactor, kappa),
				muLoser - sigmaSquaredLoser * muFactor,
				sigmaSquaredLoser * Math.max(1 + sigmaSquaredLoser * varianceFactor, kappa), judge.updated());
	}

	/**
	 * The judge's part of the update (Gavel's {@code _updated_annotator}): c₁, the
	 * model's probability (to second order in σ²) that the winner is truly better; c the
	 * probability of this answer; then the first two moments of the judge's reliability
	 * given the answer, matched by a Beta. When c₁ is not strictly between 0 and 1, or
	 * the matched α or β is not a finite number above 0, the moments do not describe a
	 * Beta and α, β are kept (a guard Gavel does not have: it would store the invalid
	 * values).
	 */
	public static Annotator annotator(double alpha, double beta, double muWinner, double sigmaSquaredWinner,
			double muLoser, double sigmaSquaredLoser) {
		double ew = StrictMath.exp(muWinner);
		double el = StrictMath.exp(muLoser);
		double sum = ew + el;
		double c1 = ew / sum
				+ 0.5 * (sigmaSquaredWinner + sigmaSquaredLoser) * (ew * el * (el - ew)) / (sum * sum * sum);
		double c2 = 1 - c1;
		double c = (c1 * alpha + c2 * beta) / (alpha + beta);
		double expt = (c1 * (alpha + 1) * alpha + c2 * alpha * beta) / (c * (alpha + beta + 1) * (alpha + beta));
		double exptSquared = (c1 * (alpha + 2) * (alpha + 1) * alpha + c2 * (alpha + 1) * alpha * beta)
				/ (c * (alpha + beta + 2) * (alpha + beta + 1) * (alpha + beta));
		double variance = exptSquared - expt * expt;
		double newAlpha = (expt - exptSquared) * expt / variance;
		double newBeta = (expt - exptSquared) * (1 - expt) / variance;
		boolean valid = c1 > 0 && c1 < 1 && Double.isFinite(newAlpha) && Double.isFinite(newBeta) && newAlpha > 0
				&& newBeta > 0;
		return valid ? new Annotator(newAlpha, newBeta, c, true) : new Annotator(alpha, beta, c, false);
	}

	/**
	 * Gavel's {@code expected_information_gain} of asking a judge with reliability (α, β)
	 * to compare candidate a (the one the judge just saw) with candidate b: the expected
	 * Kullback–Leibler divergence from the current to the updated distributions of both
	 * candidates, plus γ times that of the judge, over the two answers weighted by the
	 * probability c of "a over b". A result that is not a finite number counts as 0.
	 */
	public static double expectedInformationGain(double alpha, double beta, double muA, double sigmaSquaredA,
			double muB, double sigmaSquaredB, double kappa, double gamma) {
		Step aWins = update(alpha, beta, muA, sigmaSquaredA, muB, sigmaSquaredB, kappa);
		double c = annotator(alpha, beta, muA, sigmaSquaredA, muB, sigmaSquaredB).c();
		Step bWins = update(alpha, beta, muB, sigmaSquaredB, muA, sigmaSquaredA, kappa);
		double gain = c
				* (klNormal(aWins.muWinner(), aWins.sigmaSquaredWinner(), muA, sigmaSquaredA)
						+ klNormal(aWins.muLoser(), aWins.sigmaSquaredLoser(), muB, sigmaSquaredB)
						+ gamma * klBeta(aWins.alpha(), aWins.beta(), alpha, beta))
				+ (1 - c) * (klNormal(bWins.muLoser(), bWins.sigmaSquaredLoser(), muA, sigmaSquaredA)
						+ klNormal(bWins.muWinner(), bWins.sigmaSquaredWinner(), muB, sigmaSquaredB)
						+ gamma * klBeta(bWins.alpha(), bWins.beta(), alpha, beta));
		return Double.isFinite(gain) ? gain : 0.0;
	}

	/**
	 * KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = (μ₁ − μ₂)² / (2σ₂²) + (r − 1 − ln r) / 2, r =
	 * σ₁²/σ₂².
	 */
	public static double klNormal(double mu1, double sigmaSquared1, double mu2, double sigmaSquared2) {
		double ratio = sigmaSquared1 / sigmaSquared2;
		double difference = mu1 - mu2;
		return difference * difference / (2 * sigmaSquared2) + (ratio - 1 - StrictMath.log(ratio)) / 2;
	}

	/** KL(Beta(α₁, β₁) ‖ Beta(α₂, β₂)), Gavel's {@code divergence_beta}. */
	public static double klBeta(double alpha1, double beta1, double alpha2, double beta2) {
		return logBeta(alpha2, beta2) - logBeta(alpha1, beta1) + (alpha1 - alpha2) * digamma(alpha1)
				+ (beta1 - beta2) * digamma(beta1) + (alpha2 - alpha1 + beta2 - beta1) * digamma(alpha1 + beta1);
	}

	/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
	static double logBeta(double a, double b) {
		return logGamma(a) + logGamma(b) - logGamma(a + b);
	}

	/**
	 * ln Γ(x) for x &gt; 0: the recurrence Γ(x) = Γ(x + 1) / x up to x ≥ 10, then
	 * Stirling's series to the x⁻⁹ term (error below 10⁻¹³).
	 */
	static double logGamma(double x) {
		double shift = 0;
		double y = x;
		while (y < 10) {
			shift += StrictMath.log(y);
			y += 1;
		}
		double inverse = 1 / y;
		double inverseSquared = inverse * inverse;
		double series = inverse * (1.0 / 12 - inverseSquared * (1.0 / 360
				- inverseSquared * (1.0 / 1260 - inverseSquared * (1.0 / 1680 - inverseSquared * (1.0 / 1188)))));
		return (y - 0.5) * StrictMath.log(y) - y + 0.5 * StrictMath.log(2 * Math.PI) + series - shift;
	}

	/**
	 * ψ(x) for x &gt; 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the
	 * asymptotic series to the x⁻¹⁰ term (error below 10⁻¹³).
	 */
	static double digamma(double x) {
		double shift = 0;
		double y = x;
		while (y < 10) {
			shift -= 1 / y;
			y += 1;
		}
		double f = 1 / (y * y);
		double series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
		return shift + StrictMath.log(y) - 0.5 / y - series;
	}

}
