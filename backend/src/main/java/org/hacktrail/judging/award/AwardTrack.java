package org.hacktrail.judging.award;

import java.time.Instant;
import java.util.List;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.proposal.Proposal;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One award track of a hackathon. Its id is {@code <hackathonId>.<slug>}, so that the
 * default track {@value #OUTSTANDING} has the same id whether it is stored (once an
 * organizer edited it) or not (every hackathon has it, see {@link #outstanding}).
 *
 * @param slug short name, unique in the hackathon ({@code open-data})
 * @param name the award's name, in both languages
 * @param quota how many proposals it awards (1 to 100); the outstanding track's quota is
 * the hackathon's outstanding quota (the FINAL round's cut N when it has one)
 * @param eligibility which proposals can win it
 * @param tags the tags (issue areas) of a BY_TAG track: a proposal with any of them is
 * eligible
 * @param proposalIds the proposals of a BY_CHOICE track
 * @param sponsor who gives the award (a company, an agency), if named
 * @param sponsorKind whether {@code sponsor} is a SPONSOR or an AGENCY
 * @param judges SHARED (the feeding round's panel and ranking) or OWN (the track's own
 * judges, in a round dedicated to the track)
 * @param judgeIds the judges of an OWN track: judge records ({@code hackathonId:userId})
 * of the hackathon's panel; empty for a SHARED track
 */
@Document("award_tracks")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "hackathon_slug", def = "{'hackathonId': 1, 'slug': 1}", unique = true)
public record AwardTrack(@Id String id, String hackathonId, String slug, LocalizedText name, int quota,
		Eligibility eligibility, List<String> tags, List<String> proposalIds, @Nullable String sponsor,
		@Nullable SponsorKind sponsorKind, Judges judges, List<String> judgeIds, Instant createdAt, Instant updatedAt,
		@Version @Nullable Long version) {

	/** The slug of the default track, the outstanding teams. */
	public static final String OUTSTANDING = "outstanding";

	/** The default track's names. */
	public static final LocalizedText OUTSTANDING_NAME = new LocalizedText("卓越團隊", "Outstanding teams");

	@PersistenceCreator
	public AwardTrack {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		proposalIds = (proposalIds != null) ? List.copyOf(proposalIds) : List.of();
		judges = (judges != null) ? judges : Judges.SHARED;
		judgeIds = (judgeIds != null) ? List.copyOf(judgeIds) : List.of();
		eligibility = (eligibility != null) ? eligibility : Eligibility.ALL;
	}

	public enum Eligibility {

		/** Every proposal of the feeding round. */
		ALL,

		/** The round's proposals with at least one of the track's tags. */
		BY_TAG,

		/** The round's proposals the organizers chose for the track. */
		BY_CHOICE

	}

	public enum SponsorKind {

		SPONSOR, AGENCY

	}

	public enum Judges {

		/** The feeding round's panel: the track ranks the round's ranking. */
		SHARED,

		/**
		 * The track's own judges: a round dedicated to the track, where only they score
		 * only its eligible proposals.
		 */
		OWN

	}

	public static String idOf(String hackathonId, String slug) {
		return hackathonId + "." + slug;
	}

	/** The default track as it is before anyone edits it. */
	public static AwardTrack outstanding(Hackathon hackathon) {
		return new AwardTrack(idOf(hackathon.id(), OUTSTANDING), hackathon.id(), OUTSTANDING, OUTSTANDING_NAME,
				Math.max(1, hackathon.outstandingQuota()), Eligibility.ALL, List.of(), List.of(), null, null,
				Judges.SHARED, List.of(), hackathon.createdAt(), hackathon.createdAt(), null);
	}

	public boolean isOutstanding() {
		return OUTSTANDING.equals(this.slug);
	}

	/** Whether a proposal of the feeding round can win this track. */
	public boolean eligible(Proposal proposal) {
		return switch (this.eligibility) {
			case ALL -> true;
			case BY_TAG -> proposal.tags().stream().anyMatch(this.tags::contains);
			case BY_CHOICE -> this.proposalIds.contains(proposal.id());
		};
	}

	/**
	 * The version the API shows: 0 for a default track never stored, the stored version
	 * plus one otherwise.
	 */
	public long apiVersion() {
		return (this.version != null) ? this.version + 1 : 0;
	}

	/** The user id of each of an OWN track's judges. */
	public List<String> judgeUserIds() {
		String prefix = this.hackathonId + ":";
		return this.judgeIds.stream()
			.filter((id) -> id.startsWith(prefix))
			.map((id) -> id.substring(prefix.length()))
			.toList();
	}

	AwardTrack with(LocalizedText name, int quota, Eligibility eligibility, List<String> tags, List<String> proposalIds,
			@Nullable String sponsor, @Nullable SponsorKind sponsorKind, Judges judges, List<String> judgeIds,
			Instant now) {
		return new AwardTrack(this.id, this.hackathonId, this.slug, name, quota, eligibility, tags, proposalIds,
				sponsor, sponsorKind, judges, judgeIds, this.createdAt, now, this.version);
	}

}
