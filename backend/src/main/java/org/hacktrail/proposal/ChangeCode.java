package org.hacktrail.proposal;

import java.util.List;

import org.hacktrail.platform.MessageArg;

/**
 * Why Hacktrail itself (not a person) moved or created a proposal: the code of a history
 * entry's reason, which the panel renders from its catalogs; the English reason kept
 * beside it is {@link #english(List)}.
 */
public enum ChangeCode {

	/** The first team member besides the proposer joined (teams). */
	TEAM_FORMED("The first team member besides the proposer joined."),

	/** A judging round with the proposal opened (argument {@code round}). */
	ROUND_OPENED("Judging round '{round}' opened"),

	/**
	 * The results of a round with the proposal were published (argument {@code round}).
	 */
	RESULTS_PUBLISHED("Results of round '{round}' published"),

	/** Created by an organizer's CSV import. */
	IMPORTED_CSV("Imported from CSV"),

	/** Created by an organizer's import of the 松後推坑 page. */
	IMPORTED_PAGE("Imported from the 松後推坑 page (Markdown)");

	private final String english;

	ChangeCode(String english) {
		this.english = english;
	}

	/** The reason in English, its arguments put in. */
	public String english(List<MessageArg> args) {
		String text = this.english;
		for (MessageArg arg : args) {
			text = text.replace("{" + arg.name() + "}", arg.value());
		}
		return text;
	}

	/**
	 * The code of a reason stored before reasons had codes, when it is one of the fixed
	 * English sentences Hacktrail wrote; null otherwise (a person's words, or a sentence
	 * with a value in it).
	 */
	static @org.jspecify.annotations.Nullable ChangeCode recognize(@org.jspecify.annotations.Nullable String reason) {
		if (reason == null) {
			return null;
		}
		for (ChangeCode code : values()) {
			if (!code.english.contains("{") && code.english.equals(reason)) {
				return code;
			}
		}
		return null;
	}

}
