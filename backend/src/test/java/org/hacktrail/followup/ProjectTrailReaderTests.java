package org.hacktrail.followup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectFacts;
import org.hacktrail.proposal.ProposalSeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh's reader merges projects and milestones read bucket by bucket: with a limit
 * of 40 documents a query, 400 projects and about 1,000 milestones are read in many
 * buckets, every project once in id order with exactly its own milestones, no query
 * returning more than the limit, and a restart going on after the last project handed on.
 * Stale mode reads only the stale projects and queries only the milestone buckets that
 * hold them.
 */
class ProjectTrailReaderTests {

	static final int LIMIT = 40;

	@TempDir
	static Path dir;

	static EmbeddedStore store;

	static MongoClient client;

	static MongoTemplate mongo;

	static FollowUpStates states;

	static ProjectFacts projectFacts;

	static List<String> projects = new ArrayList<>();

	static List<String> stale = new ArrayList<>();

	@BeforeAll
	static void fill() {
		store = EmbeddedStore
			.start(new EmbeddedStoreProperties(EmbeddedStoreProperties.Backend.MEMORY, dir, Duration.ofSeconds(1), 16));
		client = MongoClients.create(store.connectionString("trails"));
		mongo = new MongoTemplate(client, "trails");
		states = new FollowUpStates(mongo, org.hacktrail.proposal.FactsReaders.proposals(mongo),
				org.hacktrail.hackathon.FactsReaders.hackathons(mongo), Clock.systemUTC(), ZoneId.of("Asia/Taipei"));
		projectFacts = org.hacktrail.proposal.FactsReaders.projects(mongo);
		MilestoneStore milestones = new MilestoneStore(mongo);
		Random random = new Random(7);
		List<OutcomeMilestone> batch = new ArrayList<>();
		for (int p = 0; p < 400; p++) {
			Project project = ProposalSeeds.project(UUID.randomUUID().toString(), new LocalizedText(null, "P" + p),
					null, null, List.of(), java.time.Instant.now());
			mongo.insert(project);
			projects.add(project.id());
			for (int m = 0; m < random.nextInt(6); m++) {
				MilestoneType type = (m % 2 == 0) ? MilestoneType.PILOT : MilestoneType.ACTIVITY;
				VerificationState verification = VerificationState.values()[random.nextInt(3)];
				MilestoneDraft draft = new MilestoneDraft(type, LocalDate.of(2023, 1 + m, 10), "Agency " + m, null,
						null, null, null, null, null);
				batch.add(OutcomeMilestone.create(project.id(), draft, MilestoneSource.IMPORTED, verification,
						new MilestoneEvent(java.time.Instant.now(), null, MilestoneEvent.Action.IMPORTED, verification,
								null),
						null));
			}
			if (p % 25 == 0) {
				stale.add(project.id());
			}
		}
		milestones.upsert(batch, VerificationState.PENDING, null, java.time.Instant.now());
		// Milestones of a project that no longer exists are passed over.
		mongo.getCollection(FollowUpStates.MILESTONES)
			.insertOne(new Document("_id", "0-gone~abc").append("type", "PILOT")
				.append("date", "2023-01-01")
				.append("verification", "PENDING"));
		states.markStale(stale);
		projects.sort(String::compareTo);
		stale.sort(String::compareTo);
	}

	@AfterAll
	static void close() {
		client.close();
		store.close();
	}

	static List<ProjectTrail> readAll(ProjectTrailReader reader) {
		List<ProjectTrail> read = new ArrayList<>();
		for (ProjectTrail trail = reader.read(); trail != null; trail = reader.read()) {
			read.add(trail);
		}
		return read;
	}

	static void assertOwnMilestones(List<ProjectTrail> trails) {
		for (ProjectTrail trail : trails) {
			TrailSummary expected = states.summaryOf(trail.projectId());
			assertThat(trail.summary().outcomes()).as(trail.projectId()).isEqualTo(expected.outcomes());
			assertThat(trail.summary().pending()).isEqualTo(expected.pending());
			assertThat(trail.summary().lastActivityOn()).isEqualTo(expected.lastActivityOn());
		}
	}

