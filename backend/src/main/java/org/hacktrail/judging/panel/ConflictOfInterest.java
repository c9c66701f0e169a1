package org.hacktrail.judging.panel;

import java.util.ArrayList;
import java.util.List;

import org.hacktrail.judging.ProposalAffiliations;
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
 * @param matchedWith for a FOUND conflict: what it matched, in words (e.g.
 * {@code PROPOSER 王小明: 數位發展部})
 * @param history every decision, oldest first
 * @param matchedSource for a FOUND conflict: how the matched organisation is connected to
 * the proposal (null for one found before this was kept)
 * @param matchedPerson for a FOUND conflict through a person: their name
 * @param matchedOrganisation for a FOUND conflict: the organisation as the proposal's
 * side wrote it
 */
public record ConflictOfInterest(String proposalId, ConflictStatus status, ConflictSource source,
		@Nullable ConflictReason reason, @Nullable String comment, @Nullable String matchedAffiliation,
		@Nullable String matchedWith, List<ConflictDecision> history,
		ProposalAffiliations.@Nullable Source matchedSource, @Nullable String matchedPerson,
		@Nullable String matchedOrganisation) {

	public ConflictOfInterest {
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	/** A conflict a judge declared or an organizer added: nothing was matched. */
	ConflictOfInterest(String proposalId, ConflictStatus status, ConflictSource source, @Nullable ConflictReason reason,
			@Nullable String comment, List<ConflictDecision> history) {
		this(proposalId, status, source, reason, comment, null, null, history, null, null, null);
	}

	public boolean isActive() {
		return this.status == ConflictStatus.ACTIVE;
	}

	ConflictOfInterest with(ConflictStatus status, @Nullable ConflictReason reason, @Nullable String comment,
			ConflictDecision decision) {
		List<ConflictDecision> decisions = new ArrayList<>(this.history);
		decisions.add(decision);
		return new ConflictOfInterest(this.proposalId, status, this.source, reason, comment, this.matchedAffiliation,
				this.matchedWith, decisions, this.matchedSource, this.matchedPerson, this.matchedOrganisation);
	}

}
