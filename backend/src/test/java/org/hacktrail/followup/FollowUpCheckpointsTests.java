package org.hacktrail.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which follow-up checkpoint is current on a given day. */
class FollowUpCheckpointsTests {

	static final LocalDate END = LocalDate.of(2024, 1, 31);

	@Test
	void eachCheckpointIsCurrentFromItsDueDateUntilTheNextOne() {
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(3).minusDays(1))).isEmpty();
		assertThat(FollowUpCheckpoints.current(END, LocalDate.of(2024, 4, 30))).contains(3);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(6).minusDays(1))).contains(3);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(6))).contains(6);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(12))).contains(12);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(23))).contains(12);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(24))).contains(24);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(36).minusDays(1))).contains(24);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(36))).isEqualTo(Optional.empty());
	}

	@Test
	void withYearlyFollowUpACheckpointFallsDueEveryTwelveMonthsAfterTheTwentyFourth() {
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(12), true)).contains(12);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(36).minusDays(1), true)).contains(24);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(36), true)).contains(36);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(48).minusDays(1), true)).contains(36);
		assertThat(FollowUpCheckpoints.current(END, END.plusMonths(48), true)).contains(48);
		assertThat(FollowUpCheckpoints.current(END, END.plusYears(10).plusDays(3), true)).contains(120);
		assertThat(FollowUpCheckpoints.isYearly(24)).isFalse();
		assertThat(FollowUpCheckpoints.isYearly(36)).isTrue();
	}

	@Test
	void aYearlyRequestGoesToProjectsInServiceOrWithAnActiveTeam() {
		LocalDate today = LocalDate.of(2027, 6, 1);
		OutcomeEntry adopted = entry(MilestoneType.ADOPTED, "2024-03-01");
		OutcomeEntry retired = entry(MilestoneType.SERVICE_RETIRED, "2026-01-01");
		OutcomeEntry stopped = entry(MilestoneType.DISCONTINUED, "2025-05-01");
		// Adopted long ago, quiet team: still in service, still asked.
		assertThat(FollowUpCheckpoints
			.worthAskingYearly(ProjectStateRule.derive(List.of(adopted), false, null, null, today))).isTrue();
		// Active team (a push last month), nothing adopted: asked.
		assertThat(FollowUpCheckpoints
			.worthAskingYearly(ProjectStateRule.derive(List.of(), false, today.minusMonths(1), null, today))).isTrue();
		// Retired by the agency and the team quiet: no longer asked.
		assertThat(FollowUpCheckpoints
			.worthAskingYearly(ProjectStateRule.derive(List.of(adopted, retired), false, null, null, today))).isFalse();
		// Stopped by its team: no longer asked.
		assertThat(FollowUpCheckpoints
			.worthAskingYearly(ProjectStateRule.derive(List.of(stopped), false, LocalDate.of(2025, 4, 1), null, today)))
			.isFalse();
		// Dormant, never adopted: no longer asked.
		assertThat(FollowUpCheckpoints
			.worthAskingYearly(ProjectStateRule.derive(List.of(), false, LocalDate.of(2025, 1, 1), null, today)))
			.isFalse();
	}

	private static OutcomeEntry entry(MilestoneType type, String date) {
		return new OutcomeEntry(type + date, type, date, VerificationState.VERIFIED, null, null);
	}

}
