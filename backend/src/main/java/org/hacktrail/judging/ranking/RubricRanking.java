package org.hacktrail.judging.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.SplitMix64;
import org.hacktrail.judging.ranking.JudgeSummary.Treatment;
import org.jspecify.annotations.Nullable;

/**
 * The rubric-mode ranking, methods {@code hacktrail-rubric-1} and
 * {@code hacktrail-rubric-2} ({@link RankingMethod}; the input says which). The full
 * method, with every interpretation and the exact order of arithmetic, is in
 * {@code docs/judging-method.md}; in short:
 * <ol>
 * <li>r = Σ w_c · s_c with weights normalised to sum 1;</li>
 * <li>μ, σ = mean and population standard deviation of all r in the round; per judge μ_j,
 * σ_j likewise. With normalisation on: n = μ + σ · (r − μ_j) / σ_j; a judge with σ_j = 0
 * gets n = μ; a judge with fewer than 3 sheets gets n = μ + (r − μ_j) ("raw r shifted to
 * μ"). Off: n = r;</li>
 * <li>mean_g per sector and proposal; F = Σ W_g · mean_g / Σ W_g over the groups present
 * (sectors with a sheet, plus the public vote when configured);</li>
 * <li>divergence |mean_PUBLIC − mean_PRIVATE| / σ_n (σ_n over all n in the round),
 * flagged above 1.0;</li>
 * <li>B bootstrap replicates, each resampling every proposal's judges with replacement
 * within each sector, ranking all proposals; 90 % rank interval and P(rank ≤ N);</li>
 * <li>ties at {@link #TIE_PRECISION} share a rank and are reported.</li>
 * </ol>
 * Method 2 keeps steps 1–4 and 6 and changes step 5: each replicate adds to every sector
 * mean the mean of c draws from that sector's pool of between-judge residuals, measured
 * over the whole round (so one sheet of a sector still carries the spread another judge
 * could have given; with no residual at all the interval and P(top N) are unknown). It
 * also measures each proposal's evidence against the round's k and sector minimums and
 * forms the proposed top N from the proposals with sufficient evidence only. The inputs
 * are canonically ordered by {@link RankingInput}, so the output does not depend on input
 * order; the only randomness is a {@link SplitMix64} stream seeded with the round's seed.
 * <p>
 * Cost: O(S) for the point estimate and O(B · (S + P log P)) for the bootstrap (S sheets,
 * P proposals), in flat arrays; 1,000 proposals × 5 judges with B = 1,000 runs in well
 * under a second.
 */
public final class RubricRanking {

	/** Method 1's version string (results published with it keep it). */
	public static final String ALGORITHM_VERSION = "hacktrail-rubric-1";

	/** Final scores are compared as floor(F × 10^9 + 0.5): equal keys are a tie. */
	public static final double TIE_PRECISION = 1e-9;

	static final double TIE_SCALE = 1e9;

	/** Divergence strictly above this is flagged. */
	public static final double DIVERGENCE_THRESHOLD = 1.0;

	/** Fewer sheets than this and a judge's spread is not estimated. */
	public static final int MIN_SHEETS_FOR_SPREAD = 3;

	/**
	 * A standard deviation at or below this fraction of the rubric's total range counts
	 * as 0: it can only come from rounding (e.g. the mean of three equal totals differing
	 * from them in the last bit), and dividing by it would turn rounding noise into
	 * full-size z-scores.
	 */
	public static final double SPREAD_TOLERANCE = 1e-9;

	/** Bootstrap percentiles (nearest-rank method) of the reported 90 % interval. */
	public static final int LOW_PERCENTILE = 5;

	public static final int HIGH_PERCENTILE = 95;

	/**
	 * Method 2: a residual pool is used when it has at least this many residuals. A
	 * sector's smaller pool is replaced by the round pool; a smaller round pool means the
	 * between-judge spread is unknown (docs/judging-method.md, method 2, "Residual
	 * pools").
	 */
	public static final int MIN_POOL_RESIDUALS = 10;

