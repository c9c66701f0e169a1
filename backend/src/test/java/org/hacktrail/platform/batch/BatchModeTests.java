package org.hacktrail.platform.batch;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.hacktrail.platform.StoreCapabilities;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.data.mongodb.MongoTransactionManager;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which transaction manager the job repository and steps get, and the one log line that
 * says so.
 */
class BatchModeTests {

	@Test
	void aReplicaSetGetsAMongoTransactionManager() {
		// Creating a client does not connect: nothing listens on this port and nothing
		// needs to.
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:1/?replicaSet=rs0")) {
			StoreCapabilities replicaSet = StoreCapabilities
				.fromHello(new Document("setName", "rs0").append("logicalSessionTimeoutMinutes", 30));

			assertThat(BatchInfrastructure.transactionManagerFor(replicaSet,
					new SimpleMongoClientDatabaseFactory(client, "hacktrail")))
				.isInstanceOf(MongoTransactionManager.class);
			assertThat(BatchInfrastructure.describeMode(replicaSet)).startsWith("transactional").contains("rs0");
		}
	}

	@Test
	void theEmbeddedStoreAndStandaloneServersStayResourceless() {
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:1/")) {
			SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, "hacktrail");
			StoreCapabilities standalone = StoreCapabilities
				.fromHello(new Document("logicalSessionTimeoutMinutes", 30));

			assertThat(BatchInfrastructure.transactionManagerFor(StoreCapabilities.embedded(), factory))
				.isInstanceOf(ResourcelessTransactionManager.class);
			assertThat(BatchInfrastructure.transactionManagerFor(standalone, factory))
				.isInstanceOf(ResourcelessTransactionManager.class);
			assertThat(BatchInfrastructure.describeMode(StoreCapabilities.embedded())).startsWith("resourceless")
				.contains("embedded store");
		}
	}

}
