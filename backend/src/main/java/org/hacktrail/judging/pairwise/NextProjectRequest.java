package org.hacktrail.judging.pairwise;

import static org.hacktrail.judging.InputChecks.nonBlank;
import static org.hacktrail.judging.InputChecks.present;
import static org.hacktrail.judging.InputChecks.require;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything the choice of a judge's next table depends on besides the round's state
 * ({@link PairwiseEstimate}).
 *
 * @param judgeId the judge asking
 * @param currentCandidateId the candidate the judge has just seen and will compare the
 * next one with (Gavel's "previous"); null before the first visit
 * @param seenCandidateIds every candidate the judge has visited or skipped (team absent,
 * conflict noticed at the table), the current one included; never offered again. Its size
 * is the visit count that seeds the choice's random numbers
 * @param visiting where every judge is now (judge id → the candidate they were sent to
 * and have not answered yet); the asking judge's own entry is ignored
 * @param conflicts judge id → the candidates that judge has a conflict with
 * @param locations candidate id → its table; a candidate without one is farther than any
 * with one
 * @param maxJudgesPerTable a candidate with this many other judges visiting it is not
 * offered (at least 1)
 * @param gainTolerance candidates whose expected information gain is at least (1 − this)
 * times the best are "close", and the nearest of them is chosen; in [0, 1)
 * @param exploration Gavel's ε: the probability of a uniformly random eligible candidate
 * instead of the best one; in [0, 1]
 * @param seed the round's seed
 */
public record NextProjectRequest(String judgeId, @Nullable String currentCandidateId, Set<String> seenCandidateIds,
		Map<String, String> visiting, Map<String, Set<String>> conflicts, Map<String, Location> locations,
		int maxJudgesPerTable, double gainTolerance, double exploration, long seed) {

	public static final int DEFAULT_MAX_JUDGES_PER_TABLE = 2;

	public static final double DEFAULT_GAIN_TOLERANCE = 0.1;

	/** Gavel's ε ({@code crowd_bt.EPSILON}). */
	public static final double DEFAULT_EXPLORATION = 0.25;

	public NextProjectRequest {
		nonBlank(judgeId, "judge id");
		seenCandidateIds = Set.copyOf(present(seenCandidateIds, "seen candidates"));
		visiting = Map.copyOf(present(visiting, "visiting"));
		conflicts = Map.copyOf(present(conflicts, "conflicts"));
		locations = Map.copyOf(present(locations, "locations"));
		require(maxJudgesPerTable >= 1, "judges per table must be at least 1, got " + maxJudgesPerTable);
		require(gainTolerance >= 0 && gainTolerance < 1, "gain tolerance must be in [0, 1), got " + gainTolerance);
		require(exploration >= 0 && exploration <= 1, "exploration ε must be in [0, 1], got " + exploration);
	}

	/** The defaults: 2 judges per table, tolerance 10 %, Gavel's ε = 0.25. */
	public static NextProjectRequest of(String judgeId, @Nullable String currentCandidateId,
			Set<String> seenCandidateIds, Map<String, String> visiting, Map<String, Set<String>> conflicts,
			Map<String, Location> locations, long seed) {
		return new NextProjectRequest(judgeId, currentCandidateId, seenCandidateIds, visiting, conflicts, locations,
				DEFAULT_MAX_JUDGES_PER_TABLE, DEFAULT_GAIN_TOLERANCE, DEFAULT_EXPLORATION, seed);
	}

	/** The same request with other tuning. */
	public NextProjectRequest tuned(int maxJudgesPerTable, double gainTolerance, double exploration) {
		return new NextProjectRequest(this.judgeId, this.currentCandidateId, this.seenCandidateIds, this.visiting,
				this.conflicts, this.locations, maxJudgesPerTable, gainTolerance, exploration, this.seed);
	}

}
