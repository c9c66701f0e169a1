/**
 * Judges' written feedback for the teams: one text per judge × proposal × round, written
 * on a score sheet or at an expo table, apart from the sheet's private comment. Teams
 * read it, anonymously numbered, once the round is published; organizers can hide one
 * with a reason ({@link TeamFeedbackService}).
 */
@NullMarked
package org.hacktrail.judging.feedback;

import org.jspecify.annotations.NullMarked;
