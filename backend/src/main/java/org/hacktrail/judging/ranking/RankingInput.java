package org.hacktrail.judging.ranking;

import static org.hacktrail.judging.InputChecks.nonBlank;
import static org.hacktrail.judging.InputChecks.nonNegative;
import static org.hacktrail.judging.InputChecks.present;
import static org.hacktrail.judging.InputChecks.require;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.hacktrail.judging.Sector;

/**
 * Everything one ranking depends on — and therefore everything an open-data export must
 * carry to recompute it.
 * <p>
 * The constructor checks the input as a whole (every sheet complete and within scale, one
 * sheet per judge and proposal, one sector per judge, known proposals, sane weights and
 * parameters) and throws an {@link IllegalArgumentException} naming the first problem. It
 * also puts the input in canonical order (proposals by id, sheets by proposal id then
 * judge id, sector weights for every sector in enum order), so two inputs that differ
 * only in order are equal records and give bit-identical results.
 *
 * @param rubric criteria, weights and scales
 * @param proposalIds every proposal of the round (those without sheets are reported as
 * unranked)
 * @param sheets the submitted, complete sheets of the round
 * @param sectorWeights W_g per sector; sectors not given weigh 0
 * @param normalise whether judge normalisation (docs/judging-method.md, step 2) is
 * applied
 * @param publicVote optional public-vote group
 * @param outstandingQuota N, the number of outstanding places (the cut for P(top N) and
 * the straddle flag)
 * @param bootstrapReplicates B, between 1 and {@value #MAX_BOOTSTRAP_REPLICATES}
 * @param seed the round's fixed bootstrap seed
 * @param method the ranking method (its published version)
 * @param evidenceRule the sheets a proposal needs (k and the sector minimums); used by
 * {@link RankingMethod#RUBRIC_2} only
 */
