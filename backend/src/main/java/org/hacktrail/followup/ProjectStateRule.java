package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a project's state is derived from its outcome trail. Plain Java: the same rule for
 * the public view (VERIFIED milestones only) and the organizers' view (every milestone
 * that is not REJECTED).
 *
 * <p>
 * Two questions are answered apart, because a team may stop while its service runs on at
 * an agency (and an agency may retire a service the team still works on):
 * <ul>
 * <li><b>Public service</b> ({@link ServiceStatus}): the latest ADOPTED or
 * INTEGRATED_INTO_OPERATIONS milestone against the latest SERVICE_RETIRED one. RETIRED
 * when a retirement is dated on or after the last adoption or integration; otherwise
 * INTEGRATED when an integration is dated after the last retirement (or there is none),
 * else ADOPTED; NONE without adoption, integration or retirement. The date is when the
 * current status began: the first adoption or integration after the last retirement, or
 * the retirement.</li>
 * <li><b>The team</b> ({@link TeamActivity}): STOPPED when the latest DISCONTINUED
 * milestone is the team's last sign of life (any counted milestone but SERVICE_RETIRED,
 * which an agency does, an activity signal or a pitch); otherwise DORMANT when that last
 * sign is more than six months before today (or there is none), else ACTIVE.</li>
 * </ul>
 *
 * The state ({@link ProjectState}):
 * <ol>
 * <li>DISCONTINUED when the team STOPPED and the project is not in public service
 * (service NONE or RETIRED): a team stopping after its service was integrated leaves the
 * project INTEGRATED.</li>
 * <li>Otherwise the strongest outcome reached: INTEGRATED (an INTEGRATED_INTO_OPERATIONS
 * milestone), else ADOPTED, else FUNDED. Outcomes stay: a funded project that goes quiet
 * is still FUNDED (and flagged dormant); whether it is still in service is the service
 * status.</li>
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
	 * @param service whether the project is in public service now
	 * @param serviceSince when the current service status began (null for NONE)
	 * @param team the team's activity
	 */
	public record Derived(ProjectState state, boolean dormant, @Nullable LocalDate lastSignOfLife,
			ServiceStatus service, @Nullable LocalDate serviceSince, TeamActivity team) {
	}

	/** Whether the project is in public service now. */
	public enum ServiceStatus {

		/** Never adopted or integrated (as far as the trail says). */
		NONE,

		/** Adopted by an agency, and not retired since. */
		ADOPTED,

		/** Part of an agency's regular operations, and not retired since. */
		INTEGRATED,

		/** The agency stopped using it. */
		RETIRED

	}

	/** What the team is doing, apart from what agencies do with its work. */
	public enum TeamActivity {

		ACTIVE, DORMANT, STOPPED

	}

	public static Derived derive(Collection<OutcomeEntry> outcomes, boolean verifiedOnly,
			@Nullable LocalDate lastActivity, @Nullable LocalDate lastPitched, LocalDate today) {
		LocalDate lastSign = later(lastActivity, lastPitched);
		LocalDate lastTeamSign = lastSign;
		LocalDate discontinued = null;
		LocalDate lastRetired = null;
		LocalDate lastStart = null;
		boolean funded = false;
		boolean adopted = false;
		boolean integrated = false;
		List<OutcomeEntry> starts = new ArrayList<>();
		for (OutcomeEntry entry : outcomes) {
			if (!entry.counts(verifiedOnly)) {
				continue;
			}
			LocalDate date = LocalDate.parse(entry.date());
			lastSign = later(lastSign, date);
			if (entry.type() != MilestoneType.SERVICE_RETIRED) {
				lastTeamSign = later(lastTeamSign, date);
			}
			switch (entry.type()) {
				case DISCONTINUED -> discontinued = later(discontinued, date);
				case FUNDED -> funded = true;
				case ADOPTED -> {
					adopted = true;
					starts.add(entry);
					lastStart = later(lastStart, date);
				}
				case INTEGRATED_INTO_OPERATIONS -> {
					integrated = true;
					starts.add(entry);
					lastStart = later(lastStart, date);
				}
				case SERVICE_RETIRED -> lastRetired = later(lastRetired, date);
				default -> {
				}
			}
		}
		ServiceStatus service;
		LocalDate serviceSince;
		if (lastRetired != null && (lastStart == null || !lastRetired.isBefore(lastStart))) {
			service = ServiceStatus.RETIRED;
			serviceSince = lastRetired;
		}
		else if (lastStart == null) {
			service = ServiceStatus.NONE;
			serviceSince = null;
		}
		else {
			// The stretch of service since the last retirement (or ever).
			boolean integratedNow = false;
			LocalDate since = null;
			for (OutcomeEntry start : starts) {
				LocalDate date = LocalDate.parse(start.date());
				if (lastRetired == null || date.isAfter(lastRetired)) {
					integratedNow |= start.type() == MilestoneType.INTEGRATED_INTO_OPERATIONS;
					since = (since == null || date.isBefore(since)) ? date : since;
				}
			}
			service = integratedNow ? ServiceStatus.INTEGRATED : ServiceStatus.ADOPTED;
			serviceSince = since;
		}
		boolean dormant = lastSign == null || lastSign.isBefore(today.minusMonths(DORMANT_AFTER_MONTHS));
		boolean stopped = discontinued != null && !lastTeamSign.isAfter(discontinued);
		TeamActivity team = stopped ? TeamActivity.STOPPED
				: (lastTeamSign == null || lastTeamSign.isBefore(today.minusMonths(DORMANT_AFTER_MONTHS)))
						? TeamActivity.DORMANT : TeamActivity.ACTIVE;
		boolean inService = service == ServiceStatus.ADOPTED || service == ServiceStatus.INTEGRATED;
		ProjectState state;
		if (stopped && !inService) {
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
		return new Derived(state, dormant, lastSign, service, serviceSince, team);
	}

	static @Nullable LocalDate later(@Nullable LocalDate a, @Nullable LocalDate b) {
		if (a == null) {
			return b;
		}
		return (b == null || !b.isAfter(a)) ? a : b;
	}

}
