package org.hacktrail.judging.ranking;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link RubricRanking#rank}. Every list has a stable order, so a result
 * serialises identically for identical inputs.
 *
 * @param algorithmVersion the method's version ({@link RankingMethod#version()})
 * @param round round-level statistics and the parameters used
 * @param ranking ranked proposals by F descending (as rounded for ties), then proposal id
 * — the id order is for a stable display only; ties are in {@code ties}
 * @param ties groups of two or more proposals sharing a rank, by rank
 * @param unranked round proposals without a final score, by id
 * @param judges per-judge normalisation, by judge id
 * @param sheets every sheet's total and normalised total, by proposal id then judge id
 * @param uncertainty what the bootstrap's spread was drawn from (method 2; null for
 * method 1)
 */
public record RankingResult(String algorithmVersion, RoundSummary round, List<RankedProposal> ranking,
		List<TieGroup> ties, List<UnrankedProposal> unranked, List<JudgeSummary> judges, List<NormalisedSheet> sheets,
		@Nullable Uncertainty uncertainty) {

	public RankingResult {
		ranking = List.copyOf(ranking);
		ties = List.copyOf(ties);
		unranked = List.copyOf(unranked);
		judges = List.copyOf(judges);
		sheets = List.copyOf(sheets);
	}

}
