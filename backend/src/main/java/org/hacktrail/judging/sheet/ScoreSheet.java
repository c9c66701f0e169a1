package org.hacktrail.judging.sheet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One judge's scores for one proposal in one round. Its id is
 * {@code roundId:judgeUserId:proposalId}: the natural key is the id, so there is one
 * sheet per judge × proposal × round whoever writes it, and a judge's sheets are read by
 * id.
 *
 * <p>
 * The unique indexes on {@code (_id, version)} and {@code (_id, version, status)} are
 * redundant on a real MongoDB; they let the embedded store answer a sheet's conditional
 * writes (by id, the version read and, for a draft, its status) from an index: it uses an
 * index only when a query names exactly the index's fields, and without them every save
 * scanned the round's tens of thousands of sheets.
 *
 * @param scores score per criterion id (a draft may lack some)
 * @param history status changes: submitted, reopened (with the organizer's reason),
 * voided
 * @param version optimistic lock: a save names the version it was based on; a stale one
 * is a CONFLICT
 */
@Document("score_sheets")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "id_version_status", def = "{'_id': 1, 'version': 1, 'status': 1}", unique = true)
@CompoundIndex(name = "round_judge_proposal", def = "{'roundId': 1, 'judgeUserId': 1, 'proposalId': 1}", unique = true)
@CompoundIndex(name = "round_proposal", def = "{'roundId': 1, 'proposalId': 1}")
public record ScoreSheet(@Id String id, String hackathonId, String roundId, String judgeUserId, String proposalId,
		Map<String, Double> scores, @Nullable String comment, SheetStatus status, List<SheetEvent> history,
		@Nullable Instant submittedAt, Instant createdAt, Instant updatedAt, @Version @Nullable Long version) {

	public ScoreSheet {
		scores = (scores != null) ? new TreeMap<>(scores) : new TreeMap<>();
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	public static String idOf(String roundId, String judgeUserId, String proposalId) {
		return roundId + ":" + judgeUserId + ":" + proposalId;
	}

}
