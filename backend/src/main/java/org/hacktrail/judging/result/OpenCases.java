package org.hacktrail.judging.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.pairwise.PairwiseRanking;
import org.hacktrail.judging.pairwise.SectorRanking;
import org.hacktrail.judging.ranking.EvidenceCoverage;
import org.hacktrail.judging.ranking.JudgeSummary;
import org.hacktrail.judging.ranking.RankedProposal;
import org.hacktrail.judging.ranking.RankingResult;
import org.hacktrail.judging.ranking.TieGroup;
import org.hacktrail.judging.ranking.Uncertainty;
import org.hacktrail.judging.ranking.UnrankedProposal;
import org.hacktrail.judging.round.Selection;
import org.jspecify.annotations.Nullable;

/**
 * The open cases of a ranking ({@link OpenCase}), read from what the ranking already
 * reports — nothing is computed again. One method per kind, in the order of
 * {@link OpenCase.Kind}; adding a kind is adding its method to {@link #of}.
 */
final class OpenCases {

	private OpenCases() {
	}

	/**
	 * Every open case of the ranking, kind by kind, each kind in the ranking's order.
	 * @param selection the selection, which may resolve a tie at the cut
	 * @param judges the judge record id and name of each judge's pseudonym (as in the
	 * ranking); a judge not in it is named by the pseudonym
	 */
	static List<OpenCase> of(RankingResult result, int cut, @Nullable Selection selection,
			Map<String, JudgeName> judges) {
		List<OpenCase> cases = new ArrayList<>();
		tiesAtCut(result, cut, selection, cases);
		straddling(result, cut, cases);
		divergent(result, cases);
		missingSectors(result, cases);
		noSpread(result, judges, cases);
		unranked(result, cases);
		insufficientEvidence(result, cases);
		unknownUncertainty(result, cases);
		return cases;
	}

	/** How open cases name a judge. */
	record JudgeName(String judgeId, String name) {
	}

	/** The open cases not resolved by the selection. */
	static List<OpenCase> unresolved(List<OpenCase> cases) {
		return cases.stream().filter((c) -> !c.resolved()).toList();
	}

	private static void tiesAtCut(RankingResult result, int cut, @Nullable Selection selection, List<OpenCase> cases) {
		boolean decided = selection != null
				&& (selection.kind() == Selection.Kind.TIE_RESOLVED || selection.kind() == Selection.Kind.OVERRIDE);
		for (TieGroup tie : result.ties()) {
			if (tie.acrossCut()) {
				cases.add(
						new OpenCase(OpenCase.Kind.TIE_AT_CUT, tie.proposalIds(), null,
								tie.proposalIds().size() + " proposals share rank " + tie.rank() + " across the cut of "
										+ cut
										+ (decided ? "; the selection resolves it with a written reason."
												: "; selecting exactly " + cut + " needs a recorded decision."),
								decided));
			}
		}
	}

	private static void straddling(RankingResult result, int cut, List<OpenCase> cases) {
		for (RankedProposal line : result.ranking()) {
			if (Boolean.TRUE.equals(line.straddlesCut())) {
				cases.add(new OpenCase(OpenCase.Kind.STRADDLES_CUT, List.of(line.proposalId()), null,
						"Rank " + line.rank() + ", but its 90 % rank interval " + line.rankLow() + "–" + line.rankHigh()
								+ " lies on both sides of the cut of " + cut + ": being "
								+ (line.inTopN() ? "in" : "out of") + " the top " + cut + " is not certain.",
						false));
			}
		}
	}

	private static void divergent(RankingResult result, List<OpenCase> cases) {
		boolean pairwise2 = SectorRanking.ALGORITHM_VERSION.equals(result.algorithmVersion());
		for (RankedProposal line : result.ranking()) {
			if (line.divergent()) {
				cases.add(new OpenCase(OpenCase.Kind.DIVERGENT_SECTORS, List.of(line.proposalId()), null,
						"The public and private sectors disagree on it (divergence "
								+ String.format(java.util.Locale.ROOT, "%.2f", line.divergence()) + ", above "
								+ (pairwise2 ? "2" : "1") + ").",
						false));
			}
		}
	}

