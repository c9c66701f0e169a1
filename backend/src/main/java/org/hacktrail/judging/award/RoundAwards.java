package org.hacktrail.judging.award;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.round.Selection;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The award tracks a judged round feeds and their selections (id: the round's id). A
 * round without this document feeds its default tracks: a FINAL round the outstanding
 * track (whose selection is the round's own selection), a REVIEW round none.
 *
 * @param trackIds the tracks the round feeds, by id (the outstanding track included for a
 * FINAL round)
 * @param selections the organizers' selection of each track other than the outstanding
 * one (the outstanding track's is the round's {@link Selection})
 * @param published the awards as published with the round (null before publication): a
 * frozen copy of each track's names, sponsor and winners
 * @param dedicatedTrackId the OWN track the round is dedicated to (its only track), or
 * null for an ordinary round
 */
@Document("round_awards")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public record RoundAwards(@Id String id, @Indexed String hackathonId, List<String> trackIds,
		List<TrackSelection> selections, @Nullable List<PublishedAward> published, @Nullable String dedicatedTrackId,
		Instant updatedAt, @Version @Nullable Long version) {

	@PersistenceCreator
	public RoundAwards {
		trackIds = (trackIds != null) ? List.copyOf(trackIds) : List.of();
		selections = (selections != null) ? List.copyOf(selections) : List.of();
		published = (published != null) ? List.copyOf(published) : null;
	}

	/** One track's selection in a round. */
	public record TrackSelection(String trackId, Selection selection) {
	}

	/**
	 * One award as published.
	 *
	 * @param judges OWN for a track judged by its own judges in a round dedicated to it;
	 * null for a track of the round's panel (SHARED, and every award published before OWN
	 * tracks existed)
	 */
	public record PublishedAward(String trackId, String slug, LocalizedText name, @Nullable String sponsor,
			AwardTrack.@Nullable SponsorKind sponsorKind, int quota, AwardTrack.Eligibility eligibility,
			List<String> tags, Selection selection, AwardTrack.@Nullable Judges judges) {

		public PublishedAward {
			tags = (tags != null) ? List.copyOf(tags) : List.of();
		}

		public List<String> winners() {
			return this.selection.proposalIds();
		}

		static PublishedAward of(AwardTrack track, int quota, Selection selection) {
			return new PublishedAward(track.id(), track.slug(), track.name(), track.sponsor(), track.sponsorKind(),
					quota, track.eligibility(), track.tags(), selection,
					(track.judges() == AwardTrack.Judges.OWN) ? AwardTrack.Judges.OWN : null);
		}

	}

	/** The version the API shows: 0 for the defaults, the stored version plus one. */
	public long apiVersion() {
		return (this.version != null) ? this.version + 1 : 0;
	}

	public @Nullable Selection selectionOf(String trackId) {
		return this.selections.stream()
			.filter((s) -> s.trackId().equals(trackId))
			.map(TrackSelection::selection)
			.findFirst()
			.orElse(null);
	}

	RoundAwards withTracks(List<String> trackIds, Instant now) {
		List<TrackSelection> kept = this.selections.stream().filter((s) -> trackIds.contains(s.trackId())).toList();
		return new RoundAwards(this.id, this.hackathonId, trackIds, kept, this.published, this.dedicatedTrackId, now,
				this.version);
	}

	RoundAwards withSelection(String trackId, Selection selection, Instant now) {
		List<TrackSelection> next = new ArrayList<>(
				this.selections.stream().filter((s) -> !s.trackId().equals(trackId)).toList());
		next.add(new TrackSelection(trackId, selection));
		return new RoundAwards(this.id, this.hackathonId, this.trackIds, next, this.published, this.dedicatedTrackId,
				now, this.version);
	}

	RoundAwards dedicatedTo(@Nullable String trackId, Instant now) {
		List<String> ids = (trackId != null) ? List.of(trackId) : List.of();
		List<TrackSelection> kept = this.selections.stream().filter((s) -> ids.contains(s.trackId())).toList();
		return new RoundAwards(this.id, this.hackathonId, ids, kept, this.published, trackId, now, this.version);
	}

	RoundAwards withPublished(List<PublishedAward> published, Instant now) {
		return new RoundAwards(this.id, this.hackathonId, this.trackIds, this.selections, published,
				this.dedicatedTrackId, now, this.version);
	}

}