	/** Proposals per block when turning replicate ranks into histograms. */
	private static final int HISTOGRAM_BLOCK = 64;

	private static final Sector[] SECTORS = Sector.values();

	private static final int G = SECTORS.length;

	private RubricRanking() {
	}

	/**
	 * Ranks a round with the input's method ({@link RankingInput#method()}). Same input
	 * (in any order) → equal result.
	 */
	public static RankingResult rank(RankingInput input) {
		return new Computation(input).run();
	}

	/** floor(F × 10^9 + 0.5), the value compared for ranks and ties. */
	static long tieKey(double finalScore) {
		return (long) Math.floor(finalScore * TIE_SCALE + 0.5);
	}

	/** The state of one computation, in flat arrays indexed by canonical order. */
	private static final class Computation {

		private final RankingInput input;

		private final String[] proposals;

		private final String[] judges;

		private final Sector[] judgeSector;

		private final int[] sheetProposal;

		private final int[] sheetJudge;

		private final double[] total;

		private final double[] normalised;

		private final double[] sectorWeight = new double[G];

		private final boolean hasVote;

		private final double voteWeight;

		/** {@link #SPREAD_TOLERANCE} times the rubric's total range. */
		private final double tolerance;

		Computation(RankingInput input) {
			this.input = input;
			this.proposals = input.proposalIds().toArray(String[]::new);
			Map<String, Integer> proposalIndex = new HashMap<>();
			for (int p = 0; p < this.proposals.length; p++) {
				proposalIndex.put(this.proposals[p], p);
			}
			this.judges = input.sheets()
				.stream()
				.map(SubmittedSheet::judgeId)
				.distinct()
				.sorted()
				.toArray(String[]::new);
			Map<String, Integer> judgeIndex = new HashMap<>();
			for (int j = 0; j < this.judges.length; j++) {
				judgeIndex.put(this.judges[j], j);
			}
			int sheetCount = input.sheets().size();
			this.sheetProposal = new int[sheetCount];
			this.sheetJudge = new int[sheetCount];
			this.judgeSector = new Sector[this.judges.length];
			this.total = new double[sheetCount];
			this.normalised = new double[sheetCount];
			List<Criterion> criteria = input.rubric().criteria();
			double[] weights = input.rubric().normalisedWeights();
			for (int s = 0; s < sheetCount; s++) {
				SubmittedSheet sheet = input.sheets().get(s);
				this.sheetProposal[s] = proposalIndex.get(sheet.proposalId());
				this.sheetJudge[s] = judgeIndex.get(sheet.judgeId());
				this.judgeSector[this.sheetJudge[s]] = sheet.sector();
				double r = 0;
				for (int c = 0; c < weights.length; c++) {
					r += weights[c] * sheet.scores().get(criteria.get(c).id());
				}
				this.total[s] = r;
			}
			for (Sector sector : SECTORS) {
				this.sectorWeight[sector.ordinal()] = input.sectorWeights().get(sector);
			}
			this.hasVote = input.publicVote() != null;
			this.voteWeight = this.hasVote ? input.publicVote().weight() : 0;
			this.tolerance = SPREAD_TOLERANCE * (input.rubric().totalMax() - input.rubric().totalMin());
		}

