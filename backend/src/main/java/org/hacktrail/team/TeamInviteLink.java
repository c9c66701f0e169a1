package org.hacktrail.team;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-use invitation link to a team: a lead (or an organizer) shares it, and the first
 * signed-in person who opens it before it expires joins the team (or declines). Like a
 * judge invitation, the secret of the link is shown once, to its creator; only its
 * SHA-256 hash is stored, so the store cannot hand out working links.
 *
 * <p>
 * The link lives in its own document, not in the team's: it is found by its token's hash,
 * and using it up is one conditional update of this document ({@code {_id, status:
 * PENDING}} → ACCEPTED or DECLINED), so of two people opening one link at the same moment
 * exactly one gets it. The indexes on exactly {@code (_id, status)} and
 * {@code (_id, version)} let the embedded store answer those conditional writes from an
 * index (it uses an index only when a query names exactly its fields; a non-unique one
 * not at all, hence unique, which they are anyway).
 *
 * @param teamId the team's id, which is the proposal's id
 * @param tokenHash SHA-256 (hex) of the link's secret
 * @param role the role the new member gets
 * @param positionId the open position offered, if any; joining fills it
 * @param status PENDING until used (ACCEPTED, DECLINED) or withdrawn (WITHDRAWN)
 * @param expiresAt after this the link no longer works (it stays PENDING: expiry is read,
 * never written)
 * @param usedBy the person who joined or declined with it
 * @param decisionNote their note when declining
 */
@Document("team_invite_links")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "id_status", def = "{'_id': 1, 'status': 1}", unique = true)
public record TeamInviteLink(@Id String id, @Indexed String teamId, String hackathonId,
		@Indexed(unique = true) String tokenHash, @Nullable String message, TeamRole role, @Nullable String positionId,
		RequestStatus status, String createdBy, String createdByName, Instant createdAt, Instant expiresAt,
		@Nullable String usedBy, @Nullable String usedByName, @Nullable Instant usedAt, @Nullable String decisionNote,
		@Nullable String withdrawnBy, @Nullable Instant withdrawnAt, @Version @Nullable Long version) {

	/** Whether the link's time has run out at {@code now}. */
	boolean isExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	/** Whether someone could still use the link at {@code now}. */
	boolean isOpen(Instant now) {
		return this.status == RequestStatus.PENDING && !isExpired(now);
	}

}
