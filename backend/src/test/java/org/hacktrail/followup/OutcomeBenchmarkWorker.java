package org.hacktrail.followup;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.hacktrail.HacktrailApplication;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.PhaseChange;
import org.hacktrail.platform.batch.EmbeddedEnvelope;
import org.hacktrail.platform.batch.JobRunner;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLink;
import org.hacktrail.proposal.ProposalSeeds;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One side of {@code OutcomeImportBenchmark} (not a test): runs the application in this
 * JVM and prints {@code RESULT} lines.
 *
 * <ul>
 * <li>{@code import <uri> <database> <rows> <projects>}: against a store in another
 * process ({@code MONGODB_URI}), the store's own bulk-upsert rate for {@code rows}
 * milestones against {@code outcomeImport}'s rate for the same rows (a CSV file).</li>
 * <li>{@code heap <uri|h2:
 *
<dir>
 * > <database> <rows> <projects>}: a {@code rows}-row import with the heap and the
 * resident memory sampled (run this JVM with {@code -Xmx256m}). With {@code h2:
 *
<dir>
 * } the embedded store runs in this JVM on its H2 file in {@code dir}, as users run
 * Hacktrail, and the file's size is reported too.</li>
 * <li>{@code statistics <uri> <database> <proposals> <milestones>}: against a store in
 * another process, a dataset of that size, the roll-up, then the public statistics query
 * over HTTP, timed.</li>
 * </ul>
 */
public final class OutcomeBenchmarkWorker {

	private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	private static final String[] TYPES = { "FUNDING_APPLIED", "PILOT", "FUNDED", "ADOPTED" };

	private static final long MB = 1024 * 1024;

