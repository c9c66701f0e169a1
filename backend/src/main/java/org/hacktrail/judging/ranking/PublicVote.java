package org.hacktrail.judging.ranking;

import static org.hacktrail.judging.InputChecks.finite;
import static org.hacktrail.judging.InputChecks.nonBlank;
import static org.hacktrail.judging.InputChecks.nonNegative;
import static org.hacktrail.judging.InputChecks.present;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public vote as one more group in the final score.
 * <p>
 * Mapping onto the score scale (deterministic, no randomness): with v_p the vote total of
 * proposal p (0 for a round proposal absent from {@code totals}), v_min and v_max the
 * lowest and highest totals over all the round's proposals, and [R_min, R_max] the
 * rubric's sheet-total range ({@link Rubric#totalMin()}, {@link Rubric#totalMax()}):
 * {@code vote_p = R_min + (R_max − R_min) · (v_p − v_min) / (v_max − v_min)}, or the
 * midpoint {@code (R_min + R_max) / 2} for every proposal when all totals are equal. The
 * most-voted proposal thus gets the top of the rubric scale and the least-voted the
 * bottom. This is the raw scale, not the judges' normalised spread, so the vote usually
 * spreads wider than judge means: choose its weight with that in mind. The vote is not
 * resampled by the bootstrap.
 *
 * @param totals vote total per proposal id (e.g. number of votes, or quadratic-vote
 * totals); finite, may be negative
 * @param weight weight of the vote group, ≥ 0, on the same footing as the sector weights
 */
public record PublicVote(Map<String, Double> totals, double weight) {

	public PublicVote {
		present(totals, "public vote totals");
		nonNegative(weight, "public vote weight");
		TreeMap<String, Double> sorted = new TreeMap<>();
		totals.forEach((proposal, total) -> sorted.put(nonBlank(proposal, "public vote proposal id"), finite(
				present(total, "public vote total of '" + proposal + "'"), "public vote total of '" + proposal + "'")));
		totals = Collections.unmodifiableSortedMap(sorted);
	}

}
