package org.hacktrail.proposal;

/**
 * What a proposal's link points to. Each type except OTHER appears at most once on a
 * proposal: the CSV format has one column per type, and a proposal must survive export
 * and import unchanged.
 */
public enum LinkType {

	PITCH_VIDEO("pitch_video_url"), SLIDES("slides_url"), NOTES("notes_url"), REPOSITORY("repository_url"),
	WEBSITE("website_url"), OTHER("other_urls");

	private final String column;

	LinkType(String column) {
		this.column = column;
	}

	/** The CSV column that carries links of this type. */
	public String column() {
		return this.column;
	}

}
