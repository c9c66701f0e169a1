package org.hacktrail.judging.expo;

/**
 * Why a judge left a table without comparing: the team was ABSENT, or the judge has a
 * CONFLICT of interest (noticed at the table, or declared after the judge was sent
 * there). A judge's CONFLICT skip declares the conflict of interest (source EXPO_SKIP);
 * published results leave CONFLICT skips out, so that they do not tell who had a conflict
 * with which team.
 */
public enum ExpoSkipReason {

	ABSENT, CONFLICT

}
