package org.hacktrail.judging.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.SplitMix64;
import org.hacktrail.judging.pairwise.ExpoSimulationCurve;
import org.hacktrail.platform.bench.StoreFileFigures;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test): expo (PAIRWISE) judging at scale, and a simulated expo.
 *
 * <p>
 * <b>walk</b> — over GraphQL on the embedded store (H2 file by default): a round of 500
 * candidates at tables on a 25 × 20 grid, 100 judges of four sectors, all walking at once
 * ({@code nextExpoVisit}, then {@code recordExpoComparison} with the answer a judge of
 * known reliability gives: nine in ten judges by the Bradley–Terry model of hidden
 * qualities, one in ten at random) until 10,000 comparisons are stored. Reported: the
 * latency of choosing the next table and of answering, by how many comparisons the round
 * held when the request was sent; then, with every judge waiting, 200 choices one after
 * another at the full history (the figure for the goal "p99 &lt; 50 ms"), with the
 * server's CPU time per choice (web and store threads: steadier than wall time on a busy
 * machine); the organizers' ranking with its bootstrap ({@code expoRanking}, the goal
 * "&lt; 2 s"); a check that the store holds exactly the answers given; file size.
 *
 * <p>
 * <b>simulation</b> — no store: {@link ExpoSimulationCurve}, the ranking's Spearman
 * correlation with the true order as comparisons grow, for Hacktrail's choice of the next
 * table, Gavel's rule and random pairs.
 *
 * <p>
 * Run: {@code scripts/bench expo}, or {@code BENCH_ARGS="--parts=walk --projects=100
 * --judges=20 --comparisons=1000" scripts/bench expo} for a short run. Only loopback
 * traffic; every loop is bounded.
 */
public final class ExpoBenchmark {

	static final String NEXT = "mutation($r: ID!) { nextExpoVisit(roundId: $r) { done "
			+ "visit { proposalId status } previous { proposalId } } }";

	static final String ANSWER = "mutation($i: RecordExpoComparisonInput!) { recordExpoComparison(input: $i) "
			+ "{ visit { status } } }";

	static final String RANKING = "query($r: ID!) { expoRanking(roundId: $r) { comparisonsCounted "
			+ "bootstrapReplicates lines { proposalId rank rankLow rankHigh probabilityTopN } } }";

	static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

	static final String[] SECTORS = { "PUBLIC", "PRIVATE", "CIVIL_SOCIETY", "ACADEMIC" };

	/** Latency buckets: by comparisons stored when the request was sent, in quarters. */
	static final int BUCKETS = 4;

	private ExpoBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> flags = new LinkedHashMap<>(Map.of("parts", "walk,simulation", "backend", "h2", "projects",
				"500", "judges", "100", "comparisons", "10000"));
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Arguments are --name=value, got " + arg);
			}
			flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		System.out.printf(Locale.ROOT, "expo benchmark: %d processors, Java %s; %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), flags);
		List<String> parts = List.of(flags.get("parts").split(","));
		if (parts.contains("walk")) {
			walk(flags.get("backend"), Integer.parseInt(flags.get("projects")), Integer.parseInt(flags.get("judges")),
					Integer.parseInt(flags.get("comparisons")));
		}
		if (parts.contains("simulation")) {
			System.out.println();
			ExpoSimulationCurve.print(System.out);
		}
	}

	static void walk(String backend, int projectCount, int judgeCount, int comparisonGoal) throws Exception {
		Path dataDir = Files.createTempDirectory("hacktrail-expo-bench");
		StoreFileFigures fileFigures = StoreFileFigures.watch(dataDir);
		ConfigurableApplicationContext context = ScoreSheetBenchmark.start(backend, dataDir);
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			TestAccounts accounts = new TestAccounts(context.getBean(UserDirectory.class),
					context.getBean(ApiTokenRepository.class));
			TestAccounts.Account organizer = accounts.organizer();
			ScoreSheetBenchmark.Client client = new ScoreSheetBenchmark.Client("http://localhost:" + port);
			System.out.printf(Locale.ROOT, "-- walk (%s backend)%n", backend);

			long setUp = System.nanoTime();
			String slug = "expo-bench-" + System.currentTimeMillis();
			String[] created = ScoreSheetBenchmark.hackathon(client, organizer, slug);
			String hackathonId = created[0];
			String roundId = created[1];
			ScoreSheetBenchmark.importProposals(client, organizer, slug, projectCount);
			List<TestAccounts.Account> judges = new ArrayList<>();
			for (int j = 0; j < judgeCount; j++) {
				judges.add(accounts.user("expo-judge-" + slug + "-" + j));
			}
			ScoreSheetBenchmark.invite(client, organizer, hackathonId, judges, SECTORS);
			ObjectNode configure = Http.json();
			configure.putObject("i")
				.put("roundId", roundId)
				.put("method", "PAIRWISE")
				.put("cutSize", 10)
				.put("bootstrapReplicates", 1000)
				.put("seed", "2026");
			client.ok("mutation($i: ConfigureRoundInput!) { configureRound(input: $i) { round { id } } }", configure,
					organizer);
			List<String> candidates = new ArrayList<>();
			for (JsonNode proposal : client
				.ok("query($r: ID!) { judgingRound(roundId: $r) { expoCandidates { id } } }",
						Http.json().put("r", roundId), organizer)
				.path("judgingRound")
				.path("expoCandidates")) {
				candidates.add(proposal.path("id").asString());
			}
			Collections.sort(candidates);
			ObjectNode tables = Http.json();
			ArrayNode rows = tables.putObject("i").put("roundId", roundId).putArray("tables");
			int columns = 25;
			for (int i = 0; i < candidates.size(); i++) {
				rows.addObject()
					.put("proposalId", candidates.get(i))
					.put("label", "Table " + (i + 1))
					.put("tableNumber", i + 1)
					.put("x", (i % columns) * 3.0)
					.put("y", (i / columns) * 4.0);
			}
			client.ok("mutation($i: ConfigureExpoTablesInput!) { configureExpoTables(input: $i) { round { id } } }",
					tables, organizer);
			ObjectNode open = Http.json();
			open.putObject("i").put("roundId", roundId).put("to", "OPEN");
			client.ok("mutation($i: ChangeRoundStatusInput!) { changeRoundStatus(input: $i) { round { status } } }",
					open, organizer);
			System.out.printf(Locale.ROOT,
					"set-up: %d candidates at tables on a %d-column grid, %d judges of %d sectors in %.1f s%n",
					candidates.size(), columns, judgeCount, SECTORS.length, (System.nanoTime() - setUp) / 1e9);

			// Hidden qualities (standard normal, seeded) and the judges' kinds: every
			// tenth
			// answers at random.
			SplitMix64 random = new SplitMix64(2026);
			Map<String, Double> quality = new HashMap<>();
			for (String candidate : candidates) {
				quality.put(candidate, ExpoSimulationCurve.normal(random));
			}
			List<List<Long>> nextLatency = new ArrayList<>();
			List<List<Long>> answerLatency = new ArrayList<>();
			for (int b = 0; b < BUCKETS; b++) {
				nextLatency.add(Collections.synchronizedList(new ArrayList<>()));
				answerLatency.add(Collections.synchronizedList(new ArrayList<>()));
			}
			AtomicInteger compared = new AtomicInteger();
			AtomicInteger failures = new AtomicInteger();
			List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());
			Map<String, List<String>> sentTo = new java.util.concurrent.ConcurrentHashMap<>();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(judges.size());
			List<Future<?>> workers = new ArrayList<>();
			for (int j = 0; j < judges.size(); j++) {
				TestAccounts.Account judge = judges.get(j);
				boolean erratic = j % 10 == 9;
				SplitMix64 answers = new SplitMix64(7919L * (j + 1));
				List<String> visited = Collections.synchronizedList(new ArrayList<>());
				sentTo.put(judge.id(), visited);
				workers.add(pool.submit(() -> {
					start.await();
					String previous = null;
					for (int step = 0; step < candidates.size() + 1 && compared.get() < comparisonGoal; step++) {
						int bucket = Math.min(BUCKETS - 1, compared.get() * BUCKETS / comparisonGoal);
						long t0 = System.nanoTime();
						JsonNode next = client.call(NEXT, Http.json().put("r", roundId), judge);
						nextLatency.get(bucket).add(System.nanoTime() - t0);
						if (next.has("errors")) {
							failures.incrementAndGet();
							failureSamples.add("next: " + next.path("errors").get(0).path("message").asString());
							continue;
						}
						JsonNode visit = next.path("data").path("nextExpoVisit").path("visit");
						if (visit.isNull() || visit.isMissingNode()) {
							break;
						}
						String current = visit.path("proposalId").asString();
						visited.add(current);
						ObjectNode input = answer(roundId, current, previous, quality, erratic, answers);
						t0 = System.nanoTime();
						JsonNode answered = client.call(ANSWER, input, judge);
						answerLatency.get(bucket).add(System.nanoTime() - t0);
						if (answered.has("errors")) {
							failures.incrementAndGet();
							failureSamples.add("answer: " + answered.path("errors").get(0).path("message").asString());
							continue;
						}
						if (previous != null) {
							compared.incrementAndGet();
						}
						previous = current;
					}
					return previous;
				}));
			}
			long began = System.nanoTime();
			start.countDown();
			List<String> lastTables = new ArrayList<>();
			for (Future<?> worker : workers) {
				lastTables.add((String) worker.get());
			}
			double elapsed = (System.nanoTime() - began) / 1e9;
			pool.shutdown();
			System.out.printf(Locale.ROOT,
					"%d judges at once: %d comparisons stored in %.1f s (%.0f comparisons/s), failures %d%n",
					judges.size(), compared.get(), elapsed, compared.get() / elapsed, failures.get());
			for (int b = 0; b < BUCKETS; b++) {
				String range = String.format(Locale.ROOT, "%,d–%,d stored", b * comparisonGoal / BUCKETS,
						(b + 1) * comparisonGoal / BUCKETS);
				print("  next table, " + range, nextLatency.get(b));
				print("  answer,     " + range, answerLatency.get(b));
			}
			failureSamples.stream().limit(5).forEach((sample) -> System.out.println("  failure: " + sample));

			// Full history, nobody else asking: one judge at a time asks for a table and
			// answers it.
			List<Long> quietNext = new ArrayList<>();
			List<Long> quietAnswer = new ArrayList<>();
			List<Long> nextCpu = new ArrayList<>();
			int quietCalls = Math.min(200, judges.size() * 2);
			for (int i = 0; i < quietCalls; i++) {
				int j = i % judges.size();
				TestAccounts.Account judge = judges.get(j);
				Map<Long, Long> cpuBefore = ScoreSheetBenchmark.serverThreadCpu();
				long mainBefore = THREADS.getCurrentThreadCpuTime();
				long t0 = System.nanoTime();
				JsonNode next = client.ok(NEXT, Http.json().put("r", roundId), judge).path("nextExpoVisit");
				quietNext.add(System.nanoTime() - t0);
				long mainCpu = THREADS.getCurrentThreadCpuTime() - mainBefore;
				Map<Long, Long> cpuAfter = ScoreSheetBenchmark.serverThreadCpu();
				long cpu = -mainCpu;
				for (Map.Entry<Long, Long> entry : cpuAfter.entrySet()) {
					cpu += entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0L);
				}
				nextCpu.add(Math.max(0, cpu));
				JsonNode visit = next.path("visit");
				if (visit.isNull() || visit.isMissingNode()) {
					continue;
				}
				String current = visit.path("proposalId").asString();
				sentTo.get(judge.id()).add(current);
				String previous = next.path("previous").isNull() ? null
						: next.path("previous").path("proposalId").asString();
				t0 = System.nanoTime();
				client.ok(ANSWER, answer(roundId, current, previous, quality, j % 10 == 9, new SplitMix64(i)), judge);
				quietAnswer.add(System.nanoTime() - t0);
				if (previous != null) {
					compared.incrementAndGet();
				}
			}
			System.out.printf(Locale.ROOT, "one request at a time at %,d comparisons:%n", compared.get());
			print("  next table", quietNext);
			print("  next table, server CPU", nextCpu);
			print("  answer    ", quietAnswer);

			ObjectNode close = Http.json();
			close.putObject("i").put("roundId", roundId).put("to", "CLOSED");
			client.ok("mutation($i: ChangeRoundStatusInput!) { changeRoundStatus(input: $i) { round { status } } }",
					close, organizer);
			List<Long> ranking = new ArrayList<>();
			JsonNode result = null;
			for (int i = 0; i < 5; i++) {
				long t0 = System.nanoTime();
				result = client.ok(RANKING, Http.json().put("r", roundId), organizer).path("expoRanking");
				ranking.add(System.nanoTime() - t0);
			}
			System.out.printf(Locale.ROOT,
					"ranking with uncertainty (expoRanking, %d candidates, %,d comparisons, B = %d): %s ms%n",
					result.path("lines").size(), result.path("comparisonsCounted").asInt(),
					result.path("bootstrapReplicates").asInt(),
					ranking.stream().map((n) -> String.format(Locale.ROOT, "%.0f", n / 1e6)).toList());
			verify(client, organizer, roundId, compared.get(), sentTo);
			heap();
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

	/**
	 * The answer a judge gives at {@code current} after {@code previous}: a reliable
	 * judge by the Bradley–Terry model of the hidden qualities, an erratic one at random.
	 */
	static ObjectNode answer(String roundId, String current, String previous, Map<String, Double> quality,
			boolean erratic, SplitMix64 random) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("i")
			.put("roundId", roundId)
			.put("clientId", UUID.randomUUID().toString())
			.put("currentProposalId", current);
		if (previous != null) {
			double u = (random.nextLong() >>> 11) * 0x1.0p-53;
			double p = erratic ? 0.5 : 1 / (1 + Math.exp(quality.get(previous) - quality.get(current)));
			input.put("previousProposalId", previous).put("winner", (u < p) ? "CURRENT" : "PREVIOUS");
		}
		return variables;
	}

	/**
	 * The store holds exactly what the judges answered: as many comparisons, no judge
	 * sent to one table twice.
	 */
	static void verify(ScoreSheetBenchmark.Client client, TestAccounts.Account organizer, String roundId,
			int comparisons, Map<String, List<String>> sentTo) {
		JsonNode ranking = client.ok(RANKING, Http.json().put("r", roundId), organizer).path("expoRanking");
		int stored = ranking.path("comparisonsCounted").asInt();
		int visits = sentTo.values().stream().mapToInt(List::size).sum();
		int twice = sentTo.values().stream().mapToInt((tables) -> tables.size() - new HashSet<>(tables).size()).sum();
		System.out.printf(Locale.ROOT,
				"store check: %,d comparisons stored for %,d answered; %,d visits, %d to a table the judge had seen → %s%n",
				stored, comparisons, visits, twice,
				(stored == comparisons && twice == 0) ? "OK: none lost, none counted twice, no table twice" : "FAILED");
	}

	/**
	 * This JVM's heap (the service and the simulated judges share it): the peak of the
	 * heap pools during the run, and what is live after a full collection at the end.
	 */
	static void heap() {
		long peak = 0;
		for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory
			.getMemoryPoolMXBeans()) {
			if (pool.getType() == java.lang.management.MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.gc();
		long live = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		System.out.printf(Locale.ROOT,
				"heap (service and simulated judges in one JVM, -Xmx %d MB): peak of the heap pools %.0f MB, live after a "
						+ "full collection %.0f MB%n",
				Runtime.getRuntime().maxMemory() >> 20, peak / 1048576.0, live / 1048576.0);
	}

	static void print(String label, List<Long> nanos) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf(Locale.ROOT, "%-40s n=%6d  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", label,
				sorted.length, ScoreSheetBenchmark.percentile(sorted, 50), ScoreSheetBenchmark.percentile(sorted, 90),
				ScoreSheetBenchmark.percentile(sorted, 99), (sorted.length > 0) ? sorted[sorted.length - 1] / 1e6 : 0);
	}

}
