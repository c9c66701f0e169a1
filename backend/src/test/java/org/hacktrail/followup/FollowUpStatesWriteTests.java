package org.hacktrail.followup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refreshed follow-up documents are written in bulk writes of bounded size, however many
 * outcomes a chunk's projects have: on the embedded store one write is one commit, whose
 * size H2 buffers in one piece (the million-row import's refresh failed allocating a 7 MB
 * commit buffer). Every document is still written whole, and what changed is returned in
 * order.
 */
class FollowUpStatesWriteTests {

	@TempDir
	Path dir;

	EmbeddedStore store;

	MongoClient client;

	FollowUpStates states;

	/**
	 * The bulk updates of follow-up documents sent: how many documents each updated, and
	 * how many outcome entries it carried (each document counting one more). Counted
	 * while the driver reports the command: its document is valid only then.
	 */
	final List<Bulk> updates = new CopyOnWriteArrayList<>();

	record Bulk(int documents, int entries) {
	}

	@BeforeEach
	void start() {
		this.store = EmbeddedStore.start(new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.MEMORY, this.dir,
				Duration.ofSeconds(1), 16));
		CommandListener recorder = new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				BsonValue collection = event.getCommand().get("update");
				if (collection != null && collection.asString().getValue().equals(FollowUpStates.FOLLOWUPS)) {
					FollowUpStatesWriteTests.this.updates.add(bulk(event.getCommand()));
				}
			}
		};
		this.client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(this.store.connectionString("writes")))
			.addCommandListener(recorder)
			.build());
		MongoTemplate mongo = new MongoTemplate(this.client, "writes");
		this.states = new FollowUpStates(mongo, org.hacktrail.proposal.FactsReaders.proposals(mongo),
				org.hacktrail.hackathon.FactsReaders.hackathons(mongo), Clock.systemUTC(), ZoneId.of("Asia/Taipei"));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.store.close();
	}

	@Test
	void aChunkOfLongTrailsIsWrittenInBulkWritesOfAtMostTheBudgetAndEveryDocumentWhole() {
		List<FollowUpStates.Refresh> refreshes = new ArrayList<>();
		for (int p = 0; p < 30; p++) {
			TrailSummary summary = new TrailSummary();
			for (int m = 0; m < 150; m++) {
				summary.add(new TrailSummary.Facts("project-" + p + "~" + m, MilestoneType.PILOT,
						LocalDate.of(2020, 1, 1).plusDays(m).toString(), VerificationState.VERIFIED, null, null));
			}
			refreshes.add(this.states.compute("project-" + p, summary, null, null));
		}

		List<FollowUpStates.Refreshed> refreshed = this.states.write(refreshes);

		assertThat(refreshed).extracting(FollowUpStates.Refreshed::projectId)
			.containsExactlyElementsOf(refreshes.stream().map(FollowUpStates.Refresh::projectId).toList());
		assertThat(refreshed).allSatisfy((r) -> assertThat(r.trailChanged()).isTrue());
		// 30 documents of 150 outcomes: 4,530 entries, more than two bulk writes' worth.
		assertThat(this.updates).hasSizeGreaterThanOrEqualTo(3);
		assertThat(this.updates)
			.allSatisfy((bulk) -> assertThat(bulk.entries()).isBetween(151, FollowUpStates.WRITE_BUDGET));
		assertThat(this.updates.stream().mapToInt(Bulk::documents).sum()).isEqualTo(30);
		for (int p = 0; p < 30; p++) {
			ProjectFollowUp followUp = this.states.find("project-" + p);
			assertThat(followUp).isNotNull();
			assertThat(followUp.outcomes()).hasSize(150);
			assertThat(followUp.isStale()).isFalse();
		}
	}

	private static Bulk bulk(BsonDocument command) {
		int entries = 0;
		for (BsonValue update : command.getArray("updates")) {
			BsonDocument set = update.asDocument().getDocument("u").getDocument("$set");
			entries += 1 + set.getArray("outcomes").size();
		}
		return new Bulk(command.getArray("updates").size(), entries);
	}

}
