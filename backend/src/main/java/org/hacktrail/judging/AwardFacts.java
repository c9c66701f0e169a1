package org.hacktrail.judging;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The awards of a hackathon's published rounds, for the statistics and the open data
 * (followup): one entry per award track and winner. Results published before award tracks
 * existed read as the outstanding track.
 */
public interface AwardFacts {

	/** The track id of the outstanding teams of a hackathon. */
	static String outstandingTrackId(String hackathonId) {
		return hackathonId + ".outstanding";
	}

	/**
	 * One award won by one proposal.
	 *
	 * @param outstanding whether the track is the outstanding teams (status OUTSTANDING)
	 */
	record Award(String proposalId, String trackId, String trackSlug, @Nullable String nameZhTW,
			@Nullable String nameEn, @Nullable String sponsor, boolean outstanding) {
	}

	/** The awards of the hackathon's published rounds, in round and track order. */
	List<Award> awardsOf(String hackathonId);

}
