package org.hacktrail.judging.assignment;

import org.jspecify.annotations.Nullable;

import org.hacktrail.judging.Sector;

/**
 * How many proposals a judge was given.
 *
 * @param judgeId the judge
 * @param sector the judge's sector
 * @param load number of proposals assigned
 * @param maxLoad the judge's limit, or null for none
 */
public record JudgeLoad(String judgeId, Sector sector, int load, @Nullable Integer maxLoad) {
}
