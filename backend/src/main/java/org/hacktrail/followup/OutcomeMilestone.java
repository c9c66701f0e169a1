package org.hacktrail.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dated milestone of a project's outcome trail.
 *
 * <p>
 * The id is the natural key (see {@link MilestoneKey}): the project id, then a hash of
 * the type, the date (the month for ACTIVITY) and the normalised agency and programme.
 * Recording the same milestone twice — a retried request, a re-imported file, an import
 * restarted after a crash — therefore always lands on the same document, and the
 * project's milestones are the ids with the project's prefix: an anchored prefix match on
 * {@code _id}, which MongoDB answers from the {@code _id} index and the embedded store
 * from its index keys, without reading documents.
 *
 * @param date the calendar date, ISO-8601 ({@code 2024-03-01}); kept as text so that no
 * time zone can shift it
 * @param agency who funds (FUNDED, FUNDING_APPLIED) or who adopts, pilots or integrates
 * (ADOPTED, PILOT, INTEGRATED_INTO_OPERATIONS)
 * @param amount a plain decimal ({@code 1500000.5}), only for funding milestones; kept as
 * text to stay exact
 * @param currency ISO 4217 code of the amount
 * @param verificationReason why an organizer rejected it (or a note on the verification)
 * @param decidedBy the organizer who verified or rejected it last
 * @param reportedBy the user who reported or recorded it; null for imported and observed
 * milestones
 * @param contentHash a hash of everything but the bookkeeping, so that an import sees at
 * once whether a row changes anything
 * @param importedFrom the import whose row this content is (see {@link MilestoneImport});
 * null for milestones people recorded, observed ones, and those imported before imports
 * were recorded (they cannot be chosen by import)
 */
@Document("outcome_milestones")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "verification_recorded", def = "{'verification': 1, 'recordedAt': 1}")
@CompoundIndex(name = "import_verification", def = "{'importedFrom.importId': 1, 'verification': 1}")
public record OutcomeMilestone(@Id String id, @Indexed String projectId, MilestoneType type, String date,
		@Nullable String agency, @Nullable AgencyLevel level, @Nullable String programme, @Nullable String amount,
		@Nullable String currency, @Nullable String evidenceUrl, @Nullable String note, MilestoneSource source,
		VerificationState verification, @Nullable String verificationReason, @Nullable String decidedBy,
		@Nullable Instant decidedAt, @Nullable String reportedBy, Instant recordedAt, Instant updatedAt,
		String contentHash, List<MilestoneEvent> history, @Version @Nullable Long version,
		@Nullable MilestoneImport importedFrom) {

	public OutcomeMilestone {
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	public LocalDate localDate() {
		return LocalDate.parse(this.date);
	}

	/** A new milestone with this content. */
	static OutcomeMilestone create(String projectId, MilestoneDraft draft, MilestoneSource source,
			VerificationState verification, MilestoneEvent event, @Nullable String reportedBy) {
		boolean decided = verification != VerificationState.PENDING;
		return new OutcomeMilestone(MilestoneKey.id(projectId, draft), projectId, draft.type(), draft.date().toString(),
				draft.agency(), draft.level(), draft.programme(), draft.amountText(), draft.currency(),
				draft.evidenceUrl(), draft.note(), source, verification, null, decided ? event.by() : null,
				decided ? event.at() : null, reportedBy, event.at(), event.at(), draft.contentHash(), List.of(event),
				null, null);
	}

	MilestoneDraft draft() {
		return new MilestoneDraft(this.type, localDate(), this.agency, this.level, this.programme,
				(this.amount != null) ? new java.math.BigDecimal(this.amount) : null, this.currency, this.evidenceUrl,
				this.note);
	}

	/**
	 * The same milestone with new content (same natural key), its verification as given,
	 * the change recorded. The content is a person's now, no longer an import's.
	 */
	OutcomeMilestone withContent(MilestoneDraft draft, VerificationState verification, MilestoneEvent event) {
		List<MilestoneEvent> changed = new java.util.ArrayList<>(this.history);
		changed.add(event);
		boolean decided = verification != VerificationState.PENDING;
		return new OutcomeMilestone(this.id, this.projectId, this.type, draft.date().toString(), draft.agency(),
				draft.level(), draft.programme(), draft.amountText(), draft.currency(), draft.evidenceUrl(),
				draft.note(), this.source, verification, decided ? this.verificationReason : null,
				decided ? event.by() : null, decided ? event.at() : null, this.reportedBy, this.recordedAt, event.at(),
				draft.contentHash(), changed, this.version, null);
	}

	/** The same milestone verified or rejected. */
	OutcomeMilestone withDecision(VerificationState verification, @Nullable String reason, MilestoneEvent event) {
		List<MilestoneEvent> changed = new java.util.ArrayList<>(this.history);
		changed.add(event);
		return new OutcomeMilestone(this.id, this.projectId, this.type, this.date, this.agency, this.level,
				this.programme, this.amount, this.currency, this.evidenceUrl, this.note, this.source, verification,
				reason, event.by(), event.at(), this.reportedBy, this.recordedAt, event.at(), this.contentHash, changed,
				this.version, this.importedFrom);
	}

	/** The same milestone as a row of this import. */
	OutcomeMilestone withImport(@Nullable MilestoneImport origin) {
		return new OutcomeMilestone(this.id, this.projectId, this.type, this.date, this.agency, this.level,
				this.programme, this.amount, this.currency, this.evidenceUrl, this.note, this.source, this.verification,
				this.verificationReason, this.decidedBy, this.decidedAt, this.reportedBy, this.recordedAt,
				this.updatedAt, this.contentHash, this.history, this.version, origin);
	}

}
