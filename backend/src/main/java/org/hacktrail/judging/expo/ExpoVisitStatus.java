package org.hacktrail.judging.expo;

/**
 * Where a judge's visit stands: OPEN (sent to the table, not answered yet), VISITED (the
 * judge's first visit, or the first after skips only: nothing to compare with), COMPARED
 * (answered "better than the previous one?"), SKIPPED (team absent, or a conflict).
 */
public enum ExpoVisitStatus {

	OPEN, VISITED, COMPARED, SKIPPED

}
