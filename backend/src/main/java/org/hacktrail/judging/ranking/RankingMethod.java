package org.hacktrail.judging.ranking;

/**
 * The published versions of the rubric-mode ranking (docs/judging-method.md). A result
 * keeps the version it was computed with, so a published ranking is always recomputed
 * with its own method.
 */
public enum RankingMethod {

	/**
	 * The first method: the bootstrap resamples each proposal's judges within each
	 * sector; the top N is the first N by rank.
	 */
	RUBRIC_1("hacktrail-rubric-1"),

	/**
	 * The current method: the bootstrap draws pooled between-judge residuals, so a sector
	 * with one judge still carries the spread another judge could have given; evidence
	 * coverage is checked against the round's k and sector minimums, and only proposals
	 * with sufficient evidence form the proposed top N.
	 */
	RUBRIC_2("hacktrail-rubric-2");

	private final String version;

	RankingMethod(String version) {
		this.version = version;
	}

	/** The version string published with results, e.g. {@code hacktrail-rubric-2}. */
	public String version() {
		return this.version;
	}

	/** The method of a published version string. */
	public static RankingMethod of(String version) {
		for (RankingMethod method : values()) {
			if (method.version.equals(version)) {
				return method;
			}
		}
		throw new IllegalArgumentException("unknown ranking method '" + version + "'");
	}

}