		RankingResult run() {
			int sheetCount = this.total.length;
			double mean = mean(this.total);
			double deviation = standardDeviation(this.total, mean);
			List<JudgeSummary> judgeSummaries = normalise(mean, deviation);
			double normalisedDeviation = standardDeviation(this.normalised, mean(this.normalised));

			// Group each proposal's normalised totals by sector: sheets are sorted by
			// proposal then judge, so each
			// group lists its judges in id order, which is the order the means and the
			// bootstrap draw from.
			int proposalCount = this.proposals.length;
			int[] groupCount = new int[proposalCount * G];
			for (int s = 0; s < sheetCount; s++) {
				groupCount[this.sheetProposal[s] * G + this.judgeSector[this.sheetJudge[s]].ordinal()]++;
			}
			int[] groupStart = new int[proposalCount * G + 1];
			for (int i = 0; i < proposalCount * G; i++) {
				groupStart[i + 1] = groupStart[i] + groupCount[i];
			}
			double[] groupValues = new double[sheetCount];
			int[] fill = Arrays.copyOf(groupStart, proposalCount * G);
			for (int s = 0; s < sheetCount; s++) {
				int group = this.sheetProposal[s] * G + this.judgeSector[this.sheetJudge[s]].ordinal();
				groupValues[fill[group]++] = this.normalised[s];
			}

			double[] voteTotals = new double[proposalCount];
			double[] voteScores = voteScores(voteTotals);

			// Point estimate.
			double[] groupMean = new double[proposalCount * G];
			double[] finalScore = new double[proposalCount];
			boolean[] ranked = new boolean[proposalCount];
			List<UnrankedProposal> unranked = new ArrayList<>();
			for (int p = 0; p < proposalCount; p++) {
				double weightPresent = this.hasVote ? this.voteWeight : 0;
				int sheets = 0;
				for (int g = 0; g < G; g++) {
					int count = groupCount[p * G + g];
					if (count > 0) {
						double sum = 0;
						for (int v = groupStart[p * G + g]; v < groupStart[p * G + g + 1]; v++) {
							sum += groupValues[v];
						}
						groupMean[p * G + g] = sum / count;
						weightPresent += this.sectorWeight[g];
						sheets += count;
					}
				}
				if (sheets == 0) {
					unranked.add(new UnrankedProposal(this.proposals[p], "no submitted sheets",
							UnrankedProposal.Code.NO_SUBMITTED_SHEETS, List.of()));
				}
				else if (!(weightPresent > 0)) {
					List<Sector> present = sectorsPresent(groupCount, p);
					unranked.add(new UnrankedProposal(this.proposals[p],
							"only sheets from sectors weighted 0 ("
									+ String.join(", ", present.stream().map(Sector::name).toList())
									+ "); give such a sector a weight or add sheets from a weighted sector",
							UnrankedProposal.Code.ONLY_ZERO_WEIGHT_SECTORS, present));
				}
				else {
					ranked[p] = true;
					finalScore[p] = finalScore(groupMean, p * G, groupCount, p * G, voteScores[p]);
				}
			}
			int[] rankedIndex = indexesOf(ranked);
			int rankedCount = rankedIndex.length;
			long[] keys = new long[rankedCount];
			for (int i = 0; i < rankedCount; i++) {
				keys[i] = tieKey(finalScore[rankedIndex[i]]);
			}
			int[] pointRank = competitionRanks(keys, keys.clone(), new int[rankedCount]);

			boolean method2 = this.input.method() == RankingMethod.RUBRIC_2;
			ResidualPools pools = method2
					? ResidualPools.of(this.proposals.length, groupCount, groupStart, groupValues, groupMean) : null;
			Bootstrap bootstrap = (pools == null || pools.uncertainty().known())
					? bootstrap(rankedIndex, groupCount, groupStart, groupValues, groupMean, voteScores, pools) : null;
			SufficientEvidence evidence = method2
					? SufficientEvidence.of(this.input.evidenceRule(), rankedIndex, groupCount, keys) : null;

			// Assemble, in F-descending (tie key) then id order.
			Integer[] order = new Integer[rankedCount];
			for (int i = 0; i < rankedCount; i++) {
				order[i] = i;
			}
			// Ranked indexes follow proposal id order, so a stable sort by key keeps ids
			// ascending within a key.
			Arrays.sort(order, (a, b) -> Long.compare(keys[b], keys[a]));
			int quota = this.input.outstandingQuota();
			Map<Integer, Integer> rankSizes = new HashMap<>();
			for (int rank : pointRank) {
				rankSizes.merge(rank, 1, Integer::sum);
			}
			List<RankedProposal> ranking = new ArrayList<>(rankedCount);
			List<TieGroup> ties = new ArrayList<>();
			List<String> currentTie = new ArrayList<>();
			for (int o = 0; o < rankedCount; o++) {
				int i = order[o];
				int p = rankedIndex[i];
				int rank = pointRank[i];
				boolean tied = rankSizes.get(rank) > 1;
				ranking.add(line(p, rank, finalScore[p], groupCount, groupMean, voteTotals, voteScores, tied, bootstrap,
						evidence, i, keys[i], normalisedDeviation, quota));
				if (tied) {
					currentTie.add(this.proposals[p]);
					if (currentTie.size() == rankSizes.get(rank)) {
						boolean acrossCut;
						if (evidence == null) {
							int last = rank + currentTie.size() - 1;
							acrossCut = rank <= quota && quota < last;
						}
						else {
							// Method 2: the cut runs through the tie's members with
							// sufficient evidence, ranked among the proposals with
							// sufficient evidence.
							int members = 0;
							for (int t = o - currentTie.size() + 1; t <= o; t++) {
								members += evidence.sufficient()[order[t]] ? 1 : 0;
							}
							int first = evidence.rankAmongSufficient(keys[i]);
							acrossCut = first <= quota && quota < first + members - 1;
						}
						ties.add(new TieGroup(rank, currentTie, acrossCut));
						currentTie = new ArrayList<>();
					}
				}
			}
			List<NormalisedSheet> sheets = new ArrayList<>(sheetCount);
			for (int s = 0; s < sheetCount; s++) {
				sheets.add(new NormalisedSheet(this.proposals[this.sheetProposal[s]], this.judges[this.sheetJudge[s]],
						this.judgeSector[this.sheetJudge[s]], this.total[s], this.normalised[s]));
			}
			RoundSummary round = new RoundSummary(proposalCount, rankedCount, sheetCount, this.judges.length, mean,
					deviation, normalisedDeviation, this.input.normalise(), this.input.sectorWeights(),
					this.hasVote ? this.voteWeight : null, quota, this.input.bootstrapReplicates(), this.input.seed());
			return new RankingResult(this.input.method().version(), round, ranking, ties, unranked, judgeSummaries,
					sheets, (pools != null) ? pools.uncertainty() : null);
		}

