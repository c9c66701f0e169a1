/**
 * The rubric-mode ranking as plain Java: sheet totals, judge normalisation, sector means,
 * final score, divergence, bootstrap rank intervals and ties. Entry point
 * {@link RubricRanking#rank}; the method is written out in {@code docs/judging-method.md}
 * so the public can recompute it.
 */
@NullMarked
package org.hacktrail.judging.ranking;

import org.jspecify.annotations.NullMarked;
