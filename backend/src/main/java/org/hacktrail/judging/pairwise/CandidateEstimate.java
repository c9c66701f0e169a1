package org.hacktrail.judging.pairwise;

/**
 * A candidate's score after the online pass over the comparisons.
 *
 * @param candidateId the candidate
 * @param mu μ, the mean of its score (Bradley–Terry log-strength)
 * @param sigmaSquared σ², the variance of its score
 * @param comparisons the comparisons it took part in
 */
public record CandidateEstimate(String candidateId, double mu, double sigmaSquared, int comparisons) {
}
