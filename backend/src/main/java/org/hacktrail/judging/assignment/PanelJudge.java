package org.hacktrail.judging.assignment;

import org.jspecify.annotations.Nullable;

import org.hacktrail.judging.Sector;

/**
 * A judge available for assignment.
 *
 * @param id the judge's id
 * @param sector the judge's sector
 * @param maxLoad the most proposals this judge takes, or null for no limit; 0 means not
 * available
 */
public record PanelJudge(String id, Sector sector, @Nullable Integer maxLoad) {

	public PanelJudge {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("judge id must not be blank");
		}
		if (sector == null) {
			throw new IllegalArgumentException("judge '" + id + "': sector is missing");
		}
		if (maxLoad != null && maxLoad < 0) {
			throw new IllegalArgumentException("judge '" + id + "': maximum load must be ≥ 0, got " + maxLoad);
		}
	}

	public PanelJudge(String id, Sector sector) {
		this(id, sector, null);
	}

}
