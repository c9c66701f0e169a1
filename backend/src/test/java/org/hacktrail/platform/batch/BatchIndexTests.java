package org.hacktrail.platform.batch;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch metadata's step executions, updated by {@code stepExecutionId} at every
 * chunk, get a unique index on it — the embedded store serves a query from an index only
 * when the index is unique — and a store prepared by an earlier version, with a plain
 * index of that key, has it replaced.
 */
class BatchIndexTests {

	@Test
	void aStoreWithThePlainStepIndexGetsTheUniqueOneInstead() {
		MongoServer server = new MongoServer(new MemoryBackend());
		String uri = server.bindAndGetConnectionString();
		try (MongoClient client = MongoClients.create(uri)) {
			MongoTemplate mongo = new MongoTemplate(client, "batch");
			mongo.createCollection("BATCH_STEP_EXECUTION");
			mongo.indexOps("BATCH_STEP_EXECUTION")
				.createIndex(new Index().on("stepExecutionId", Sort.Direction.ASC)
					.named(BatchInfrastructure.LEGACY_STEP_INDEX));

			BatchInfrastructure.prepare(mongo);
			BatchInfrastructure.prepare(mongo); // idempotent: a second instance, or the
												// next start

			assertThat(mongo.indexOps("BATCH_STEP_EXECUTION").getIndexInfo()).extracting(IndexInfo::getName)
				.contains(BatchInfrastructure.STEP_INDEX)
				.doesNotContain(BatchInfrastructure.LEGACY_STEP_INDEX);
			assertThat(mongo.indexOps("BATCH_STEP_EXECUTION").getIndexInfo())
				.filteredOn((index) -> index.getName().equals(BatchInfrastructure.STEP_INDEX))
				.singleElement()
				.satisfies((index) -> assertThat(index.isUnique()).isTrue());
		}
		finally {
			server.shutdownNow();
		}
	}

}
