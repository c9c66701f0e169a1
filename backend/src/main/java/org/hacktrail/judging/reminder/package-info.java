/**
 * Reminders to judges with work left in an OPEN round: organizers see who has what left
 * and when it is due, and send one notification per late judge ({@link JudgeReminders}),
 * at most once an hour per judge and round.
 */
@NullMarked
package org.hacktrail.judging.reminder;

import org.jspecify.annotations.NullMarked;