public record RankingInput(Rubric rubric, List<String> proposalIds, List<SubmittedSheet> sheets,
		Map<Sector, Double> sectorWeights, boolean normalise, @Nullable PublicVote publicVote, int outstandingQuota,
		int bootstrapReplicates, long seed, RankingMethod method, EvidenceRule evidenceRule) {

	public static final int DEFAULT_BOOTSTRAP_REPLICATES = 1000;

	/**
	 * Memory grows with proposals × B (one int per rank draw); 10,000 × 1,500 proposals
	 * is 60 MB.
	 */
	public static final int MAX_BOOTSTRAP_REPLICATES = 10_000;

	public static final int DEFAULT_OUTSTANDING_QUOTA = 5;

	private static final Comparator<SubmittedSheet> BY_JUDGE = Comparator.comparing(SubmittedSheet::judgeId);

	public RankingInput {
		present(rubric, "rubric");
		proposalIds = canonicalProposals(present(proposalIds, "proposal ids"));
		sectorWeights = canonicalWeights(present(sectorWeights, "sector weights"));
		sheets = canonicalSheets(present(sheets, "sheets"), rubric, proposalIds);
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
		present(method, "ranking method");
		present(evidenceRule, "evidence rule");
	}

	/**
	 * An input for {@link RankingMethod#RUBRIC_1}, the method of results published before
	 * method 2 (its evidence rule is the default and unused).
	 */
	public RankingInput(Rubric rubric, List<String> proposalIds, List<SubmittedSheet> sheets,
			Map<Sector, Double> sectorWeights, boolean normalise, @Nullable PublicVote publicVote, int outstandingQuota,
			int bootstrapReplicates, long seed) {
		this(rubric, proposalIds, sheets, sectorWeights, normalise, publicVote, outstandingQuota, bootstrapReplicates,
				seed, RankingMethod.RUBRIC_1, EvidenceRule.defaults());
	}

	/** The same input ranked with another method and evidence rule. */
	public RankingInput with(RankingMethod method, EvidenceRule evidenceRule) {
		return new RankingInput(this.rubric, this.proposalIds, this.sheets, this.sectorWeights, this.normalise,
				this.publicVote, this.outstandingQuota, this.bootstrapReplicates, this.seed, method, evidenceRule);
	}

	/**
	 * PUBLIC 0.5, PRIVATE 0.5, ACADEMIC 0, CIVIL_SOCIETY 0 (docs/judging-method.md, "What
	 * the computation needs").
	 */
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

	/**
	 * Checks every sheet and sorts them by proposal id, then judge id. Proposals are
	 * already sorted, so the sheets go into one bucket per proposal (a counting sort,
	 * linear) and only each proposal's few sheets are sorted by judge; a judge's second
	 * sheet on a proposal is then next to the first. A round has tens of thousands of
	 * sheets, and a comparison sort of all of them by two strings, with a set of
	 * judge–proposal strings for the duplicate check, cost more than reading them
	 * (StoreBenchmark's ranking read). Messages are built only when a check fails.
	 */
	private static List<SubmittedSheet> canonicalSheets(List<SubmittedSheet> sheets, Rubric rubric,
			List<String> sortedProposals) {
		Map<String, Integer> proposalIndex = new HashMap<>(sortedProposals.size() * 2);
		for (String proposal : sortedProposals) {
			proposalIndex.put(proposal, proposalIndex.size());
		}
		int[] bucketOf = new int[sheets.size()];
		int[] bucketStart = new int[sortedProposals.size() + 1];
		Map<String, Sector> judgeSectors = new HashMap<>();
		List<Criterion> criteria = rubric.criteria();
		for (int i = 0; i < bucketOf.length; i++) {
			SubmittedSheet sheet = present(sheets.get(i), "a sheet");
			Integer proposal = proposalIndex.get(sheet.proposalId());
			if (proposal == null) {
				throw new IllegalArgumentException(
						which(sheet) + " names a proposal that is not among the round's proposals");
			}
			bucketOf[i] = proposal;
			bucketStart[proposal + 1]++;
			Sector known = judgeSectors.putIfAbsent(sheet.judgeId(), sheet.sector());
			if (known != null && known != sheet.sector()) {
				throw new IllegalArgumentException("judge '" + sheet.judgeId() + "' has sheets in two sectors (" + known
						+ " and " + sheet.sector() + "); a judge has one sector");
			}
			checkScores(sheet, criteria);
		}
		for (int p = 1; p < bucketStart.length; p++) {
			bucketStart[p] += bucketStart[p - 1];
		}
		SubmittedSheet[] sorted = new SubmittedSheet[bucketOf.length];
		int[] next = Arrays.copyOf(bucketStart, sortedProposals.size());
		for (int i = 0; i < bucketOf.length; i++) {
			sorted[next[bucketOf[i]]++] = sheets.get(i);
		}
		for (int p = 0; p < sortedProposals.size(); p++) {
			int from = bucketStart[p];
			int to = bucketStart[p + 1];
			Arrays.sort(sorted, from, to, BY_JUDGE);
			for (int i = from + 1; i < to; i++) {
				if (sorted[i].judgeId().equals(sorted[i - 1].judgeId())) {
					throw new IllegalArgumentException("judge '" + sorted[i].judgeId()
							+ "' has more than one sheet on proposal '" + sorted[i].proposalId() + "'");
				}
			}
		}
		return List.of(sorted);
	}

	private static String which(SubmittedSheet sheet) {
		return "sheet of judge '" + sheet.judgeId() + "' on proposal '" + sheet.proposalId() + "'";
	}

	/**
	 * A sheet's scores and the rubric's criteria are both sorted by criterion id, so one
	 * walk over both checks that the sheet scores exactly the rubric's criteria, each
	 * within its scale; only when that walk finds a problem are the criteria looked up
	 * one by one to name it.
	 */
	private static void checkScores(SubmittedSheet sheet, List<Criterion> criteria) {
		Map<String, Double> scores = sheet.scores();
		if (scores.size() == criteria.size()) {
			Iterator<Map.Entry<String, Double>> entries = scores.entrySet().iterator();
			boolean fine = true;
			for (int c = 0; fine && c < criteria.size(); c++) {
				Criterion criterion = criteria.get(c);
				Map.Entry<String, Double> entry = entries.next();
				double score = entry.getValue();
				fine = entry.getKey().equals(criterion.id()) && score >= criterion.scaleMin()
						&& score <= criterion.scaleMax();
			}
			if (fine) {
				return;
			}
		}
		nameTheScoreProblem(sheet, scores, criteria);
	}

	private static void nameTheScoreProblem(SubmittedSheet sheet, Map<String, Double> scores,
			Collection<Criterion> criteria) {
		for (Criterion criterion : criteria) {
			Double score = scores.get(criterion.id());
			if (score == null) {
				throw new IllegalArgumentException(which(sheet) + " has no score for criterion '" + criterion.id()
						+ "' (only complete sheets can be ranked)");
			}
			if (!(Double.isFinite(score) && score >= criterion.scaleMin() && score <= criterion.scaleMax())) {
				throw new IllegalArgumentException(
						which(sheet) + ": score " + score + " for criterion '" + criterion.id()
								+ "' is outside its scale " + criterion.scaleMin() + "–" + criterion.scaleMax());
			}
		}
		if (scores.size() != criteria.size()) {
			Set<String> unknown = new HashSet<>(scores.keySet());
			criteria.forEach((criterion) -> unknown.remove(criterion.id()));
			throw new IllegalArgumentException(
					which(sheet) + " scores criteria that are not in the rubric: " + new TreeSet<>(unknown));
		}
	}

	/**
	 * Builds an input with the method's defaults: sector weights PUBLIC 0.5 / PRIVATE
	 * 0.5, normalisation on, B=1000, method {@link RankingMethod#RUBRIC_1} (the golden
	 * examples' method; the service ranks rounds with {@link RankingMethod#RUBRIC_2}),
	 * evidence rule k = 3, PUBLIC 1, PRIVATE 1.
	 */
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

		private RankingMethod method = RankingMethod.RUBRIC_1;

		private EvidenceRule evidenceRule = EvidenceRule.defaults();

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

		public Builder method(RankingMethod method) {
			this.method = method;
			return this;
		}

		public Builder evidenceRule(EvidenceRule evidenceRule) {
			this.evidenceRule = evidenceRule;
			return this;
		}

		public RankingInput build() {
			return new RankingInput(this.rubric, this.proposalIds, this.sheets, this.sectorWeights, this.normalise,
					this.publicVote, this.outstandingQuota, this.bootstrapReplicates, this.seed, this.method,
					this.evidenceRule);
		}

	}

}
