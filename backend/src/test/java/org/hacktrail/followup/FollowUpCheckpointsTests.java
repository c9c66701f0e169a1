package org.hacktrail.followup;

import java.time.LocalDate;
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

}
