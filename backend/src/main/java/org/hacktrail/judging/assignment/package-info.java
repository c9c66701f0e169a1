/**
 * Assignment of judges to proposals as plain Java: conflicts respected, sector mix,
 * balanced load, seeded and deterministic, with every unmet rule named per proposal.
 * Entry point {@link JudgeAssigner}.
 * <p>
 * Multi-round judging needs nothing special: the next round is assigned by running
 * {@link JudgeAssigner#assign} on the previous round's shortlist as its proposals (with
 * that round's judges, conflicts, k and seed).
 */
@NullMarked
package org.hacktrail.judging.assignment;

import org.jspecify.annotations.NullMarked;
