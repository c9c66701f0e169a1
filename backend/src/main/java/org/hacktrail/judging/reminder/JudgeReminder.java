package org.hacktrail.judging.reminder;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a judge was last reminded of their work in a round, and by whom: what the hourly
 * limit on reminders reads. Its id is {@code roundId:judgeUserId}, read by id.
 *
 * @param count how many reminders the judge got in this round
 */
@Document("judge_reminders")
record JudgeReminder(@Id String id, String roundId, String judgeUserId, Instant lastAt, String lastBy, int count) {

	static String idOf(String roundId, String judgeUserId) {
		return roundId + ":" + judgeUserId;
	}

}