		/** Fills {@link #normalised} and describes each judge's treatment. */
		private List<JudgeSummary> normalise(double mean, double deviation) {
			int judgeCount = this.judges.length;
			int[] count = new int[judgeCount];
			double[] sum = new double[judgeCount];
			for (int s = 0; s < this.total.length; s++) {
				count[this.sheetJudge[s]]++;
				sum[this.sheetJudge[s]] += this.total[s];
			}
			double[] judgeMean = new double[judgeCount];
			for (int j = 0; j < judgeCount; j++) {
				judgeMean[j] = sum[j] / count[j];
			}
			double[] squares = new double[judgeCount];
			for (int s = 0; s < this.total.length; s++) {
				double d = this.total[s] - judgeMean[this.sheetJudge[s]];
				squares[this.sheetJudge[s]] += d * d;
			}
			Treatment[] treatment = new Treatment[judgeCount];
			double[] judgeDeviation = new double[judgeCount];
			for (int j = 0; j < judgeCount; j++) {
				judgeDeviation[j] = Math.sqrt(squares[j] / count[j]);
				if (!this.input.normalise()) {
					treatment[j] = Treatment.RAW;
				}
				else if (judgeDeviation[j] <= this.tolerance) {
					treatment[j] = Treatment.NO_SPREAD;
				}
				else if (count[j] < MIN_SHEETS_FOR_SPREAD) {
					treatment[j] = Treatment.SHIFTED;
				}
				else {
					treatment[j] = Treatment.Z_SCORE;
				}
			}
			for (int s = 0; s < this.total.length; s++) {
				int j = this.sheetJudge[s];
				double r = this.total[s];
				this.normalised[s] = switch (treatment[j]) {
					case RAW -> r;
					case NO_SPREAD -> mean;
					case SHIFTED -> mean + (r - judgeMean[j]);
					case Z_SCORE -> mean + deviation * ((r - judgeMean[j]) / judgeDeviation[j]);
				};
			}
			List<JudgeSummary> summaries = new ArrayList<>(judgeCount);
			for (int j = 0; j < judgeCount; j++) {
				summaries.add(new JudgeSummary(this.judges[j], this.judgeSector[j], count[j], judgeMean[j],
						judgeDeviation[j], treatment[j]));
			}
			return summaries;
		}

