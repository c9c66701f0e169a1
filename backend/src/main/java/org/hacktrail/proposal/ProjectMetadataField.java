package org.hacktrail.proposal;

import org.jspecify.annotations.Nullable;

/**
 * A piece of a project's metadata that can be proposed from outside (the g0v.json file in
 * the project's repository, read by the follow-up's activity check) and applied by
 * {@link ProjectService#applyMetadata}. Each has one text form, used both to show the
 * value and to tell whether it changed since it was proposed.
 */
public enum ProjectMetadataField {

	/** The English name ({@code name} in g0v.json). */
	NAME_EN,

	/** The Chinese name ({@code name_zh}). */
	NAME_ZH,

	/** The English description ({@code description}). */
	DESCRIPTION_EN,

	/** The Chinese description ({@code description_zh}). */
	DESCRIPTION_ZH,

	/** The website ({@code homepage}). */
	HOMEPAGE,

	/**
	 * A picture of the project ({@code thumbnail}; the first one when it lists several).
	 */
	THUMBNAIL,

	/**
	 * The issue areas: tag ids joined by {@code ", "} ({@code keywords} that name a known
	 * tag).
	 */
	ISSUE_AREAS;

	/** Separates tag ids in the text form of {@link #ISSUE_AREAS}. */
	public static final String LIST_SEPARATOR = ", ";

	/** The field's current value on the project, in its text form; null when unset. */
	public @Nullable String valueOf(Project project) {
		return switch (this) {
			case NAME_EN -> project.name().en();
			case NAME_ZH -> project.name().zhTW();
			case DESCRIPTION_EN -> (project.description() != null) ? project.description().en() : null;
			case DESCRIPTION_ZH -> (project.description() != null) ? project.description().zhTW() : null;
			case HOMEPAGE -> project.websiteUrl();
			case THUMBNAIL -> project.thumbnailUrl();
			case ISSUE_AREAS ->
				project.issueAreas().isEmpty() ? null : String.join(LIST_SEPARATOR, project.issueAreas());
		};
	}

}
