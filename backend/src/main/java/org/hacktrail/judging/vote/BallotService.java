package org.hacktrail.judging.vote;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.TeamMemberships;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.panel.JudgingAccess;
import org.hacktrail.judging.round.JudgingPlan;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.round.RoundStatus;
import org.hacktrail.judging.round.VoteEligibility;
import org.hacktrail.judging.round.VoteMode;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.Refusal;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Public votes. Any signed-in person casts one ballot per round while the round is OPEN,
 * and may change it until the round closes (each change replaces the whole ballot, under
 * optimistic locking). SIMPLE: one vote for each of any number of proposals. QUADRATIC: n
 * votes on a proposal cost n² credits, at most the round's budget (99). Ballots are
 * private; totals are read by organizers with the ranking and published with the results.
 *
 * <p>
 * Who may vote is the round's {@link VoteEligibility}; by default a voter needs an email
 * their sign-in provider verified, is not a judge of the round (an ACTIVE judge of the
 * hackathon's panel, or a judge the round's plan assigns), and does not vote for a
 * proposal they propose or whose team they are on. A refused ballot is FORBIDDEN with the
 * rule in {@code extensions.rule} and changes nothing.
 */
@Service
public class BallotService {

	private final MongoTemplate mongo;

	private final RoundService rounds;

	private final JudgingAccess access;

	private final Clock clock;

	private final UserDirectory users;

	private final ProposalLookup proposals;

	private final List<TeamMemberships> teams;

	BallotService(MongoTemplate mongo, RoundService rounds, JudgingAccess access, Clock clock, UserDirectory users,
			ProposalLookup proposals, List<TeamMemberships> teams) {
		this.mongo = mongo;
		this.rounds = rounds;
		this.access = access;
		this.clock = clock;
		this.users = users;
		this.proposals = proposals;
		this.teams = teams;
	}

	public record VoteInput(@Nullable String proposalId, @Nullable Integer votes) {
	}

	public record CastBallotInput(String roundId, @Nullable List<VoteInput> votes, @Nullable Integer expectedVersion) {
	}

	/** The signed-in person's ballot in the round, or null. */
	public @Nullable Ballot mine(String roundId) {
		String me = this.access.requireSignedIn();
		return this.mongo.findById(Ballot.idOf(roundId, me), Ballot.class);
	}

