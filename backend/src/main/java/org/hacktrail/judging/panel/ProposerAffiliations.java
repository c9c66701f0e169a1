package org.hacktrail.judging.panel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.ProposalAffiliations;
import org.hacktrail.proposal.Proposal;

import org.springframework.stereotype.Component;

/**
 * What is known about a proposal today: its proposer's account affiliations (one batch
 * read from the identity module's {@link UserDirectory}), or, for a proposer without an
 * account (entered by an organizer or imported from CSV), the organisation recorded on
 * the proposal ({@code proposerAffiliation}); and the partner agency the teams feature
 * records on the proposal. Organizers add other conflicts by hand.
 */
@Component
class ProposerAffiliations implements ProposalAffiliations {

	private final UserDirectory users;

	ProposerAffiliations(UserDirectory users) {
		this.users = users;
	}

	@Override
	public Map<String, List<Affiliation>> affiliations(Collection<Proposal> proposals) {
		Set<String> proposerIds = proposals.stream()
			.map(Proposal::proposerId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<String, List<String>> accounts = this.users.affiliations(proposerIds);
		Map<String, List<Affiliation>> result = new HashMap<>();
		for (Proposal proposal : proposals) {
			List<Affiliation> found = new ArrayList<>();
			List<String> proposer = (proposal.proposerId() != null) ? accounts.get(proposal.proposerId()) : null;
			if (proposer != null) {
				proposer.forEach((name) -> found.add(new Affiliation(name, Source.PROPOSER, proposal.proposerName())));
			}
			if (proposal.proposerId() == null && proposal.proposerAffiliation() != null
					&& !proposal.proposerAffiliation().isBlank()) {
				found.add(new Affiliation(proposal.proposerAffiliation(), Source.PROPOSER, proposal.proposerName()));
			}
			if (proposal.partnerAgency() != null && !proposal.partnerAgency().isBlank()) {
				found.add(new Affiliation(proposal.partnerAgency(), Source.PARTNER_AGENCY, null));
			}
			if (!found.isEmpty()) {
				result.put(proposal.id(), found);
			}
		}
		return result;
	}

}
