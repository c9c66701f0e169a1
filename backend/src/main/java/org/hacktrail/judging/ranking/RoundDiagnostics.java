package org.hacktrail.judging.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.JudgeSummary.Treatment;
import org.jspecify.annotations.Nullable;

/**
 * What an organizer reads before trusting a ranking (docs/judging-method.md, "Diagnostics
 * for organizers"): how each judge scored (leniency and spread), how far judges agree,
 * per sector and over the round, and where the sectors disagree, per criterion. Computed
 * from a ranking's input and result only, so it is as reproducible as the ranking; it
 * changes nothing in the ranking.
 *
 * @param judges per judge, by judge id
 * @param agreement the round first (sector null), then every sector with sheets, in
 * {@link Sector} order
 * @param criteria every criterion, the largest gap between sectors first
 * @param divergentProposals proposals the ranking flags as divergent, the most divergent
 * first
 */
public record RoundDiagnostics(List<JudgeDiagnostic> judges, List<Agreement> agreement, List<CriterionGap> criteria,
		List<DivergentProposal> divergentProposals) {

	/** Agreement is measured on at least this many proposals with two or more sheets. */
	public static final int MIN_AGREEMENT_PROPOSALS = 3;

	public RoundDiagnostics {
		judges = List.copyOf(judges);
		agreement = List.copyOf(agreement);
		criteria = List.copyOf(criteria);
		divergentProposals = List.copyOf(divergentProposals);
	}

	/**
	 * One judge.
	 *
	 * @param judgeId the pseudonymous id
	 * @param sheetCount submitted sheets counted
	 * @param meanTotal mean of the judge's raw totals r
	 * @param spread population standard deviation of the judge's raw totals
	 * @param leniency (meanTotal − μ) / σ over the round's raw totals: above 0 scores
	 * higher than the round; null when σ = 0
	 * @param treatment what the normalisation did with the judge's totals (NO_SPREAD:
	 * every sheet counts as the round mean)
	 */
	public record JudgeDiagnostic(String judgeId, Sector sector, int sheetCount, double meanTotal, double spread,
			@Nullable Double leniency, Treatment treatment) {
	}

	/**
	 * Agreement between judges: the one-way random-effects intraclass correlation over
	 * the proposals with two or more sheets (of the sector, or of the round).
	 *
	 * @param sector null for the whole round
	 * @param proposalCount proposals with two or more sheets, the groups
	 * @param sheetCount their sheets
	 * @param icc ICC(1): the share of the variance of one sheet's normalised total that
	 * lies between proposals; may be below 0 (no agreement beyond chance); null when
	 * unknown
	 * @param iccAverage ICC(1,k) with k the adjusted mean sheets per proposal: the
	 * reliability of a proposal's mean; null when unknown
	 * @param level the reading of {@code icc} (Koo and Li 2016)
	 */
	public record Agreement(@Nullable Sector sector, int proposalCount, int sheetCount, @Nullable Double icc,
			@Nullable Double iccAverage, Level level) {
	}

	/**
	 * Koo and Li (2016): below 0.5 poor, to 0.75 moderate, to 0.9 good, above excellent.
	 */
	public enum Level {

		/**
		 * Fewer than {@link #MIN_AGREEMENT_PROPOSALS} proposals with two sheets, or no
		 * variance at all.
		 */
		UNKNOWN, POOR, MODERATE, GOOD, EXCELLENT;

		static Level of(@Nullable Double icc) {
			if (icc == null) {
				return UNKNOWN;
			}
			if (icc < 0.5) {
				return POOR;
			}
			if (icc < 0.75) {
				return MODERATE;
			}
			return (icc < 0.9) ? GOOD : EXCELLENT;
		}

	}

	/**
	 * How far the sectors' mean scores on one criterion lie apart, as a share of its
	 * scale (scaleMax − scaleMin), over the proposals scored by two or more sectors.
	 *
	 * @param proposalCount proposals scored by two or more sectors
	 * @param meanGap mean over those proposals of (highest − lowest sector mean) / scale;
	 * null without such proposals
	 */
	public record CriterionGap(String criterionId, int proposalCount, @Nullable Double meanGap) {
	}

	/**
	 * A proposal the ranking flags as divergent, with its criteria by gap.
	 *
	 * @param divergence the ranking's divergence
	 * @param criteria this proposal's gap per criterion, the largest first
	 */
	public record DivergentProposal(String proposalId, double divergence, List<ProposalCriterionGap> criteria) {
	}

	/**
	 * @param gap (highest − lowest sector mean) / scale
	 * @param sectorMeans the mean raw score of every sector that scored the proposal
	 */
	public record ProposalCriterionGap(String criterionId, double gap, Map<Sector, Double> sectorMeans) {
	}

	/** The diagnostics of a ranking, from its input and result. */
	public static RoundDiagnostics of(RankingInput input, RankingResult result) {
		RoundSummary round = result.round();
		List<JudgeDiagnostic> judges = new ArrayList<>();
		for (JudgeSummary judge : result.judges()) {
			Double leniency = (round.standardDeviation() > 0)
					? (judge.mean() - round.mean()) / round.standardDeviation() : null;
			judges.add(new JudgeDiagnostic(judge.judgeId(), judge.sector(), judge.sheetCount(), judge.mean(),
					judge.standardDeviation(), leniency, judge.treatment()));
		}
		List<Agreement> agreement = new ArrayList<>();
		agreement.add(agreement(null, result.sheets(), (sheet) -> true));
		for (Sector sector : Sector.values()) {
			if (result.sheets().stream().anyMatch((sheet) -> sheet.sector() == sector)) {
				agreement.add(agreement(sector, result.sheets(), (sheet) -> sheet.sector() == sector));
			}
		}
		// Raw criterion means per proposal and sector.
		Map<String, Map<Sector, Map<String, double[]>>> sums = new TreeMap<>();
		for (SubmittedSheet sheet : input.sheets()) {
			Map<String, double[]> bySector = sums
				.computeIfAbsent(sheet.proposalId(), (p) -> new EnumMap<>(Sector.class))
				.computeIfAbsent(sheet.sector(), (s) -> new HashMap<>());
			sheet.scores().forEach((criterion, score) -> {
				double[] sum = bySector.computeIfAbsent(criterion, (c) -> new double[2]);
				sum[0] += score;
				sum[1]++;
			});
		}
		Map<String, List<ProposalCriterionGap>> gapsOf = new HashMap<>();
		List<CriterionGap> criteria = new ArrayList<>();
		for (Criterion criterion : input.rubric().criteria()) {
			double scale = criterion.scaleMax() - criterion.scaleMin();
			double total = 0;
			int proposals = 0;
			for (Map.Entry<String, Map<Sector, Map<String, double[]>>> proposal : sums.entrySet()) {
				if (proposal.getValue().size() < 2) {
					continue;
				}
				Map<Sector, Double> means = new EnumMap<>(Sector.class);
				proposal.getValue().forEach((sector, bySector) -> {
					double[] sum = bySector.get(criterion.id());
					means.put(sector, sum[0] / sum[1]);
				});
				double gap = (max(means) - min(means)) / scale;
				total += gap;
				proposals++;
				gapsOf.computeIfAbsent(proposal.getKey(), (p) -> new ArrayList<>())
					.add(new ProposalCriterionGap(criterion.id(), gap, means));
			}
			criteria.add(new CriterionGap(criterion.id(), proposals, (proposals > 0) ? total / proposals : null));
		}
		criteria.sort(Comparator
			.comparing((CriterionGap gap) -> (gap.meanGap() != null) ? gap.meanGap() : -1.0, Comparator.reverseOrder())
			.thenComparing(CriterionGap::criterionId));
		List<DivergentProposal> divergent = new ArrayList<>();
		for (RankedProposal line : result.ranking()) {
			if (line.divergent() && line.divergence() != null) {
				List<ProposalCriterionGap> gaps = new ArrayList<>(gapsOf.getOrDefault(line.proposalId(), List.of()));
				gaps.sort(Comparator.comparingDouble(ProposalCriterionGap::gap)
					.reversed()
					.thenComparing(ProposalCriterionGap::criterionId));
				divergent.add(new DivergentProposal(line.proposalId(), line.divergence(), gaps));
			}
		}
		divergent.sort(Comparator.comparingDouble(DivergentProposal::divergence)
			.reversed()
			.thenComparing(DivergentProposal::proposalId));
		return new RoundDiagnostics(judges, agreement, criteria, divergent);
	}

	/**
	 * ICC(1) and ICC(1,k) of a one-way random-effects analysis of variance with unequal
	 * group sizes (Shrout and Fleiss 1979; McGraw and Wong 1996; the adjusted group size
	 * n₀ of Snedecor and Cochran): the groups are the proposals with two or more of the
	 * chosen sheets, the observations their normalised totals n.
	 */
	static Agreement agreement(@Nullable Sector sector, List<NormalisedSheet> sheets,
			Predicate<NormalisedSheet> chosen) {
		Map<String, List<Double>> groups = new LinkedHashMap<>();
		for (NormalisedSheet sheet : sheets) {
			if (chosen.test(sheet)) {
				groups.computeIfAbsent(sheet.proposalId(), (p) -> new ArrayList<>()).add(sheet.normalised());
			}
		}
		groups.values().removeIf((values) -> values.size() < 2);
		int a = groups.size();
		int n = groups.values().stream().mapToInt(List::size).sum();
		if (a < MIN_AGREEMENT_PROPOSALS) {
			return new Agreement(sector, a, n, null, null, Level.UNKNOWN);
		}
		double grand = 0;
		for (List<Double> values : groups.values()) {
			for (double value : values) {
				grand += value;
			}
		}
		grand /= n;
		double between = 0;
		double within = 0;
		double squaredSizes = 0;
		for (List<Double> values : groups.values()) {
			double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
			between += values.size() * (mean - grand) * (mean - grand);
			for (double value : values) {
				within += (value - mean) * (value - mean);
			}
			squaredSizes += (double) values.size() * values.size();
		}
		double msb = between / (a - 1);
		double msw = within / (n - a);
		double n0 = (n - squaredSizes / n) / (a - 1);
		double denominator = msb + (n0 - 1) * msw;
		if (!(denominator > 0)) {
			// Every total equal: nothing to agree or disagree on.
			return new Agreement(sector, a, n, null, null, Level.UNKNOWN);
		}
		double icc = (msb - msw) / denominator;
		// All proposal means equal (MSB = 0): ICC(1) is −1 / (n₀ − 1), ICC(1,k)
		// undefined.
		Double average = (msb > 0) ? (msb - msw) / msb : null;
		return new Agreement(sector, a, n, icc, average, Level.of(icc));
	}

	private static double max(Map<Sector, Double> values) {
		return values.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
	}

	private static double min(Map<Sector, Double> values) {
		return values.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
	}

}
