package org.hacktrail.team;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.Retries;
import org.hacktrail.proposal.ChangeCode;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalService;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * After a team is written: its size (and partner agency) is copied to the proposal, and
 * the proposal moves to TEAM_FORMING when its first member besides the proposer has
 * joined. Both are single-document writes through the proposal feature's API that every
 * later team change repeats, so a crash (or a failure, which is logged) in between heals
 * on the next change; the snapshot carries the team's version, so an older one never
 * wins.
 */
@Component
class TeamProposalSync {

	private static final Logger log = LoggerFactory.getLogger(TeamProposalSync.class);

	private static final Set<ProposalStatus> BEFORE_TEAM_FORMING = EnumSet.of(ProposalStatus.SUBMITTED,
			ProposalStatus.PITCHED);

	/** The move to TEAM_FORMING, beyond the proposal feature's own retries. */
	private static final Retries TEAM_FORMING = Retries.upTo(3).pausing();

	private final ProposalService proposals;

	TeamProposalSync(ProposalService proposals) {
		this.proposals = proposals;
	}

	/**
	 * Brings the proposal of {@code target} in line with its team as written.
	 * @param by the user whose action made the first member join, if any (for the
	 * proposal's history)
	 */
	void afterChange(Team team, TeamChanges.Target target, @Nullable String by) {
		Proposal proposal = target.proposal();
		if (team.hasMemberBesidesProposer() && BEFORE_TEAM_FORMING.contains(proposal.status())) {
			boolean done = TEAM_FORMING.tryRun(() -> {
				try {
					this.proposals.applySystemTransition(proposal.id(), ProposalStatus.TEAM_FORMING,
							ChangeCode.TEAM_FORMED, List.of(), by);
				}
				catch (DomainException ex) {
					// Moved on meanwhile (e.g. to IN_REVIEW): nothing to do.
					log.debug("Proposal {} not moved to TEAM_FORMING: {}", proposal.id(), ex.getMessage());
				}
			});
			if (!done) {
				log.warn("Proposal {} kept changing and was not moved to TEAM_FORMING; the next team change "
						+ "tries again", proposal.id());
			}
		}
		try {
			this.proposals.recordTeam(proposal.id(), team.size(),
					(team.partnerAgency() != null) ? team.partnerAgency().name() : null,
					Objects.requireNonNull(team.version()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the size of team {} on its proposal", team.id(), ex);
		}
	}

}
