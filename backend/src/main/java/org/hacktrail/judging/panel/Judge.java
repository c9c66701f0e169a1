package org.hacktrail.judging.panel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hacktrail.judging.Sector;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A judge at one hackathon. Its id is {@code hackathonId:userId}, so the record of the
 * signed-in judge is read by id, with no query. Judging rights at a hackathon come from
 * this record (ACTIVE), never from the global JUDGE role.
 *
 * @param displayName the user's name when they joined (for organizers' lists)
 * @param affiliations organisations and agencies, compared with proposals' to find
 * conflicts of interest
 * @param expertise free tags (e.g. {@code 長照}, {@code GIS}) for organizers planning the
 * panel
 * @param maxLoad the most proposals this judge takes per round, or null for the round's
 * limit
 * @param conflicts conflicts of interest with their decisions, one per proposal
 * @param invitationId the invitation accepted, or null for a judge added another way
 * (demo data)
 */
@Document("judges")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "hackathon_user", def = "{'hackathonId': 1, 'userId': 1}", unique = true)
public record Judge(@Id String id, String hackathonId, @Indexed String userId, String displayName, Sector sector,
		List<String> affiliations, List<String> expertise, @Nullable Integer maxLoad, JudgeStatus status,
		@Nullable String dropReason, List<ConflictOfInterest> conflicts, @Nullable String invitationId,
		Instant joinedAt, Instant updatedAt, @Version @Nullable Long version) {

	public Judge {
		affiliations = (affiliations != null) ? List.copyOf(affiliations) : List.of();
		expertise = (expertise != null) ? List.copyOf(expertise) : List.of();
		conflicts = (conflicts != null) ? List.copyOf(conflicts) : List.of();
	}

	public static String idOf(String hackathonId, String userId) {
		return hackathonId + ":" + userId;
	}

	public boolean isActive() {
		return this.status == JudgeStatus.ACTIVE;
	}

	public Optional<ConflictOfInterest> conflict(String proposalId) {
		return this.conflicts.stream().filter((c) -> c.proposalId().equals(proposalId)).findFirst();
	}

	/** Whether an ACTIVE conflict keeps this judge away from the proposal. */
	public boolean isConflictedWith(String proposalId) {
		return conflict(proposalId).map(ConflictOfInterest::isActive).orElse(false);
	}

	Judge withConflict(ConflictOfInterest conflict, Instant now) {
		List<ConflictOfInterest> changed = new ArrayList<>();
		boolean replaced = false;
		for (ConflictOfInterest existing : this.conflicts) {
			if (existing.proposalId().equals(conflict.proposalId())) {
				changed.add(conflict);
				replaced = true;
			}
			else {
				changed.add(existing);
			}
		}
		if (!replaced) {
			changed.add(conflict);
		}
		return new Judge(this.id, this.hackathonId, this.userId, this.displayName, this.sector, this.affiliations,
				this.expertise, this.maxLoad, this.status, this.dropReason, changed, this.invitationId, this.joinedAt,
				now, this.version);
	}

	Judge withProfile(Sector sector, List<String> affiliations, List<String> expertise, @Nullable Integer maxLoad,
			Instant now) {
		return new Judge(this.id, this.hackathonId, this.userId, this.displayName, sector, affiliations, expertise,
				maxLoad, this.status, this.dropReason, this.conflicts, this.invitationId, this.joinedAt, now,
				this.version);
	}

	Judge withStatus(JudgeStatus status, @Nullable String reason, Instant now) {
		return new Judge(this.id, this.hackathonId, this.userId, this.displayName, this.sector, this.affiliations,
				this.expertise, this.maxLoad, status, reason, this.conflicts, this.invitationId, this.joinedAt, now,
				this.version);
	}

}
