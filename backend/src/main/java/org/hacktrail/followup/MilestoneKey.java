package org.hacktrail.followup;

import org.hacktrail.platform.batch.IdBucket;
import org.hacktrail.proposal.Keys;
import org.jspecify.annotations.Nullable;

/**
 * The natural key of a milestone, which is its id: {@code <projectId>~<hash>}, the hash
 * taken over the type, the date (for ACTIVITY the month: at most one activity signal per
 * project and month, carrying the latest date seen), and the agency and programme
 * normalised as titles are (NFKC, case, spaces and punctuation ignored: "Ministry of
 * Digital Affairs" and "ministry of digital affairs." are the same agency).
 */
public final class MilestoneKey {

	/**
	 * Separates the project id from the hash; sorts after every character a project id (a
	 * UUID) has.
	 */
	static final char SEPARATOR = '~';

	private MilestoneKey() {
	}

	public static String id(String projectId, MilestoneDraft draft) {
		String when = (draft.type() == MilestoneType.ACTIVITY) ? draft.date().toString().substring(0, 7)
				: draft.date().toString();
		String key = draft.type().name() + '\u001F' + when + '\u001F' + normalise(draft.agency()) + '\u001F'
				+ normalise(draft.programme());
		return projectId + SEPARATOR + MilestoneDraft.sha256(key, 12);
	}

	static String normalise(@Nullable String text) {
		return (text == null) ? "" : Keys.title(text);
	}

	/** The project a milestone id belongs to. */
	static String projectOf(String milestoneId) {
		int at = milestoneId.lastIndexOf(SEPARATOR);
		return (at > 0) ? milestoneId.substring(0, at) : milestoneId;
	}

	/**
	 * An anchored pattern matching exactly the ids of one project's milestones. Written
	 * as a plain literal prefix (every ASCII character that is not a letter, digit or
	 * hyphen escaped with a backslash, which both PCRE and java.util.regex read as the
	 * character itself), so that MongoDB turns it into an index range on {@code _id}.
	 */
	static String prefixPattern(String projectId) {
		return literalPrefix(projectId + SEPARATOR);
	}

	/**
	 * An anchored pattern matching the strings that start with {@code prefix}, taken
	 * literally.
	 */
	static String literalPrefix(String prefix) {
		return "^" + IdBucket.literal(prefix);
	}

}
