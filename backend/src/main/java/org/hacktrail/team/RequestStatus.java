package org.hacktrail.team;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Where a join request or an invitation stands. Only PENDING ones change; the others are
 * final.
 */
public enum RequestStatus {

	/** Waiting for a decision. */
	PENDING,

	/** Accepted: the person became a member. */
	ACCEPTED,

	/** Declined by the other side. */
	DECLINED,

	/** Taken back by the side that made it (or closed because it no longer applies). */
	WITHDRAWN;

	/** Whether this status is among {@code statuses}; no statuses at all means any. */
	boolean isIn(@Nullable Collection<RequestStatus> statuses) {
		return statuses == null || statuses.isEmpty() || statuses.contains(this);
	}

}
