package org.hacktrail.judging.reminder;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a judge was last reminded of their work in a round, and by whom: what the hourly
 * limit on reminders reads. Its id is {@code roundId:judgeUserId}, read by id.
 *
 * <p>
 * A reminder is claimed by one conditional write on {@code (_id, lastAt)}; the unique
 * index on those fields is redundant on a real MongoDB and lets the embedded store serve
 * it from an index ({@code ConditionalWriteIndexTests}).
 *
 * @param count how many reminders the judge got in this round
 */
@Document("judge_reminders")
@CompoundIndex(name = "id_last", def = "{'_id': 1, 'lastAt': 1}", unique = true)
record JudgeReminder(@Id String id, String roundId, String judgeUserId, Instant lastAt, String lastBy, int count) {

	static String idOf(String roundId, String judgeUserId) {
		return roundId + ":" + judgeUserId;
	}

}
