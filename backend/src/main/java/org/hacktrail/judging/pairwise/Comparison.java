package org.hacktrail.judging.pairwise;

import static org.hacktrail.judging.InputChecks.nonBlank;
import static org.hacktrail.judging.InputChecks.require;

/**
 * One answer of a judge at a table: "this one is better than the previous one" (or the
 * other way round), stored as winner and loser.
 *
 * @param comparisonId the client-generated id of the answer; a retried answer carries the
 * same id and counts once
 * @param judgeId the (pseudonymous) judge
 * @param winnerId the candidate the judge preferred
 * @param loserId the other candidate
 * @param sequence the answer's place in time, given by the service when it first stored
 * the answer (a retry keeps the first number); comparisons are applied in ascending
 * sequence, then ascending comparison id
 */
public record Comparison(String comparisonId, String judgeId, String winnerId, String loserId, long sequence) {

	public Comparison {
		nonBlank(comparisonId, "comparison id");
		nonBlank(judgeId, "judge id of comparison '" + comparisonId + "'");
		nonBlank(winnerId, "winner of comparison '" + comparisonId + "'");
		nonBlank(loserId, "loser of comparison '" + comparisonId + "'");
		require(!winnerId.equals(loserId),
				"comparison '" + comparisonId + "' compares candidate '" + winnerId + "' with itself");
	}

}
