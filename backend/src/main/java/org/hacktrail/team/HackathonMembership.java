package org.hacktrail.team;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * "This person is in (or is joining) this team at this hackathon": the lock behind the
 * one-team rule of competitions. Its key (hackathon, user) is unique, so two teams can
 * never both hold the same person, whatever runs at the same time. See
 * {@link HackathonMemberships} for how it is kept in step with the team documents without
 * a transaction.
 *
 * @param id {@code <hackathonId>:<userId>}, so the lock is found and taken by {@code _id}
 * @param teamId the team (proposal id) the person is in or joining
 * @param holds operations that are adding the person to that team right now; while any is
 * in flight, the lock is never released
 * @param epoch set when the person has become a member (a fresh value each time), null
 * while only joining; lets a release after leaving tell whether the person has joined
 * again since
 */
@Document("hackathon_memberships")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "hackathon_user", def = "{'hackathonId': 1, 'userId': 1}", unique = true)
record HackathonMembership(@Id String id, String hackathonId, String userId, String teamId, List<String> holds,
		@Nullable String epoch, Instant updatedAt, @Version @Nullable Long version) {

	HackathonMembership {
		holds = (holds != null) ? List.copyOf(holds) : List.of();
	}

	static String key(String hackathonId, String userId) {
		return hackathonId + ":" + userId;
	}

	HackathonMembership with(String teamId, List<String> holds, @Nullable String epoch, Instant now) {
		return new HackathonMembership(this.id, this.hackathonId, this.userId, teamId, holds, epoch, now, this.version);
	}

}
