package org.hacktrail.judging;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.hacktrail.proposal.Proposal;
import org.jspecify.annotations.Nullable;

/**
 * The organisations connected to proposals, which a judge's affiliations are compared
 * with to find conflicts of interest (normalised with
 * {@link org.hacktrail.judging.panel.Affiliations#key}).
 *
 * <p>
 * <b>Extension point.</b> Every Spring bean implementing this interface is consulted and
 * their answers are merged; nothing in judging has to change to add a source. Sources:
 * {@link org.hacktrail.judging.panel.ProposerAffiliations} (the proposer's account
 * affiliations, or the organisation recorded for a proposer without an account, and the
 * proposal's partner agency, which the teams feature keeps on the proposal) and the teams
 * feature's {@code TeamMemberAffiliations} (members' affiliations). A new source is one
 * more bean, e.g.
 *
 * <pre>
 * &#64;Component
 * class TeamMemberAffiliations implements ProposalAffiliations {
 * 	public Map&lt;String, List&lt;Affiliation&gt;&gt; affiliations(Collection&lt;Proposal&gt; proposals) {
 * 		// one $in on the teams of these proposals; for each member with an affiliation:
 * 		// new Affiliation(member.affiliation(), Source.TEAM_MEMBER, member.displayName())
 * 	}
 * }
 * </pre>
 *
 * Implementations must load in batches (one or two round trips for any number of
 * proposals): conflict detection asks for every proposal of a hackathon at once.
 */
public interface ProposalAffiliations {

	/**
	 * The affiliations connected to each proposal, by proposal id; a proposal with none
	 * may be absent.
	 */
	Map<String, List<Affiliation>> affiliations(Collection<Proposal> proposals);

	/**
	 * One organisation connected to a proposal.
	 *
	 * @param name the organisation as written
	 * @param source how it is connected
	 * @param who the person it comes from (proposer's or member's name), if any, for the
	 * conflict log
	 */
	record Affiliation(String name, Source source, @Nullable String who) {

		public String describe() {
			return this.source + ((this.who != null) ? " " + this.who : "") + ": " + this.name;
		}

	}

	/** How an organisation is connected to a proposal. */
	enum Source {

		PROPOSER, TEAM_MEMBER, PARTNER_AGENCY

	}

}
