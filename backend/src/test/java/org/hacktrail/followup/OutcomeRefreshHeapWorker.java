package org.hacktrail.followup;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.hacktrail.HacktrailApplication;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The state-refresh step of a large import alone, without the hours of the import step
 * before it: {@code seed <dataDir> <milestones> <projects>} writes the projects and the
 * milestones the heap benchmark's import would leave in an H2 store file (straight
 * through the driver, in a JVM of any size) and marks every project stale;
 * {@code refresh <dataDir>} then imports a one-row file, so that the run's refresh step
 * refreshes every project over every milestone (run it with the heap to test, e.g.
 * {@code -Xmx256m}, on a copy of the seeded file).
 */
public final class OutcomeRefreshHeapWorker {

	private OutcomeRefreshHeapWorker() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		Path dataDir = Path.of(args[1]);
		Path importDir = Files.createTempDirectory("outcome-refresh-imports");
		ConfigurableApplicationContext context = new SpringApplication(HacktrailApplication.class).run(
				"--server.port=0", "--spring.mongodb.uri=", "--hacktrail.store.embedded.backend=h2",
				"--hacktrail.store.embedded.data-dir=" + dataDir, "--hacktrail.outcomes.import-dir=" + importDir,
				"--logging.level.root=warn", "--spring.main.banner-mode=off",
				"--hacktrail.jobs.schedule.followUpDue=0 0 0 30 2 *",
				"--hacktrail.jobs.schedule.activityCheck=0 0 0 30 2 *",
				"--hacktrail.jobs.schedule.statisticsRollup=0 0 0 30 2 *");
		try {
			if (mode.equals("seed")) {
				seed(context, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			}
			else {
				refresh(context, importDir);
			}
		}
		finally {
			context.close();
		}
		System.exit(0);
	}

	static void seed(ConfigurableApplicationContext context, int rows, int projectCount) {
		MongoTemplate mongo = context.getBean(MongoTemplate.class);
		MilestoneStore store = context.getBean(MilestoneStore.class);
		long started = System.nanoTime();
		List<String> projects = OutcomeBenchmarkWorker.seedProjects(mongo, projectCount);
		context.getBean(FollowUpStates.class).markStale(projects);
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Taipei"));
		Instant now = Instant.now();
		List<Document> batch = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			String[] cells = OutcomeBenchmarkWorker.row(projects, i, 2);
			MilestoneDraft draft = MilestoneRules.check(MilestoneType.valueOf(cells[1]), LocalDate.parse(cells[2]),
					cells[3], null, null, cells[4].isEmpty() ? null : cells[4], cells[5].isEmpty() ? null : cells[5],
					cells[6].isEmpty() ? null : cells[6], "benchmark row " + i, today);
			OutcomeMilestone milestone = OutcomeMilestone.create(cells[0], draft, MilestoneSource.IMPORTED,
					VerificationState.PENDING,
					new MilestoneEvent(now, "bench", MilestoneEvent.Action.IMPORTED, VerificationState.PENDING, null),
					null);
			Document document = store.document(milestone);
			document.put("_id", milestone.id());
			batch.add(document);
			if (batch.size() == 1000) {
				mongo.getCollection(FollowUpStates.MILESTONES).insertMany(batch);
				batch.clear();
			}
			if (i % 100_000 == 0) {
				System.out.printf("seeded %,d milestones in %.0f s%n", i, (System.nanoTime() - started) / 1e9);
			}
		}
		if (!batch.isEmpty()) {
			mongo.getCollection(FollowUpStates.MILESTONES).insertMany(batch);
		}
		System.out.printf("seeded %,d projects (stale) and %,d milestones in %.0f s%n", projectCount, rows,
				(System.nanoTime() - started) / 1e9);
	}

	static void refresh(ConfigurableApplicationContext context, Path importDir) throws Exception {
		MongoTemplate mongo = context.getBean(MongoTemplate.class);
		System.out.printf("store: %,d milestones, %,d follow-up documents%n",
				mongo.getCollection(FollowUpStates.MILESTONES).estimatedDocumentCount(),
				mongo.getCollection(FollowUpStates.FOLLOWUPS).estimatedDocumentCount());
		Document project = mongo.getCollection("projects").find().first();
		Path file = importDir.resolve("one.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("project_ref,milestone,date,agency,amount,currency,evidence_url,note\n");
			out.write(project.get("_id") + ",PILOT,2020-01-01,Agency one,,,,refresh test\n");
		}
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			for (long sample = 1; !Thread.currentThread().isInterrupted(); sample++) {
				peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
				if (sample % 100 == 0) {
					System.gc();
					System.out.printf("live heap %,d MB%n",
							ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		JobExecution run = OutcomeBenchmarkWorker.importFile(context, file);
		sampler.interrupt();
		System.out.println("run " + run.getStatus() + " " + run.getExitStatus());
		for (StepExecution step : run.getStepExecutions()) {
			System.out.printf("%s %s: %,d written in %s%n", step.getStepName(), step.getStatus(), step.getWriteCount(),
					Duration.between(step.getStartTime(), step.getEndTime()));
		}
		System.out.printf("peak heap used %,d MB%n", peak.get() >> 20);
	}

}
