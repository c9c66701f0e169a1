package org.hacktrail.judging.ranking;

import java.util.List;

import org.hacktrail.judging.Sector;
import org.jspecify.annotations.Nullable;

/**
 * A round proposal that has no final score.
 *
 * @param proposalId the proposal
 * @param reason why, in words an organizer can act on (English)
 * @param code why, as a code (null in a ranking kept before codes)
 * @param sectors for {@link Code#ONLY_ZERO_WEIGHT_SECTORS}: the sectors its sheets came
 * from
 */
public record UnrankedProposal(String proposalId, String reason, @Nullable Code code, List<Sector> sectors) {

	public UnrankedProposal {
		sectors = (sectors != null) ? List.copyOf(sectors) : List.of();
	}

	/** Why a proposal has no final score. */
	public enum Code {

		/** No judge submitted a sheet for it. */
		NO_SUBMITTED_SHEETS,

		/** Its sheets all come from sectors the round weights 0. */
		ONLY_ZERO_WEIGHT_SECTORS

	}

}
