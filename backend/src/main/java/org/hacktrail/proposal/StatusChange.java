package org.hacktrail.proposal;

import java.time.Instant;
import java.util.List;

import org.hacktrail.platform.MessageArg;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a proposal's history: who moved it, when, from where to where, and why.
 *
 * @param from the status before, or null for the proposal's creation
 * @param by the user who made the change; null for an automatic change nobody triggered
 * @param actor in which capacity the change was made
 * @param reason why, in words: a person's own, or the English of {@code code}
 * @param code when Hacktrail wrote the reason: its code (the panel renders it in the
 * reader's language); null for a person's reason
 * @param args the values of {@code code}'s sentence
 */
public record StatusChange(@Nullable ProposalStatus from, ProposalStatus to, Instant at, @Nullable String by,
		ProposalLifecycle.Actor actor, @Nullable String reason, @Nullable ChangeCode code,
		@Nullable List<MessageArg> args) {

	/** A change with a person's reason (or none). */
	public StatusChange(@Nullable ProposalStatus from, ProposalStatus to, Instant at, @Nullable String by,
			ProposalLifecycle.Actor actor, @Nullable String reason) {
		this(from, to, at, by, actor, reason, null, null);
	}

	/**
	 * A change with a reason Hacktrail wrote: its code, and its English as the reason.
	 */
	public static StatusChange coded(@Nullable ProposalStatus from, ProposalStatus to, Instant at, @Nullable String by,
			ProposalLifecycle.Actor actor, ChangeCode code, List<MessageArg> args) {
		return new StatusChange(from, to, at, by, actor, code.english(args), code, List.copyOf(args));
	}

	/**
	 * The code of the reason; for an entry stored before reasons had codes, the code of
	 * its English sentence when Hacktrail wrote it.
	 */
	public @Nullable ChangeCode reasonCode() {
		return (this.code != null) ? this.code : ChangeCode.recognize(this.reason);
	}

	/** The values of the reason's sentence (none for a person's reason). */
	public List<MessageArg> reasonArgs() {
		return (this.args != null) ? this.args : List.of();
	}

}
