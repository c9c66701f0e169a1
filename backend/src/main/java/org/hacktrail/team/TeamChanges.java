package org.hacktrail.team;

import java.time.Clock;
import java.util.function.UnaryOperator;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.identity.CurrentUser;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.Retries;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * How a team changes, without a transaction. Each change reads the team document, checks
 * every rule on it (including who the caller is to this team), and writes it back with
 * its version. If someone else wrote in between, the write fails and the whole decision
 * is made again on the fresh document ({@link #write}); so two leads accepting two
 * requests for the last seat of a position at the same moment end with one accepted and
 * one refused (CONFLICT), never with the position over-filled or a member lost. After the
 * team is written, the proposal is brought in line with it ({@link TeamProposalSync});
 * notifications go out only after that.
 */
@Component
class TeamChanges {

	/**
	 * Attempts of one decision under concurrent changes; each retry re-reads the team and
	 * decides again.
	 */
	static final int ATTEMPTS = 40;

	/** A concurrent first write of a new team is a duplicate key. */
	private static final Retries WRITES = Retries.upTo(ATTEMPTS).alsoOnDuplicateKey().pausing();

	private final TeamStore teams;

	private final ProposalService proposals;

	private final HackathonService hackathons;

	private final CurrentUser currentUser;

	private final HackathonMemberships memberships;

	private final TeamProposalSync sync;

	private final Clock clock;

	TeamChanges(TeamStore teams, ProposalService proposals, HackathonService hackathons, CurrentUser currentUser,
			HackathonMemberships memberships, TeamProposalSync sync, Clock clock) {
		this.teams = teams;
		this.proposals = proposals;
		this.hackathons = hackathons;
		this.currentUser = currentUser;
		this.memberships = memberships;
		this.sync = sync;
		this.clock = clock;
	}

	/** A visible proposal and its hackathon: what every change is checked against. */
	record Target(Proposal proposal, Hackathon hackathon) {
	}

	/**
	 * The team of a proposal the signed-in caller can see (else NOT_FOUND), in a
	 * hackathon that is not ARCHIVED.
	 */
	Target target(String proposalId) {
		this.currentUser.requireId();
		Proposal proposal = this.proposals.requireVisible(proposalId);
		Hackathon hackathon = this.hackathons.find(proposal.hackathonId());
		if (hackathon.isArchived()) {
			throw DomainException.badInput("proposalId", Refusal.HACKATHON_ARCHIVED, "slug", hackathon.slug());
		}
		return new Target(proposal, hackathon);
	}

	/** The team a join request or invitation id belongs to (see {@link #target}). */
	Target targetOf(String requestOrInvitationId, String what) {
		this.currentUser.requireId();
		String teamId = Team.teamIdOf(requestOrInvitationId)
			.orElseThrow(() -> DomainException
				.notFound("There is no " + what + " with the id '" + requestOrInvitationId + "'."));
		return target(teamId);
	}

	/** The team as it is now: for checks made before a change, never instead of it. */
	Team current(Target target) {
		return this.teams.teamOf(target.proposal());
	}

	/**
	 * Reads the team, decides, writes it with its version; on a concurrent write (or a
	 * concurrent first write of a new team) decides again on the fresh document.
	 * {@code decide} must check every rule again each time: it sees a different team on
	 * each attempt. The proposal is not synced: the caller does it when its whole change
	 * is done.
	 */
	Team write(Target target, UnaryOperator<Team> decide) {
		return WRITES.tryGet(() -> {
			Team current = current(target);
			Team saved = this.teams.save(decide.apply(current));
			if (!current.isStored()) {
				this.memberships.lockForProposer(saved, target.hackathon());
			}
			return saved;
		}).orElseThrow(() -> DomainException.conflict("This team is being changed by many people at once; try again."));
	}

	/** {@link #write}, then the proposal brought in line with the team. */
	Team change(Target target, UnaryOperator<Team> decide) {
		Team saved = write(target, decide);
		this.sync.afterChange(saved, target, null);
		return saved;
	}

	/**
	 * Stores the team a new proposal starts with (its proposer as lead), if it has none
	 * yet. Called when a proposal is created; teams of older or imported proposals are
	 * stored on their first change instead.
	 */
	void createFor(Proposal proposal) {
		try {
			Team saved = this.teams.insert(Team.initial(proposal, this.clock.instant()));
			this.memberships.lockForProposer(saved, this.hackathons.find(proposal.hackathonId()));
		}
		catch (DuplicateKeyException ex) {
			// Already there.
		}
	}

}
