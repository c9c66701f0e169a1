package org.hacktrail.followup.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hacktrail.platform.bench.StoreFileFigures;

/**
 * Benchmark of issues 8 and 16 (not a test). Prints what application JVMs measure, each
 * started for its part:
 * <ol>
 * <li>heap: an import of {@code --heap-rows} rows (200,000 by default) in a JVM limited
 * to {@code --heap} (256m), on the default store users get: the embedded store in that
 * JVM, on its H2 file. Reports both steps' speed, the peak heap (sampled and after
 * collections), the peak resident memory and the H2 file's size.
 * {@code --heap-backend=memory} (or {@code h2,memory}): against a memory-backend store in
 * another process (the application's own memory only; a reference line).</li>
 * <li>import (reference, memory backend in another process): the store's own bulk-upsert
 * rate for {@code --rows} rows against {@code outcomeImport}'s rate for the same rows
 * (target: at least 0.7×).</li>
 * <li>statistics (reference, memory backend in another process): {@code --proposals}
 * proposals and {@code --milestones} milestones, the {@code statisticsRollup} job, then
 * the public statistics query over HTTP (target: under 300 ms).</li>
 * </ol>
 * Run by {@code scripts/bench outcomes} (flags in {@code BENCH_ARGS}), or:
 * {@code java -cp <test classpath>
 * org.hacktrail.followup.bench.OutcomeImportBenchmark [--parts=heap,import,statistics] [--heap-rows=200000]
 * [--heap=256m] [--heap-backend=h2|memory|h2,memory] [--rows=100000] [--projects=5000] [--proposals=50000]
 * [--milestones=200000]}. The full issue-16 run is
 * {@code --parts=heap --heap-rows=1000000}: more than 20 minutes on H2, and a store file
 * of several GB until the store compacts it (check the disk first). Only loopback
 * traffic; every loop is bounded.
 */
public final class OutcomeImportBenchmark {

	private OutcomeImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> flags = new LinkedHashMap<>(
				Map.of("parts", "heap,import,statistics", "heap-rows", "200000", "heap", "256m", "heap-backend", "h2",
						"rows", "100000", "projects", "5000", "proposals", "50000", "milestones", "200000"));
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			if (pair.length != 2 || !flags.containsKey(pair[0])) {
				throw new IllegalArgumentException("Unknown argument " + arg + "; the flags are " + flags.keySet());
			}
			flags.put(pair[0], pair[1]);
		}
		List<String> parts = List.of(flags.get("parts").split(","));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("java.class.path");
		System.out.printf("outcomes benchmark: %d processors, Java %s; %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), flags);

		List<String> heapBackends = List.of(flags.get("heap-backend").split(","));
		if (parts.contains("heap") && heapBackends.contains("h2")) {
			Path dataDir = Files.createTempDirectory("outcome-bench-h2");
			try (StoreFileFigures fileFigures = StoreFileFigures.watch(dataDir)) {
				run(java, classpath, "-Xmx" + flags.get("heap"), "heap", "h2:" + dataDir, "hacktrail",
						flags.get("heap-rows"), flags.get("projects"));
				System.out.println("heap test " + fileFigures.measure());
			}
			finally {
				delete(dataDir);
			}
		}
		boolean heapOnMemory = parts.contains("heap") && heapBackends.contains("memory");
		if (!heapOnMemory && !parts.contains("import") && !parts.contains("statistics")) {
			return;
		}
		Path dataDir = Files.createTempDirectory("outcome-bench-store");
		System.out.println("reference: store embedded, memory backend, in its own process");
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
			if (parts.contains("statistics")) {
				run(java, classpath, "-Xmx1g", "statistics", uri, "bench_stats", flags.get("proposals"),
						flags.get("milestones"));
			}
			if (parts.contains("import")) {
				run(java, classpath, "-Xmx256m", "import", uri, "bench_import", flags.get("rows"),
						flags.get("projects"));
			}
			if (heapOnMemory) {
				run(java, classpath, "-Xmx" + flags.get("heap"), "heap", uri, "bench_heap", flags.get("heap-rows"),
						flags.get("projects"));
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
		List<String> command = new ArrayList<>(
				List.of(java, heap, "-cp", classpath, "org.hacktrail.followup.OutcomeBenchmarkWorker"));
		command.addAll(List.of(args));
		System.out.printf("-- %s (application JVM %s)%n", args[0], heap);
		Process worker = new ProcessBuilder(command).redirectErrorStream(true).start();
		// The last lines, for a failure; warnings and errors are shown as they come, so
		// that
		// a store failing closed in a long run is seen when it happens, not only at the
		// end.
		java.util.ArrayDeque<String> log = new java.util.ArrayDeque<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith("RESULT ")) {
					System.out.println(line.substring(7));
				}
				else {
					if (line.contains(" WARN ") || line.contains(" ERROR ")) {
						System.out.println("worker: " + line);
					}
					log.addLast(line);
					if (log.size() > 200) {
						log.removeFirst();
					}
				}
			}
		}
		int exit = worker.waitFor();
		if (exit != 0) {
			System.out.println("worker failed with exit code " + exit + "; last lines:");
			List<String> last = new ArrayList<>(log);
			last.subList(Math.max(0, last.size() - 30), last.size()).forEach(System.out::println);
		}
	}

	private static void delete(Path dir) throws IOException {
		try (var files = Files.walk(dir)) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
