package org.hacktrail.judging.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.hacktrail.HacktrailApplication;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.sheet.ScoreSheet;
import org.hacktrail.judging.sheet.SheetStatus;
import org.hacktrail.platform.bench.StoreFileFigures;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Benchmark (not a test): 200 judges scoring at once over GraphQL on the embedded store.
 *
 * <p>
 * Set-up: a hackathon with one REVIEW round of 1,000 imported proposals, 200 judges (half
 * PUBLIC, half PRIVATE) invited and accepted, a 5-criterion rubric, k = 3 (15 proposals
 * per judge), the round opened. Then every judge, in its own thread and all starting
 * together, reads its panel and, for each of its proposals, saves a draft, saves it again
 * with other scores (naming the version it read) and submits it with its final scores:
 * 9,000 writes, 3,000 sheets. Reported: throughput, latency percentiles per operation,
 * and a check of the store afterwards — exactly one sheet per assignment (none lost, none
 * duplicated), every one SUBMITTED at version 2 with exactly the scores its judge
 * submitted last (no lost write).
 *
 * <p>
 * Requests authenticate with API tokens, so each also pays the two lookups that check a
 * token (a browser session does not). Run: {@code scripts/bench sheets}, or from
 * {@code backend/}: {@code mvn -o -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.hacktrail.judging.bench.ScoreSheetBenchmark
 * [-Dexec.args="h2 200 1000"]}. Arguments: store backend ({@code h2}, the persistent
 * default, or {@code memory}), judges (200), proposals (1,000). Only loopback traffic;
 * every loop is bounded.
 */
public final class ScoreSheetBenchmark {

	static final String[] CRITERIA = { "impact", "feasibility", "collaboration", "openness", "team" };

	static final String SAVE = "mutation($i: SaveScoreSheetInput!) { saveScoreSheet(input: $i) { sheet { id version status } } }";

	static final String SUBMIT = "mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { sheet { id version status } } }";

	static final String PANEL = "query($r: ID!) { myAssignments(roundId: $r) { assigned submitted "
			+ "proposals { proposalId proposal { title { zhTW en } } sheet { id version status } } } }";

