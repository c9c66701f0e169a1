/**
 * A round's timetable for judges: when scoring is due, each proposal's pitch order and
 * room ({@link RoundSchedules}); shown on the judge's list.
 */
@NullMarked
package org.hacktrail.judging.schedule;

import org.jspecify.annotations.NullMarked;
