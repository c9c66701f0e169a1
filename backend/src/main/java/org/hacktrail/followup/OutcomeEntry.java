package org.hacktrail.followup;

import org.jspecify.annotations.Nullable;

/**
 * A compact copy of one outcome milestone (any type but ACTIVITY, not REJECTED), kept on
 * the project's follow-up document: what the state rule and the statistics need, without
 * reading the milestones.
 */
public record OutcomeEntry(String id, MilestoneType type, String date, VerificationState verification,
		@Nullable String amount, @Nullable String currency) {

	boolean counts(boolean verifiedOnly) {
		return verifiedOnly ? this.verification == VerificationState.VERIFIED
				: this.verification != VerificationState.REJECTED;
	}

}