	private ScoreSheetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String backend = (args.length > 0) ? args[0] : "h2";
		int judgeCount = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		int proposalCount = (args.length > 2) ? Integer.parseInt(args[2]) : 1000;
		Path dataDir = Files.createTempDirectory("hacktrail-sheets-bench");
		StoreFileFigures fileFigures = StoreFileFigures.watch(dataDir);
		ConfigurableApplicationContext context = start(backend, dataDir);
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			TestAccounts accounts = new TestAccounts(context.getBean(UserDirectory.class),
					context.getBean(ApiTokenRepository.class));
			TestAccounts.Account organizer = accounts.organizer();
			Client client = new Client("http://localhost:" + port);
			System.out.printf(Locale.ROOT, "Hacktrail score-sheet benchmark: %s backend, %d cores, Java %s%n", backend,
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

			long setUp = System.nanoTime();
			String slug = "sheets-bench-" + System.currentTimeMillis();
			String[] created = hackathon(client, organizer, slug);
			String hackathonId = created[0];
			String roundId = created[1];
			importProposals(client, organizer, slug, proposalCount);
			List<TestAccounts.Account> judges = new ArrayList<>();
			for (int j = 0; j < judgeCount; j++) {
				judges.add(accounts.user("bench-judge-" + slug + "-" + j));
			}
			invite(client, organizer, hackathonId, judges, new String[] { "PUBLIC", "PRIVATE" });
			ObjectNode configure = Http.json();
			ObjectNode input = configure.putObject("i").put("roundId", roundId).put("judgesPerProposal", 3);
			ArrayNode criteria = input.putArray("criteria");
			for (String criterion : CRITERIA) {
				criteria.addObject()
					.put("id", criterion)
					.put("weight", 1.0)
					.put("scaleMin", 1.0)
					.put("scaleMax", 10.0)
					.putObject("name")
					.put("en", criterion);
			}
			client.ok("mutation($i: ConfigureRoundInput!) { configureRound(input: $i) { round { id } } }", configure,
					organizer);
			ObjectNode assign = Http.json();
			assign.putObject("i").put("roundId", roundId).put("seed", "6");
			JsonNode plan = client
				.ok("mutation($i: AssignJudgesInput!) { assignJudges(input: $i) { plan { "
						+ "assignmentCount loadSpread problems { message } } } }", assign, organizer)
				.path("assignJudges")
				.path("plan");
			ObjectNode open = Http.json();
			open.putObject("i").put("roundId", roundId).put("to", "OPEN");
			client.ok("mutation($i: ChangeRoundStatusInput!) { changeRoundStatus(input: $i) { round { status } } }",
					open, organizer);
			System.out.printf(Locale.ROOT,
					"set-up: %d proposals, %d judges, k = 3 → %d assignments (load spread %d, %d problems) in %.1f s%n",
					proposalCount, judgeCount, plan.path("assignmentCount").asInt(), plan.path("loadSpread").asInt(),
					plan.path("problems").size(), (System.nanoTime() - setUp) / 1e9);

			// Warm-up on a few judges' panels (reads only: the measured run starts from
			// untouched sheets).
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < Math.min(20, judges.size()); j++) {
					client.ok(PANEL, Http.json().put("r", roundId), judges.get(j));
				}
			}

			Map<String, List<Long>> latencies = new HashMap<>();
			for (String op : List.of("panel read", "first save", "save (versioned)", "submit")) {
				latencies.put(op, java.util.Collections.synchronizedList(new ArrayList<>()));
			}
			AtomicInteger failures = new AtomicInteger();
			List<String> failureSamples = java.util.Collections.synchronizedList(new ArrayList<>());
			Map<String, double[]> submitted = new java.util.concurrent.ConcurrentHashMap<>();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(judges.size());
			List<Future<?>> workers = new ArrayList<>();
			for (int j = 0; j < judges.size(); j++) {
				int judgeIndex = j;
				TestAccounts.Account judge = judges.get(j);
				workers.add(pool.submit(() -> {
					start.await();
					long t0 = System.nanoTime();
					JsonNode panel = client.call(PANEL, Http.json().put("r", roundId), judge);
					latencies.get("panel read").add(System.nanoTime() - t0);
					if (panel.has("errors")) {
						failures.incrementAndGet();
						return null;
					}
					for (JsonNode assigned : panel.path("data").path("myAssignments").path("proposals")) {
						String proposal = assigned.path("proposalId").asString();
						double[] draft = scores(judgeIndex, proposal, 0);
						double[] again = scores(judgeIndex, proposal, 1);
						double[] last = scores(judgeIndex, proposal, 2);
						if (!step(client, SAVE, sheet(roundId, proposal, draft, null), judge, "first save", latencies,
								failures, failureSamples)
								|| !step(client, SAVE, sheet(roundId, proposal, again, 0), judge, "save (versioned)",
										latencies, failures, failureSamples)
								|| !step(client, SUBMIT, sheet(roundId, proposal, last, 1), judge, "submit", latencies,
										failures, failureSamples)) {
							continue;
						}
						submitted.put(ScoreSheet.idOf(roundId, judge.id(), proposal), last);
					}
					return null;
				}));
			}
			Map<Long, Long> cpuBefore = serverThreadCpu();
			long began = System.nanoTime();
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get();
			}
			double elapsed = (System.nanoTime() - began) / 1e9;
			Map<Long, Long> cpuAfter = serverThreadCpu();
			long serverCpu = 0;
			for (Map.Entry<Long, Long> entry : cpuAfter.entrySet()) {
				serverCpu += entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0L);
			}
			pool.shutdown();
			int writes = latencies.get("first save").size() + latencies.get("save (versioned)").size()
					+ latencies.get("submit").size();
			int requests = writes + latencies.get("panel read").size();
			System.out.printf(Locale.ROOT,
					"%d judges at once: %d requests (%d sheet writes) in %.1f s = %.0f req/s, %.0f sheet writes/s; "
							+ "failures %d%n",
					judges.size(), requests, writes, elapsed, requests / elapsed, writes / elapsed, failures.get());
			for (String op : List.of("panel read", "first save", "save (versioned)", "submit")) {
				long[] sorted = latencies.get(op).stream().mapToLong(Long::longValue).sorted().toArray();
				System.out.printf(Locale.ROOT,
						"  %-17s n=%5d  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", op, sorted.length,
						percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
						(sorted.length > 0) ? sorted[sorted.length - 1] / 1e6 : 0);
			}
			System.out.printf(Locale.ROOT,
					"  server-side CPU (web and store threads, not the simulated judges): %.1f ms per request; on %d "
							+ "idle cores that is at most ~%.0f requests/s%n",
					serverCpu / 1e6 / requests, Runtime.getRuntime().availableProcessors(),
					requests / (serverCpu / 1e9) * Runtime.getRuntime().availableProcessors());
			failureSamples.stream().limit(5).forEach((sample) -> System.out.println("  failure: " + sample));
			verify(context.getBean(MongoTemplate.class), roundId, plan.path("assignmentCount").asInt(), submitted);
			if (backend.equals("h2")) {
				fileFigures.settle(Duration.ofSeconds(120));
			}
		}
		finally {
			context.close();
			if (backend.equals("h2")) {
				System.out.println(fileFigures.measure());
			}
			try (var paths = Files.walk(dataDir)) {
				paths.sorted((a, b) -> b.compareTo(a)).forEach((path) -> path.toFile().delete());
			}
		}
	}

	/** The application on a fresh data folder and a free port, as a benchmark runs it. */
	static ConfigurableApplicationContext start(String backend, Path dataDir) {
		return new SpringApplication(HacktrailApplication.class).run("--server.port=0", "--spring.mongodb.uri=",
				"--hacktrail.store.embedded.backend=" + backend, "--hacktrail.store.embedded.data-dir=" + dataDir,
				"--hacktrail.organizers=" + TestAccounts.ORGANIZER_EMAIL, "--logging.level.root=warn",
				"--spring.main.banner-mode=off");
	}

	/**
	 * Invites the judges to the hackathon (judge j in sector {@code sectors[j %
	 * length]}) and has each accept, eight at a time.
	 */
	static void invite(Client client, TestAccounts.Account organizer, String hackathonId,
			List<TestAccounts.Account> judges, String[] sectors) throws Exception {
		inParallel(8, judges.size(), (j) -> {
			ObjectNode invite = Http.json();
			invite.putObject("i")
				.put("hackathonId", hackathonId)
				.put("email", judges.get(j).user().email())
				.put("sector", sectors[j % sectors.length]);
			String token = client
				.ok("mutation($i: InviteJudgeInput!) { inviteJudge(input: $i) { token } }", invite, organizer)
				.path("inviteJudge")
				.path("token")
				.asString();
			ObjectNode accept = Http.json();
			accept.putObject("i").put("token", token);
			client.ok("mutation($i: AcceptJudgeInvitationInput!) { acceptJudgeInvitation(input: $i) { judge { id } } }",
					accept, judges.get(j));
		});
	}

	/**
	 * CPU time so far of every live thread that is not a simulated judge or its HTTP
	 * client: the web server and the embedded store (they share this JVM), by thread id.
	 * The machine is shared, so wall-clock figures depend on its load; CPU per request
	 * does much less.
	 */
	static Map<Long, Long> serverThreadCpu() {
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		Map<Long, Long> cpu = new HashMap<>();
		for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info == null || info.getThreadName().startsWith("pool-")
					|| info.getThreadName().startsWith("HttpClient")) {
				continue;
			}
			long time = threads.getThreadCpuTime(info.getThreadId());
			if (time > 0) {
				cpu.put(info.getThreadId(), time);
			}
		}
		return cpu;
	}

	/**
	 * Every assignment has exactly one sheet, SUBMITTED at version 2, with the scores its
	 * judge submitted.
	 */
	static void verify(MongoTemplate mongo, String roundId, int assignments, Map<String, double[]> submitted) {
		List<ScoreSheet> sheets = mongo.find(new Query(Criteria.where("roundId").is(roundId)), ScoreSheet.class);
		Set<String> pairs = new HashSet<>();
		int duplicated = 0;
		int wrongState = 0;
		int lostWrites = 0;
		for (ScoreSheet sheet : sheets) {
			if (!pairs.add(sheet.judgeUserId() + "|" + sheet.proposalId())) {
				duplicated++;
			}
			if (sheet.status() != SheetStatus.SUBMITTED || sheet.version() == null || sheet.version() != 2) {
				wrongState++;
			}
			double[] expected = submitted.get(sheet.id());
			if (expected == null) {
				lostWrites++;
				continue;
			}
			for (int c = 0; c < CRITERIA.length; c++) {
				if (!Double.valueOf(expected[c]).equals(sheet.scores().get(CRITERIA[c]))) {
					lostWrites++;
					break;
				}
			}
		}
		int missing = assignments - pairs.size();
		System.out.printf(Locale.ROOT,
				"store check: %d sheets for %d assignments; missing %d, duplicated %d, not SUBMITTED at version 2 %d, "
						+ "scores differing from the last write %d → %s%n",
				sheets.size(), assignments, missing, duplicated, wrongState, lostWrites,
				(missing == 0 && duplicated == 0 && wrongState == 0 && lostWrites == 0 && sheets.size() == assignments)
						? "OK: no sheet lost or duplicated" : "FAILED");
	}

	/**
	 * Distinct, reproducible scores for a judge, a proposal and a step (0: draft, 1:
	 * second save, 2: submitted).
	 */
	static double[] scores(int judge, String proposal, int step) {
		double[] scores = new double[CRITERIA.length];
		int seed = Math.abs((proposal.hashCode() * 31 + judge) * 7 + step);
		for (int c = 0; c < scores.length; c++) {
			scores[c] = 1 + ((seed >> c) + c * step) % 10 * 0.9 + step * 0.05;
			scores[c] = Math.min(10, Math.round(scores[c] * 100) / 100.0);
		}
		return scores;
	}

	static ObjectNode sheet(String roundId, String proposal, double[] scores, Integer expectedVersion) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("i").put("roundId", roundId).put("proposalId", proposal);
		ArrayNode list = input.putArray("scores");
		for (int c = 0; c < CRITERIA.length; c++) {
			list.addObject().put("criterionId", CRITERIA[c]).put("value", scores[c]);
		}
		if (expectedVersion != null) {
			input.put("expectedVersion", expectedVersion);
		}
		return variables;
	}

	static boolean step(Client client, String query, ObjectNode variables, TestAccounts.Account judge, String op,
			Map<String, List<Long>> latencies, AtomicInteger failures, List<String> samples) {
		long t0 = System.nanoTime();
		JsonNode body = client.call(query, variables, judge);
		latencies.get(op).add(System.nanoTime() - t0);
		if (body.has("errors")) {
			failures.incrementAndGet();
			samples.add(op + ": " + body.path("errors").get(0).path("message").asString());
			return false;
		}
		return true;
	}

	static String[] hackathon(Client client, TestAccounts.Account organizer, String slug) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("i");
		input.put("slug", slug).put("kind", "OTHER").put("timeZone", "Asia/Taipei");
		input.put("startsAt", "2026-11-28T09:00:00+08:00").put("endsAt", "2026-11-29T18:00:00+08:00");
		input.putObject("name").put("zhTW", "評分效能測試").put("en", "Score sheet benchmark");
		input.putArray("rounds").addObject().put("kind", "REVIEW").putObject("name").put("en", "Review");
		JsonNode hackathon = client
			.ok("mutation($i: CreateHackathonInput!) { createHackathon(input: $i) { hackathon { "
					+ "id rounds { id } } } }", variables, organizer)
			.path("createHackathon")
			.path("hackathon");
		String id = hackathon.path("id").asString();
		for (String phase : List.of("OPEN_FOR_PROPOSALS", "PITCHING", "HACKING", "JUDGING")) {
			ObjectNode move = Http.json();
			move.putObject("i").put("hackathonId", id).put("to", phase);
			client.ok(
					"mutation($i: ChangeHackathonPhaseInput!) { changeHackathonPhase(input: $i) { hackathon { phase } } }",
					move, organizer);
		}
		return new String[] { id, hackathon.path("rounds").get(0).path("id").asString() };
	}

	static void importProposals(Client client, TestAccounts.Account organizer, String slug, int count)
			throws Exception {
		StringBuilder csv = new StringBuilder("title,proposer\r\n");
		for (int i = 0; i < count; i++) {
			csv.append("提案 ").append(i).append(" Proposal ").append(i).append(",Person ").append(i).append("\r\n");
		}
		HttpResponse<String> response = client.http
			.send(HttpRequest.newBuilder(URI.create(client.base + "/api/hackathons/" + slug + "/proposals/import"))
				.timeout(Duration.ofMinutes(2))
				.header("Content-Type", "text/csv")
				.header("Authorization", "Bearer " + organizer.secret())
				.POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Import failed: " + response.statusCode() + " " + response.body());
		}
	}

	interface Task {

		void run(int index) throws Exception;

	}

	static void inParallel(int threads, int count, Task task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			futures.add(pool.submit(() -> {
				task.run(index);
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
	}

	static double percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	/**
	 * A cookie-less GraphQL client shared by every simulated judge (each sends its own
	 * bearer token).
	 */
	static final class Client {

		final String base;

		final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		Client(String base) {
			this.base = base;
		}

		JsonNode call(String query, ObjectNode variables, TestAccounts.Account as) {
			ObjectNode body = Http.json().put("query", query);
			body.set("variables", variables);
			try {
				HttpResponse<String> response = this.http
					.send(HttpRequest.newBuilder(URI.create(this.base + "/graphql"))
						.timeout(Duration.ofSeconds(120))
						.header("Content-Type", "application/json")
						.header("Authorization", "Bearer " + as.secret())
						.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
						.build(), HttpResponse.BodyHandlers.ofString());
				return Http.parse(response.body());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		JsonNode ok(String query, ObjectNode variables, TestAccounts.Account as) {
			JsonNode body = call(query, variables, as);
			if (body.has("errors")) {
				throw new IllegalStateException(query + " failed: " + body.path("errors"));
			}
			return body.path("data");
		}

	}

}
