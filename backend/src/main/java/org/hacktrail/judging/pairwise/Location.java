package org.hacktrail.judging.pairwise;

import org.hacktrail.judging.InputChecks;

/**
 * Where a candidate's table is: coordinates on the floor plan (any unit, the same for
 * every table), or just a table number along a row ({@link #table(int)}). Distance is
 * Euclidean; it is compared as the squared distance dx·dx + dy·dy, which orders tables
 * the same and needs no square root.
 *
 * @param x across the hall
 * @param y along the hall
 */
public record Location(double x, double y) {

	public Location {
		InputChecks.finite(x, "location x");
		InputChecks.finite(y, "location y");
	}

	/** Table number n at (n, 0): tables 11 and 12 are neighbours, 1 and 40 are not. */
	public static Location table(int number) {
		return new Location(number, 0);
	}

	/** (x − other.x)² + (y − other.y)². */
	public double squaredDistance(Location other) {
		double dx = this.x - other.x;
		double dy = this.y - other.y;
		return dx * dx + dy * dy;
	}

}
