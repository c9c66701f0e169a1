package org.hacktrail.judging.round;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.ranking.Criterion;
import org.hacktrail.judging.ranking.RankingInput;
import org.hacktrail.judging.ranking.Rubric;
import org.hacktrail.judging.round.RoundService.ConfigureRoundInput;
import org.hacktrail.judging.round.RoundService.CriterionInput;
import org.hacktrail.judging.round.RoundService.PublicVoteInput;
import org.hacktrail.judging.round.RoundService.SectorMinimumInput;
import org.hacktrail.judging.round.RoundService.SectorWeightInput;
import org.hacktrail.judging.round.RoundService.VoteEligibilityInput;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a round's configuration, apart from who may change it and how it is stored
 * ({@link RoundService#configure}): which fields are fixed once the round is OPEN, and
 * the new configuration an input makes of the previous one, every value checked
 * (BAD_USER_INPUT naming the field). Plain Java, no store.
 */
final class RoundConfigRules {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RoundConfigRules() {
	}

	/** A seed drawn for a new round. */
	static long newSeed() {
		return RANDOM.nextLong();
	}

	/** Refuses the fields an OPEN or CLOSED round no longer takes. */
	static void requireDraftOnlyUnchanged(ConfigureRoundInput input, RoundConfig was) {
		requireDraftOnly(input.criteria(), "criteria");
		requireDraftOnly(input.judgesPerProposal(), "judgesPerProposal");
		requireDraftOnly(input.sectorMinimums(), "sectorMinimums");
		requireDraftOnly(input.maxLoad(), "maxLoad");
		requireDraftOnly(input.clearMaxLoad(), "clearMaxLoad");
		requireDraftOnly(input.candidateProposalIds(), "candidateProposalIds");
		requireDraftOnly(input.useDefaultCandidates(), "useDefaultCandidates");
		if (input.method() != null && input.method() != was.method()) {
			throw DomainException.badInput("method", Refusal.FIXED_ONCE_OPEN);
		}
		if (input.expoSectors() != null && !input.expoSectors().equals(was.expoSectors())) {
			throw DomainException.badInput("expoSectors", Refusal.EXPO_SECTORS_FIXED);
		}
		if (input.publicVote() != null && input.publicVote().mode() != null
				&& input.publicVote().mode() != was.voteMode()) {
			throw DomainException.badInput("publicVote.mode", Refusal.FIXED_ONCE_OPEN);
		}
		if (input.publicVote() != null && input.publicVote().eligibility() != null) {
			throw DomainException.badInput("publicVote.eligibility", Refusal.FIXED_ONCE_OPEN);
		}
	}

	/**
	 * The configuration {@code input} makes of {@code was}: fields left out keep their
	 * value; a first version draws a seed unless one is given. {@code candidates} checks
	 * and orders the candidate ids given.
	 */
	static RoundConfig next(ConfigureRoundInput input, RoundConfig was, boolean firstVersion,
			Function<List<String>, List<String>> candidates) {
		long seed = (input.seed() != null) ? parseSeed(input.seed()) : firstVersion ? RANDOM.nextLong() : was.seed();
		List<RubricCriterion> criteria = (input.criteria() != null) ? criteria(input.criteria()) : was.criteria();
		int k = (input.judgesPerProposal() != null) ? input.judgesPerProposal() : was.judgesPerProposal();
		if (k < 1 || k > 20) {
			throw DomainException.badInput("judgesPerProposal", Refusal.OUT_OF_RANGE, "min", 1, "max", 20, "value", k);
		}
		Map<Sector, Integer> minimums = (input.sectorMinimums() != null) ? minimums(input.sectorMinimums())
				: was.sectorMinimums();
		int minimumSum = minimums.values().stream().mapToInt(Integer::intValue).sum();
		if (minimumSum > k) {
			throw DomainException.badInput("sectorMinimums", Refusal.MINIMUMS_EXCEED_K, "sum", minimumSum, "k", k);
		}
		Integer maxLoad = Boolean.TRUE.equals(input.clearMaxLoad()) ? null
				: (input.maxLoad() != null) ? input.maxLoad() : was.maxLoad();
		if (maxLoad != null && (maxLoad < 1 || maxLoad > 10_000)) {
			throw DomainException.badInput("maxLoad", Refusal.OUT_OF_RANGE, "min", 1, "max", 10000, "value", maxLoad);
		}
		Map<Sector, Double> weights = (input.sectorWeights() != null) ? weights(input.sectorWeights())
				: was.sectorWeights();
		boolean normalise = (input.normalise() != null) ? input.normalise() : was.normalise();
		PublicVoteInput vote = input.publicVote();
		VoteMode mode = (vote != null && vote.mode() != null) ? vote.mode() : was.voteMode();
		double voteWeight = (vote != null && vote.weight() != null) ? vote.weight() : was.voteWeight();
		int credits = (vote != null && vote.credits() != null) ? vote.credits() : was.voteCredits();
		VoteEligibility eligibility = eligibility((vote != null) ? vote.eligibility() : null, was.eligibility());
		if (!Double.isFinite(voteWeight) || voteWeight < 0) {
			throw DomainException.badInput("publicVote.weight", Refusal.TOO_SMALL, "min", 0, "value",
					String.valueOf(voteWeight));
		}
		if (credits < 1 || credits > 10_000) {
			throw DomainException.badInput("publicVote.credits", Refusal.OUT_OF_RANGE, "min", 1, "max", 10000, "value",
					credits);
		}
		if (mode == VoteMode.NONE) {
			voteWeight = 0;
		}
		double total = voteWeight;
		for (double weight : weights.values()) {
			total += weight;
		}
		if (!(total > 0)) {
			throw DomainException.badInput("sectorWeights", Refusal.NO_POSITIVE_WEIGHT);
		}
		Integer cut = (input.cutSize() != null) ? input.cutSize() : was.cutSize();
		if (cut != null && (cut < 1 || cut > 10_000)) {
			throw DomainException.badInput("cutSize", Refusal.OUT_OF_RANGE, "min", 1, "max", 10000, "value", cut);
		}
		List<String> candidateIds = Boolean.TRUE.equals(input.useDefaultCandidates()) ? null
				: (input.candidateProposalIds() != null) ? candidates.apply(input.candidateProposalIds())
						: was.candidateIds();
		int replicates = (input.bootstrapReplicates() != null) ? input.bootstrapReplicates()
				: was.bootstrapReplicates();
		if (replicates < 1 || replicates > RankingInput.MAX_BOOTSTRAP_REPLICATES) {
			throw DomainException.badInput("bootstrapReplicates", Refusal.OUT_OF_RANGE, "min", 1, "max",
					RankingInput.MAX_BOOTSTRAP_REPLICATES, "value", replicates);
		}
		RoundMethod method = (input.method() != null) ? input.method() : was.method();
		boolean expoSectors = (input.expoSectors() != null) ? input.expoSectors() : was.expoSectors();
		if (expoSectors && method != RoundMethod.PAIRWISE) {
			throw DomainException.badInput("expoSectors", Refusal.EXPO_SECTORS_PAIRWISE_ONLY);
		}
		if (expoSectors) {
			double sectorTotal = 0;
			for (double weight : weights.values()) {
				sectorTotal += weight;
			}
			if (!(sectorTotal > 0)) {
				throw DomainException.badInput("sectorWeights", Refusal.NO_POSITIVE_WEIGHT);
			}
		}
		return new RoundConfig(criteria, k, minimums, maxLoad, weights, normalise, mode, voteWeight, credits, cut,
				candidateIds, replicates, seed, eligibility, method, was.expoTables(), expoSectors);
	}

	static VoteEligibility eligibility(@Nullable VoteEligibilityInput input, VoteEligibility was) {
		if (input == null) {
			return was;
		}
		return new VoteEligibility((input.excludeTeam() != null) ? input.excludeTeam() : was.excludeTeam(),
				(input.excludeJudges() != null) ? input.excludeJudges() : was.excludeJudges(),
				(input.requireVerifiedEmail() != null) ? input.requireVerifiedEmail() : was.requireVerifiedEmail());
	}

	static boolean sameAssignmentRules(RoundConfig was, RoundConfig now) {
		return was.judgesPerProposal() == now.judgesPerProposal() && was.sectorMinimums().equals(now.sectorMinimums())
				&& java.util.Objects.equals(was.maxLoad(), now.maxLoad())
				&& java.util.Objects.equals(was.candidateIds(), now.candidateIds());
	}

	static void requireDraftOnly(@Nullable Object value, String field) {
		if (value != null) {
			throw DomainException.badInput(field, Refusal.FIXED_ONCE_OPEN);
		}
	}

	static List<RubricCriterion> criteria(List<CriterionInput> inputs) {
		if (inputs.isEmpty() || inputs.size() > RoundService.MAX_CRITERIA) {
			throw DomainException.badInput("criteria", Refusal.COUNT_RANGE, "min", 1, "max", RoundService.MAX_CRITERIA,
					"count", inputs.size());
		}
		Set<String> ids = new HashSet<>();
		List<RubricCriterion> criteria = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			CriterionInput input = inputs.get(i);
			String field = "criteria[" + i + "]";
			String id = (input.id() != null && !input.id().isBlank()) ? input.id().strip() : "c" + (i + 1);
			if (!RoundService.CRITERION_ID.matcher(id).matches()) {
				throw DomainException.badInput(field + ".id", Refusal.BAD_FORMAT, "value", id, "format",
						"1 to 40 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
			}
			if (!ids.add(id)) {
				throw DomainException.badInput(field + ".id", Refusal.DUPLICATE, "value", id);
			}
			LocalizedText name = LocalizedText.requireSingleLine(input.name(), field + ".name", 200);
			LocalizedText description = LocalizedText.optionalMultiLine(input.description(), field + ".description",
					2000);
			if (input.weight() == null || input.scaleMin() == null || input.scaleMax() == null) {
				throw DomainException.badInput(field, Refusal.CRITERION_INCOMPLETE);
			}
			try {
				new Criterion(id, input.weight(), input.scaleMin(), input.scaleMax());
			}
			catch (IllegalArgumentException ex) {
				throw DomainException.badInput(field, Refusal.INVALID, "detail", String.valueOf(ex.getMessage()));
			}
			criteria
				.add(new RubricCriterion(id, name, description, input.weight(), input.scaleMin(), input.scaleMax()));
		}
		try {
			rubric(criteria);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.badInput("criteria", Refusal.INVALID, "detail", String.valueOf(ex.getMessage()));
		}
		return criteria;
	}

	static Map<Sector, Integer> minimums(List<SectorMinimumInput> inputs) {
		Map<Sector, Integer> minimums = new EnumMap<>(Sector.class);
		for (SectorMinimumInput input : inputs) {
			if (input.sector() == null || input.minimum() == null || input.minimum() < 0 || input.minimum() > 20) {
				throw DomainException.badInput("sectorMinimums", Refusal.SECTOR_MINIMUM_ENTRY, "min", 0, "max", 20);
			}
			if (minimums.put(input.sector(), input.minimum()) != null) {
				throw DomainException.badInput("sectorMinimums", Refusal.DUPLICATE, "value", input.sector());
			}
		}
		return minimums;
	}

	static Map<Sector, Double> weights(List<SectorWeightInput> inputs) {
		Map<Sector, Double> weights = new EnumMap<>(Sector.class);
		for (SectorWeightInput input : inputs) {
			if (input.sector() == null || input.weight() == null || !Double.isFinite(input.weight())
					|| input.weight() < 0) {
				throw DomainException.badInput("sectorWeights", Refusal.SECTOR_WEIGHT_ENTRY);
			}
			if (weights.put(input.sector(), input.weight()) != null) {
				throw DomainException.badInput("sectorWeights", Refusal.DUPLICATE, "value", input.sector());
			}
		}
		return weights;
	}

	/** The ranking's view of a rubric. */
	static Rubric rubric(List<RubricCriterion> criteria) {
		return new Rubric(
				criteria.stream().map((c) -> new Criterion(c.id(), c.weight(), c.scaleMin(), c.scaleMax())).toList());
	}

	/** A seed as published: an unsigned 64-bit decimal number. */
	static long parseSeed(String text) {
		try {
			return Long.parseUnsignedLong(text.strip());
		}
		catch (NumberFormatException ex) {
			throw DomainException.badInput("seed", Refusal.BAD_FORMAT, "value", text, "format",
					"a whole number from 0 to 18446744073709551615.");
		}
	}

}
