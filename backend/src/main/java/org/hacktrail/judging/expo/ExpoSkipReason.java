package org.hacktrail.judging.expo;

/**
 * Why a judge left a table without comparing: the team was ABSENT, or the judge has a
 * CONFLICT of interest (noticed at the table, or declared after the judge was sent
 * there).
 */
public enum ExpoSkipReason {

	ABSENT, CONFLICT

}
