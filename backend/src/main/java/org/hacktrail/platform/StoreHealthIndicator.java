package org.hacktrail.platform;

import org.bson.Document;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the store, by a {@code ping}: works on a real MongoDB and on the embedded store, which does not know
 * the {@code hello} command Boot's own MongoDB indicator sends.
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	private final ObjectProvider<EmbeddedStore> embedded;

	StoreHealthIndicator(MongoTemplate mongo, ObjectProvider<EmbeddedStore> embedded) {
		super("The store is unreachable");
		this.mongo = mongo;
		this.embedded = embedded;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document result = this.mongo.executeCommand(new Document("ping", 1));
		EmbeddedStore store = this.embedded.getIfAvailable();
		builder.status((result.get("ok") instanceof Number ok && ok.doubleValue() == 1.0) ? "UP" : "DOWN")
			.withDetail("kind", (store != null) ? "embedded" : "mongodb")
			.withDetail("database", this.mongo.getDb().getName());
	}

}
