package org.hacktrail.judging.reminder;

/**
 * Why a judge got no reminder: nothing left to do in the round, reminded less than an
 * hour ago, or not an active judge (invited, declined or dropped).
 */
public enum ReminderSkipReason {

	NOTHING_LEFT, RECENTLY_REMINDED, NOT_ACTIVE

}
