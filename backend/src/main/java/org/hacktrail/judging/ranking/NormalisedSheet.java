package org.hacktrail.judging.ranking;

import org.hacktrail.judging.Sector;

/**
 * One sheet's total before and after judge normalisation.
 *
 * @param proposalId the proposal
 * @param judgeId the pseudonymous judge id
 * @param sector the judge's sector
 * @param total r = Σ w_c · s_c
 * @param normalised n
 */
public record NormalisedSheet(String proposalId, String judgeId, Sector sector, double total, double normalised) {
}
