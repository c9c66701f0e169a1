package org.hacktrail.judging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;

/**
 * Small helpers shared by judging's GraphQL controllers.
 */
public final class JudgingGraphQl {

	private JudgingGraphQl() {
	}

	/**
	 * The proposals of a batch of parents, in one round trip: the answer of a
	 * {@code @BatchMapping} for a {@code proposal} field.
	 */
	public static <T> Map<T, Proposal> proposals(List<T> parents, Function<T, String> proposalId,
			ProposalLookup proposals) {
		Map<String, Proposal> byId = proposals.byIds(parents.stream().map(proposalId).toList());
		Map<T, Proposal> result = new LinkedHashMap<>();
		for (T parent : parents) {
			Proposal proposal = byId.get(proposalId.apply(parent));
			if (proposal != null) {
				result.put(parent, proposal);
			}
		}
		return result;
	}

}
