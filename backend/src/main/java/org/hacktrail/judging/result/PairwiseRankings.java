package org.hacktrail.judging.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.judging.pairwise.CandidateEstimate;
import org.hacktrail.judging.pairwise.CandidateSectors;
import org.hacktrail.judging.pairwise.JudgeReliability;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwiseResult;
import org.hacktrail.judging.pairwise.RankedCandidate;
import org.hacktrail.judging.pairwise.SectorPairwiseResult;
import org.hacktrail.judging.pairwise.SectorPass;
import org.hacktrail.judging.ranking.EvidenceCoverage;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.RoundSummary;
import org.hacktrail.judging.ranking.SectorScore;
import org.hacktrail.judging.ranking.TieGroup;
import org.hacktrail.judging.round.RoundConfig;
import org.jspecify.annotations.Nullable;

/**
 * A PAIRWISE round's ranking in the shape every round's ranking is shown, selected and
 * published in ({@link RankingResult}), so that pairwise rounds go through the same
 * selection, open cases and publication as rubric rounds. Each line is the candidate's:
 * rank, final score = its score μ, tie, top N, rank interval, percentiles, P(top N) and
 * straddle flag as {@code hacktrail-pairwise-1} computed them; its evidence is its
 * comparisons against m (no sector minimums). A tie group is across the cut when the cut
 * runs through its members with sufficient evidence, ranked among such candidates (as in
 * hacktrail-rubric-2). Nothing rubric-only is filled in: no sector scores, vote,
 * divergence, normalisation or sheets; the summary's sheet count is the comparisons
 * counted.
 */
final class PairwiseRankings {

	private PairwiseRankings() {
	}

	static RankingResult asRankingResult(PairwiseInput input, PairwiseResult result, RoundConfig config) {
		return asRankingResult(input, result, config, null);
	}

	/**
	 * With {@code sectors} (hacktrail-pairwise-2), each line also has its sector scores
	 * (μ_s of every sector that compared it, with its comparisons and W_s), its missing
	 * sectors, the divergence and its flag, and the evidence rule's sectors (each
	 * weighted sector needs a comparison): so the open cases DIVERGENT_SECTORS and
	 * MISSING_SECTORS are raised as for a rubric round.
	 */
	static RankingResult asRankingResult(PairwiseInput input, PairwiseResult result, RoundConfig config,
			@Nullable SectorPairwiseResult sectors) {
		int cut = input.outstandingQuota();
		int minimumComparisons = input.minimumComparisons();
		List<RankedProposal> lines = new ArrayList<>();
		Map<Integer, List<String>> byRank = new LinkedHashMap<>();
		Map<String, Integer> index = new HashMap<>();
		input.candidateIds().forEach((id) -> index.put(id, index.size()));
		for (RankedCandidate c : result.ranking()) {
			if (sectors == null) {
				lines.add(new RankedProposal(c.candidateId(), c.rank(), c.score(), List.of(), null, null, List.of(),
						null, false, c.tied(), c.inTopN(), c.rankLow(), c.rankHigh(), c.rankP5(), c.rankP95(),
						c.probabilityTopN(), c.straddlesCut(),
						new EvidenceCoverage(c.comparisons(), minimumComparisons, List.of(), c.sufficientEvidence())));
			}
			else {
				int i = index.get(c.candidateId());
				List<SectorScore> scores = new ArrayList<>();
				List<EvidenceCoverage.SectorCoverage> coverage = new ArrayList<>();
				for (SectorPass pass : sectors.sectors()) {
					CandidateEstimate estimate = pass.candidates().get(i);
					if (estimate.comparisons() > 0) {
						scores
							.add(new SectorScore(pass.sector(), estimate.comparisons(), estimate.mu(), pass.weight()));
					}
					if (pass.weight() > 0) {
						coverage.add(new EvidenceCoverage.SectorCoverage(pass.sector(), estimate.comparisons(), 1));
					}
				}
				CandidateSectors flags = sectors.candidates().get(i);
				lines.add(new RankedProposal(c.candidateId(), c.rank(), c.score(), scores, null, null,
						flags.missingSectors(), flags.divergence(), flags.divergent(), c.tied(), c.inTopN(),
						c.rankLow(), c.rankHigh(), c.rankP5(), c.rankP95(), c.probabilityTopN(), c.straddlesCut(),
						new EvidenceCoverage(c.comparisons(), minimumComparisons, coverage, c.sufficientEvidence())));
			}
			byRank.computeIfAbsent(c.rank(), (r) -> new ArrayList<>()).add(c.candidateId());
		}
		Set<String> sufficient = new HashSet<>();
		result.ranking()
			.stream()
			.filter(RankedCandidate::sufficientEvidence)
			.forEach((c) -> sufficient.add(c.candidateId()));
		List<TieGroup> ties = new ArrayList<>();
		for (Map.Entry<Integer, List<String>> group : byRank.entrySet()) {
			if (group.getValue().size() < 2) {
				continue;
			}
			int rank = group.getKey();
			long above = result.ranking().stream().filter((c) -> c.rank() < rank && c.sufficientEvidence()).count();
			long counted = group.getValue().stream().filter(sufficient::contains).count();
			int first = (int) above + 1;
			ties.add(new TieGroup(rank, group.getValue(), first <= cut && cut < first + counted - 1));
		}
		RoundSummary summary = new RoundSummary(result.ranking().size(), result.ranking().size(),
				result.comparisonsCounted(),
				(int) result.judges().stream().map(JudgeReliability::judgeId).distinct().count(), 0, 0, 0, false,
				config.sectorWeights(), null, cut, input.bootstrapReplicates(), input.seed());
		return new RankingResult(result.algorithmVersion(), summary, lines, ties, List.of(), List.of(), List.of(),
				null);
	}

}
