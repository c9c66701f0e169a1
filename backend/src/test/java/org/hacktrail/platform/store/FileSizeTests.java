package org.hacktrail.platform.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.hacktrail.support.TimingSensitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file stays proportional to the live data: after a rewrite-heavy workload (the shape
 * that once grew the file by ~20 KB per imported row) the file is at most three times a
 * freshly compacted copy of the same data, and it never grew beyond that by more than a
 * bounded margin while the workload ran.
 */
@EmbeddedStoreOnly
@TimingSensitive
class FileSizeTests {

	private static final Logger log = LoggerFactory.getLogger(FileSizeTests.class);

	static final int DOCUMENTS = 2000;

	static final int ROUNDS = 12;

	/**
	 * What the file may exceed three compacted copies by while writes run: under load
	 * housekeeping rewrites 1 MB a second (requests wait meanwhile), so the file runs
	 * ahead by what a few seconds of writes leave dead.
	 */
	static final long MARGIN = 16L * 1024 * 1024;

	@TempDir
	Path dataDir;

	@Test
	void aRewriteHeavyWorkloadLeavesAFileAtMostThreeTimesACompactedCopy() throws Exception {
		EmbeddedStoreProperties properties = StoreFixtures.h2(this.dataDir.resolve("store"));
		long largest = 0;
		List<Long> sizes = new ArrayList<>();
		try (EmbeddedStore store = EmbeddedStore.start(properties);
				MongoClient client = FailClosedTests.client(store)) {
			MongoCollection<Document> rows = client.getDatabase("t").getCollection("rows");
			rows.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
			String payload = "outcome row payload 成果 ".repeat(20);
			for (int round = 0; round < ROUNDS; round++) {
				List<UpdateOneModel<Document>> upserts = new ArrayList<>();
				for (int i = 0; i < DOCUMENTS; i++) {
					upserts.add(new UpdateOneModel<>(Filters.eq("key", "k" + i),
							Updates.combine(Updates.set("payload", payload + round), Updates.set("round", round)),
							new UpdateOptions().upsert(true)));
					if (upserts.size() == 250) {
						rows.bulkWrite(upserts);
						upserts.clear();
					}
				}
				// And single writes, each its own commit, as requests make them.
				for (int i = 0; i < 40; i++) {
					rows.updateOne(Filters.eq("key", "k" + (round * 40 + i) % DOCUMENTS), Updates.inc("touched", 1));
				}
				long size = Files.size(properties.file());
				sizes.add(size / 1024);
				largest = Math.max(largest, size);
			}
			// Idle housekeeping gets its turn once the writes stop.
			Thread.sleep(3000);
		}
		long after = Files.size(properties.file());
		Path compacted = this.dataDir.resolve("compacted.mv.db");
		MVStore.compact(properties.file().toString(), compacted.toString(), false, null);
		long fresh = Files.size(compacted);
		log.info("file sizes during the workload (KB): {}; largest {} KB, after {} KB, compacted copy {} KB", sizes,
				largest / 1024, after / 1024, fresh / 1024);

		assertThat(after).as("file after the workload against a compacted copy (%d KB)", fresh / 1024)
			.isLessThanOrEqualTo(3 * fresh);
		assertThat(largest).as("largest file during the workload").isLessThanOrEqualTo(3 * fresh + MARGIN);
	}

}
