package org.hacktrail.judging.round;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.RoundKind;
import org.hacktrail.judging.Sector;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.hacktrail.platform.MessageArg;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for judging rounds (their plans: {@code AssignmentController}). The GraphQL
 * {@code JudgingRound} is a {@link RoundService.RoundContext}: the hackathon round (name,
 * kind) with its judging document (or defaults).
 */
@Controller
class RoundController {

	private final RoundService rounds;

	private final HackathonService hackathons;

	private final ProposalLookup proposals;

	private final JudgingAccess access;

	RoundController(RoundService rounds, HackathonService hackathons, ProposalLookup proposals, JudgingAccess access) {
		this.rounds = rounds;
		this.hackathons = hackathons;
		this.proposals = proposals;
		this.access = access;
	}

	@QueryMapping
	List<RoundService.RoundContext> judgingRounds(@Argument String hackathonSlug) {
		return this.rounds.rounds(this.hackathons.requireVisibleBySlug(hackathonSlug));
	}

	@QueryMapping
	RoundService.@Nullable RoundContext judgingRound(@Argument String roundId) {
		try {
			return this.rounds.require(roundId);
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

	record ConfigureRoundPayload(RoundService.RoundContext round) {
	}

	record ChangeRoundStatusInput(String roundId, RoundStatus to, @Nullable String reason,
			@Nullable Boolean confirmIncomplete, @Nullable Integer expectedVersion) {
	}

	record ChangeRoundStatusPayload(RoundService.RoundContext round) {
	}

	@MutationMapping
	ConfigureRoundPayload configureRound(@Argument RoundService.ConfigureRoundInput input) {
		return new ConfigureRoundPayload(this.rounds.context(this.rounds.configure(input)));
	}

	@MutationMapping
	ChangeRoundStatusPayload changeRoundStatus(@Argument ChangeRoundStatusInput input) {
		return new ChangeRoundStatusPayload(this.rounds.context(this.rounds.changeStatus(input.roundId(), input.to(),
				input.reason(), input.confirmIncomplete(), input.expectedVersion())));
	}

	// ---- JudgingRound

	@SchemaMapping(typeName = "JudgingRound")
	String id(RoundService.RoundContext round) {
		return round.round().id();
	}

	@SchemaMapping(typeName = "JudgingRound")
	Hackathon hackathon(RoundService.RoundContext round) {
		return round.hackathon();
	}

	@SchemaMapping(typeName = "JudgingRound")
	LocalizedText name(RoundService.RoundContext round) {
		return round.round().name();
	}

	@SchemaMapping(typeName = "JudgingRound")
	RoundKind kind(RoundService.RoundContext round) {
		return round.judging().kind();
	}

	@SchemaMapping(typeName = "JudgingRound")
	RoundStatus status(RoundService.RoundContext round) {
		return round.judging().status();
	}

	@SchemaMapping(typeName = "JudgingRound")
	boolean configured(RoundService.RoundContext round) {
		return round.stored();
	}

	@SchemaMapping(typeName = "JudgingRound")
	List<RubricCriterion> criteria(RoundService.RoundContext round) {
		return round.judging().config().criteria();
	}

	@SchemaMapping(typeName = "JudgingRound")
	int judgesPerProposal(RoundService.RoundContext round) {
		return round.judging().config().judgesPerProposal();
	}

	record SectorMinimum(Sector sector, int minimum) {
	}

	record SectorWeight(Sector sector, double weight) {
	}

	record PublicVoteSettings(VoteMode mode, double weight, int credits, VoteEligibility eligibility) {
	}

	@SchemaMapping(typeName = "JudgingRound")
	List<SectorMinimum> sectorMinimums(RoundService.RoundContext round) {
		List<SectorMinimum> list = new ArrayList<>();
		round.judging().config().sectorMinimums().forEach((s, m) -> list.add(new SectorMinimum(s, m)));
		return list;
	}

	@SchemaMapping(typeName = "JudgingRound")
	@Nullable Integer maxLoad(RoundService.RoundContext round) {
		return round.judging().config().maxLoad();
	}

	@SchemaMapping(typeName = "JudgingRound")
	List<SectorWeight> sectorWeights(RoundService.RoundContext round) {
		return sectorWeightList(round.judging().config().sectorWeights());
	}

	/** Sector weights as a list in sector order, for GraphQL. */
	static List<SectorWeight> sectorWeightList(Map<Sector, Double> weights) {
		List<SectorWeight> list = new ArrayList<>();
		for (Sector sector : Sector.values()) {
			list.add(new SectorWeight(sector, weights.getOrDefault(sector, 0.0)));
		}
		return list;
	}

	@SchemaMapping(typeName = "JudgingRound")
	boolean expoSectors(RoundService.RoundContext round) {
		return round.judging().config().expoSectors();
	}

	@SchemaMapping(typeName = "JudgingRound")
	boolean normalise(RoundService.RoundContext round) {
		return round.judging().config().normalise();
	}

	@SchemaMapping(typeName = "JudgingRound")
	PublicVoteSettings publicVote(RoundService.RoundContext round) {
		RoundConfig config = round.judging().config();
		return new PublicVoteSettings(config.voteMode(), config.voteWeight(), config.voteCredits(),
				config.eligibility());
	}

	@SchemaMapping(typeName = "JudgingRound")
	int cutSize(RoundService.RoundContext round) {
		return RoundService.cut(round.hackathon(), round.judging());
	}

	@SchemaMapping(typeName = "JudgingRound")
	@Nullable List<String> candidateProposalIds(RoundService.RoundContext round) {
		return round.judging().config().candidateIds();
	}

	@SchemaMapping(typeName = "JudgingRound")
	int bootstrapReplicates(RoundService.RoundContext round) {
		return round.judging().config().bootstrapReplicates();
	}

	@SchemaMapping(typeName = "JudgingRound")
	String seed(RoundService.RoundContext round) {
		return Long.toUnsignedString(round.judging().config().seed());
	}

	@SchemaMapping(typeName = "JudgingRound")
	@Nullable Selection selection(RoundService.RoundContext round) {
		boolean visible = this.access.isOrganizer() || round.judging().status() == RoundStatus.PUBLISHED;
		return visible ? round.judging().selection() : null;
	}

	/**
	 * The ballot of a round with a public vote: the proposals of its current plan, in
	 * title order, once the round is OPEN (everyone may vote on them, so everyone may see
	 * them).
	 */
	@SchemaMapping(typeName = "JudgingRound")
	@Nullable List<Proposal> voteProposals(RoundService.RoundContext round) {
		JudgingRound judging = round.judging();
		if (judging.config().voteMode() == VoteMode.NONE || judging.status() == RoundStatus.DRAFT || !round.stored()) {
			return null;
		}
		JudgingPlan plan = this.rounds.currentPlan(judging);
		if (plan == null) {
			return List.of();
		}
		return this.proposals.byIds(plan.proposalIds())
			.values()
			.stream()
			.sorted(java.util.Comparator.comparing((Proposal p) -> String.valueOf(p.title().primary()))
				.thenComparing(Proposal::id))
			.toList();
	}

	@SchemaMapping(typeName = "JudgingRound")
	@Nullable List<RoundEvent> history(RoundService.RoundContext round) {
		return this.access.isOrganizer() ? round.judging().history() : null;
	}

	@SchemaMapping(typeName = "RoundEvent", field = "args")
	List<MessageArg> eventArgs(RoundEvent event) {
		return event.messageArgs();
	}

	@SchemaMapping(typeName = "JudgingRound")
	@Nullable Instant publishedAt(RoundService.RoundContext round) {
		return round.judging().publishedAt();
	}

	/** A round not configured yet has not been stored: version 0. */
	@SchemaMapping(typeName = "JudgingRound")
	long version(RoundService.RoundContext round) {
		Long version = round.judging().version();
		return (version != null) ? version : 0;
	}

}
