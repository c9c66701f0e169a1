package org.hacktrail.followup;

/**
 * One pitch of a project, as the statistics roll-up attributes outcomes by it: a proposal
 * linked to the project (not a DRAFT, at a hackathon past DRAFT), the first day of its
 * hackathon, and whether the results are public. Kept on the project's follow-up document
 * by the full refresh, so that the roll-up reads a project's pitches with its outcomes
 * instead of holding every project's pitches in memory.
 *
 * @param start the hackathon's first day, ISO (in the hackathon's time zone)
 */
public record ProjectPitch(String proposalId, String start, boolean published) {
}
