package org.hacktrail.proposal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a proposal's history: who moved it, when, from where to where, and why.
 *
 * @param from the status before, or null for the proposal's creation
 * @param by the user who made the change; null for an automatic change nobody triggered
 * @param actor in which capacity the change was made
 */
public record StatusChange(@Nullable ProposalStatus from, ProposalStatus to, Instant at, @Nullable String by,
		ProposalLifecycle.Actor actor, @Nullable String reason) {
}
