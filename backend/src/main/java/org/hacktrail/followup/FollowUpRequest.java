package org.hacktrail.followup;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A request to a project's team to tell what happened since a hackathon, opened 3, 6, 12
 * and 24 months after it ended. The id is the natural key
 * {@code <projectId>:<hackathonId>:<months>}: a request can exist only once per project
 * and checkpoint, whoever (or however many instances) tries to open it.
 *
 * @param dueOn the day the checkpoint fell due (the event's last day plus {@code months},
 * in its time zone)
 * @param leads the team leads asked
 * @param notifiedAt when the leads were notified; null while a notification is still owed
 * (e.g. after a crash between opening and notifying: the next run notifies)
 * @param answeredBy who answered: a team lead reporting a milestone, or saying there is
 * nothing new
 */
@Document("followup_requests")
public record FollowUpRequest(@Id String id, @Indexed String projectId, String hackathonId, int months, String dueOn,
		Instant openedAt, Status status, List<String> leads, @Nullable Instant notifiedAt, @Nullable Instant answeredAt,
		@Nullable String answeredBy, @Nullable String answer) {

	public enum Status {

		OPEN, ANSWERED

	}

	public FollowUpRequest {
		leads = (leads != null) ? List.copyOf(leads) : List.of();
	}

	static String id(String projectId, String hackathonId, int months) {
		return projectId + ":" + hackathonId + ":" + months;
	}

}
