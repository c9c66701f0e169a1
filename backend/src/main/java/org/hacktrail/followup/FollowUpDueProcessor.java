package org.hacktrail.followup;

import java.time.Clock;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * A due checkpoint as the follow-up request it opens, keyed by project, hackathon and
 * months.
 */
class FollowUpDueProcessor implements ItemProcessor<DueCheckpoint, FollowUpRequest> {

	private final Clock clock;

	FollowUpDueProcessor(Clock clock) {
		this.clock = clock;
	}

	@Override
	public FollowUpRequest process(DueCheckpoint checkpoint) {
		return new FollowUpRequest(
				FollowUpRequest.id(checkpoint.projectId(), checkpoint.hackathonId(), checkpoint.months()),
				checkpoint.projectId(), checkpoint.hackathonId(), checkpoint.months(), checkpoint.dueOn().toString(),
				this.clock.instant(), FollowUpRequest.Status.OPEN, List.of(), null, null, null, null);
	}

}
