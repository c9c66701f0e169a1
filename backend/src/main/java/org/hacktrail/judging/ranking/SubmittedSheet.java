package org.hacktrail.judging.ranking;

import static org.hacktrail.judging.InputChecks.nonBlank;
import static org.hacktrail.judging.InputChecks.present;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.hacktrail.judging.Sector;

/**
 * A submitted, complete score sheet: one judge's scores for one proposal. Scores are kept
 * in a map sorted by criterion id so a serialised sheet is stable. Completeness and scale
 * are checked against the rubric by {@link RankingInput}.
 *
 * @param judgeId the judge's pseudonymous id (stable within a hackathon)
 * @param sector the judge's sector
 * @param proposalId the proposal scored
 * @param scores score per criterion id
 */
public record SubmittedSheet(String judgeId, Sector sector, String proposalId, Map<String, Double> scores) {

	public SubmittedSheet {
		nonBlank(judgeId, "sheet judge id");
		nonBlank(proposalId, "sheet proposal id");
		// Messages are built only when a check fails: a round has tens of thousands of
		// sheets.
		if (sector == null || scores == null) {
			present(sector, which(judgeId, proposalId) + ": sector");
			present(scores, which(judgeId, proposalId) + ": scores");
		}
		TreeMap<String, Double> sorted = new TreeMap<>();
		scores.forEach((criterion, score) -> {
			if (criterion == null || criterion.isBlank() || score == null) {
				nonBlank(criterion, which(judgeId, proposalId) + ": criterion id");
				present(score, which(judgeId, proposalId) + ": score for '" + criterion + "'");
			}
			sorted.put(criterion, score);
		});
		scores = Collections.unmodifiableSortedMap(sorted);
	}

	private static String which(String judgeId, String proposalId) {
		return "sheet of judge '" + judgeId + "' on proposal '" + proposalId + "'";
	}

}
