package org.hacktrail.judging.ranking;

import static org.hacktrail.judging.InputChecks.present;
import static org.hacktrail.judging.InputChecks.require;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The criteria of a round, kept sorted by criterion id: that order is the summation order
 * of every weighted sum, so the arithmetic (to the last bit) does not depend on the order
 * the criteria were given in.
 */
public record Rubric(List<Criterion> criteria) {

	public Rubric {
		present(criteria, "rubric criteria");
		require(!criteria.isEmpty(), "a rubric needs at least one criterion");
		List<Criterion> sorted = new ArrayList<>(criteria.size());
		Set<String> seen = new HashSet<>();
		for (Criterion criterion : criteria) {
			present(criterion, "a rubric criterion");
			require(seen.add(criterion.id()), "duplicate criterion id '" + criterion.id() + "'");
			sorted.add(criterion);
		}
		sorted.sort(Comparator.comparing(Criterion::id));
		criteria = List.copyOf(sorted);
		double sum = 0;
		for (Criterion criterion : criteria) {
			sum += criterion.weight();
		}
		require(sum > 0, "rubric criterion weights must add up to more than 0");
	}

	/**
	 * A rubric whose criteria share one scale, e.g.
	 * {@code uniform(1, 10, Map.of("impact", 2.0, "team", 1.0))}.
	 */
	public static Rubric uniform(double scaleMin, double scaleMax, Map<String, Double> weights) {
		present(weights, "rubric weights");
		List<Criterion> criteria = new ArrayList<>();
		weights.forEach((id, weight) -> criteria
			.add(new Criterion(id, present(weight, "weight of '" + id + "'"), scaleMin, scaleMax)));
		return new Rubric(criteria);
	}

	/**
	 * Weights divided by their sum (summed in criterion id order), in criterion id order:
	 * w_c = weight_c / Σ weight.
	 */
	public double[] normalisedWeights() {
		double sum = 0;
		for (Criterion criterion : this.criteria) {
			sum += criterion.weight();
		}
		double[] weights = new double[this.criteria.size()];
		for (int c = 0; c < weights.length; c++) {
			weights[c] = this.criteria.get(c).weight() / sum;
		}
		return weights;
	}

	/** Lowest possible sheet total, Σ w_c · min_c in criterion id order. */
	public double totalMin() {
		double[] weights = normalisedWeights();
		double total = 0;
		for (int c = 0; c < weights.length; c++) {
			total += weights[c] * this.criteria.get(c).scaleMin();
		}
		return total;
	}

	/** Highest possible sheet total, Σ w_c · max_c in criterion id order. */
	public double totalMax() {
		double[] weights = normalisedWeights();
		double total = 0;
		for (int c = 0; c < weights.length; c++) {
			total += weights[c] * this.criteria.get(c).scaleMax();
		}
		return total;
	}

}