		/**
		 * The public vote mapped onto the rubric's total range; see {@link PublicVote}.
		 */
		private double[] voteScores(double[] voteTotals) {
			double[] scores = new double[this.proposals.length];
			PublicVote vote = this.input.publicVote();
			if (vote == null || this.proposals.length == 0) {
				return scores;
			}
			double low = Double.POSITIVE_INFINITY;
			double high = Double.NEGATIVE_INFINITY;
			for (int p = 0; p < this.proposals.length; p++) {
				voteTotals[p] = vote.totals().getOrDefault(this.proposals[p], 0.0);
				low = Math.min(low, voteTotals[p]);
				high = Math.max(high, voteTotals[p]);
			}
			double scaleMin = this.input.rubric().totalMin();
			double scaleMax = this.input.rubric().totalMax();
			for (int p = 0; p < this.proposals.length; p++) {
				scores[p] = (high == low) ? (scaleMin + scaleMax) / 2
						: scaleMin + (scaleMax - scaleMin) * ((voteTotals[p] - low) / (high - low));
			}
			return scores;
		}

		/**
		 * F for one proposal: numerator and denominator accumulated over the sectors
		 * present in sector order, then the vote. The point estimate and every bootstrap
		 * replicate call this, so their arithmetic is identical.
		 */
		private double finalScore(double[] means, int meanOffset, int[] counts, int countOffset, double voteScore) {
			double numerator = 0;
			double denominator = 0;
			for (int g = 0; g < G; g++) {
				if (counts[countOffset + g] > 0) {
					numerator += this.sectorWeight[g] * means[meanOffset + g];
					denominator += this.sectorWeight[g];
				}
			}
			if (this.hasVote) {
				numerator += this.voteWeight * voteScore;
				denominator += this.voteWeight;
			}
			return numerator / denominator;
		}

