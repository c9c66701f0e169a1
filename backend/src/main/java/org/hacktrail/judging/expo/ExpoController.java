package org.hacktrail.judging.expo;

import org.hacktrail.judging.pairwise.SectorRanking;

import org.hacktrail.judging.pairwise.SectorPass;

import org.hacktrail.judging.pairwise.SectorPairwiseResult;

import org.hacktrail.judging.pairwise.CandidateSectors;

import org.hacktrail.judging.pairwise.CandidateEstimate;

import java.util.HashMap;

import java.util.ArrayList;

import java.util.List;
import java.util.Map;

import org.hacktrail.judging.JudgingGraphQl;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.pairwise.RankedCandidate;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.ExpoTable;
import org.hacktrail.judging.round.ExpoTables;
import org.hacktrail.judging.round.RoundMethod;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.platform.DomainException;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for expo (PAIRWISE) judging: tables, visits, answers and the ranking. */
@Controller
class ExpoController {

	private final ExpoService expo;

	private final ExpoRankingService ranking;

	private final ExpoTables tables;

	private final RoundService rounds;

	private final ProposalLookup proposals;

	private final JudgingAccess access;

	ExpoController(ExpoService expo, ExpoRankingService ranking, ExpoTables tables, RoundService rounds,
			ProposalLookup proposals, JudgingAccess access) {
		this.access = access;
		this.expo = expo;
		this.ranking = ranking;
		this.tables = tables;
		this.rounds = rounds;
		this.proposals = proposals;
	}

	// ---- the round's configuration

	@SchemaMapping(typeName = "JudgingRound")
	RoundMethod method(RoundService.RoundContext round) {
		return round.judging().config().method();
	}

	@SchemaMapping(typeName = "JudgingRound")
	List<ExpoTable> expoTables(RoundService.RoundContext round) {
		return round.judging().config().expoTables();
	}

	/**
	 * The proposals that need a table: a PAIRWISE round's candidates now (configured or
	 * default; the tables' proposals once OPEN), in id order. Organizers only; null for
	 * others, for a RUBRIC round, and while the default candidates cannot be known (the
	 * previous round is not published).
	 */
	@SchemaMapping(typeName = "JudgingRound")
	@Nullable List<Proposal> expoCandidates(RoundService.RoundContext round) {
		if (!this.access.isOrganizer() || round.judging().config().method() != RoundMethod.PAIRWISE) {
			return null;
		}
		List<String> ids;
		if (round.judging().status() != RoundStatus.DRAFT) {
			ids = ExpoTables.candidates(round.judging());
		}
		else {
			try {
				ids = this.rounds.candidates(round);
			}
			catch (DomainException ex) {
				return null;
			}
		}
		Map<String, Proposal> byId = this.proposals.byIds(ids);
		return ids.stream().map(byId::get).filter((p) -> p != null).toList();
	}

	record ConfigureExpoTablesPayload(RoundService.RoundContext round) {
	}

	@MutationMapping
	ConfigureExpoTablesPayload configureExpoTables(@Argument ExpoTables.ConfigureExpoTablesInput input) {
		return new ConfigureExpoTablesPayload(this.rounds.context(this.tables.configure(input)));
	}

	// ---- a judge's walk

	record NextExpoVisitPayload(@Nullable ExpoVisit visit, boolean done, @Nullable ExpoVisit previous, int answered,
			int remaining) {
	}

	record RecordExpoComparisonPayload(ExpoVisit visit) {
	}

	record SkipExpoVisitPayload(ExpoVisit visit) {
	}

	@MutationMapping
	NextExpoVisitPayload nextExpoVisit(@Argument String roundId) {
		ExpoService.NextVisit next = this.expo.next(roundId);
		return new NextExpoVisitPayload(next.visit(), next.done(), next.previous(), next.answered(), next.remaining());
	}

	@QueryMapping
	List<ExpoService.MyExpoRound> myExpoRounds() {
		return this.expo.myRounds();
	}

	@SchemaMapping(typeName = "MyExpoRound")
	RoundService.RoundContext round(ExpoService.MyExpoRound work) {
		return this.rounds.context(work.round());
	}

	@MutationMapping
	RecordExpoComparisonPayload recordExpoComparison(@Argument ExpoService.RecordExpoComparisonInput input) {
		return new RecordExpoComparisonPayload(this.expo.compare(input));
	}

	@MutationMapping
	SkipExpoVisitPayload skipExpoVisit(@Argument ExpoService.SkipExpoVisitInput input) {
		return new SkipExpoVisitPayload(this.expo.skip(input));
	}

	@SchemaMapping(typeName = "ExpoVisit")
	@Nullable String sequence(ExpoVisit visit) {
		return (visit.sequence() != null) ? Long.toUnsignedString(visit.sequence()) : null;
	}

	@BatchMapping(typeName = "ExpoVisit", field = "proposal")
	Map<ExpoVisit, Proposal> visitProposal(List<ExpoVisit> visits) {
		return JudgingGraphQl.proposals(visits, ExpoVisit::proposalId, this.proposals);
	}

	// ---- organizers' views

	@QueryMapping
	ExpoRankingService.ExpoRanking expoRanking(@Argument String roundId) {
		return this.ranking.ranking(roundId);
	}

	@QueryMapping
	List<ExpoVisit> expoVisits(@Argument String roundId) {
		return this.ranking.visits(roundId);
	}

	@SchemaMapping(typeName = "ExpoRanking")
	String algorithmVersion(ExpoRankingService.ExpoRanking ranking) {
		return ranking.result().algorithmVersion();
	}

