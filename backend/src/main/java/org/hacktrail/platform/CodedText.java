package org.hacktrail.platform;

import java.util.List;

/**
 * A sentence Hacktrail makes (why publishing cannot go ahead, why a run failed), as a
 * stable code with its values for clients to say in their reader's language, and in
 * English for API users.
 *
 * @param code what it says, in UPPER_SNAKE, e.g. {@code SELECTION_MISSING}; stable once
 * published
 * @param args the values of the sentence
 * @param message the same sentence in English
 */
public record CodedText(String code, List<MessageArg> args, String message) {

	public CodedText {
		args = List.copyOf(args);
	}

	/** A sentence without values. */
	public static CodedText of(String code, String message) {
		return new CodedText(code, List.of(), message);
	}

}