		/**
		 * Method 1 ({@code pools} null) resamples each proposal's own sheets within each
		 * sector; method 2 adds to each sector mean the mean of c draws from the sector's
		 * residual pool. Both draw in the same order: replicate, ranked proposal in id
		 * order, sector present in sector order, c draws.
		 */
		private Bootstrap bootstrap(int[] rankedIndex, int[] groupCount, int[] groupStart, double[] groupValues,
				double[] groupMean, double[] voteScores, @Nullable ResidualPools pools) {
			int replicates = this.input.bootstrapReplicates();
			int rankedCount = rankedIndex.length;
			int[] ranks = new int[rankedCount * replicates];
			long[] keys = new long[rankedCount];
			long[] sorted = new long[rankedCount];
			int[] rankRow = new int[rankedCount];
			double[] means = new double[G];
			SplitMix64 random = new SplitMix64(this.input.seed());
			for (int b = 0; b < replicates; b++) {
				for (int i = 0; i < rankedCount; i++) {
					int p = rankedIndex[i];
					for (int g = 0; g < G; g++) {
						int count = groupCount[p * G + g];
						if (count > 0 && pools == null) {
							int start = groupStart[p * G + g];
							double sum = 0;
							for (int draw = 0; draw < count; draw++) {
								sum += groupValues[start + random.nextInt(count)];
							}
							means[g] = sum / count;
						}
						else if (count > 0) {
							double[] pool = pools.drawFrom()[g];
							double sum = 0;
							for (int draw = 0; draw < count; draw++) {
								sum += pool[random.nextInt(pool.length)];
							}
							means[g] = groupMean[p * G + g] + sum / count;
						}
					}
					keys[i] = tieKey(finalScore(means, 0, groupCount, p * G, voteScores[p]));
				}
				// One row per replicate: contiguous writes (a column per proposal would
				// touch a new page per write).
				competitionRanks(keys, sorted, rankRow);
				System.arraycopy(rankRow, 0, ranks, b * rankedCount, rankedCount);
			}
			int quota = this.input.outstandingQuota();
			int[] low = new int[rankedCount];
			int[] high = new int[rankedCount];
			double[] topN = new double[rankedCount];
			int lowIndex = (LOW_PERCENTILE * replicates + 99) / 100 - 1;
			int highIndex = (HIGH_PERCENTILE * replicates + 99) / 100 - 1;
			// Ranks lie in 1..rankedCount, so a histogram per proposal gives the order
			// statistics without sorting.
			// Proposals are taken in blocks so each replicate row is read in contiguous
			// slices and the block's
			// histograms stay in cache.
			int width = rankedCount + 1;
			int[] histograms = new int[Math.min(HISTOGRAM_BLOCK, Math.max(rankedCount, 1)) * width];
			for (int first = 0; first < rankedCount; first += HISTOGRAM_BLOCK) {
				int block = Math.min(HISTOGRAM_BLOCK, rankedCount - first);
				Arrays.fill(histograms, 0);
				for (int b = 0; b < replicates; b++) {
					int row = b * rankedCount + first;
					for (int t = 0; t < block; t++) {
						histograms[t * width + ranks[row + t]]++;
					}
				}
				for (int t = 0; t < block; t++) {
					int i = first + t;
					int from = t * width;
					low[i] = orderStatistic(histograms, from, width, lowIndex);
					high[i] = orderStatistic(histograms, from, width, highIndex);
					int inTop = 0;
					for (int rank = 1; rank <= Math.min(quota, rankedCount); rank++) {
						inTop += histograms[from + rank];
					}
					topN[i] = (double) inTop / replicates;
				}
			}
			return new Bootstrap(low, high, topN);
		}

		private RankedProposal line(int p, int rank, double score, int[] groupCount, double[] groupMean,
				double[] voteTotals, double[] voteScores, boolean tied, @Nullable Bootstrap bootstrap,
				@Nullable SufficientEvidence evidence, int i, long key, double normalisedDeviation, int quota) {
			List<SectorScore> sectorScores = new ArrayList<>();
			List<Sector> missing = new ArrayList<>();
			for (Sector sector : SECTORS) {
				int g = sector.ordinal();
				if (groupCount[p * G + g] > 0) {
					sectorScores.add(
							new SectorScore(sector, groupCount[p * G + g], groupMean[p * G + g], this.sectorWeight[g]));
				}
				else if (this.sectorWeight[g] > 0) {
					missing.add(sector);
				}
			}
			Double divergence = null;
			int publicGroup = p * G + Sector.PUBLIC.ordinal();
			int privateGroup = p * G + Sector.PRIVATE.ordinal();
			if (groupCount[publicGroup] > 0 && groupCount[privateGroup] > 0) {
				double gap = Math.abs(groupMean[publicGroup] - groupMean[privateGroup]);
				// σ_n within the spread tolerance means every n is equal up to rounding:
				// no disagreement to measure.
				divergence = (normalisedDeviation > this.tolerance) ? gap / normalisedDeviation : 0.0;
			}
			boolean inTopN = (evidence == null) ? rank <= quota
					: evidence.sufficient()[i] && evidence.rankAmongSufficient(key) <= quota;
			EvidenceCoverage coverage = (evidence != null) ? evidence.coverage()[i] : null;
			if (bootstrap == null) {
				// Method 2 without any residual: the spread is unknown, so nothing is
				// claimed about it.
				return new RankedProposal(this.proposals[p], rank, score, sectorScores,
						this.hasVote ? voteTotals[p] : null, this.hasVote ? voteScores[p] : null, missing, divergence,
						divergence != null && divergence > DIVERGENCE_THRESHOLD, tied, inTopN, null, null, null, null,
						null, null, coverage);
			}
			int rankLow = Math.min(bootstrap.low[i], rank);
			int rankHigh = Math.max(bootstrap.high[i], rank);
			return new RankedProposal(this.proposals[p], rank, score, sectorScores, this.hasVote ? voteTotals[p] : null,
					this.hasVote ? voteScores[p] : null, missing, divergence,
					divergence != null && divergence > DIVERGENCE_THRESHOLD, tied, inTopN, rankLow, rankHigh,
					bootstrap.low[i], bootstrap.high[i], bootstrap.topN[i], rankLow <= quota && quota < rankHigh,
					coverage);
		}

