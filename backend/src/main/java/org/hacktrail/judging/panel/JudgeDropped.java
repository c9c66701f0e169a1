package org.hacktrail.judging.panel;

/**
 * Published when an organizer drops a judge from a hackathon's panel: every round that is
 * still being set up or scored gives the judge's proposals to other judges.
 */
public record JudgeDropped(String hackathonId, String judgeUserId, String reason, String by) {
}
