package org.hacktrail.judging.pairwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * One comparison, computed by hand and from the paper's formulas written another way,
 * against {@link CrowdBt}.
 */
class PairwiseCrowdBtTests {

	static final double KAPPA = 0.0001;

	@Test
	void aFirstComparisonBetweenTwoUnknownCandidatesMatchesTheHandComputation() {
		// μ = 0, σ² = 1 for both, α = 10, β = 1. exp(0) = 1, so p = 1/2 and the
		// second-order
		// term of c₁ vanishes: c₁ = c₂ = c = 1/2.
		// E[η] = (½·11·10 + ½·10·1) / (½·12·11) = 60/66 = 10/11;
		// E[η²] = (½·12·11·10 + ½·11·10·1) / (½·13·12·11) = 715/858 = 5/6;
		// Var = 5/6 − 100/121 = 5/726; α' = (10/11 − 5/6)·(10/11)/(5/726) = 10, β' = 1:
		// a comparison between two equal candidates says nothing about the judge.
		// μ factor = 10/11 − 1/2 = 9/22; σ² factor = 10/121 − 1/4 = −81/484.
		CrowdBt.Step step = CrowdBt.update(10, 1, 0, 1, 0, 1, KAPPA);
		assertThat(step.alpha()).isCloseTo(10, within(1e-12));
		assertThat(step.beta()).isCloseTo(1, within(1e-12));
		assertThat(step.muWinner()).isCloseTo(9.0 / 22, within(1e-15));
		assertThat(step.muLoser()).isCloseTo(-9.0 / 22, within(1e-15));
		assertThat(step.sigmaSquaredWinner()).isCloseTo(403.0 / 484, within(1e-15));
		assertThat(step.sigmaSquaredLoser()).isCloseTo(403.0 / 484, within(1e-15));
		assertThat(step.judgeUpdated()).isTrue();
	}

	@Test
	void anUpsetMatchesThePapersFormulasWrittenWithTheLogisticFunction() {
		// The paper's update (Chen et al. 2013, eqs. 7–12) with p = 1 / (1 + e^(μ_l −
		// μ_w))
		// instead of Gavel's e^μ_w / (e^μ_w + e^μ_l): an independent arrangement that
		// agrees to rounding. The winner was believed weaker (an upset).
		double alpha = 7.5;
		double beta = 2.25;
		double muW = -0.4;
		double s2W = 0.6;
		double muL = 0.9;
		double s2L = 0.35;
		double p = 1 / (1 + Math.exp(muL - muW));
		double c1 = p + 0.5 * (s2W + s2L) * p * (1 - p) * (1 - 2 * p);
		double c2 = 1 - c1;
		double c = (c1 * alpha + c2 * beta) / (alpha + beta);
		double n = alpha + beta;
		double eEta = alpha / n;
		double eEta2 = alpha * (alpha + 1) / (n * (n + 1));
		double eEta3 = alpha * (alpha + 1) * (alpha + 2) / (n * (n + 1) * (n + 2));
		// Posterior ∝ (c₁ η + c₂ (1 − η)) Beta(α, β).
		double m1 = (c1 * eEta2 + c2 * (eEta - eEta2)) / c;
		double m2 = (c1 * eEta3 + c2 * (eEta2 - eEta3)) / c;
		double expectedAlpha = m1 * (m1 - m2) / (m2 - m1 * m1);
		double expectedBeta = (1 - m1) * (m1 - m2) / (m2 - m1 * m1);
		double muFactor = alpha * p / (alpha * p + beta * (1 - p)) - p;
		double varianceFactor = alpha * beta * p * (1 - p) / Math.pow(alpha * p + beta * (1 - p), 2) - p * (1 - p);

		CrowdBt.Step step = CrowdBt.update(alpha, beta, muW, s2W, muL, s2L, KAPPA);

		assertThat(step.alpha()).isCloseTo(expectedAlpha, within(1e-11));
		assertThat(step.beta()).isCloseTo(expectedBeta, within(1e-11));
		assertThat(step.muWinner()).isCloseTo(muW + s2W * muFactor, within(1e-14));
		assertThat(step.muLoser()).isCloseTo(muL - s2L * muFactor, within(1e-14));
		assertThat(step.sigmaSquaredWinner()).isCloseTo(s2W * Math.max(1 + s2W * varianceFactor, KAPPA), within(1e-14));
		assertThat(step.sigmaSquaredLoser()).isCloseTo(s2L * Math.max(1 + s2L * varianceFactor, KAPPA), within(1e-14));
		// An upset lowers the judge's reliability and moves the winner up, the loser
		// down.
		assertThat(step.alpha() / (step.alpha() + step.beta())).isLessThan(alpha / (alpha + beta));
		assertThat(step.muWinner()).isGreaterThan(muW);
		assertThat(step.muLoser()).isLessThan(muL);
	}

