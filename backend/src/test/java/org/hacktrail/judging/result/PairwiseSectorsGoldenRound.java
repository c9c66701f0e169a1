package org.hacktrail.judging.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.assignment.AssignmentRequest;
import org.hacktrail.judging.expo.ExpoEvidence;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwisePriors;
import org.hacktrail.judging.pairwise.SectorPairwiseInput;
import org.hacktrail.judging.pairwise.SectorPairwiseResult;
import org.hacktrail.judging.pairwise.SectorRanking;
import org.hacktrail.judging.round.RoundConfig;
import org.hacktrail.judging.round.RoundMethod;
import org.hacktrail.judging.round.Selection;
import org.hacktrail.judging.round.VoteMode;

/**
 * The round of {@code results.sectors.golden.json}: the comparisons of
 * {@link PairwiseGoldenRound} in a round ranked by sector (hacktrail-pairwise-2), the
 * three judges PUBLIC, PRIVATE and ACADEMIC, weights PUBLIC 0.5, PRIVATE 0.3, ACADEMIC
 * 0.2, and the second judge's last answer given while that judge was PUBLIC (a sector
 * changed mid-round counts where it was).
 */
final class PairwiseSectorsGoldenRound {

	static final Map<Sector, Double> WEIGHTS = Map.of(Sector.PUBLIC, 0.5, Sector.PRIVATE, 0.3, Sector.ACADEMIC, 0.2);

	private PairwiseSectorsGoldenRound() {
	}

	static PublishedRound expoBySector() {
		PublishedRound plain = PairwiseGoldenRound.expo();
		ExpoEvidence base = plain.expo();
		Map<String, Sector> sectorOfJudge = new HashMap<>();
		base.judges().forEach((j) -> sectorOfJudge.put(j.id(), j.sector()));
		List<ExpoEvidence.PublicComparison> comparisons = new ArrayList<>();
		Map<String, Sector> sectors = new HashMap<>();
		for (ExpoEvidence.PublicComparison c : base.comparisons()) {
			Sector sector = c.id().equals("C-000007") ? Sector.PUBLIC : sectorOfJudge.get(c.judge());
			comparisons.add(new ExpoEvidence.PublicComparison(c.id(), c.judge(), c.current(), c.previous(), c.winner(),
					c.loser(), c.at(), c.sequence(), sector));
			sectors.put(c.id(), sector);
		}
		ExpoEvidence withSectors = new ExpoEvidence(base.priors(), base.minimumComparisons(), base.tables(),
				base.judges(), comparisons, base.skips(), base.firstVisits(), base.result());
		PairwiseInput pairwise = withSectors.input(plain.proposalIds(), 2, 60, 2026);
		SectorPairwiseInput input = new SectorPairwiseInput(pairwise, sectors, WEIGHTS);
		SectorPairwiseResult result = SectorRanking.rank(input);
		ExpoEvidence evidence = new ExpoEvidence(base.priors(), base.minimumComparisons(), base.tables(), base.judges(),
				comparisons, base.skips(), base.firstVisits(), result.combined(), result, input.weights());
		RoundConfig config = new RoundConfig(List.of(), 3, AssignmentRequest.defaultSectorMinimums(), null,
				new EnumMap<>(WEIGHTS), true, VoteMode.NONE, 0, RoundConfig.DEFAULT_VOTE_CREDITS, 2, null, 60, 2026,
				null, RoundMethod.PAIRWISE, base.tables(), true);
		var ranking = PairwiseRankings.asRankingResult(pairwise, result.combined(), config, result);
		List<String> topN = ranking.ranking().stream().filter((l) -> l.inTopN()).map((l) -> l.proposalId()).toList();
		Selection selection = new Selection(topN, Selection.Kind.TOP_N, null, null, topN, "fingerprint-sectors",
				"organizer", Instant.parse("2026-05-08T09:00:00Z"));
		return new PublishedRound("R-expo-sectors", "H-1", new LocalizedText("分類別展場評審", "Expo by sector"),
				RoundKind.FINAL, config, 2, plain.proposalIds(), List.of(), null, ranking, selection,
				"fingerprint-sectors", evidence);
	}

}
