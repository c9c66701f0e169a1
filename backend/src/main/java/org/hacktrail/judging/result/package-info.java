/**
 * Selection, publication and open data: a round's ranking as shown (live to organizers,
 * the published snapshot to everyone after; computed by {@code judging.ranking.service}),
 * the organizers' selection (top N, a resolved tie, or an override with its published
 * justification), publication (a frozen snapshot, proposal moves, the hackathon's phase)
 * and the results.json / results.csv export.
 */
@NullMarked
package org.hacktrail.judging.result;

import org.jspecify.annotations.NullMarked;
