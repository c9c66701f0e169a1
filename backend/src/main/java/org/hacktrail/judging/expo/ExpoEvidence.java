package org.hacktrail.judging.expo;

import java.time.Instant;
import java.util.List;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.pairwise.Comparison;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwisePriors;
import org.hacktrail.judging.pairwise.PairwiseResult;
import org.hacktrail.judging.round.ExpoTable;
import org.jspecify.annotations.Nullable;

/**
 * Everything a PAIRWISE round's ranking rests on, in the form it is selected on and
 * published: no user or judge record id, judges under their pseudonyms (the same
 * {@code J-…} ids rubric sheets carry in results.json) and comparisons under ids given in
 * their canonical order ({@code C-000001}, …), so the published data gives the published
 * ranking bit for bit.
 *
 * @param priors the method's constants
 * @param minimumComparisons m: a candidate in fewer comparisons has insufficient evidence
 * @param tables the candidates' tables when the ranking was computed, in proposal id
 * order
 * @param judges every judge with an answer, by pseudonym, with their sector
 * @param comparisons every COMPARED visit, in canonical order (sequence, then id)
 * @param skips every SKIPPED visit, by time, then judge and proposal
 * @param firstVisits visits with nothing to compare (a judge's first table)
 * @param result the ranking of {@link #input}
 */
public record ExpoEvidence(PairwisePriors priors, int minimumComparisons, List<ExpoTable> tables,
		List<PublicJudge> judges, List<PublicComparison> comparisons, List<PublicSkip> skips, int firstVisits,
		PairwiseResult result) {

	public ExpoEvidence {
		tables = List.copyOf(tables);
		judges = List.copyOf(judges);
		comparisons = List.copyOf(comparisons);
		skips = List.copyOf(skips);
	}

	/**
	 * A judge by pseudonym.
	 *
	 * @param comparisons the judge's comparisons
	 * @param skips the judge's skipped tables
	 */
	public record PublicJudge(String id, Sector sector, int comparisons, int skips) {
	}

	/**
	 * One answer "better than the previous one?".
	 *
	 * @param id {@code C-} and the comparison's place in canonical order, from 1, all ids
	 * of a round zero-padded to one width (at least six digits)
	 * @param judge the judge's pseudonym
	 * @param current the proposal at the table the judge answered at
	 * @param previous the proposal the judge had seen before it
	 * @param winner the proposal the judge preferred
	 * @param loser the other one
	 * @param at when the answer was stored
	 * @param sequence the answer's place in time (microseconds since the epoch when
	 * stored), the method's order
	 */
	public record PublicComparison(String id, String judge, String current, String previous, String winner,
			String loser, @Nullable Instant at, long sequence) {
	}

	/**
	 * A table left without comparing.
	 *
	 * @param at when (null only if unknown)
	 */
	public record PublicSkip(String judge, String proposal, ExpoSkipReason reason, @Nullable Instant at) {
	}

	/**
	 * The method's input as published.
	 * @param candidates the round's candidates
	 * @param cut N
	 * @param replicates B
	 */
	public PairwiseInput input(List<String> candidates, int cut, int replicates, long seed) {
		List<Comparison> list = this.comparisons.stream()
			.map((c) -> new Comparison(c.id(), c.judge(), c.winner(), c.loser(), c.sequence()))
			.toList();
		return new PairwiseInput(candidates, list, this.priors, cut, this.minimumComparisons, replicates, seed);
	}

}
