package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * How a project's state is derived from its outcome trail. Plain Java: the same rule for
 * the public view (VERIFIED milestones only) and the organizers' view (every milestone
 * that is not REJECTED).
 *
 * <ol>
 * <li>The last sign of life is the latest of: any counted milestone's date (ACTIVITY
 * signals included) and the last day of the latest hackathon at which the project was
 * pitched.</li>
 * <li>DISCONTINUED when the latest DISCONTINUED milestone is the last sign of life
 * (nothing dated after it: a project pitched again or active again after a stop is no
 * longer discontinued).</li>
 * <li>Otherwise the strongest outcome reached: INTEGRATED (an INTEGRATED_INTO_OPERATIONS
 * milestone), else ADOPTED, else FUNDED. Outcomes stay: a funded project that goes quiet
 * is still FUNDED (and flagged dormant).</li>
 * <li>Otherwise DORMANT when the last sign of life is more than six months before today
 * (or there is none), else ACTIVE.</li>
 * </ol>
 */
public final class ProjectStateRule {

	/** How long a project may stay silent before it counts as dormant. */
	public static final int DORMANT_AFTER_MONTHS = 6;

	private ProjectStateRule() {
	}

	/**
	 * @param state the derived state
	 * @param dormant no sign of life for {@link #DORMANT_AFTER_MONTHS} months, whatever
	 * the state
	 * @param lastSignOfLife the date the dormancy is measured from, if any
	 */
	public record Derived(ProjectState state, boolean dormant, @Nullable LocalDate lastSignOfLife) {
	}

	public static Derived derive(Collection<OutcomeEntry> outcomes, boolean verifiedOnly,
			@Nullable LocalDate lastActivity, @Nullable LocalDate lastPitched, LocalDate today) {
		LocalDate lastSign = later(lastActivity, lastPitched);
		LocalDate discontinued = null;
		boolean funded = false;
		boolean adopted = false;
		boolean integrated = false;
		for (OutcomeEntry entry : outcomes) {
			if (!entry.counts(verifiedOnly)) {
				continue;
			}
			LocalDate date = LocalDate.parse(entry.date());
			lastSign = later(lastSign, date);
			switch (entry.type()) {
				case DISCONTINUED -> discontinued = later(discontinued, date);
				case FUNDED -> funded = true;
				case ADOPTED -> adopted = true;
				case INTEGRATED_INTO_OPERATIONS -> integrated = true;
				default -> {
				}
			}
		}
		boolean dormant = lastSign == null || lastSign.isBefore(today.minusMonths(DORMANT_AFTER_MONTHS));
		ProjectState state;
		if (discontinued != null && !lastSign.isAfter(discontinued)) {
			state = ProjectState.DISCONTINUED;
		}
		else if (integrated) {
			state = ProjectState.INTEGRATED;
		}
		else if (adopted) {
			state = ProjectState.ADOPTED;
		}
		else if (funded) {
			state = ProjectState.FUNDED;
		}
		else {
			state = dormant ? ProjectState.DORMANT : ProjectState.ACTIVE;
		}
		return new Derived(state, dormant, lastSign);
	}

	static @Nullable LocalDate later(@Nullable LocalDate a, @Nullable LocalDate b) {
		if (a == null) {
			return b;
		}
		return (b == null || !b.isAfter(a)) ? a : b;
	}

}