	@SchemaMapping(typeName = "ExpoRanking")
	int outstandingQuota(ExpoRankingService.ExpoRanking ranking) {
		return ranking.input().outstandingQuota();
	}

	@SchemaMapping(typeName = "ExpoRanking")
	int minimumComparisons(ExpoRankingService.ExpoRanking ranking) {
		return ranking.input().minimumComparisons();
	}

	@SchemaMapping(typeName = "ExpoRanking")
	int bootstrapReplicates(ExpoRankingService.ExpoRanking ranking) {
		return ranking.input().bootstrapReplicates();
	}

	@SchemaMapping(typeName = "ExpoRanking")
	String seed(ExpoRankingService.ExpoRanking ranking) {
		return Long.toUnsignedString(ranking.input().seed());
	}

	@SchemaMapping(typeName = "ExpoRanking")
	int comparisonsCounted(ExpoRankingService.ExpoRanking ranking) {
		return ranking.result().comparisonsCounted();
	}

	@SchemaMapping(typeName = "ExpoRanking")
	int judgeUpdatesKept(ExpoRankingService.ExpoRanking ranking) {
		return ranking.result().judgeUpdatesKept();
	}

	@SchemaMapping(typeName = "ExpoRanking")
	long firstVisits(ExpoRankingService.ExpoRanking ranking) {
		return ranking.count(ExpoVisitStatus.VISITED);
	}

	@SchemaMapping(typeName = "ExpoRanking")
	long skippedVisits(ExpoRankingService.ExpoRanking ranking) {
		return ranking.count(ExpoVisitStatus.SKIPPED);
	}

	@SchemaMapping(typeName = "ExpoRanking")
	long openVisits(ExpoRankingService.ExpoRanking ranking) {
		return ranking.count(ExpoVisitStatus.OPEN);
	}

	record ExpoRankingLine(String proposalId, @Nullable Proposal proposal, @Nullable ExpoTable table, int rank,
			double score, double variance, int comparisons, boolean sufficientEvidence, boolean tied, boolean inTopN,
			int rankLow, int rankHigh, double probabilityTopN, boolean straddlesCut, List<ExpoSectorScore> sectorScores,
			@Nullable Double divergence, boolean divergent, List<Sector> missingSectors) {
	}

	record ExpoSectorScore(Sector sector, double weight, double score, double variance, int comparisons) {
	}

	record ExpoSectorWeight(Sector sector, double weight) {
	}

	@SchemaMapping(typeName = "ExpoRanking")
	boolean bySector(ExpoRankingService.ExpoRanking ranking) {
		return ranking.sectors() != null;
	}

	@SchemaMapping(typeName = "ExpoRanking")
	@Nullable Double divergenceThreshold(ExpoRankingService.ExpoRanking ranking) {
		return (ranking.sectors() != null) ? SectorRanking.DIVERGENCE_THRESHOLD : null;
	}

	@SchemaMapping(typeName = "ExpoRanking")
	List<ExpoSectorWeight> sectorWeights(ExpoRankingService.ExpoRanking ranking) {
		SectorPairwiseResult sectors = ranking.sectors();
		return (sectors == null) ? List.of()
				: sectors.sectors().stream().map((p) -> new ExpoSectorWeight(p.sector(), p.weight())).toList();
	}

	@SchemaMapping(typeName = "ExpoRanking")
	List<ExpoRankingLine> lines(ExpoRankingService.ExpoRanking ranking) {
		SectorPairwiseResult sectors = ranking.sectors();
		Map<String, Integer> index = new HashMap<>();
		ranking.input().candidateIds().forEach((id) -> index.put(id, index.size()));
		return ranking.lines().stream().map((line) -> {
			RankedCandidate r = line.ranked();
			List<ExpoSectorScore> scores = new ArrayList<>();
			Double divergence = null;
			boolean divergent = false;
			List<Sector> missing = List.of();
			if (sectors != null) {
				int i = index.get(r.candidateId());
				for (SectorPass pass : sectors.sectors()) {
					CandidateEstimate e = pass.candidates().get(i);
					if (pass.weight() > 0 || e.comparisons() > 0) {
						scores.add(new ExpoSectorScore(pass.sector(), pass.weight(), e.mu(), e.sigmaSquared(),
								e.comparisons()));
					}
				}
				CandidateSectors flags = sectors.candidates().get(i);
				divergence = flags.divergence();
				divergent = flags.divergent();
				missing = flags.missingSectors();
			}
			return new ExpoRankingLine(r.candidateId(), line.proposal(), line.table(), r.rank(), r.score(),
					r.variance(), r.comparisons(), r.sufficientEvidence(), r.tied(), r.inTopN(), r.rankLow(),
					r.rankHigh(), r.probabilityTopN(), r.straddlesCut(), scores, divergence, divergent, missing);
		}).toList();
	}

	record ExpoJudgeReliability(String judgeId, @Nullable String displayName, @Nullable Sector sector, double alpha,
			double beta, double reliability, int comparisons) {
	}

	@SchemaMapping(typeName = "ExpoRanking")
	List<ExpoJudgeReliability> judges(ExpoRankingService.ExpoRanking ranking) {
		return ranking.judges().stream().map((line) -> {
			var r = line.reliability();
			Sector sector = (line.passSector() != null) ? line.passSector()
					: (line.judge() != null) ? line.judge().sector() : null;
			return new ExpoJudgeReliability(r.judgeId(), (line.judge() != null) ? line.judge().displayName() : null,
					sector, r.alpha(), r.beta(), r.reliability(), r.comparisons());
		}).toList();
	}

}