	/** Casts or replaces the signed-in person's ballot. */
	public Ballot cast(CastBallotInput input) {
		String me = this.access.requireSignedIn();
		RoundService.RoundContext context = this.rounds.require(input.roundId());
		JudgingRound round = context.judging();
		VoteMode mode = round.config().voteMode();
		if (mode == VoteMode.NONE) {
			throw DomainException.badInput("roundId", Refusal.NO_PUBLIC_VOTE);
		}
		if (round.status() != RoundStatus.OPEN) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"Voting is open while the round is OPEN; it is " + round.status() + ".",
					Map.of("status", round.status().name()));
		}
		JudgingPlan plan = this.rounds.currentPlan(round);
		Set<String> candidates = new HashSet<>((plan != null) ? plan.proposalIds() : List.of());
		Map<String, Integer> votes = new TreeMap<>();
		List<VoteInput> inputs = (input.votes() != null) ? input.votes() : List.of();
		int credits = 0;
		for (int i = 0; i < inputs.size(); i++) {
			VoteInput vote = inputs.get(i);
			String field = "votes[" + i + "]";
			if (vote.proposalId() == null || !candidates.contains(vote.proposalId())) {
				throw DomainException.badInput(field + ".proposalId", Refusal.NOT_IN_ROUND, "value", vote.proposalId());
			}
			int n = (vote.votes() != null) ? vote.votes() : 1;
			if (n < 0 || (mode == VoteMode.SIMPLE && n > 1)) {
				throw DomainException.badInput(field + ".votes", Refusal.VOTES_RANGE, "max",
						(mode == VoteMode.SIMPLE) ? "1" : "∞");
			}
			if (votes.containsKey(vote.proposalId())) {
				throw DomainException.badInput(field + ".proposalId", Refusal.DUPLICATE, "value", vote.proposalId());
			}
			if (n == 0) {
				continue;
			}
			votes.put(vote.proposalId(), n);
			credits += (mode == VoteMode.QUADRATIC) ? n * n : 1;
			if (mode == VoteMode.QUADRATIC && credits > round.config().voteCredits()) {
				throw new DomainException(ErrorCode.BAD_USER_INPUT,
						"This ballot costs more than the " + round.config().voteCredits()
								+ " credits each voter has (n votes on one proposal cost n²).",
						Map.of("field", "votes", "credits", round.config().voteCredits()));
			}
		}
		requireEligible(me, round, plan, votes.keySet());
		String id = Ballot.idOf(round.id(), me);
		Instant now = this.clock.instant();
		Ballot current = this.mongo.findById(id, Ballot.class);
		if (current != null && input.expectedVersion() != null && current.version() != null
				&& current.version() != input.expectedVersion().longValue()) {
			throw new OptimisticLockingFailureException("Ballot " + id + " changed");
		}
		Ballot ballot = new Ballot(id, round.id(), round.hackathonId(), me, mode, votes, credits,
				(current != null) ? current.createdAt() : now, now, (current != null) ? current.version() : null);
		try {
			return (current == null) ? this.mongo.insert(ballot) : this.mongo.save(ballot);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("Your ballot was cast from elsewhere at the same moment; reload it.");
		}
	}

	/**
	 * Refuses the ballot (FORBIDDEN, {@code extensions.rule}) when the voter breaks one
	 * of the round's eligibility rules.
	 */
	private void requireEligible(String me, JudgingRound round, @Nullable JudgingPlan plan, Set<String> chosen) {
		VoteEligibility rules = round.config().eligibility();
		if (rules.requireVerifiedEmail()) {
			User voter = this.users.findById(me).orElse(null);
			if (voter == null || !voter.hasVerifiedEmail()) {
				throw refused(VoteEligibility.EMAIL_NOT_VERIFIED,
						"Voting in this round needs an email your sign-in provider has verified; sign in with one "
								+ "that has (see the rules on the ballot).",
						Map.of());
			}
		}
		if (rules.excludeJudges()) {
			boolean assigned = plan != null && plan.judgeIds().contains(me);
			boolean panel = this.access.myJudge(round.hackathonId()).map(Judge::isActive).orElse(false);
			if (assigned || panel) {
				throw refused(VoteEligibility.JUDGE_OF_ROUND, "Judges of this round do not vote in its public vote.",
						Map.of());
			}
		}
		if (rules.excludeTeam()) {
			Set<String> own = new HashSet<>();
			for (Proposal proposal : this.proposals.byIds(chosen).values()) {
				if (me.equals(proposal.proposerId())) {
					own.add(proposal.id());
				}
			}
			for (TeamMemberships memberships : this.teams) {
				memberships.proposalsWithMember(round.hackathonId(), me)
					.stream()
					.filter(chosen::contains)
					.forEach(own::add);
			}
			if (!own.isEmpty()) {
				throw refused(VoteEligibility.OWN_TEAM,
						"You cannot vote for a proposal you propose or whose team you are on; take those votes off "
								+ "your ballot.",
						Map.of("proposalIds", own.stream().sorted().toList()));
			}
		}
	}

	private static DomainException refused(String rule, String message, Map<String, Object> details) {
		Map<String, Object> all = new TreeMap<>(details);
		all.put("rule", rule);
		return new DomainException(ErrorCode.FORBIDDEN, message, all);
	}

	/**
	 * Totals per proposal (SIMPLE: ballots naming it; QUADRATIC: Σ votes) and the number
	 * of ballots.
	 */
	public record Totals(Map<String, Double> totals, int ballots) {
	}

	/**
	 * Counts the round's ballots (a scan of the round's ballots: organizers' ranking and
	 * publication only).
	 */
	public Totals totals(JudgingRound round) {
		Map<String, Double> totals = new TreeMap<>();
		int count = 0;
		for (Ballot ballot : this.mongo.find(new Query(Criteria.where("roundId").is(round.id())), Ballot.class)) {
			count++;
			ballot.votes().forEach((proposal, n) -> totals.merge(proposal, (double) n, Double::sum));
		}
		return new Totals(totals, count);
	}

}
