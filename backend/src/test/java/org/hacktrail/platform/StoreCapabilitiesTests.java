package org.hacktrail.platform;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service concludes from a server's hello answer; shapes taken from MongoDB's
 * documentation.
 */
class StoreCapabilitiesTests {

	@Test
	void aReplicaSetMemberWithSessionsSupportsTransactions() {
		StoreCapabilities capabilities = StoreCapabilities
			.fromHello(new Document("isWritablePrimary", true).append("setName", "rs0")
				.append("hosts", java.util.List.of("db1:27017", "db2:27017", "db3:27017"))
				.append("logicalSessionTimeoutMinutes", 30)
				.append("maxWireVersion", 21)
				.append("ok", 1.0));

		assertThat(capabilities.kind()).isEqualTo(StoreCapabilities.Kind.REPLICA_SET);
		assertThat(capabilities.replicaSetName()).isEqualTo("rs0");
		assertThat(capabilities.transactions()).isTrue();
		assertThat(capabilities.describe()).contains("rs0").contains("transactions");
	}

	@Test
	void aMongosRouterSupportsTransactions() {
		StoreCapabilities capabilities = StoreCapabilities
			.fromHello(new Document("msg", "isdbgrid").append("logicalSessionTimeoutMinutes", 30).append("ok", 1));

		assertThat(capabilities.kind()).isEqualTo(StoreCapabilities.Kind.SHARDED);
		assertThat(capabilities.transactions()).isTrue();
	}

	@Test
	void aStandaloneServerHasSessionsButNoTransactions() {
		StoreCapabilities capabilities = StoreCapabilities
			.fromHello(new Document("ismaster", true).append("logicalSessionTimeoutMinutes", 30).append("ok", 1.0));

		assertThat(capabilities.kind()).isEqualTo(StoreCapabilities.Kind.STANDALONE);
		assertThat(capabilities.transactions()).isFalse();
	}

	@Test
	void aReplicaSetWithoutSessionsHasNoTransactions() {
		// E.g. a member whose featureCompatibilityVersion predates sessions, or a
		// compatible server without them.
		StoreCapabilities capabilities = StoreCapabilities.fromHello(new Document("setName", "rs0").append("ok", 1));

		assertThat(capabilities.kind()).isEqualTo(StoreCapabilities.Kind.REPLICA_SET);
		assertThat(capabilities.transactions()).isFalse();
	}

	@Test
	void theEmbeddedStoreHasNoTransactions() {
		assertThat(StoreCapabilities.embedded().transactions()).isFalse();
		assertThat(StoreCapabilities.embedded().describe()).contains("embedded");
	}

	@Test
	void aBlankSetNameIsNoReplicaSet() {
		assertThat(StoreCapabilities.fromHello(new Document("setName", " ").append("logicalSessionTimeoutMinutes", 30))
			.kind()).isEqualTo(StoreCapabilities.Kind.STANDALONE);
	}

}
