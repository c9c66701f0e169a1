package org.hacktrail.hackathon;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The deadlines an organizer plans for an edition's phases, each optional; they are
 * announced (the edition's page, the public calendar), not enforced: a phase still moves
 * when an organizer moves it. When given, they come in this order.
 *
 * @param proposalDeadline the last moment to send a proposal
 * @param teamFormation when teams should be formed
 * @param judging when judging ends
 */
public record PlannedDeadlines(@Nullable Instant proposalDeadline, @Nullable Instant teamFormation,
		@Nullable Instant judging) {

	public boolean isEmpty() {
		return this.proposalDeadline == null && this.teamFormation == null && this.judging == null;
	}

}
