package org.hacktrail.judging.ranking;

import static org.hacktrail.judging.ranking.Checks.nonBlank;
import static org.hacktrail.judging.ranking.Checks.nonNegative;
import static org.hacktrail.judging.ranking.Checks.present;
import static org.hacktrail.judging.ranking.Checks.require;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.hacktrail.judging.Sector;

/**
 * Everything one ranking depends on — and therefore everything an open-data export must carry to recompute it.
 * <p>
 * The constructor checks the input as a whole (every sheet complete and within scale, one sheet per judge and
 * proposal, one sector per judge, known proposals, sane weights and parameters) and throws an
 * {@link IllegalArgumentException} naming the first problem. It also puts the input in canonical order (proposals by
 * id, sheets by proposal id then judge id, sector weights for every sector in enum order), so two inputs that differ
 * only in order are equal records and give bit-identical results.
 *
 * @param rubric criteria, weights and scales
 * @param proposalIds every proposal of the round (those without sheets are reported as unranked)
 * @param sheets the submitted, complete sheets of the round
 * @param sectorWeights W_g per sector; sectors not given weigh 0
 * @param normalise whether judge normalisation (PRODUCT.md step 2) is applied
 * @param publicVote optional public-vote group
 * @param outstandingQuota N, the number of outstanding places (the cut for P(top N) and the straddle flag)
 * @param bootstrapReplicates B, between 1 and {@value #MAX_BOOTSTRAP_REPLICATES}
 * @param seed the round's fixed bootstrap seed
 */
