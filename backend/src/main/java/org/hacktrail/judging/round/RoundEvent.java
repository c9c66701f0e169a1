package org.hacktrail.judging.round;

import java.time.Instant;
import java.util.List;

import org.hacktrail.platform.MessageArg;
import org.jspecify.annotations.Nullable;

/**
 * One recorded event of a round: status changes, configuration changes after DRAFT,
 * plans, selections, publication.
 *
 * @param by the user who caused it; null for automatic steps
 * @param action what happened, as a code: CREATED, CONFIGURED, ASSIGNED, PLAN_DISCARDED,
 * OPEN, CLOSED, REOPENED, SELECTED, PUBLISHED, TABLES_CHANGED
 * @param detail what happened and why, in words (English), for API users
 * @param args the values of what happened (counts, the seed, the selection's kind), for
 * the panel to say it from its catalogs; null for an event kept before they were
 * @param reason what a person wrote about it (a reopening, a confirmed close, a
 * justification), as written
 */
public record RoundEvent(Instant at, @Nullable String by, String action, @Nullable String detail,
		@Nullable List<MessageArg> args, @Nullable String reason) {

	/**
	 * An event whose detail is only a person's reason (or nothing): configuration
	 * changes, status changes.
	 */
	public static RoundEvent written(Instant at, @Nullable String by, String action, @Nullable String reason) {
		return new RoundEvent(at, by, action, reason, List.of(), reason);
	}

	/**
	 * An event Hacktrail describes: its English detail, its values and a person's reason.
	 */
	public static RoundEvent described(Instant at, @Nullable String by, String action, String detail,
			List<MessageArg> args, @Nullable String reason) {
		return new RoundEvent(at, by, action, detail, List.copyOf(args), reason);
	}

	/**
	 * Whether {@link #args} and {@link #reason} say all {@link #detail} says: false for
	 * an event kept before they were (the panel then shows the detail as it is).
	 */
	public boolean coded() {
		return this.args != null;
	}

	/** The values of what happened (none for an event kept before they were). */
	public List<MessageArg> messageArgs() {
		return (this.args != null) ? this.args : List.of();
	}

}
