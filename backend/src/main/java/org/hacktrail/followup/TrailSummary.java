package org.hacktrail.followup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a project's follow-up document keeps of its milestones: the outcome entries, the
 * latest dates of any and of verified milestones, and how many wait for verification.
 * Built by {@link #add} one milestone at a time, so that a job can fold a stream of
 * milestones into it.
 */
final class TrailSummary {

	/** The fields of a milestone the summary reads (a projection of the document). */
	record Facts(String id, MilestoneType type, String date, VerificationState verification, @Nullable String amount,
			@Nullable String currency) {

		static Facts of(OutcomeMilestone milestone) {
			return new Facts(milestone.id(), milestone.type(), milestone.date(), milestone.verification(),
					milestone.amount(), milestone.currency());
		}

	}

	private final List<OutcomeEntry> outcomes = new ArrayList<>();

	private @Nullable String lastActivityOn;

	private @Nullable String lastVerifiedActivityOn;

	private int pending;

	void add(Facts facts) {
		if (facts.verification() == VerificationState.REJECTED) {
			return;
		}
		if (facts.verification() == VerificationState.PENDING) {
			this.pending++;
		}
		// ISO dates compare correctly as text.
		this.lastActivityOn = max(this.lastActivityOn, facts.date());
		if (facts.verification() == VerificationState.VERIFIED) {
			this.lastVerifiedActivityOn = max(this.lastVerifiedActivityOn, facts.date());
		}
		if (facts.type() != MilestoneType.ACTIVITY) {
			this.outcomes.add(new OutcomeEntry(facts.id(), facts.type(), facts.date(), facts.verification(),
					facts.amount(), facts.currency()));
		}
	}

	List<OutcomeEntry> outcomes() {
		List<OutcomeEntry> sorted = new ArrayList<>(this.outcomes);
		sorted.sort(Comparator.comparing(OutcomeEntry::date).thenComparing(OutcomeEntry::id));
		return sorted;
	}

	@Nullable String lastActivityOn() {
		return this.lastActivityOn;
	}

	@Nullable String lastVerifiedActivityOn() {
		return this.lastVerifiedActivityOn;
	}

	int pending() {
		return this.pending;
	}

	static @Nullable String max(@Nullable String a, @Nullable String b) {
		if (a == null) {
			return b;
		}
		return (b == null || b.compareTo(a) <= 0) ? a : b;
	}

}