		private List<Sector> sectorsPresent(int[] groupCount, int p) {
			List<Sector> present = new ArrayList<>();
			for (Sector sector : SECTORS) {
				if (groupCount[p * G + sector.ordinal()] > 0) {
					present.add(sector);
				}
			}
			return present;
		}

	}

	/**
	 * Per ranked proposal (in id order): bootstrap percentiles of rank and P(rank ≤ N).
	 */
	private record Bootstrap(int[] low, int[] high, double[] topN) {
	}

	/**
	 * Competition ranks ("1224"): rank = 1 + the number of keys strictly greater.
	 * {@code sorted} is scratch space of the same length; the result is written to and
	 * returned as {@code ranks}.
	 */
	static int[] competitionRanks(long[] keys, long[] sorted, int[] ranks) {
		System.arraycopy(keys, 0, sorted, 0, keys.length);
		Arrays.sort(sorted);
		for (int i = 0; i < keys.length; i++) {
			ranks[i] = 1 + (keys.length - upperBound(sorted, keys[i]));
		}
		return ranks;
	}

	/**
	 * The value at 0-based position {@code index} of the sorted sample counted by the
	 * histogram {@code counts[from .. from + width)} (entry v counts the value v).
	 */
	private static int orderStatistic(int[] counts, int from, int width, int index) {
		int seen = 0;
		for (int value = 0; value < width; value++) {
			seen += counts[from + value];
			if (seen > index) {
				return value;
			}
		}
		throw new IllegalStateException("index " + index + " beyond the sample");
	}

	/**
	 * Index of the first element strictly greater than {@code key} in an ascending array.
	 */
	static int upperBound(long[] sorted, long key) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (sorted[mid] <= key) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	private static int[] indexesOf(boolean[] flags) {
		int count = 0;
		for (boolean flag : flags) {
			if (flag) {
				count++;
			}
		}
		int[] indexes = new int[count];
		int next = 0;
		for (int i = 0; i < flags.length; i++) {
			if (flags[i]) {
				indexes[next++] = i;
			}
		}
		return indexes;
	}

	/** Σ x / count in array order; 0 for an empty array. */
	private static double mean(double[] values) {
		if (values.length == 0) {
			return 0;
		}
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return sum / values.length;
	}

	/** √(Σ x² / count) in array order; 0 for an empty array. */
	static double rootMeanSquare(double[] values) {
		if (values.length == 0) {
			return 0;
		}
		double sum = 0;
		for (double value : values) {
			sum += value * value;
		}
		return Math.sqrt(sum / values.length);
	}

	/**
	 * √(Σ (x − mean)² / count) in array order (population standard deviation); 0 for an
	 * empty array.
	 */
	private static double standardDeviation(double[] values, double mean) {
		if (values.length == 0) {
			return 0;
		}
		double sum = 0;
		for (double value : values) {
			double d = value - mean;
			sum += d * d;
		}
		return Math.sqrt(sum / values.length);
	}

}
