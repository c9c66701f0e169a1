package org.hacktrail.judging.round;

import org.jspecify.annotations.Nullable;

/**
 * Where a candidate of a PAIRWISE round is shown at the expo.
 *
 * @param proposalId the candidate
 * @param label the table or room as judges read it ("Table 12", "Room 201")
 * @param tableNumber a table number along a row, for walking distance (null: none)
 * @param x the table's place across the hall, with {@code y} (null: none; coordinates win
 * over the table number)
 * @param y the table's place along the hall
 */
public record ExpoTable(String proposalId, String label, @Nullable Integer tableNumber, @Nullable Double x,
		@Nullable Double y) {

}
