package org.hacktrail.hackathon;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * This module's {@link HackathonFacts} on a given store, for tests of other modules that
 * run without an application context.
 */
public final class FactsReaders {

	private FactsReaders() {
	}

	public static HackathonFacts hackathons(MongoTemplate mongo) {
		return new HackathonFactsReader(mongo);
	}

}
