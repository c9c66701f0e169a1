package org.hacktrail.proposal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proposals read whoever asks, for features that decide visibility themselves: judging
 * shows a proposal to organizers, the hackathon's judges and, after publication,
 * everyone. {@link ProposalService} answers with visibility applied instead.
 *
 * <p>
 * Every method is one round trip whatever the number of proposals, so that a GraphQL
 * batch of any size costs one read. The search text (large, never needed outside search)
 * is left out.
 */
public interface ProposalLookup {

	/** The proposal with this id, if there is one. */
	Optional<Proposal> find(String id);

	/**
	 * The proposals with these ids ({@code $in} on {@code _id} alone). Unknown ids are
	 * absent from the map.
	 */
	Map<String, Proposal> byIds(Collection<String> ids);

	/** Every proposal of a hackathon in one of these statuses, in id order. */
	List<Proposal> ofHackathon(String hackathonId, Set<ProposalStatus> statuses);

}
