package org.hacktrail.judging.panel;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A conflict of interest between the judge whose record holds it and one proposal. It
 * lives inside the judge record, so that a decision and its log entry are one atomic
 * write, and so that checking a judge's conflicts costs nothing beyond reading the judge
 * record.
 *
 * @param source who first raised it
 * @param reason the latest declared or added reason
 * @param comment the latest declared or added comment
 * @param matchedAffiliation for a FOUND conflict: the judge's affiliation that matched
 * @param matchedWith for a FOUND conflict: what it matched (e.g. {@code PROPOSER: 王小明})
 * @param history every decision, oldest first
 */
public record ConflictOfInterest(String proposalId, ConflictStatus status, ConflictSource source,
		@Nullable ConflictReason reason, @Nullable String comment, @Nullable String matchedAffiliation,
		@Nullable String matchedWith, List<ConflictDecision> history) {

	public ConflictOfInterest {
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	public boolean isActive() {
		return this.status == ConflictStatus.ACTIVE;
	}

	ConflictOfInterest with(ConflictStatus status, @Nullable ConflictReason reason, @Nullable String comment,
			ConflictDecision decision) {
		List<ConflictDecision> decisions = new ArrayList<>(this.history);
		decisions.add(decision);
		return new ConflictOfInterest(this.proposalId, status, this.source, reason, comment, this.matchedAffiliation,
				this.matchedWith, decisions);
	}

}
