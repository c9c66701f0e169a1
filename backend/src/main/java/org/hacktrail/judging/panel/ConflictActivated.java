package org.hacktrail.judging.panel;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Published (synchronously, in the request that made the decision) when conflicts of
 * interest of one judge are active: rounds take the proposals away from the judge and
 * void sheets already scored. Published again when a conflict that was already active is
 * declared again, so that a step interrupted earlier is repaired; listeners are
 * idempotent.
 *
 * @param judgeUserId the judge's user id
 * @param proposalIds the proposals concerned
 * @param by the user whose action raised it, or null for conflicts Hacktrail found
 */
public record ConflictActivated(String hackathonId, String judgeUserId, List<String> proposalIds, @Nullable String by) {
}
