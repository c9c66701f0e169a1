package org.hacktrail.webpanel.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.hacktrail.HacktrailApplication;
import org.hacktrail.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Budgets of the panel (a benchmark, not a timed test):
 * <ol>
 * <li>the gzipped size of the JavaScript a judge's first screen loads: the entry chunk of
 * the Vite manifest and the judge route's chunk, with everything they import statically
 * (budget 150 kB);</li>
 * <li>the time until the judge's list is interactive in headless Chromium on this
 * machine: the {@code judge-list-ready} performance mark the panel sets once the list is
 * on screen, measured from the start of navigation (budget 2 s). Each load is cold
 * (browser cache cleared) at phone width, after signing in as the demo public-sector
 * judge against the application started here on the in-memory store;</li>
 * <li>the bytes those loads transfer (Resource Timing {@code transferSize}), with the
 * panel's files compressed as the server sends them to Chromium (Brotli), cold and then
 * from the cache (hashed files kept a year are not asked for again).</li>
 * </ol>
 * Reads the panel from {@code web/target/classes/static} (run {@code npm run build} in
 * web/ first; scripts/bench builds it). Run: {@code scripts/bench panel}, or from
 * backend/ {@code mvn -o -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.hacktrail.webpanel.bench.PanelBenchmark [-Dexec.args="9"]}
 * (argument: measured loads, default 9). Only loopback traffic.
 */
public final class PanelBenchmark {

	static final String JUDGE_ROUTE = "src/screens/judge/JudgeHome.tsx";

	static final long BUDGET_BYTES = 150 * 1024;

	static final double BUDGET_MS = 2000;

	private PanelBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int loads = (args.length > 0) ? Integer.parseInt(args[0]) : 9;
		Path statics = staticDir();
		System.out.printf(Locale.ROOT, "Hacktrail web panel benchmark: %d cores, Java %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		bundle(statics);
		interactive(statics, loads);
	}

	static Path staticDir() {
		for (String candidate : List.of("web/target/classes/static", "../web/target/classes/static")) {
			Path path = Path.of(candidate);
			if (Files.isRegularFile(path.resolve(".vite/manifest.json"))) {
				return path.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException(
				"No web/target/classes/static/.vite/manifest.json: build the panel first (cd web && npm run build).");
	}

	/**
	 * The files a manifest entry loads before it runs: its own and those of its static
	 * imports, transitively.
	 */
	static Set<String> staticClosure(JsonNode manifest, String key) {
		Set<String> files = new LinkedHashSet<>();
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> queue = new ArrayDeque<>(List.of(key));
		while (!queue.isEmpty()) {
			String next = queue.removeFirst();
			if (!seen.add(next)) {
				continue;
			}
			JsonNode chunk = manifest.get(next);
			if (chunk == null) {
				throw new IllegalStateException("The Vite manifest has no entry " + next);
			}
			files.add(chunk.get("file").asString());
			JsonNode imports = chunk.get("imports");
			if (imports != null) {
				imports.forEach((name) -> queue.addLast(name.asString()));
			}
		}
		return files;
	}

	static long gzipSize(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
			{
				this.def.setLevel(9);
			}
		}) {
			gzip.write(bytes);
		}
		return out.size();
	}

	static void bundle(Path statics) throws IOException {
		JsonNode manifest = JsonMapper.builder().build().readTree(statics.resolve(".vite/manifest.json").toFile());
		Set<String> judge = new LinkedHashSet<>(staticClosure(manifest, "index.html"));
		judge.addAll(staticClosure(manifest, JUDGE_ROUTE));
		long raw = 0;
		long gzipped = 0;
		long brotli = 0;
		System.out.printf(Locale.ROOT,
				"%nJavaScript a judge's first screen loads (entry + judge route; gzip -9, and Brotli as the build "
						+ "writes it and the server sends it):%n");
		for (String file : judge) {
			byte[] bytes = Files.readAllBytes(statics.resolve(file));
			long size = gzipSize(bytes);
			Path br = statics.resolve(file + ".br");
			long brSize = Files.isRegularFile(br) ? Files.size(br) : bytes.length;
			raw += bytes.length;
			gzipped += size;
			brotli += brSize;
			System.out.printf(Locale.ROOT, "  %-44s %8.1f kB raw %7.1f kB gzipped %7.1f kB br%n", file,
					bytes.length / 1024.0, size / 1024.0, brSize / 1024.0);
		}
		System.out.printf(Locale.ROOT,
				"  %-44s %8.1f kB raw %7.1f kB gzipped %7.1f kB br  (budget %d kB gzipped: %s)%n", "total",
				raw / 1024.0, gzipped / 1024.0, brotli / 1024.0, BUDGET_BYTES / 1024,
				(gzipped <= BUDGET_BYTES) ? "within" : "OVER");
		long allRaw = 0;
		long allGzipped = 0;
		int count = 0;
		for (Map.Entry<String, JsonNode> entry : manifest.properties()) {
			String file = entry.getValue().get("file").asString();
			if (file.endsWith(".js")) {
				byte[] bytes = Files.readAllBytes(statics.resolve(file));
				allRaw += bytes.length;
				allGzipped += gzipSize(bytes);
				count++;
			}
		}
		System.out.printf(Locale.ROOT, "Whole panel, all %d JavaScript chunks: %.1f kB raw, %.1f kB gzipped%n", count,
				allRaw / 1024.0, allGzipped / 1024.0);
	}

