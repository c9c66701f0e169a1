package org.hacktrail.team;

import org.hacktrail.proposal.Proposal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Stores the team of a proposal when the proposal is created by a user, with the proposer
 * as its first lead, so that "my teams" lists it from the start. A new proposal is
 * recognised by its version 0 (the first write of a versioned document). Best effort: a
 * failure is logged and the team is stored on its first change instead; the proposal is
 * never refused for it. Proposals imported from a list have no user proposer and get no
 * team here.
 */
@Component
class TeamsOfNewProposals extends AbstractMongoEventListener<Proposal> {

	private static final Logger log = LoggerFactory.getLogger(TeamsOfNewProposals.class);

	// Looked up lazily: team changes depend on the proposal service, which this listener
	// must not delay.
	private final ObjectProvider<TeamChanges> changes;

	TeamsOfNewProposals(ObjectProvider<TeamChanges> changes) {
		this.changes = changes;
	}

	@Override
	public void onAfterSave(AfterSaveEvent<Proposal> event) {
		Proposal proposal = event.getSource();
		if (proposal.proposerId() == null || !(event.getDocument() != null
				&& event.getDocument().get("version") instanceof Number version && version.longValue() == 0)) {
			return;
		}
		try {
			this.changes.getObject().createFor(proposal);
		}
		catch (RuntimeException ex) {
			log.warn("Could not store the team of new proposal {}; it is stored on its first change", proposal.id(),
					ex);
		}
	}

}
