package org.hacktrail.judging.pairwise;

/**
 * What the comparisons say about a judge: Crowd-BT's reliability η_k, the probability
 * that the judge's answer agrees with the true order, believed to follow Beta(α, β). In
 * plain terms: {@link #reliability()} is how often this judge is expected to pick the
 * better project (1 always, 0.5 a coin toss, below 0.5 more often wrong than right); α +
 * β grows with the evidence.
 *
 * @param judgeId the (pseudonymous) judge
 * @param alpha α
 * @param beta β
 * @param comparisons the judge's comparisons counted
 */
public record JudgeReliability(String judgeId, double alpha, double beta, int comparisons) {

	/** α / (α + β): the expected share of this judge's answers that are right. */
	public double reliability() {
		return this.alpha / (this.alpha + this.beta);
	}

}
