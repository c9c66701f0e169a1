package org.hacktrail.judging.round;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.assignment.AssignmentRequest;
import org.hacktrail.judging.ranking.RankingInput;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * The rules of one judging round.
 *
 * @param criteria the rubric
 * @param judgesPerProposal k (default 3)
 * @param sectorMinimums at least this many judges of each sector per proposal (default
 * PUBLIC 1, PRIVATE 1)
 * @param maxLoad the most proposals a judge takes in this round (null: no limit; a
 * judge's own limit wins)
 * @param sectorWeights W_g per sector (default PUBLIC 0.5, PRIVATE 0.5)
 * @param normalise judge normalisation on (default) or off
 * @param voteMode public vote, if any
 * @param voteWeight the public vote's weight in the final score
 * @param voteCredits the credit budget of a QUADRATIC ballot (default 99)
 * @param cutSize N: how many proposals the round selects (null: the hackathon's
 * outstanding quota)
 * @param candidateIds the proposals of the round (null: the default, see
 * RoundService#candidates)
 * @param bootstrapReplicates B (default 1,000)
 * @param seed the round's fixed bootstrap seed (published with the results)
 * @param voteEligibility who may vote (null in rounds stored before the rules existed:
 * {@link #eligibility()} gives the defaults)
 * @param method RUBRIC or PAIRWISE (RUBRIC in rounds stored before expo judging existed)
 * @param expoTables the candidates' tables of a PAIRWISE round, in proposal id order
 * @param expoSectors a PAIRWISE round ranked by sector, method hacktrail-pairwise-2
 * (false, hacktrail-pairwise-1, in rounds stored before it existed); DRAFT only
 */
public record RoundConfig(List<RubricCriterion> criteria, int judgesPerProposal, Map<Sector, Integer> sectorMinimums,
		@Nullable Integer maxLoad, Map<Sector, Double> sectorWeights, boolean normalise, VoteMode voteMode,
		double voteWeight, int voteCredits, @Nullable Integer cutSize, @Nullable List<String> candidateIds,
		int bootstrapReplicates, long seed, @Nullable VoteEligibility voteEligibility, RoundMethod method,
		List<ExpoTable> expoTables, Boolean expoSectors) {

	public static final int DEFAULT_VOTE_CREDITS = 99;

	@PersistenceCreator
	public RoundConfig {
		criteria = (criteria != null) ? List.copyOf(criteria) : List.of();
		method = (method != null) ? method : RoundMethod.RUBRIC;
		expoTables = (expoTables != null) ? List.copyOf(expoTables) : List.of();
		expoSectors = Boolean.TRUE.equals(expoSectors);
		sectorMinimums = complete(sectorMinimums, 0);
		sectorWeights = complete(sectorWeights, 0.0);
		candidateIds = (candidateIds != null) ? List.copyOf(candidateIds) : null;
	}

	/** A configuration without sectors in expo judging (hacktrail-pairwise-1). */
	public RoundConfig(List<RubricCriterion> criteria, int judgesPerProposal, Map<Sector, Integer> sectorMinimums,
			@Nullable Integer maxLoad, Map<Sector, Double> sectorWeights, boolean normalise, VoteMode voteMode,
			double voteWeight, int voteCredits, @Nullable Integer cutSize, @Nullable List<String> candidateIds,
			int bootstrapReplicates, long seed, @Nullable VoteEligibility voteEligibility, RoundMethod method,
			List<ExpoTable> expoTables) {
		this(criteria, judgesPerProposal, sectorMinimums, maxLoad, sectorWeights, normalise, voteMode, voteWeight,
				voteCredits, cutSize, candidateIds, bootstrapReplicates, seed, voteEligibility, method, expoTables,
				false);
	}

	/** A RUBRIC configuration. */
	public RoundConfig(List<RubricCriterion> criteria, int judgesPerProposal, Map<Sector, Integer> sectorMinimums,
			@Nullable Integer maxLoad, Map<Sector, Double> sectorWeights, boolean normalise, VoteMode voteMode,
			double voteWeight, int voteCredits, @Nullable Integer cutSize, @Nullable List<String> candidateIds,
			int bootstrapReplicates, long seed, @Nullable VoteEligibility voteEligibility) {
		this(criteria, judgesPerProposal, sectorMinimums, maxLoad, sectorWeights, normalise, voteMode, voteWeight,
				voteCredits, cutSize, candidateIds, bootstrapReplicates, seed, voteEligibility, RoundMethod.RUBRIC,
				List.of());
	}

	/** A RUBRIC configuration with the default vote eligibility. */
	public RoundConfig(List<RubricCriterion> criteria, int judgesPerProposal, Map<Sector, Integer> sectorMinimums,
			@Nullable Integer maxLoad, Map<Sector, Double> sectorWeights, boolean normalise, VoteMode voteMode,
			double voteWeight, int voteCredits, @Nullable Integer cutSize, @Nullable List<String> candidateIds,
			int bootstrapReplicates, long seed) {
		this(criteria, judgesPerProposal, sectorMinimums, maxLoad, sectorWeights, normalise, voteMode, voteWeight,
				voteCredits, cutSize, candidateIds, bootstrapReplicates, seed, VoteEligibility.DEFAULT);
	}

	/** Who may vote: the configured rules, or the defaults. */
	public VoteEligibility eligibility() {
		return (this.voteEligibility != null) ? this.voteEligibility : VoteEligibility.DEFAULT;
	}

	/** Whether this round is ranked by hacktrail-pairwise-2: PAIRWISE, by sector. */
	public boolean pairwiseBySector() {
		return this.method == RoundMethod.PAIRWISE && this.expoSectors;
	}

	/** The same configuration with other expo tables. */
	RoundConfig withExpoTables(List<ExpoTable> tables) {
		return new RoundConfig(this.criteria, this.judgesPerProposal, this.sectorMinimums, this.maxLoad,
				this.sectorWeights, this.normalise, this.voteMode, this.voteWeight, this.voteCredits, this.cutSize,
				this.candidateIds, this.bootstrapReplicates, this.seed, this.voteEligibility, this.method, tables,
				this.expoSectors);
	}

	/** The same configuration with another cut N. */
	RoundConfig withCut(Integer cut) {
		return new RoundConfig(this.criteria, this.judgesPerProposal, this.sectorMinimums, this.maxLoad,
				this.sectorWeights, this.normalise, this.voteMode, this.voteWeight, this.voteCredits, cut,
				this.candidateIds, this.bootstrapReplicates, this.seed, this.voteEligibility, this.method,
				this.expoTables, this.expoSectors);
	}

	static RoundConfig defaults(long seed) {
		return new RoundConfig(List.of(), AssignmentRequest.DEFAULT_JUDGES_PER_PROPOSAL,
				AssignmentRequest.defaultSectorMinimums(), null, RankingInput.defaultSectorWeights(), true,
				VoteMode.NONE, 0.0, DEFAULT_VOTE_CREDITS, null, null, RankingInput.DEFAULT_BOOTSTRAP_REPLICATES, seed);
	}

	private static <T> Map<Sector, T> complete(@Nullable Map<Sector, T> values, T missing) {
		EnumMap<Sector, T> all = new EnumMap<>(Sector.class);
		for (Sector sector : Sector.values()) {
			T value = (values != null) ? values.get(sector) : null;
			all.put(sector, (value != null) ? value : missing);
		}
		return java.util.Collections.unmodifiableMap(all);
	}

}
