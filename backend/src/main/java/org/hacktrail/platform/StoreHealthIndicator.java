package org.hacktrail.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import org.bson.Document;
import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.StoreState;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the store, part of the readiness group: an instance that cannot reach its
 * store, or whose embedded store refuses writes, is taken out of the load balancer and
 * put back when the store returns.
 *
 * <p>
 * It first looks at what the driver's heartbeats already know (no round trip, no wait):
 * with no usable server the store is DOWN at once, so a readiness probe answers in
 * milliseconds during an outage. The embedded store reports why it refuses writes
 * (disk-space floor, a failed commit, read-only) with what to do, and its file's size.
 * Otherwise a {@code ping} confirms the store answers (works on a real MongoDB and on the
 * embedded store, which does not know the {@code hello} command Boot's own MongoDB
 * indicator sends).
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	private final ObjectProvider<MongoClient> client;

	private final ObjectProvider<EmbeddedStore> embedded;

	StoreHealthIndicator(MongoTemplate mongo, ObjectProvider<MongoClient> client,
			ObjectProvider<EmbeddedStore> embedded) {
		super("The store is unreachable");
		this.mongo = mongo;
		this.client = client;
		this.embedded = embedded;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		EmbeddedStore store = this.embedded.getIfAvailable();
		builder.withDetail("kind", (store != null) ? "embedded" : "mongodb")
			.withDetail("database", this.mongo.getDb().getName());
		if (store != null) {
			EmbeddedStore.FileSize size = store.fileSize();
			if (size != null) {
				builder.withDetail("fileBytes", size.bytes()).withDetail("fileFillPercent", size.fillRate());
			}
			StoreState.Refusal refusal = store.state().writesRefused().orElse(null);
			if (refusal != null) {
				builder.down()
					.withDetail("writes", "refused")
					.withDetail("reason", refusal.detail())
					.withDetail("action", refusal.action())
					.withDetail("since", refusal.since().toString());
				store.state().unreadable().ifPresent((reason) -> builder.withDetail("reads", "failing: " + reason));
				return;
			}
		}
		MongoClient mongoClient = this.client.getIfAvailable();
		if (mongoClient != null) {
			ClusterDescription cluster = mongoClient.getClusterDescription();
			boolean known = cluster.getServerDescriptions().stream().anyMatch(ServerDescription::isOk);
			boolean connecting = cluster.getServerDescriptions().isEmpty();
			if (!known && !connecting) {
				builder.down().withDetail("reason", "no reachable server (driver heartbeat)");
				return;
			}
		}
		Document result = this.mongo.executeCommand(new Document("ping", 1));
		builder.status((result.get("ok") instanceof Number ok && ok.doubleValue() == 1.0) ? "UP" : "DOWN");
	}

}
