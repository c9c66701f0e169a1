package org.hacktrail.judging.round;

import java.util.Set;
import java.util.function.Predicate;

import org.hacktrail.proposal.Proposal;
import org.jspecify.annotations.Nullable;

/**
 * Rounds dedicated to one award track with judges of its own ({@code judges: OWN}).
 * Implemented by the award tracks ({@code judging.award}), which depend on rounds;
 * rounds, assignment, sheets and the expo ask through this interface.
 *
 * <p>
 * A dedicated round's candidates are the track's eligible proposals, only the track's
 * judges work in it (assigned sheets, sent to tables), and opening or publishing it moves
 * no proposal's status (winning a track does not change a proposal's status).
 */
public interface RoundDedications {

	/** The dedication of a round, or null for an ordinary round. */
	@Nullable Dedication of(String roundId);

	/**
	 * What a dedicated round is held to.
	 *
	 * @param trackId the award track the round is dedicated to
	 * @param judgeUserIds the user ids of the track's judges
	 * @param eligible which proposals can win the track (and so are the round's
	 * candidates)
	 * @param quota the track's quota, the round's cut N
	 */
	record Dedication(String trackId, Set<String> judgeUserIds, Predicate<Proposal> eligible, int quota) {

		public boolean judges(String userId) {
			return this.judgeUserIds.contains(userId);
		}

	}

}
