package org.hacktrail.judging.expo;

import java.time.Instant;
import java.util.Objects;

import org.hacktrail.judging.Sector;
import org.hacktrail.judging.pairwise.NextChoice;
import org.hacktrail.judging.round.ExpoTable;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One visit of a judge to a table of a PAIRWISE round, from the moment the judge is sent
 * there (OPEN) to the answer (VISITED, COMPARED or SKIPPED). The id is
 * {@code roundId/judgeId/number}: two requests choosing the same judge's next table at
 * once insert the same id, and the second reads the first's visit.
 *
 * <p>
 * An answer is the one conditional write {@code {_id, status: OPEN}} → answered, so a
 * visit is answered once; the unique index on {@code (_id, status)} is redundant on a
 * real MongoDB and lets the embedded store serve that write from an index
 * ({@code ConditionalWriteIndexTests}).
 *
 * @param id {@code roundId/judgeId/number}
 * @param roundId the round
 * @param hackathonId its hackathon
 * @param judgeId the judge record's id
 * @param number 1 for the judge's first visit in the round, then 2, 3, …
 * @param proposalId the proposal at the table
 * @param table the table as it was when the judge was sent there
 * @param status see {@link ExpoVisitStatus}
 * @param choice why this table was chosen
 * @param expectedGain its expected information gain (null for a first visit or an
 * exploration)
 * @param sentAt when the judge was sent there
 * @param clientId the client-generated id of the answer (null while OPEN, or when the
 * service skipped the visit for a conflict declared meanwhile)
 * @param previousProposalId the proposal compared with (COMPARED only)
 * @param winner the answer (COMPARED only)
 * @param skipReason why the visit was skipped (SKIPPED only)
 * @param answeredBy the user who answered (null when the service skipped it)
 * @param answeredAt when the answer was stored
 * @param sequence the answer's place in time for the ranking: microseconds since the
 * epoch when first stored (ties ordered by client id)
 * @param sector the judge's sector when the answer was stored (null before answered, and
 * in visits stored before sectors were recorded): a round ranked by sector
 * (hacktrail-pairwise-2) counts the comparison in this sector
 */
@Document("expo_visits")
@CompoundIndex(name = "id_status", def = "{'_id': 1, 'status': 1}", unique = true)
public record ExpoVisit(@Id String id, @Indexed String roundId, String hackathonId, String judgeId, int number,
		String proposalId, ExpoTable table, ExpoVisitStatus status, NextChoice.Reason choice,
		@Nullable Double expectedGain, Instant sentAt, @Nullable String clientId, @Nullable String previousProposalId,
		@Nullable ExpoWinner winner, @Nullable ExpoSkipReason skipReason, @Nullable String answeredBy,
		@Nullable Instant answeredAt, @Nullable Long sequence, @Nullable Sector sector) {

	static String idOf(String roundId, String judgeId, int number) {
		return roundId + "/" + judgeId + "/" + number;
	}

	boolean isOpen() {
		return this.status == ExpoVisitStatus.OPEN;
	}

	/** Whether the judge saw the team (VISITED or COMPARED). */
	boolean wasSeen() {
		return this.status == ExpoVisitStatus.VISITED || this.status == ExpoVisitStatus.COMPARED;
	}

	/** Whether this stored answer is the given one (a retry). */
	boolean sameAnswer(ExpoVisitStatus status, String proposalId, @Nullable String previousProposalId,
			@Nullable ExpoWinner winner, @Nullable ExpoSkipReason skipReason) {
		boolean bothSkips = (this.status == ExpoVisitStatus.SKIPPED) == (status == ExpoVisitStatus.SKIPPED);
		return bothSkips && this.proposalId.equals(proposalId)
				&& Objects.equals(this.previousProposalId, previousProposalId) && this.winner == winner
				&& this.skipReason == skipReason;
	}

}