	private OutcomeBenchmarkWorker() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		String store = args[1];
		String database = args[2];
		Path importDir = Files.createTempDirectory("outcome-bench-imports");
		Path h2 = store.startsWith("h2:") ? Path.of(store.substring(3)) : null;
		List<String> settings = new ArrayList<>(List.of("--server.port=0", "--spring.mongodb.database=" + database,
				"--hacktrail.outcomes.import-dir=" + importDir, "--logging.level.root=warn",
				"--logging.level.org.hacktrail.platform.batch.FailedRunReport=error",
				"--logging.level.org.hacktrail.followup.OutcomeImportListener=warn", "--spring.main.banner-mode=off",
				"--hacktrail.jobs.schedule.followUpDue=0 0 0 30 2 *",
				"--hacktrail.jobs.schedule.activityCheck=0 0 0 30 2 *",
				"--hacktrail.jobs.schedule.statisticsRollup=0 0 0 30 2 *"));
		settings.addAll(
				(h2 != null)
						? List.of("--spring.mongodb.uri=", "--hacktrail.store.embedded.backend=h2",
								"--hacktrail.store.embedded.data-dir=" + h2)
						: List.of("--spring.mongodb.uri=" + store));
		ConfigurableApplicationContext context = new SpringApplication(HacktrailApplication.class)
			.run(settings.toArray(String[]::new));
		try {
			switch (mode) {
				case "import" ->
					importBenchmark(context, importDir, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
				case "heap" -> heapBenchmark(context, importDir, Integer.parseInt(args[3]), Integer.parseInt(args[4]),
						(h2 != null) ? h2.resolve("hacktrail.mv.db") : null);
				default -> statisticsBenchmark(context, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			}
		}
		finally {
			if (h2 == null) {
				context.getBean(MongoTemplate.class).getDb().drop();
			}
			context.close();
			try (var files = Files.walk(importDir)) {
				for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
		System.exit(0);
	}

	// ---- import

	static void importBenchmark(ConfigurableApplicationContext context, Path importDir, int rows, int projectCount)
			throws Exception {
		MongoTemplate mongo = context.getBean(MongoTemplate.class);
		List<String> projects = seedProjects(mongo, projectCount);

		// Warm-up of both paths (JIT, connections), on rows of their own.
		Path warmUp = importDir.resolve("warm-up.csv");
		writeCsv(warmUp, projects, Math.min(rows, 20_000), 0);
		importFile(context, warmUp);
		baseline(context, projects, Math.min(rows, 20_000), 9);
		mongo.getDb().getCollection("bench_baseline").drop();
		mongo.getDb().getCollection(FollowUpStates.MILESTONES).deleteMany(new Document());
		mongo.getDb().getCollection(FollowUpStates.FOLLOWUPS).deleteMany(new Document());

		// The same rows, as the import would store them, for the store's own bulk
		// upserts.
		Path file = importDir.resolve("throughput.csv");
		writeCsv(file, projects, rows, 1);
		double before = baseline(context, projects, rows, 1);
		var baseline = mongo.getDb().getCollection("bench_baseline");
		long stored = baseline.countDocuments();
		baseline.drop();
		result("store bulk upsert (driver, batches of 500, $setOnInsert by _id): %,d rows in %.1f s = %,.0f rows/s",
				stored, before, rows / before);

		JobExecution run = importFile(context, file);
		StepExecution step = step(run, "outcomeImportStep");
		double stepSeconds = seconds(step);
		result("outcomeImport step (read, validate, resolve, upsert, checkpoint; chunks of 500): %,d rows in %.1f s = "
				+ "%,.0f rows/s (%s)", step.getWriteCount(), stepSeconds, rows / stepSeconds, run.getStatus());
		// The store's rate again, after the import: on a shared machine one measurement
		// can be lucky or unlucky;
		// the ratio is taken against the faster of the two.
		double after = baseline(context, projects, rows, 1);
		mongo.getDb().getCollection("bench_baseline").drop();
		result("store bulk upsert again, after the import: %,d rows in %.1f s = %,.0f rows/s", rows, after,
				rows / after);
		double baselineSeconds = Math.min(before, after);
		result("ratio outcomeImport / store bulk upsert (the faster of the two) = %.2f (target >= 0.70)",
				(rows / stepSeconds) / (rows / baselineSeconds));
		StepExecution refresh = step(run, "outcomeStateRefreshStep");
		result("outcomeStateRefreshStep: %,d projects in %.1f s; whole run %.1f s", refresh.getWriteCount(),
				seconds(refresh), Duration.between(run.getStartTime(), run.getEndTime()).toMillis() / 1000.0);
		Files.deleteIfExists(file);
	}

	/**
	 * A large import with this JVM's memory sampled: the heap in use (garbage included),
	 * the heap left after each collection (what the import really holds), and the
	 * resident set (heap, metaspace, threads, and with the embedded store in this JVM its
	 * H2 cache and buffers). Then the H2 file's size, if there is one.
	 */
	static void heapBenchmark(ConfigurableApplicationContext context, Path importDir, int rows, int projectCount,
			@Nullable Path storeFile) throws Exception {
		MongoTemplate mongo = context.getBean(MongoTemplate.class);
		List<String> projects = seedProjects(mongo, projectCount);
		Path big = importDir.resolve("heap.csv");
		writeCsv(big, projects, rows, 2);
		result("heap test file: %,d rows, %,d MB, %,d projects; store %s", rows, Files.size(big) / (1024 * 1024),
				projectCount,
				(storeFile != null) ? "embedded, H2 file in this JVM (" + storeFile + ")" : "in another process");
		long fileBefore = (storeFile != null && Files.exists(storeFile)) ? Files.size(storeFile) : 0;
		AtomicLong sampledPeak = new AtomicLong();
		AtomicLong afterGcPeak = new AtomicLong();
		AtomicLong livePeak = new AtomicLong();
		AtomicLong filePeak = new AtomicLong(fileBefore);
		Thread sampler = new Thread(() -> {
			for (long sample = 1; !Thread.currentThread().isInterrupted(); sample++) {
				sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
						Math::max);
				if (sample % 200 == 0) {
					// Every 10 s a full collection, then what is left: what the run
					// really holds (the "after a
					// collection" figure below counts the old generation's garbage that
					// young collections leave).
					System.gc();
					livePeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
							Math::max);
				}
				// What the collector left alive the last time it ran: the import's real
				// footprint.
				long live = ManagementFactory.getMemoryPoolMXBeans()
					.stream()
					.filter((pool) -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
					.mapToLong((pool) -> pool.getCollectionUsage().getUsed())
					.sum();
				afterGcPeak.accumulateAndGet(live, Math::max);
				if (storeFile != null) {
					try {
						filePeak.accumulateAndGet(Files.size(storeFile), Math::max);
					}
					catch (java.io.IOException ex) {
						// Being replaced; the next sample sees it.
					}
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
		JobExecution run = importFile(context, big);
		sampler.interrupt();
		StepExecution importStep = step(run, "outcomeImportStep");
		result("heap test: %s; import step %,d rows in %.1f s (%,.0f rows/s)%s", run.getStatus(),
				importStep.getWriteCount(), seconds(importStep), importStep.getWriteCount() / seconds(importStep),
				(run.getStatus() == BatchStatus.COMPLETED) ? "" : " — " + run.getExitStatus().getExitDescription());
		run.getStepExecutions()
			.stream()
			.filter((s) -> s.getStepName().equals("outcomeStateRefreshStep") && s.getEndTime() != null)
			.findFirst()
			.ifPresent((refresh) -> result("heap test refresh step: %,d projects in %.1f s; whole run %.1f s",
					refresh.getWriteCount(), seconds(refresh),
					Duration.between(run.getStartTime(), run.getEndTime()).toMillis() / 1000.0));
		result("heap test memory: max heap %,d MB; peak heap used %,d MB (sampled every 50 ms, garbage included); "
				+ "largest heap left after a collection %,d MB; largest live heap %,d MB (after a full collection every "
				+ "10 s); peak resident %,d MB", Runtime.getRuntime().maxMemory() / MB, sampledPeak.get() / MB,
				afterGcPeak.get() / MB, livePeak.get() / MB, peakResident() / MB);
		if (storeFile != null) {
			result("heap test store file: %,d MB before, %,d MB after the run (%,d MB at most while it ran); %,d "
					+ "milestones stored", fileBefore / MB, Files.size(storeFile) / MB, filePeak.get() / MB,
					mongo.getCollection(FollowUpStates.MILESTONES).estimatedDocumentCount());
		}
	}

	/**
	 * The most resident memory this process has had (Linux: VmHWM), or 0 where unknown.
	 */
	static long peakResident() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (java.io.IOException | RuntimeException ex) {
			// Not Linux.
		}
		return 0;
	}

	/**
	 * The store's own bulk-upsert time for the rows of file {@code fileNumber}, converted
	 * beforehand.
	 */
	static double baseline(ConfigurableApplicationContext context, List<String> projects, int rows, int fileNumber) {
		MilestoneStore store = context.getBean(MilestoneStore.class);
		List<List<WriteModel<Document>>> batches = new ArrayList<>();
		List<WriteModel<Document>> batch = new ArrayList<>();
		UpdateOptions upsert = new UpdateOptions().upsert(true);
		LocalDate today = LocalDate.now(TAIPEI);
		Instant now = Instant.now();
		for (int i = 0; i < rows; i++) {
			String[] cells = row(projects, i, fileNumber);
			MilestoneDraft draft = MilestoneRules.check(MilestoneType.valueOf(cells[1]), LocalDate.parse(cells[2]),
					cells[3], null, null, cells[4].isEmpty() ? null : cells[4], cells[5].isEmpty() ? null : cells[5],
					cells[6].isEmpty() ? null : cells[6], "benchmark row " + i, today);
			OutcomeMilestone milestone = OutcomeMilestone.create(cells[0], draft, MilestoneSource.IMPORTED,
					VerificationState.PENDING,
					new MilestoneEvent(now, "bench", MilestoneEvent.Action.IMPORTED, VerificationState.PENDING, null),
					null);
			batch.add(new UpdateOneModel<>(new Document("_id", milestone.id()),
					new Document("$setOnInsert", store.document(milestone)), upsert));
			if (batch.size() == 500) {
				batches.add(batch);
				batch = new ArrayList<>();
			}
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		var baseline = context.getBean(MongoTemplate.class).getDb().getCollection("bench_baseline");
		long started = System.nanoTime();
		for (List<WriteModel<Document>> b : batches) {
			baseline.bulkWrite(b, new BulkWriteOptions().ordered(false));
		}
		return (System.nanoTime() - started) / 1e9;
	}

	static List<String> seedProjects(MongoTemplate mongo, int count) {
		List<String> ids = new ArrayList<>();
		List<Project> batch = new ArrayList<>();
		Instant now = Instant.now();
		for (int i = 0; i < count; i++) {
			Project project = ProposalSeeds.project(UUID.randomUUID().toString(), new LocalizedText(null, "Bench " + i),
					null, null, List.of("open-data"), now);
			ids.add(project.id());
			batch.add(project);
			if (batch.size() == 1000) {
				mongo.insert(batch, Project.class);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			mongo.insert(batch, Project.class);
		}
		return ids;
	}

	/**
	 * project_ref, milestone, date, agency, amount, currency, evidence_url of row
	 * {@code i} (unique per file).
	 */
	static String[] row(List<String> projects, int i, int file) {
		String type = TYPES[i % TYPES.length];
		boolean funding = type.equals("FUNDED") || type.equals("FUNDING_APPLIED");
		boolean evidence = type.equals("FUNDED") || type.equals("ADOPTED");
		return new String[] { projects.get(i % projects.size()), type,
				LocalDate.of(2015, 1, 1).plusDays(i % 3650).toString(), "Agency " + file + "-" + i,
				funding ? Integer.toString(10_000 + i % 90_000) : "", funding ? "TWD" : "",
				evidence ? "https://example.org/evidence/" + file + "/" + i : "" };
	}

	static void writeCsv(Path file, List<String> projects, int rows, int fileNumber) throws Exception {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("project_ref,milestone,date,agency,amount,currency,evidence_url,note\n");
			for (int i = 0; i < rows; i++) {
				out.write(String.join(",", row(projects, i, fileNumber)));
				out.write(",benchmark row ");
				out.write(Integer.toString(i));
				out.write('\n');
			}
		}
	}

	static JobExecution importFile(ConfigurableApplicationContext context, Path file) throws InterruptedException {
		JobRunner runner = context.getBean(JobRunner.class);
		// The benchmark is the operator: it confirms going beyond the embedded store's
		// envelope (1,000,000 rows).
		JobExecution started = runner
			.launch(runner.job("outcomeImport"),
					new JobParametersBuilder().addString("file", file.getFileName().toString())
						.addString(EmbeddedEnvelope.CONFIRM, "true")
						.addString("hacktrail.run", UUID.randomUUID().toString())
						.toJobParameters())
			.orElseThrow();
		return await(context, started.getId());
	}

	/**
	 * Waits for the run to end. While the embedded store fails closed and reopens its
	 * file (a commit failed), reads are refused for a while: the wait goes on through
	 * that, for at most {@link #STORE_UNAVAILABLE_LIMIT} in a row, so the run's real end
	 * (and status) is what the benchmark reports.
	 */
	static JobExecution await(ConfigurableApplicationContext context, long id) throws InterruptedException {
		JobRepository repository = context.getBean(JobRepository.class);
		Instant unavailableSince = null;
		while (true) {
			JobExecution execution;
			try {
				execution = repository.getJobExecution(id);
				unavailableSince = null;
			}
			catch (RuntimeException ex) {
				if (!storeUnavailable(ex)) {
					throw ex;
				}
				Instant now = Instant.now();
				if (unavailableSince == null) {
					unavailableSince = now;
					System.out.println("The store is unavailable (" + ex.getMessage() + "); waiting for it");
				}
				else if (Duration.between(unavailableSince, now).compareTo(STORE_UNAVAILABLE_LIMIT) > 0) {
					throw new IllegalStateException("The store stayed unavailable for " + STORE_UNAVAILABLE_LIMIT, ex);
				}
				Thread.sleep(1000);
				continue;
			}
			if (execution != null && !execution.isRunning() && execution.getStatus() != BatchStatus.STARTING) {
				return execution;
			}
			Thread.sleep(200);
		}
	}

	static final Duration STORE_UNAVAILABLE_LIMIT = Duration.ofMinutes(10);

	private static boolean storeUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.hacktrail.platform.StoreUnavailableException) {
				return true;
			}
		}
		return false;
	}

	static StepExecution step(JobExecution execution, String name) {
		return execution.getStepExecutions()
			.stream()
			.filter((s) -> s.getStepName().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No step " + name + " in " + execution));
	}

	static double seconds(StepExecution step) {
		return Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
	}

	// ---- statistics

	static void statisticsBenchmark(ConfigurableApplicationContext context, int proposalCount, int milestoneCount)
			throws Exception {
		MongoTemplate mongo = context.getBean(MongoTemplate.class);
		MilestoneStore store = context.getBean(MilestoneStore.class);
		Random random = new Random(42);
		List<String> areas = List.of("open-government", "environment", "health", "education", "open-data",
				"social-welfare", "transportation", "digital-resilience");
		long seedStarted = System.nanoTime();
		Instant now = Instant.now();
		int hackathonCount = 40;
		List<Hackathon> hackathons = new ArrayList<>();
		for (int h = 0; h < hackathonCount; h++) {
			HackathonKind kind = (h % 4 == 0) ? HackathonKind.PRESIDENTIAL : HackathonKind.COMMUNITY;
			LocalDate first = LocalDate.of(2014 + h / 4, 1 + (h % 4) * 3, 10);
			hackathons.add(new Hackathon(UUID.randomUUID().toString(), "bench-" + h,
					new LocalizedText(null, "Bench " + h), kind, h, first.atStartOfDay(TAIPEI).toInstant(),
					first.plusDays(1).atStartOfDay(TAIPEI).toInstant(), "Asia/Taipei", null,
					(h == hackathonCount - 1) ? HackathonPhase.JUDGING : HackathonPhase.ARCHIVED,
					List.of(new PhaseChange(null, HackathonPhase.DRAFT, now, null, null)), List.of(), 5, false, true,
					now, null, now, null));
		}
		mongo.insert(hackathons, Hackathon.class);
		int projectCount = proposalCount / 4;
		List<String> projects = seedProjects(mongo, projectCount);
		List<Proposal> batch = new ArrayList<>();
		for (int i = 0; i < proposalCount; i++) {
			Hackathon hackathon = hackathons.get(i % hackathonCount);
			int rank = i / hackathonCount;
			List<ProposalStatus> path = (rank < 5)
					? List.of(ProposalStatus.SUBMITTED, ProposalStatus.TEAM_FORMING, ProposalStatus.IN_REVIEW,
							ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST, ProposalStatus.OUTSTANDING)
					: (rank < 20)
							? List.of(ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW, ProposalStatus.SHORTLISTED,
									ProposalStatus.FINALIST, ProposalStatus.NOT_SELECTED)
							: List.of(ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW,
									ProposalStatus.NOT_SHORTLISTED);
			String project = (i < projectCount) ? projects.get(i) : null;
			batch.add(ProposalSeeds.proposal(UUID.randomUUID().toString(), hackathon.id(), project,
					new LocalizedText(null, "Bench proposal " + i), LocalizedText.EMPTY, "Team " + i, null,
					List.of(areas.get(i % areas.size())), List.<ProposalLink>of(), 1 + random.nextInt(6),
					hackathon.startsAt(), path));
			if (batch.size() == 1000) {
				mongo.insert(batch, Proposal.class);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			mongo.insert(batch, Proposal.class);
		}
		MilestoneType[] types = MilestoneType.values();
		List<OutcomeMilestone> milestones = new ArrayList<>();
		for (int i = 0; i < milestoneCount; i++) {
			int p = i % projectCount;
			Hackathon hackathon = hackathons.get(p % hackathonCount);
			MilestoneType type = types[i % types.length];
			LocalDate date = hackathon.endsAt().atZone(TAIPEI).toLocalDate().plusDays(30 + (i / projectCount) * 40L);
			if (date.isAfter(LocalDate.now(TAIPEI))) {
				date = LocalDate.now(TAIPEI).minusDays(i % 300);
			}
			MilestoneDraft draft = new MilestoneDraft(type, date, "Agency " + i, null, null,
					type.carriesAmount() ? BigDecimal.valueOf(1000 + i % 5000) : null,
					type.carriesAmount() ? "TWD" : null, type.requiresEvidence() ? "https://example.org/e/" + i : null,
					null);
			VerificationState verification = (i % 10 < 8) ? VerificationState.VERIFIED
					: (i % 10 == 8) ? VerificationState.PENDING : VerificationState.REJECTED;
			milestones.add(OutcomeMilestone.create(projects.get(p), draft, MilestoneSource.IMPORTED, verification,
					new MilestoneEvent(now, null, MilestoneEvent.Action.IMPORTED, verification, null), null));
			if (milestones.size() == 1000) {
				insertMilestones(mongo, store, milestones);
				milestones.clear();
			}
		}
		insertMilestones(mongo, store, milestones);
		result("statistics dataset: %d hackathons, %,d proposals, %,d projects, %,d milestones, seeded in %.1f s",
				hackathonCount, proposalCount, projectCount, milestoneCount, (System.nanoTime() - seedStarted) / 1e9);

		JobRunner runner = context.getBean(JobRunner.class);
		JobExecution rollup = await(context,
				runner
					.launch(runner.job("statisticsRollup"),
							new JobParametersBuilder().addString("hacktrail.run", UUID.randomUUID().toString())
								.toJobParameters())
					.orElseThrow()
					.getId());
		result("statisticsRollup (%s): projectTrailStep %,d projects in %.1f s, statisticsRollupStep %,d proposals in "
				+ "%.1f s", rollup.getStatus(), step(rollup, "projectTrailStep").getWriteCount(),
				seconds(step(rollup, "projectTrailStep")), step(rollup, "statisticsRollupStep").getReadCount(),
				seconds(step(rollup, "statisticsRollupStep")));
		OutcomeRollup stored = mongo.findById("PUBLIC", OutcomeRollup.class);
		result("roll-up: %,d cells in the PUBLIC document", stored.cells().size());

		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpClient http = HttpClient.newHttpClient();
		String[] queries = {
				"{\"query\":\"{ outcomeStatistics(filter: {kind: PRESIDENTIAL, fromYear: 2015, toYear: 2023}) "
						+ "{ computedAt total { proposals teams shortlisted outstanding funded adopted integrated "
						+ "medianMonthsToAdoption fundingTotals { currency amount } stages { name count rateOfProposals "
						+ "rateOfPrevious } outstandingVsNotSelected { outstanding { count fundedRate } notSelected { count "
						+ "fundedRate } } } byYear { year funnel { proposals adopted } } byIssueArea { issueArea { id } funnel "
						+ "{ proposals adopted } } byHackathon { slug funnel { proposals integrated } } } }\"}",
				"{\"query\":\"{ outcomeStatistics(filter: {issueArea: \\\"health\\\"}) { total { proposals funded adopted "
						+ "medianMonthsToAdoption } byYear { year funnel { proposals } } } }\"}" };
		for (String query : queries) {
			long[] times = new long[40];
			for (int i = -10; i < times.length; i++) {
				long t0 = System.nanoTime();
				HttpResponse<String> response = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(query))
						.build(), HttpResponse.BodyHandlers.ofString());
				long elapsed = System.nanoTime() - t0;
				if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
					throw new IllegalStateException("Statistics query failed: " + response.body());
				}
				if (i >= 0) {
					times[i] = elapsed;
				}
			}
			Arrays.sort(times);
			result("statistics query %s over HTTP (anonymous, PUBLIC): median %.1f ms, p95 %.1f ms, max %.1f ms "
					+ "(40 runs after 10 warm-ups; target < 300 ms)",
					query.contains("issueArea: ") ? "by issue area" : "full (all breakdowns)", times[20] / 1e6,
					times[37] / 1e6, times[39] / 1e6);
		}
	}

	private static void insertMilestones(MongoTemplate mongo, MilestoneStore store, List<OutcomeMilestone> milestones) {
		if (milestones.isEmpty()) {
			return;
		}
		List<Document> documents = new ArrayList<>();
		for (OutcomeMilestone milestone : milestones) {
			Document document = store.document(milestone);
			document.put("_id", milestone.id());
			documents.add(document);
		}
		mongo.getCollection(FollowUpStates.MILESTONES).insertMany(documents);
	}

	static void result(String format, Object... args) {
		System.out.println("RESULT " + String.format(Locale.ROOT, format, args));
		System.out.flush();
	}

}
