package org.hacktrail.judging.pairwise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hacktrail.judging.SplitMix64;

/**
 * A simulated expo for the tests: candidates of known quality at tables 1..n along a row,
 * judges who walk from table to table as {@link NextProject} sends them (in turn, judge
 * by judge) and answer "better than the previous one?" — reliable judges by the
 * Bradley–Terry model of the true qualities, adversarial judges always the wrong way
 * round. Everything is seeded, so a run replays exactly.
 */
final class ExpoSimulation {

	enum Kind {

		RELIABLE, ADVERSARIAL

	}

	/** What happened: the answers in order and where each judge was sent. */
	record Run(List<Comparison> comparisons, List<String> visits, PairwiseInput input) {
	}

	private ExpoSimulation() {
	}

	/** Candidate i (0-based) is "P" + two digits, true quality (n − 1 − i) · step. */
	static List<String> candidates(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(String.format("P%02d", i + 1));
		}
		return ids;
	}

	static Map<String, Location> tables(List<String> candidates) {
		Map<String, Location> tables = new LinkedHashMap<>();
		for (int i = 0; i < candidates.size(); i++) {
			tables.put(candidates.get(i), Location.table(i + 1));
		}
		return tables;
	}

	static Run run(int candidateCount, double qualityStep, List<Kind> judges, int visitsPerJudge, long seed,
			Map<String, Set<String>> conflicts) {
		List<String> candidates = candidates(candidateCount);
		Map<String, Location> tables = tables(candidates);
		Map<String, Double> quality = new HashMap<>();
		for (int i = 0; i < candidateCount; i++) {
			quality.put(candidates.get(i), (candidateCount - 1 - i) * qualityStep);
		}
		SplitMix64 answers = new SplitMix64(seed ^ 0x5EED);
		List<String> judgeIds = new ArrayList<>();
		Map<String, Set<String>> seen = new HashMap<>();
		Map<String, String> at = new HashMap<>();
		for (int j = 0; j < judges.size(); j++) {
			String id = "J" + (j + 1) + (judges.get(j) == Kind.ADVERSARIAL ? "-adversarial" : "");
			judgeIds.add(id);
			seen.put(id, new HashSet<>());
		}
		List<Comparison> comparisons = new ArrayList<>();
		List<String> visits = new ArrayList<>();
		for (int visit = 0; visit < visitsPerJudge; visit++) {
			for (int j = 0; j < judgeIds.size(); j++) {
				String judge = judgeIds.get(j);
				PairwiseEstimate estimate = PairwiseRanking
					.estimate(PairwiseInput.of(candidates, comparisons, 3, seed));
				String current = at.get(judge);
				NextChoice choice = NextProject.choose(estimate,
						NextProjectRequest.of(judge, current, seen.get(judge), at, conflicts, tables, seed));
				if (choice.candidateId() == null) {
					continue;
				}
				String next = choice.candidateId();
				visits.add(judge + "→" + next + " (" + choice.reason() + ")");
				if (current != null) {
					double p = 1 / (1 + Math.exp(quality.get(current) - quality.get(next)));
					boolean nextTrulyBetter = ((answers.nextLong() >>> 11) * 0x1.0p-53) < p;
					boolean nextWins = (judges.get(j) == Kind.ADVERSARIAL) ? quality.get(next) < quality.get(current)
							: nextTrulyBetter;
					String winner = nextWins ? next : current;
					String loser = nextWins ? current : next;
					comparisons.add(new Comparison("c" + comparisons.size(), judge, winner, loser, comparisons.size()));
				}
				seen.get(judge).add(next);
				at.put(judge, next);
			}
		}
		return new Run(List.copyOf(comparisons), List.copyOf(visits),
				PairwiseInput.of(candidates, comparisons, 3, seed));
	}

	/** Spearman's ρ between the ranking's order and the true order (P01 best). */
	static double spearman(PairwiseResult result) {
		int n = result.ranking().size();
		double sum = 0;
		for (int position = 0; position < n; position++) {
			int truePosition = Integer.parseInt(result.ranking().get(position).candidateId().substring(1)) - 1;
			double d = position - truePosition;
			sum += d * d;
		}
		return 1 - 6 * sum / (n * ((double) n * n - 1));
	}

}
