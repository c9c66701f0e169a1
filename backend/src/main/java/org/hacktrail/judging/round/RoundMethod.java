package org.hacktrail.judging.round;

/**
 * How a round's judges judge: RUBRIC (score sheets on the round's rubric, the default) or
 * PAIRWISE (expo judging: judges walk from table to table and say whether this proposal
 * is better than the previous one; method {@code hacktrail-pairwise-1}). Chosen while the
 * round is DRAFT.
 */
public enum RoundMethod {

	RUBRIC, PAIRWISE

}
