package org.hacktrail.judging.vote;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.hacktrail.judging.round.VoteMode;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's ballot in one round. Its id is {@code roundId:userId}: one ballot per
 * person, read and replaced by id.
 *
 * @param votes votes per proposal id (SIMPLE: 1 each; QUADRATIC: n ≥ 1, costing n²
 * credits)
 * @param creditsUsed Σ n² for QUADRATIC, the number of proposals for SIMPLE
 */
@Document("ballots")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "round_user", def = "{'roundId': 1, 'userId': 1}", unique = true)
public record Ballot(@Id String id, String roundId, String hackathonId, String userId, VoteMode mode,
		Map<String, Integer> votes, int creditsUsed, Instant createdAt, Instant updatedAt,
		@Version @Nullable Long version) {

	public Ballot {
		votes = (votes != null) ? new TreeMap<>(votes) : new TreeMap<>();
	}

	public static String idOf(String roundId, String userId) {
		return roundId + ":" + userId;
	}

}