	@Test
	void theVarianceFloorKappaKeepsAVariancePositive() {
		// A tiny reliable judge factor cannot make σ² negative: 1 + σ²·factor is floored
		// at κ.
		CrowdBt.Step step = CrowdBt.update(1000, 0.001, 0, 50, 0, 50, KAPPA);
		assertThat(step.sigmaSquaredWinner()).isEqualTo(50 * KAPPA);
		assertThat(step.sigmaSquaredLoser()).isEqualTo(50 * KAPPA);
	}

	@Test
	void anInvalidMomentMatchKeepsTheJudgesReliability() {
		// σ² so large that the second-order c₁ leaves (0, 1): the moments describe no
		// Beta.
		double muW = -1.5;
		double muL = 0;
		CrowdBt.Annotator judge = CrowdBt.annotator(10, 1, muW, 30, muL, 30);
		assertThat(judge.updated()).isFalse();
		assertThat(judge.alpha()).isEqualTo(10);
		assertThat(judge.beta()).isEqualTo(1);
	}

	@Test
	void divergencesAndSpecialFunctionsMatchKnownValues() {
		assertThat(CrowdBt.digamma(1)).isCloseTo(-0.5772156649015329, within(1e-13));
		assertThat(CrowdBt.digamma(0.5)).isCloseTo(-1.9635100260214235, within(1e-13));
		// ψ(n + ½) = −γ − 2 ln 2 + Σ_{k=1..n} 2/(2k − 1); n = 23.
		assertThat(CrowdBt.digamma(23.5)).isCloseTo(3.135572954863945, within(1e-13));
		assertThat(CrowdBt.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
		assertThat(CrowdBt.logGamma(1)).isCloseTo(0, within(1e-13));
		assertThat(CrowdBt.logGamma(11)).isCloseTo(Math.log(3628800), within(1e-12));
		assertThat(CrowdBt.logGamma(0.1)).isCloseTo(2.252712651734206, within(1e-12));
		assertThat(CrowdBt.klNormal(1, 2, 0, 1)).isCloseTo(0.5 + (2 - 1 - Math.log(2)) / 2, within(1e-15));
		assertThat(CrowdBt.klNormal(0.3, 0.7, 0.3, 0.7)).isZero();
		assertThat(CrowdBt.klBeta(10, 1, 10, 1)).isCloseTo(0, within(1e-12));
		// KL(Beta(2,1) ‖ Beta(1,1)) = ∫ 2x ln(2x) dx = ln 2 − 1/2.
		assertThat(CrowdBt.klBeta(2, 1, 1, 1)).isCloseTo(Math.log(2) - 0.5, within(1e-12));
	}

	@Test
	void theExpectedGainIsLargestForTheMostUncertainPartner() {
		double known = CrowdBt.expectedInformationGain(10, 1, 0, 0.5, 0.1, 0.05, KAPPA, 0.1);
		double unknown = CrowdBt.expectedInformationGain(10, 1, 0, 0.5, 0.1, 1, KAPPA, 0.1);
		double farApart = CrowdBt.expectedInformationGain(10, 1, 0, 0.5, 4, 0.05, KAPPA, 0.1);
		assertThat(unknown).isGreaterThan(known).isPositive();
		assertThat(known).isGreaterThan(farApart).isPositive();
		// Symmetric in which of the two the judge saw first.
		assertThat(CrowdBt.expectedInformationGain(10, 1, 0.1, 1, 0, 0.5, KAPPA, 0.1)).isCloseTo(unknown,
				within(1e-12));
	}

}
