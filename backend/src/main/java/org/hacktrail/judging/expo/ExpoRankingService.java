package org.hacktrail.judging.expo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.pairwise.JudgeReliability;
import org.hacktrail.judging.pairwise.PairwiseInput;
import org.hacktrail.judging.pairwise.PairwiseRanking;
import org.hacktrail.judging.pairwise.PairwiseResult;
import org.hacktrail.judging.pairwise.RankedCandidate;
import org.hacktrail.judging.pairwise.SectorPairwiseInput;
import org.hacktrail.judging.pairwise.SectorPairwiseResult;
import org.hacktrail.judging.pairwise.SectorPass;
import org.hacktrail.judging.pairwise.SectorRanking;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgePanelService;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.ExpoTable;
import org.hacktrail.judging.round.ExpoTables;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * What organizers read of a PAIRWISE round: the ranking ({@code hacktrail-pairwise-1} on
 * the stored answers, with the round's seed, B and N; {@code hacktrail-pairwise-2}, by
 * sector, when the round says {@code expoSectors}), the judges' reliability, and every
 * visit with who answered and when. Organizers only: judges and proposers never see the
 * ranking before publication.
 */
@Service
public class ExpoRankingService {

	private final ExpoService expo;

	private final RoundService rounds;

	private final JudgePanelService panel;

	private final ProposalLookup proposals;

	private final JudgingAccess access;

	ExpoRankingService(ExpoService expo, RoundService rounds, JudgePanelService panel, ProposalLookup proposals,
			JudgingAccess access) {
		this.expo = expo;
		this.rounds = rounds;
		this.panel = panel;
		this.proposals = proposals;
		this.access = access;
	}

	/** One line of the ranking, with its table and proposal. */
	public record Line(RankedCandidate ranked, @Nullable ExpoTable table, @Nullable Proposal proposal) {
	}

	/**
	 * One judge's reliability, with the judge's name and sector.
	 *
	 * @param passSector in a round ranked by sector, the sector whose pass this is (a
	 * judge whose sector changed appears once per sector); null otherwise
	 */
	public record JudgeLine(JudgeReliability reliability, @Nullable Judge judge, @Nullable Sector passSector) {
	}

	/**
	 * The ranking of a PAIRWISE round.
	 *
	 * @param input what the method was given (candidates, the COMPARED answers, N, m, B,
	 * seed)
	 * @param result the method's answer
	 * @param visits every visit of the round
	 * @param sectors the sector passes, divergence and missing sectors of a round ranked
	 * by sector (hacktrail-pairwise-2; {@code result} is then its combined ranking), null
	 * otherwise
	 */
	public record ExpoRanking(String roundId, PairwiseInput input, PairwiseResult result, List<Line> lines,
			List<JudgeLine> judges, List<ExpoVisit> visits, @Nullable SectorPairwiseResult sectors) {

		public long count(ExpoVisitStatus status) {
			return this.visits.stream().filter((v) -> v.status() == status).count();
		}

	}

	public ExpoRanking ranking(String roundId) {
		this.access.requireOrganizer();
		RoundService.RoundContext context = this.rounds.require(roundId);
		JudgingRound round = context.judging();
		ExpoService.requirePairwise(round);
		List<String> candidates = ExpoTables.candidates(round);
		List<ExpoVisit> visits = this.expo.visitsOf(roundId);
		PairwiseInput input = ExpoService.input(round, candidates, visits,
				RoundService.cut(context.hackathon(), round));
		Map<String, Judge> judges = new HashMap<>();
		this.panel.judgesOf(round.hackathonId()).forEach((j) -> judges.put(j.id(), j));
		SectorPairwiseResult sectors = null;
		PairwiseResult result;
		if (round.config().pairwiseBySector()) {
			sectors = SectorRanking.rank(new SectorPairwiseInput(input, ExpoService.sectorsByClientId(visits, judges),
					round.config().sectorWeights()));
			result = sectors.combined();
		}
		else {
			result = PairwiseRanking.rank(input);
		}
		Map<String, ExpoTable> tables = new HashMap<>();
		round.config().expoTables().forEach((t) -> tables.put(t.proposalId(), t));
		Map<String, Proposal> found = this.proposals.byIds(candidates);
		List<Line> lines = new ArrayList<>();
		for (RankedCandidate ranked : result.ranking()) {
			lines.add(new Line(ranked, tables.get(ranked.candidateId()), found.get(ranked.candidateId())));
		}
		List<JudgeLine> reliabilities = new ArrayList<>();
		if (sectors != null) {
			for (SectorPass pass : sectors.sectors()) {
				pass.judges()
					.forEach((r) -> reliabilities.add(new JudgeLine(r, judges.get(r.judgeId()), pass.sector())));
			}
		}
		else {
			result.judges().forEach((r) -> reliabilities.add(new JudgeLine(r, judges.get(r.judgeId()), null)));
		}
		return new ExpoRanking(roundId, input, result, lines, reliabilities, visits, sectors);
	}

	/** Every visit of a PAIRWISE round, by judge and number. Organizers. */
	public List<ExpoVisit> visits(String roundId) {
		this.access.requireOrganizer();
		ExpoService.requirePairwise(this.rounds.require(roundId).judging());
		return this.expo.visitsOf(roundId)
			.stream()
			.sorted(java.util.Comparator.comparing(ExpoVisit::judgeId).thenComparingInt(ExpoVisit::number))
			.toList();
	}

}
