package org.hacktrail.judging.feedback;

/**
 * Where a judge wrote the feedback: on a RUBRIC round's score sheet or at an expo table.
 */
public enum TeamFeedbackSource {

	SCORE_SHEET, EXPO_VISIT

}
