package org.hacktrail.followup.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark of issue 8 (not a test). Starts the embedded store (memory backend) in a process of its own, then two
 * application processes pointed at it with {@code MONGODB_URI}, and prints what they measure:
 * <ol>
 * <li>statistics: 50,000 proposals and 200,000 milestones, the {@code statisticsRollup} job, then the public
 * statistics query over HTTP (target: under 300 ms);</li>
 * <li>import, in a JVM limited to {@code -Xmx256m}: the store's own bulk-upsert rate for the same rows against
 * {@code outcomeImport}'s rate (target: at least 0.7×), then a 1,000,000-row file imported with the heap
 * sampled.</li>
 * </ol>
 * Run by {@code scripts/bench outcomes}, or: {@code java -cp <test classpath>
 * org.hacktrail.followup.bench.OutcomeImportBenchmark [heapRows] [rows] [projects] [proposals] [milestones]
 * [all|import|statistics]}.
 * Only loopback traffic; every loop is bounded.
 */
public final class OutcomeImportBenchmark {

	private OutcomeImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int heapRows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int rows = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
		int projects = (args.length > 2) ? Integer.parseInt(args[2]) : 5_000;
		int proposals = (args.length > 3) ? Integer.parseInt(args[3]) : 50_000;
		int milestones = (args.length > 4) ? Integer.parseInt(args[4]) : 200_000;
		String parts = (args.length > 5) ? args[5] : "all";
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("java.class.path");
		Path dataDir = Files.createTempDirectory("outcome-bench-store");

		System.out.printf("outcomes benchmark: %d processors, Java %s; store: embedded, memory backend, own process%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		Process store = new ProcessBuilder(java, "-Xmx10g", "-XX:+UseParallelGC", "-cp", classpath,
				EmbeddedStoreMain.class.getName(), "memory", dataDir.toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try {
			BufferedReader storeOut = new BufferedReader(
					new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
			String line = storeOut.readLine();
			while (line != null && !line.startsWith("URI ")) {
				line = storeOut.readLine();
			}
			if (line == null) {
				throw new IllegalStateException("The store did not start");
			}
			// Keep reading the store's log, so that a full pipe never blocks it.
			Thread drain = new Thread(() -> {
				try {
					while (storeOut.readLine() != null) {
						// discarded
					}
				}
				catch (IOException ex) {
					// The store ended.
				}
			});
			drain.setDaemon(true);
			drain.start();
			String uri = line.substring(4).replaceFirst("/hacktrail$", "/");
			if (!parts.equals("import")) {
				run(java, classpath, "-Xmx1g", "statistics", uri, "bench_stats", Integer.toString(proposals),
						Integer.toString(milestones));
			}
			if (!parts.equals("statistics")) {
				run(java, classpath, "-Xmx256m", "import", uri, "bench_import", Integer.toString(rows),
						Integer.toString(heapRows), Integer.toString(projects));
			}
		}
		finally {
			store.getOutputStream().close();
			if (!store.waitFor(30, TimeUnit.SECONDS)) {
				store.destroyForcibly();
			}
		}
	}

	private static void run(String java, String classpath, String heap, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(java, heap, "-cp", classpath,
				"org.hacktrail.followup.OutcomeBenchmarkWorker"));
		command.addAll(List.of(args));
		System.out.printf("-- %s (application JVM %s)%n", args[0], heap);
		Process worker = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> log = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith("RESULT ")) {
					System.out.println(line.substring(7));
				}
				else {
					log.add(line);
				}
			}
		}
		int exit = worker.waitFor();
		if (exit != 0) {
			System.out.println("worker failed with exit code " + exit + "; last lines:");
			log.subList(Math.max(0, log.size() - 30), log.size()).forEach(System.out::println);
		}
	}

}