	@Test
	void everyProjectIsReadOnceInOrderWithExactlyItsMilestonesAndNoQueryReturnsMoreThanTheLimit() {
		ProjectTrailReader reader = new ProjectTrailReader(mongo, states, projectFacts, ProjectTrailReader.Mode.ALL,
				LIMIT);
		reader.open(new ExecutionContext());

		List<ProjectTrail> read = readAll(reader);

		assertThat(read).extracting(ProjectTrail::projectId).containsExactlyElementsOf(projects);
		assertOwnMilestones(read);
		assertThat(read).allSatisfy((trail) -> assertThat(trail.pitches()).as("read for the roll-up").isNotNull());
		assertThat(reader.queries().largestResult()).isLessThanOrEqualTo(LIMIT + 1);
		assertThat(reader.queries().milestones()).as("many buckets").isGreaterThan(10);
	}

	@Test
	void staleModeReadsTheStaleProjectsAndOnlyTheirMilestoneBuckets() {
		ProjectTrailReader all = new ProjectTrailReader(mongo, states, projectFacts, ProjectTrailReader.Mode.ALL,
				LIMIT);
		all.open(new ExecutionContext());
		readAll(all);
		ProjectTrailReader reader = new ProjectTrailReader(mongo, states, projectFacts, ProjectTrailReader.Mode.STALE,
				LIMIT);
		reader.open(new ExecutionContext());

		List<ProjectTrail> read = readAll(reader);

		assertThat(read).extracting(ProjectTrail::projectId).containsExactlyElementsOf(stale);
		assertOwnMilestones(read);
		assertThat(read).allSatisfy((trail) -> assertThat(trail.pitches()).isNull());
		assertThat(reader.queries().milestones()).as("16 stale projects, not every bucket")
			.isLessThan(all.queries().milestones() / 2);
	}

	@Test
	void aRestartGoesOnAfterTheLastProjectOfTheLastChunk() {
		ExecutionContext context = new ExecutionContext();
		ProjectTrailReader first = new ProjectTrailReader(mongo, states, projectFacts, ProjectTrailReader.Mode.ALL,
				LIMIT);
		first.open(context);
		List<ProjectTrail> read = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			read.add(first.read());
		}
		first.update(context);
		first.read(); // after the checkpoint: read again after the restart
		first.close();

		ProjectTrailReader restarted = new ProjectTrailReader(mongo, states, projectFacts, ProjectTrailReader.Mode.ALL,
				LIMIT);
		restarted.open(context);
		read.addAll(readAll(restarted));

		assertThat(read).extracting(ProjectTrail::projectId).containsExactlyElementsOf(projects);
		assertOwnMilestones(read);
	}

	@Test
	void theProjectsReadAheadHoldAtMostTheFactsBudgetBeyondOneProjectsTrail() {
		ProjectTrailReader unbounded = new ProjectTrailReader(mongo, states, projectFacts, ProjectTrailReader.Mode.ALL,
				LIMIT, Integer.MAX_VALUE);
		unbounded.open(new ExecutionContext());
		readAll(unbounded);
		ProjectTrailReader reader = new ProjectTrailReader(mongo, states, projectFacts, ProjectTrailReader.Mode.ALL,
				LIMIT, 30);
		reader.open(new ExecutionContext());

		List<ProjectTrail> read = readAll(reader);

		assertThat(read).extracting(ProjectTrail::projectId).containsExactlyElementsOf(projects);
		assertOwnMilestones(read);
		assertThat(unbounded.queries().largestBatchFacts()).as("400 projects in batches of 500: every fact at once")
			.isGreaterThan(500);
		// A batch ends once it reaches the budget; the project that reaches it has at
		// most 5 milestones.
		assertThat(reader.queries().largestBatchFacts()).isBetween(30, 34);
	}

}
