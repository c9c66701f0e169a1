package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The derivation of a project's state, case by case. */
class ProjectStateRuleTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	static OutcomeEntry entry(MilestoneType type, String date, VerificationState verification) {
		return new OutcomeEntry(type + date, type, date, verification, null, null);
	}

	static ProjectState state(List<OutcomeEntry> entries, LocalDate lastActivity, LocalDate lastPitched,
			boolean verifiedOnly) {
		return ProjectStateRule.derive(entries, verifiedOnly, lastActivity, lastPitched, TODAY).state();
	}

	@Test
	void aProjectSilentForSixMonthsIsDormantAndActiveBefore() {
		assertThat(state(List.of(), null, TODAY.minusMonths(6), false)).isEqualTo(ProjectState.ACTIVE);
		assertThat(state(List.of(), null, TODAY.minusMonths(6).minusDays(1), false)).isEqualTo(ProjectState.DORMANT);
		assertThat(state(List.of(), null, null, false)).as("no sign of life at all").isEqualTo(ProjectState.DORMANT);
		// Activity (e.g. a repository push) revives it.
		assertThat(state(List.of(), TODAY.minusDays(3), TODAY.minusYears(2), false)).isEqualTo(ProjectState.ACTIVE);
		// Any milestone is a sign of life.
		assertThat(
				state(List.of(entry(MilestoneType.PILOT, TODAY.minusMonths(2).toString(), VerificationState.VERIFIED)),
						null, TODAY.minusYears(2), false))
			.isEqualTo(ProjectState.ACTIVE);
	}

	@Test
	void theStrongestOutcomeWinsAndStaysWhenTheProjectGoesQuiet() {
		String old = TODAY.minusYears(3).toString();
		List<OutcomeEntry> entries = List.of(entry(MilestoneType.FUNDED, old, VerificationState.VERIFIED),
				entry(MilestoneType.ADOPTED, old, VerificationState.VERIFIED));
		ProjectStateRule.Derived derived = ProjectStateRule.derive(entries, true, null, null, TODAY);
		assertThat(derived.state()).isEqualTo(ProjectState.ADOPTED);
		assertThat(derived.dormant()).as("flagged, though the state stays").isTrue();
		assertThat(state(
				List.of(entry(MilestoneType.FUNDED, old, VerificationState.VERIFIED),
						entry(MilestoneType.INTEGRATED_INTO_OPERATIONS, old, VerificationState.VERIFIED)),
				null, null, true))
			.isEqualTo(ProjectState.INTEGRATED);
		assertThat(state(List.of(entry(MilestoneType.FUNDED, old, VerificationState.VERIFIED)), null, null, true))
			.isEqualTo(ProjectState.FUNDED);
	}

	@Test
	void discontinuedUnlessSomethingHappenedAfterTheStop() {
		List<OutcomeEntry> stopped = List.of(entry(MilestoneType.FUNDED, "2024-01-01", VerificationState.VERIFIED),
				entry(MilestoneType.DISCONTINUED, "2025-01-01", VerificationState.VERIFIED));
		assertThat(state(stopped, LocalDate.parse("2025-01-01"), LocalDate.parse("2023-05-01"), true))
			.isEqualTo(ProjectState.DISCONTINUED);
		// Pitched again after the stop: revived.
		assertThat(state(stopped, null, LocalDate.parse("2025-06-01"), true)).isEqualTo(ProjectState.FUNDED);
		// Active again after the stop.
		assertThat(state(stopped, LocalDate.parse("2025-03-01"), null, true)).isEqualTo(ProjectState.FUNDED);
	}

	@Test
	void aTeamThatStopsLeavesAServiceTheAgencyStillRunsInServiceAndTheTwoAreReadApart() {
		OutcomeEntry integrated = entry(MilestoneType.INTEGRATED_INTO_OPERATIONS, "2024-01-01",
				VerificationState.VERIFIED);
		OutcomeEntry teamStopped = entry(MilestoneType.DISCONTINUED, "2025-01-01", VerificationState.VERIFIED);
		ProjectStateRule.Derived running = ProjectStateRule.derive(List.of(integrated, teamStopped), true, null,
				LocalDate.parse("2023-05-01"), TODAY);
		assertThat(running.state()).as("still in the agency's operations").isEqualTo(ProjectState.INTEGRATED);
		assertThat(running.service()).isEqualTo(ProjectStateRule.ServiceStatus.INTEGRATED);
		assertThat(running.serviceSince()).isEqualTo(LocalDate.parse("2024-01-01"));
		assertThat(running.team()).isEqualTo(ProjectStateRule.TeamActivity.STOPPED);

		// The agency retires it later: no longer in service, and the team had stopped.
		OutcomeEntry retired = entry(MilestoneType.SERVICE_RETIRED, "2026-03-01", VerificationState.VERIFIED);
		ProjectStateRule.Derived gone = ProjectStateRule.derive(List.of(integrated, teamStopped, retired), true, null,
				null, TODAY);
		assertThat(gone.service()).isEqualTo(ProjectStateRule.ServiceStatus.RETIRED);
		assertThat(gone.serviceSince()).isEqualTo(LocalDate.parse("2026-03-01"));
		assertThat(gone.team()).as("a retirement is the agency's act, not a sign of the team")
			.isEqualTo(ProjectStateRule.TeamActivity.STOPPED);
		assertThat(gone.state()).isEqualTo(ProjectState.DISCONTINUED);

		// Retired while the team works on: the outcome reached stays, the service status
		// says it ended.
		ProjectStateRule.Derived working = ProjectStateRule.derive(List.of(integrated, retired), true,
				TODAY.minusMonths(1), null, TODAY);
		assertThat(working.state()).isEqualTo(ProjectState.INTEGRATED);
		assertThat(working.service()).isEqualTo(ProjectStateRule.ServiceStatus.RETIRED);
		assertThat(working.team()).isEqualTo(ProjectStateRule.TeamActivity.ACTIVE);

		// Adopted again by another agency after the retirement: in service since the new
		// adoption.
		ProjectStateRule.Derived again = ProjectStateRule.derive(
				List.of(integrated, retired, entry(MilestoneType.ADOPTED, "2026-06-01", VerificationState.VERIFIED)),
				true, null, null, TODAY);
		assertThat(again.service()).isEqualTo(ProjectStateRule.ServiceStatus.ADOPTED);
		assertThat(again.serviceSince()).isEqualTo(LocalDate.parse("2026-06-01"));

		// A pending retirement does not count in the public view.
		ProjectStateRule.Derived pending = ProjectStateRule.derive(
				List.of(integrated, entry(MilestoneType.SERVICE_RETIRED, "2026-03-01", VerificationState.PENDING)),
				true, null, null, TODAY);
		assertThat(pending.service()).isEqualTo(ProjectStateRule.ServiceStatus.INTEGRATED);
		assertThat(ProjectStateRule.derive(List.of(), true, null, null, TODAY).service())
			.isEqualTo(ProjectStateRule.ServiceStatus.NONE);
		assertThat(ProjectStateRule.derive(List.of(), true, null, null, TODAY).team())
			.isEqualTo(ProjectStateRule.TeamActivity.DORMANT);
	}

	@Test
	void thePublicViewCountsVerifiedMilestonesOnlyAndNoViewCountsRejectedOnes() {
		String date = TODAY.minusMonths(1).toString();
		List<OutcomeEntry> entries = List.of(entry(MilestoneType.FUNDED, date, VerificationState.PENDING),
				entry(MilestoneType.INTEGRATED_INTO_OPERATIONS, date, VerificationState.REJECTED));
		assertThat(state(entries, null, TODAY.minusMonths(1), false)).isEqualTo(ProjectState.FUNDED);
		assertThat(state(entries, null, TODAY.minusMonths(1), true)).isEqualTo(ProjectState.ACTIVE);
	}

}
