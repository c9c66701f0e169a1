package org.hacktrail.judging.round;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hacktrail.hackathon.RoundKind;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The judging of one hackathon round: its own document, with the hackathon round's id as
 * its id, so that a judge's sheet save reads it by id. It stays small (no assignments, no
 * sheets): the plan is in {@link JudgingPlan} and {@link JudgeWork}, and {@code planId}
 * names the current plan — switching it is the one atomic write that makes a new plan
 * current.
 *
 * @param kind the hackathon round's kind when judging started (REVIEW or FINAL): what
 * publication moves proposals to
 * @param planId the current assignment plan, or null before the first assignment
 * @param selection the organizers' selection, once made
 * <p>
 * The unique indexes on {@code (_id, planId)} and {@code (_id, status)} are redundant on
 * a real MongoDB; they let the embedded store serve the conditional writes that switch
 * the current plan and publish a CLOSED round from an index
 * ({@code ConditionalWriteIndexTests}).
 * @param history status changes, plans, selections and configuration changes after DRAFT
 */
@Document("judging_rounds")
@CompoundIndex(name = "id_plan", def = "{'_id': 1, 'planId': 1}", unique = true)
@CompoundIndex(name = "id_status", def = "{'_id': 1, 'status': 1}", unique = true)
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public record JudgingRound(@Id String id, @Indexed String hackathonId, RoundKind kind, RoundStatus status,
		RoundConfig config, @Nullable String planId, @Nullable Selection selection, List<RoundEvent> history,
		@Nullable Instant publishedAt, Instant createdAt, Instant updatedAt, @Version @Nullable Long version) {

	public JudgingRound {
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	JudgingRound with(RoundStatus status, RoundConfig config, @Nullable Selection selection,
			@Nullable Instant publishedAt, @Nullable RoundEvent event, Instant now) {
		List<RoundEvent> events = new ArrayList<>(this.history);
		if (event != null) {
			events.add(event);
		}
		return new JudgingRound(this.id, this.hackathonId, this.kind, status, config, this.planId, selection, events,
				publishedAt, this.createdAt, now, this.version);
	}

	/** Whether a judge may save and submit sheets. */
	public boolean isScoring() {
		return this.status == RoundStatus.OPEN;
	}

}