public record RankingInput(Rubric rubric, List<String> proposalIds, List<SubmittedSheet> sheets,
		Map<Sector, Double> sectorWeights, boolean normalise, @Nullable PublicVote publicVote, int outstandingQuota,
		int bootstrapReplicates, long seed) {

	public static final int DEFAULT_BOOTSTRAP_REPLICATES = 1000;

	/** Memory grows with proposals × B (one int per rank draw); 10,000 × 1,500 proposals is 60 MB. */
	public static final int MAX_BOOTSTRAP_REPLICATES = 10_000;

	public static final int DEFAULT_OUTSTANDING_QUOTA = 5;

	public RankingInput {
		present(rubric, "rubric");
		proposalIds = canonicalProposals(present(proposalIds, "proposal ids"));
		sectorWeights = canonicalWeights(present(sectorWeights, "sector weights"));
		sheets = canonicalSheets(present(sheets, "sheets"), rubric, new HashSet<>(proposalIds));
		require(outstandingQuota >= 1, "outstanding quota N must be at least 1, got " + outstandingQuota);
		require(bootstrapReplicates >= 1 && bootstrapReplicates <= MAX_BOOTSTRAP_REPLICATES,
				"bootstrap replicates B must be between 1 and " + MAX_BOOTSTRAP_REPLICATES + ", got "
						+ bootstrapReplicates);
		double totalWeight = 0;
		for (double weight : sectorWeights.values()) {
			totalWeight += weight;
		}
		if (publicVote != null) {
			for (String proposal : publicVote.totals().keySet()) {
				require(Collections.binarySearch(proposalIds, proposal) >= 0,
						"public vote names proposal '" + proposal + "', which is not among the round's proposals");
			}
			totalWeight += publicVote.weight();
		}
		require(totalWeight > 0, "at least one sector weight (or the public vote weight) must be above 0");
	}

	/** PUBLIC 0.5, PRIVATE 0.5, ACADEMIC 0, CIVIL_SOCIETY 0 (PRODUCT.md). */
	public static Map<Sector, Double> defaultSectorWeights() {
		return canonicalWeights(Map.of(Sector.PUBLIC, 0.5, Sector.PRIVATE, 0.5));
	}

	public static Builder builder(Rubric rubric, long seed) {
		return new Builder(rubric, seed);
	}

	private static List<String> canonicalProposals(List<String> proposalIds) {
		List<String> sorted = new ArrayList<>(proposalIds.size());
		Set<String> seen = new HashSet<>();
		for (String proposal : proposalIds) {
			nonBlank(proposal, "proposal id");
			require(seen.add(proposal), "duplicate proposal id '" + proposal + "'");
			sorted.add(proposal);
		}
		Collections.sort(sorted);
		return List.copyOf(sorted);
	}

	private static Map<Sector, Double> canonicalWeights(Map<Sector, Double> weights) {
		EnumMap<Sector, Double> all = new EnumMap<>(Sector.class);
		for (Sector sector : Sector.values()) {
			all.put(sector, 0.0);
		}
		weights.forEach((sector, weight) -> {
			present(sector, "sector of a sector weight");
			all.put(sector, nonNegative(present(weight, "weight of sector " + sector), "weight of sector " + sector));
		});
		return Collections.unmodifiableMap(all);
	}

	private static List<SubmittedSheet> canonicalSheets(List<SubmittedSheet> sheets, Rubric rubric,
			Set<String> proposals) {
		List<SubmittedSheet> sorted = new ArrayList<>(sheets.size());
		Map<String, Sector> judgeSectors = new HashMap<>();
		Set<String> judgeProposalPairs = new HashSet<>();
		// Messages are built only when a check fails: a round has tens of thousands of sheets, and building every
		// message (with each score printed) cost more than the checks (StoreBenchmark's ranking read).
		for (SubmittedSheet sheet : sheets) {
			present(sheet, "a sheet");
			if (!proposals.contains(sheet.proposalId())) {
				throw new IllegalArgumentException(
						which(sheet) + " names a proposal that is not among the round's proposals");
			}
			if (!judgeProposalPairs.add(sheet.judgeId() + '\u0000' + sheet.proposalId())) {
				throw new IllegalArgumentException("judge '" + sheet.judgeId() + "' has more than one sheet on proposal '"
						+ sheet.proposalId() + "'");
			}
			Sector known = judgeSectors.putIfAbsent(sheet.judgeId(), sheet.sector());
			if (known != null && known != sheet.sector()) {
				throw new IllegalArgumentException("judge '" + sheet.judgeId() + "' has sheets in two sectors (" + known
						+ " and " + sheet.sector() + "); a judge has one sector");
			}
			checkScores(sheet, sheet.scores(), rubric.criteria());
			sorted.add(sheet);
		}
		sorted.sort(Comparator.comparing(SubmittedSheet::proposalId).thenComparing(SubmittedSheet::judgeId));
		return List.copyOf(sorted);
	}

	private static String which(SubmittedSheet sheet) {
		return "sheet of judge '" + sheet.judgeId() + "' on proposal '" + sheet.proposalId() + "'";
	}

	private static void checkScores(SubmittedSheet sheet, Map<String, Double> scores, Collection<Criterion> criteria) {
		for (Criterion criterion : criteria) {
			Double score = scores.get(criterion.id());
			if (score == null) {
				throw new IllegalArgumentException(which(sheet) + " has no score for criterion '" + criterion.id()
						+ "' (only complete sheets can be ranked)");
			}
			if (!(Double.isFinite(score) && score >= criterion.scaleMin() && score <= criterion.scaleMax())) {
				throw new IllegalArgumentException(which(sheet) + ": score " + score + " for criterion '"
						+ criterion.id() + "' is outside its scale " + criterion.scaleMin() + "–" + criterion.scaleMax());
			}
		}
		if (scores.size() != criteria.size()) {
			Set<String> unknown = new HashSet<>(scores.keySet());
			criteria.forEach((criterion) -> unknown.remove(criterion.id()));
			throw new IllegalArgumentException(
					which(sheet) + " scores criteria that are not in the rubric: " + new TreeSet<>(unknown));
		}
	}

	/** Builds an input with PRODUCT.md defaults: sector weights PUBLIC 0.5 / PRIVATE 0.5, normalisation on, B=1000. */
	public static final class Builder {

		private final Rubric rubric;

		private final long seed;

		private List<String> proposalIds = List.of();

		private List<SubmittedSheet> sheets = List.of();

		private Map<Sector, Double> sectorWeights = defaultSectorWeights();

		private boolean normalise = true;

		private @Nullable PublicVote publicVote;

		private int outstandingQuota = DEFAULT_OUTSTANDING_QUOTA;

		private int bootstrapReplicates = DEFAULT_BOOTSTRAP_REPLICATES;

		private Builder(Rubric rubric, long seed) {
			this.rubric = rubric;
			this.seed = seed;
		}

		public Builder proposals(Collection<String> proposalIds) {
			this.proposalIds = new ArrayList<>(proposalIds);
			return this;
		}

		public Builder sheets(Collection<SubmittedSheet> sheets) {
			this.sheets = new ArrayList<>(sheets);
			return this;
		}

		public Builder sectorWeights(Map<Sector, Double> sectorWeights) {
			this.sectorWeights = sectorWeights;
			return this;
		}

		public Builder normalise(boolean normalise) {
			this.normalise = normalise;
			return this;
		}

		public Builder publicVote(@Nullable PublicVote publicVote) {
			this.publicVote = publicVote;
			return this;
		}

		public Builder outstandingQuota(int outstandingQuota) {
			this.outstandingQuota = outstandingQuota;
			return this;
		}

		public Builder bootstrapReplicates(int bootstrapReplicates) {
			this.bootstrapReplicates = bootstrapReplicates;
			return this;
		}

		public RankingInput build() {
			return new RankingInput(this.rubric, this.proposalIds, this.sheets, this.sectorWeights, this.normalise,
					this.publicVote, this.outstandingQuota, this.bootstrapReplicates, this.seed);
		}

	}

}
