package org.hacktrail.judging.panel;

import java.time.Instant;
import java.util.List;

import org.hacktrail.judging.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An invitation to judge a hackathon, keyed by hackathon and normalised email (its id is
 * {@code hackathonId:emailKey}, so inviting the same person twice finds the first
 * invitation by id).
 *
 * @param emailKey the email, NFKC and lower case: what an account's email is compared
 * with
 * @param affiliations the judge's affiliations as the organizer knows them; null to take
 * the account's at acceptance
 * @param tokenHash SHA-256 of the secret in the invitation link; the secret itself is
 * shown once, to the organizer
 * <p>
 * The unique index on {@code (_id, status)} is redundant on a real MongoDB; it lets the
 * embedded store serve the conditional writes that accept, decline or revoke a PENDING
 * invitation from an index ({@code
 * ConditionalWriteIndexTests}).
 * @param acceptedBy the user who accepted
 */
@Document("judge_invitations")
@CompoundIndex(name = "id_status", def = "{'_id': 1, 'status': 1}", unique = true)
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "hackathon_email", def = "{'hackathonId': 1, 'emailKey': 1}", unique = true)
public record JudgeInvitation(@Id String id, String hackathonId, String email, @Indexed String emailKey, Sector sector,
		@Nullable List<String> affiliations, List<String> expertise, @Nullable Integer maxLoad,
		@Indexed(unique = true) String tokenHash, InvitationStatus status, String invitedBy, Instant invitedAt,
		@Nullable String acceptedBy, @Nullable Instant acceptedAt, @Version @Nullable Long version) {

	public JudgeInvitation {
		expertise = (expertise != null) ? List.copyOf(expertise) : List.of();
		affiliations = (affiliations != null) ? List.copyOf(affiliations) : null;
	}

	public static String idOf(String hackathonId, String emailKey) {
		return hackathonId + ":" + emailKey;
	}

}
