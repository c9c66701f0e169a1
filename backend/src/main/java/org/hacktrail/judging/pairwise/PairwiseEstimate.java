package org.hacktrail.judging.pairwise;

import org.hacktrail.judging.InputChecks;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The state after the online pass over a round's comparisons: every candidate's score and
 * every judge's reliability. The next-project choice works from it; the ranking adds
 * ranks and uncertainty.
 *
 * @param priors the constants the pass started from
 * @param minimumComparisons a candidate in fewer comparisons has insufficient evidence
 * @param candidates every candidate, in id order
 * @param judges every judge with at least one comparison, in id order
 * @param comparisonsCounted comparisons applied (retried answers counted once)
 * @param judgeUpdatesKept comparisons after which the judge's (α, β) were kept because
 * the moment matching gave no valid Beta ({@link CrowdBt#annotator})
 */
public record PairwiseEstimate(PairwisePriors priors, int minimumComparisons, List<CandidateEstimate> candidates,
		List<JudgeReliability> judges, int comparisonsCounted, int judgeUpdatesKept) {

	private static final Comparator<CandidateEstimate> CANDIDATE_ID = Comparator
		.comparing(CandidateEstimate::candidateId);

	private static final Comparator<JudgeReliability> JUDGE_ID = Comparator.comparing(JudgeReliability::judgeId);

	public PairwiseEstimate {
		candidates = List.copyOf(candidates);
		judges = List.copyOf(judges);
	}

	/** The candidate's estimate; an unknown id is an error. */
	public CandidateEstimate candidate(String candidateId) {
		int index = Collections.binarySearch(this.candidates, new CandidateEstimate(candidateId, 0, 0, 0),
				CANDIDATE_ID);
		InputChecks.require(index >= 0, "'" + candidateId + "' is not among the round's candidates");
		return this.candidates.get(index);
	}

	/** The judge's reliability; a judge without comparisons has the prior. */
	public JudgeReliability judge(String judgeId) {
		int index = Collections.binarySearch(this.judges, new JudgeReliability(judgeId, 0, 0, 0), JUDGE_ID);
		return (index >= 0) ? this.judges.get(index)
				: new JudgeReliability(judgeId, this.priors.alpha(), this.priors.beta(), 0);
	}

}