	static void interactive(Path statics, int loads) throws Exception {
		Path dataDir = Files.createTempDirectory("hacktrail-panel-bench");
		ConfigurableApplicationContext context = new SpringApplication(HacktrailApplication.class).run(
				"--server.port=0", "--spring.profiles.active=demo", "--spring.mongodb.uri=",
				"--hacktrail.store.embedded.backend=memory", "--hacktrail.store.embedded.data-dir=" + dataDir,
				"--spring.web.resources.static-locations=file:" + statics + "/,classpath:/static/",
				"--logging.level.root=error", "--spring.main.banner-mode=off");
		try (Browser browser = new Browser(
				"http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort(),
				"panel-benchmark")) {
			ChromeDriver driver = (ChromeDriver) browser.driver();
			driver.manage().window().setSize(new Dimension(390, 844));
			browser.open("/sign-in?next=/judge");
			browser.button("Sign in as Demo Judge (Public Sector) 公部門評審").click();
			browser.heading("Judging");
			List<Load> cold = new ArrayList<>();
			List<Load> warm = new ArrayList<>();
			// One unmeasured load first: the server's own first requests (class loading,
			// JIT) are not the panel's.
			measure(browser, driver, true);
			for (int i = 0; i < loads; i++) {
				cold.add(measure(browser, driver, true));
				warm.add(measure(browser, driver, false));
			}
			browser.screenshot("judge-list");
			System.out.printf(Locale.ROOT,
					"%nJudge's list interactive (performance mark 'judge-list-ready' from navigation start), "
							+ "headless Chromium, 390x844, %d loads each:%n",
					loads);
			report("cold cache", cold.stream().map(Load::ms).toList());
			report("warm cache", warm.stream().map(Load::ms).toList());
			System.out.printf(Locale.ROOT,
					"%nBytes over the wire for the judge's first screen (Resource Timing transferSize: headers and "
							+ "bodies as sent to Chromium, which accepts Brotli; 0 for a file taken from the cache), "
							+ "median:%n");
			transfer("cold cache", cold);
			transfer("warm cache", warm);
		}
		finally {
			context.close();
		}
	}

	/**
	 * One load of the judge's list: time to interactive; bytes transferred in all (the
	 * page, the panel's files, the API answers) and for the panel's files (everything
	 * under /assets/), with their decoded size and how many came from the cache.
	 */
	record Load(double ms, long transferred, long assetsTransferred, long assetsDecoded, int assetsFromCache,
			int assets) {
	}

	static final String TRANSFER_SCRIPT = """
			const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
			const assets = all.filter((e) => new URL(e.name).pathname.startsWith('/assets/'));
			const sum = (list, key) => list.reduce((total, e) => total + (e[key] || 0), 0);
			return { transferred: sum(all, 'transferSize'), assetsTransferred: sum(assets, 'transferSize'),
			  assetsDecoded: sum(assets, 'decodedBodySize'),
			  assetsFromCache: assets.filter((e) => e.transferSize === 0).length, assets: assets.length };
			""";

	static Load measure(Browser browser, ChromeDriver driver, boolean clearCache) {
		if (clearCache) {
			driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
		}
		browser.open("/judge");
		Object value = new WebDriverWait(driver, Duration.ofSeconds(30)).until((d) -> ((JavascriptExecutor) d)
			.executeScript("const m = performance.getEntriesByName('judge-list-ready'); "
					+ "return m.length ? m[0].startTime : null;"));
		driver.findElement(By.cssSelector("[data-testid=judge-list]"));
		@SuppressWarnings("unchecked")
		Map<String, Object> bytes = (Map<String, Object>) driver.executeScript(TRANSFER_SCRIPT);
		return new Load(((Number) value).doubleValue(), number(bytes, "transferred"),
				number(bytes, "assetsTransferred"), number(bytes, "assetsDecoded"),
				(int) number(bytes, "assetsFromCache"), (int) number(bytes, "assets"));
	}

	private static long number(Map<String, Object> values, String key) {
		return ((Number) values.get(key)).longValue();
	}

	static void transfer(String label, List<Load> loads) {
		System.out.printf(Locale.ROOT,
				"  %-11s %7.1f kB in all; the panel's files %7.1f kB (%7.1f kB decoded), %d of %d from the cache%n",
				label, median(loads, Load::transferred) / 1024.0, median(loads, Load::assetsTransferred) / 1024.0,
				median(loads, Load::assetsDecoded) / 1024.0, Math.round(median(loads, Load::assetsFromCache)),
				Math.round(median(loads, Load::assets)));
	}

	private static double median(List<Load> loads, java.util.function.ToDoubleFunction<Load> value) {
		double[] sorted = loads.stream().mapToDouble(value).sorted().toArray();
		return sorted[sorted.length / 2];
	}

	static void report(String label, List<Double> samples) {
		List<Double> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		double median = sorted.get(sorted.size() / 2);
		System.out.printf(Locale.ROOT, "  %-11s median %6.0f ms, min %6.0f ms, max %6.0f ms  (budget %.0f ms: %s)%n",
				label, median, sorted.get(0), sorted.get(sorted.size() - 1), BUDGET_MS,
				(median < BUDGET_MS) ? "within" : "OVER");
	}

}
