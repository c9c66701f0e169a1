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
		List<OutcomeEntry> stopped = List.of(entry(MilestoneType.ADOPTED, "2024-01-01", VerificationState.VERIFIED),
				entry(MilestoneType.DISCONTINUED, "2025-01-01", VerificationState.VERIFIED));
		assertThat(state(stopped, LocalDate.parse("2025-01-01"), LocalDate.parse("2023-05-01"), true))
			.isEqualTo(ProjectState.DISCONTINUED);
		// Pitched again after the stop: revived.
		assertThat(state(stopped, null, LocalDate.parse("2025-06-01"), true)).isEqualTo(ProjectState.ADOPTED);
		// Active again after the stop.
		assertThat(state(stopped, LocalDate.parse("2025-03-01"), null, true)).isEqualTo(ProjectState.ADOPTED);
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
