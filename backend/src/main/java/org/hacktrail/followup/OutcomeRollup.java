package org.hacktrail.followup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.LocalizedText;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The statistics roll-up for one view (id PUBLIC or ORGANIZER), written by
 * {@code statisticsRollup} and read by every statistics query: one lookup by id, then
 * sums over a few thousand cells at most.
 *
 * @param cells one per hackathon and issue area, plus one per hackathon for all areas
 * ({@code area} null), so that sums over hackathons are exact (a proposal belongs to one
 * hackathon) while a proposal with several areas counts in each of its areas
 */
@Document("outcome_rollups")
public record OutcomeRollup(@Id String id, Instant computedAt, long jobExecutionId, List<Cell> cells) {

	public OutcomeRollup {
		cells = (cells != null) ? List.copyOf(cells) : List.of();
	}

	/**
	 * Counts of one hackathon (and one issue area, or all).
	 *
	 * @param fundingTotals exact decimal sums by ISO currency code
	 * @param adoptionMonths how many adoptions came how many whole months after the event
	 * (key: months)
	 * @param awards the awards its proposals won, per award track of the hackathon (empty
	 * in a roll-up stored before award tracks were counted)
	 */
	public record Cell(String hackathonId, String slug, LocalizedText name, HackathonKind kind, int year,
			@Nullable String area, int proposals, int teams, int shortlisted, int outstanding, int notSelected,
			int funded, int adopted, int integrated, int outstandingFunded, int outstandingAdopted,
			int outstandingIntegrated, int notSelectedFunded, int notSelectedAdopted, int notSelectedIntegrated,
			Map<String, String> fundingTotals, Map<String, Integer> adoptionMonths, List<TrackAwards> awards) {

		public Cell {
			fundingTotals = (fundingTotals != null) ? Map.copyOf(fundingTotals) : Map.of();
			adoptionMonths = (adoptionMonths != null) ? Map.copyOf(adoptionMonths) : Map.of();
			awards = (awards != null) ? List.copyOf(awards) : List.of();
		}

	}

	/**
	 * How many awards one award track of the cell's hackathon gave to the cell's
	 * proposals (a proposal wins a track at most once).
	 *
	 * @param outstanding the track is the outstanding teams
	 */
	public record TrackAwards(String trackId, String slug, @Nullable String nameZhTW, @Nullable String nameEn,
			@Nullable String sponsor, boolean outstanding, int awards) {
	}

}
