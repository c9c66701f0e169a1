package org.hacktrail.judging.round;

import org.hacktrail.hackathon.LocalizedText;

/**
 * One criterion of a round's rubric.
 *
 * @param id stable key of the criterion (sheets' scores are keyed by it); criteria are
 * summed in id order
 * @param name zh-TW and/or English name
 * @param description what judges look at, zh-TW and/or English
 * @param weight relative weight ≥ 0 (normalised to sum 1 over the rubric)
 * @param scaleMin lowest score
 * @param scaleMax highest score
 */
public record RubricCriterion(String id, LocalizedText name, LocalizedText description, double weight, double scaleMin,
		double scaleMax) {
}