	private static void missingSectors(RankingResult result, List<OpenCase> cases) {
		boolean pairwise2 = SectorRanking.ALGORITHM_VERSION.equals(result.algorithmVersion());
		for (RankedProposal line : result.ranking()) {
			if (!line.missingSectors().isEmpty()) {
				String sectors = String.join(", ", line.missingSectors().stream().map(Sector::name).toList());
				cases.add(new OpenCase(OpenCase.Kind.MISSING_SECTORS, List.of(line.proposalId()), null, pairwise2
						? "No comparison from " + sectors
								+ ", though weighted: that sector counts with its prior, and the evidence is insufficient."
						: "No sheet from " + sectors + ", though weighted: its score rests on the other sectors.",
						false));
			}
		}
	}

	private static void noSpread(RankingResult result, Map<String, JudgeName> judges, List<OpenCase> cases) {
		for (JudgeSummary judge : result.judges()) {
			if (judge.treatment() == JudgeSummary.Treatment.NO_SPREAD) {
				JudgeName name = judges.get(judge.judgeId());
				cases.add(new OpenCase(OpenCase.Kind.NO_SPREAD, List.of(), (name != null) ? name.judgeId() : null,
						"Judge " + ((name != null) ? name.name() : judge.judgeId()) + " (" + judge.sector()
								+ ") gave all " + judge.sheetCount()
								+ " sheets the same total: they count as the mean and tell nothing apart.",
						false));
			}
		}
	}

	private static void insufficientEvidence(RankingResult result, List<OpenCase> cases) {
		for (RankedProposal line : result.ranking()) {
			EvidenceCoverage evidence = line.evidence();
			if (evidence != null && !evidence.sufficient()) {
				List<String> shortSectors = new ArrayList<>();
				for (EvidenceCoverage.SectorCoverage sector : evidence.sectors()) {
					if (sector.sheetCount() < sector.minimum()) {
						shortSectors.add(sector.sector() + " " + sector.sheetCount() + " of " + sector.minimum());
					}
				}
				String what = (PairwiseRanking.ALGORITHM_VERSION.equals(result.algorithmVersion())
						|| SectorRanking.ALGORITHM_VERSION.equals(result.algorithmVersion()))
								? " comparisons a candidate needs" : " sheets the round asks for";
				cases.add(new OpenCase(OpenCase.Kind.INSUFFICIENT_EVIDENCE, List.of(line.proposalId()), null,
						"Rank " + line.rank() + " rests on " + evidence.sheetCount() + " of the "
								+ evidence.sheetsRequired() + what
								+ (shortSectors.isEmpty() ? "" : " (" + String.join(", ", shortSectors) + ")")
								+ ": it is not proposed for the top N; selecting it needs a written justification.",
						false));
			}
		}
	}

	private static void unknownUncertainty(RankingResult result, List<OpenCase> cases) {
		Uncertainty uncertainty = result.uncertainty();
		if (uncertainty != null && !uncertainty.known()) {
			cases.add(new OpenCase(OpenCase.Kind.UNKNOWN_UNCERTAINTY, List.of(), null,
					"Only " + uncertainty.residualCount()
							+ " differences between judges of one sector on one proposal: too few to measure how much"
							+ " judges differ, so no rank interval or P(top N) is published as known.",
					false));
		}
	}

	private static void unranked(RankingResult result, List<OpenCase> cases) {
		for (UnrankedProposal proposal : result.unranked()) {
			cases.add(new OpenCase(OpenCase.Kind.UNRANKED, List.of(proposal.proposalId()), null,
					"No final score: " + proposal.reason(), false));
		}
	}

}
