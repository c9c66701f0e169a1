/**
 * The ranking of a stored round: {@link RankingService} builds the
 * {@link org.hacktrail.judging.ranking.RankingInput} from the store (the current plan,
 * the counted sheets under pseudonymous judge ids ({@link Pseudonyms}), the vote totals)
 * and runs the plain-Java {@link org.hacktrail.judging.ranking.RubricRanking} on it,
 * cached by the input's fingerprint. A package of its own below the algorithm's so that
 * the algorithm stays free of Spring and the store, while the round (whose rules take the
 * algorithm's rubric and defaults) sits between the two; showing and publishing a ranking
 * is {@code judging.result}'s.
 */
@NullMarked
package org.hacktrail.judging.ranking.service;

import org.jspecify.annotations.NullMarked;
