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
			throw DomainException.badInput("method", "The judging method (RUBRIC or PAIRWISE) is fixed once the "
					+ "round is OPEN: judges' answers depend on it.");
		}
		if (input.expoSectors() != null && !input.expoSectors().equals(was.expoSectors())) {
			throw DomainException.badInput("expoSectors", "Whether an expo round is ranked by sector "
					+ "(hacktrail-pairwise-2) is fixed once the round is OPEN: its comparisons are kept per sector.");
		}
		if (input.publicVote() != null && input.publicVote().mode() != null
				&& input.publicVote().mode() != was.voteMode()) {
			throw DomainException.badInput("publicVote.mode", "The vote mode is fixed once the round is OPEN.");
		}
		if (input.publicVote() != null && input.publicVote().eligibility() != null) {
			throw DomainException.badInput("publicVote.eligibility", "Who may vote is fixed once the round is OPEN.");
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
			throw DomainException.badInput("judgesPerProposal", "Judges per proposal (k) is between 1 and 20.");
		}
		Map<Sector, Integer> minimums = (input.sectorMinimums() != null) ? minimums(input.sectorMinimums())
				: was.sectorMinimums();
		int minimumSum = minimums.values().stream().mapToInt(Integer::intValue).sum();
		if (minimumSum > k) {
			throw DomainException.badInput("sectorMinimums", "The sector minimums add up to " + minimumSum
					+ ", more than the " + k + " judges each proposal gets.");
		}
		Integer maxLoad = Boolean.TRUE.equals(input.clearMaxLoad()) ? null
				: (input.maxLoad() != null) ? input.maxLoad() : was.maxLoad();
		if (maxLoad != null && (maxLoad < 1 || maxLoad > 10_000)) {
			throw DomainException.badInput("maxLoad", "A maximum load is between 1 and 10,000 proposals.");
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
			throw DomainException.badInput("publicVote.weight", "The vote weight is a number ≥ 0.");
		}
		if (credits < 1 || credits > 10_000) {
			throw DomainException.badInput("publicVote.credits", "A ballot's credits are between 1 and 10,000.");
		}
		if (mode == VoteMode.NONE) {
			voteWeight = 0;
		}
		double total = voteWeight;
		for (double weight : weights.values()) {
			total += weight;
		}
		if (!(total > 0)) {
			throw DomainException.badInput("sectorWeights",
					"At least one sector weight (or the vote weight) must be " + "above 0.");
		}
		Integer cut = (input.cutSize() != null) ? input.cutSize() : was.cutSize();
		if (cut != null && (cut < 1 || cut > 10_000)) {
			throw DomainException.badInput("cutSize",
					"The number of proposals the round selects is between 1 and " + "10,000.");
		}
		List<String> candidateIds = Boolean.TRUE.equals(input.useDefaultCandidates()) ? null
				: (input.candidateProposalIds() != null) ? candidates.apply(input.candidateProposalIds())
						: was.candidateIds();
		int replicates = (input.bootstrapReplicates() != null) ? input.bootstrapReplicates()
				: was.bootstrapReplicates();
		if (replicates < 1 || replicates > RankingInput.MAX_BOOTSTRAP_REPLICATES) {
			throw DomainException.badInput("bootstrapReplicates",
					"B is between 1 and " + RankingInput.MAX_BOOTSTRAP_REPLICATES + ".");
		}
		RoundMethod method = (input.method() != null) ? input.method() : was.method();
		boolean expoSectors = (input.expoSectors() != null) ? input.expoSectors() : was.expoSectors();
		if (expoSectors && method != RoundMethod.PAIRWISE) {
			throw DomainException.badInput("expoSectors",
					"Ranking by sector (expoSectors) is for PAIRWISE rounds; a RUBRIC round always ranks by sector.");
		}
		if (expoSectors) {
			double sectorTotal = 0;
			for (double weight : weights.values()) {
				sectorTotal += weight;
			}
			if (!(sectorTotal > 0)) {
				throw DomainException.badInput("sectorWeights",
						"An expo round ranked by sector needs at least one sector weight above 0.");
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
			throw DomainException.badInput(field,
					field + " is fixed once the round is OPEN (sheets and the plan " + "depend on it).");
		}
	}

	static List<RubricCriterion> criteria(List<CriterionInput> inputs) {
		if (inputs.isEmpty() || inputs.size() > RoundService.MAX_CRITERIA) {
			throw DomainException.badInput("criteria", "A rubric has 1 to " + RoundService.MAX_CRITERIA + " criteria.");
		}
		Set<String> ids = new HashSet<>();
		List<RubricCriterion> criteria = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			CriterionInput input = inputs.get(i);
			String field = "criteria[" + i + "]";
			String id = (input.id() != null && !input.id().isBlank()) ? input.id().strip() : "c" + (i + 1);
			if (!RoundService.CRITERION_ID.matcher(id).matches()) {
				throw DomainException.badInput(field + ".id", "A criterion id is 1 to 40 lower-case letters, digits, "
						+ "'-' or '_', starting with a letter or digit; '" + id + "' is not.");
			}
			if (!ids.add(id)) {
				throw DomainException.badInput(field + ".id", "The criterion id '" + id + "' is used twice.");
			}
			LocalizedText name = LocalizedText.requireSingleLine(input.name(), field + ".name", 200);
			LocalizedText description = LocalizedText.optionalMultiLine(input.description(), field + ".description",
					2000);
			if (input.weight() == null || input.scaleMin() == null || input.scaleMax() == null) {
				throw DomainException.badInput(field, "Give each criterion a weight, scaleMin and scaleMax.");
			}
			try {
				new Criterion(id, input.weight(), input.scaleMin(), input.scaleMax());
			}
			catch (IllegalArgumentException ex) {
				throw DomainException.badInput(field, ex.getMessage());
			}
			criteria
				.add(new RubricCriterion(id, name, description, input.weight(), input.scaleMin(), input.scaleMax()));
		}
		try {
			rubric(criteria);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.badInput("criteria", ex.getMessage());
		}
		return criteria;
	}

	static Map<Sector, Integer> minimums(List<SectorMinimumInput> inputs) {
		Map<Sector, Integer> minimums = new EnumMap<>(Sector.class);
		for (SectorMinimumInput input : inputs) {
			if (input.sector() == null || input.minimum() == null || input.minimum() < 0 || input.minimum() > 20) {
				throw DomainException.badInput("sectorMinimums",
						"Each sector minimum names a sector and a number " + "from 0 to 20.");
			}
			if (minimums.put(input.sector(), input.minimum()) != null) {
				throw DomainException.badInput("sectorMinimums", input.sector() + " is listed twice.");
			}
		}
		return minimums;
	}

	static Map<Sector, Double> weights(List<SectorWeightInput> inputs) {
		Map<Sector, Double> weights = new EnumMap<>(Sector.class);
		for (SectorWeightInput input : inputs) {
			if (input.sector() == null || input.weight() == null || !Double.isFinite(input.weight())
					|| input.weight() < 0) {
				throw DomainException.badInput("sectorWeights", "Each sector weight names a sector and a number ≥ 0.");
			}
			if (weights.put(input.sector(), input.weight()) != null) {
				throw DomainException.badInput("sectorWeights", input.sector() + " is listed twice.");
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
			throw DomainException.badInput("seed", "A seed is a whole number from 0 to 18446744073709551615.");
		}
	}

}
