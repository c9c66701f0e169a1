package org.hacktrail.proposal;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * This module's {@link ProposalFacts} and {@link ProjectFacts} on a given store, for
 * tests of other modules that run without an application context.
 */
public final class FactsReaders {

	private FactsReaders() {
	}

	public static ProposalFacts proposals(MongoTemplate mongo) {
		return new ProposalFactsReader(mongo);
	}

	public static ProjectFacts projects(MongoTemplate mongo) {
		return new ProjectFactsReader(mongo);
	}

}
