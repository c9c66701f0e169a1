/**
 * Ranking, selection, publication and open data: the ranking input built from the
 * submitted sheets under pseudonymous judge ids, {@code RubricRanking} run on it, the
 * organizers' selection (top N, a resolved tie, or an override with its published
 * justification), publication (a frozen snapshot, proposal moves, the hackathon's phase)
 * and the results.json / results.csv export.
 */
@NullMarked
package org.hacktrail.judging.result;

import org.jspecify.annotations.NullMarked;
