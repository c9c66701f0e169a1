package org.hacktrail.proposal.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.hacktrail.HacktrailApplication;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalService;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringApplication;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test): starts the application on the embedded store, then measures
 * <ol>
 * <li>importing a 1,500-row CSV file (create), re-importing it (all unchanged) and
 * importing it with 10 % of the rows changed (target: under 5 s);</li>
 * <li>the page-of-100 proposals query (with project, tags, link count and team size) by
 * 16 concurrent clients: throughput and latency percentiles.</li>
 * </ol>
 * Run: {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.hacktrail.proposal.bench.ProposalBenchmark [-Dexec.args="h2 16 4000"]}
 * from backend/. Arguments: store backend ({@code h2} or {@code memory}, default h2),
 * clients (16), measured requests (4,000). Only loopback traffic; every loop is bounded.
 */
public final class ProposalBenchmark {

	static final int ROWS = 1500;

	static final String PAGE = """
			query($slug: String!, $after: String) {
			  proposals(hackathonSlug: $slug, first: 100, after: $after, orderBy: TITLE) {
			    edges { node { id title { zhTW en } proposerName status linkCount teamSize needs
			      tags { id zhTW en } project { id name { zhTW en } } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	private ProposalBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String backend = (args.length > 0) ? args[0] : "h2";
		int clients = (args.length > 1) ? Integer.parseInt(args[1]) : 16;
		int requests = (args.length > 2) ? Integer.parseInt(args[2]) : 4000;
		Path dataDir = Files.createTempDirectory("hacktrail-bench");
		ConfigurableApplicationContext context = new SpringApplication(HacktrailApplication.class).run(
				"--server.port=0", "--spring.mongodb.uri=", "--hacktrail.store.embedded.backend=" + backend,
				"--hacktrail.store.embedded.data-dir=" + dataDir,
				"--hacktrail.organizers=" + TestAccounts.ORGANIZER_EMAIL, "--logging.level.root=warn",
				"--spring.main.banner-mode=off");
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			TestAccounts.Account organizer = new TestAccounts(context.getBean(UserDirectory.class),
					context.getBean(ApiTokenRepository.class))
				.organizer();
			Http http = Http.localhost(port);
			System.out.printf(Locale.ROOT, "Hacktrail proposals benchmark: %s backend, %d cores, Java %s%n", backend,
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
			byte[] file = csv(ROWS, 0);
			System.out.printf(Locale.ROOT, "CSV file: %d rows, %d KB%n", ROWS, file.length / 1024);

			// A fresh JVM spends the first import loading classes and compiling: report
			// it, then measure warm.
			String warmup = "bench-warmup-" + System.currentTimeMillis();
			createHackathon(http, organizer, warmup);
			timeImport(http, organizer, warmup, file, "cold JVM: first import ever");
			for (int i = 0; i < 3; i++) {
				timeImport(http, organizer, warmup, csv(ROWS, 10 * (i % 2)), null, "");
			}
			measurePages(http, warmup, cursors(http, warmup), clients, Math.max(300, requests / 10), false);

			String slug = "bench-" + System.currentTimeMillis();
			createHackathon(http, organizer, slug);
			timeImport(http, organizer, slug, file, "import, all rows new");
			timeImport(http, organizer, slug, file, "re-import, all rows unchanged");
			timeImport(http, organizer, slug, csv(ROWS, 10), "import, 10% of rows changed");
			timeImport(http, organizer, slug, file, "dry run of the original file", "?dryRun=true");

			List<String> cursors = cursors(http, slug);
			measurePages(http, slug, cursors, clients, requests, true);
			measureServiceLayer(context, slug, clients, Math.max(500, requests / 2));
		}
		finally {
			context.close();
			deleteQuietly(dataDir);
		}
	}

	static void createHackathon(Http http, TestAccounts.Account organizer, String slug) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input");
		input.put("slug", slug).put("kind", "COMMUNITY").put("timeZone", "Asia/Taipei");
		input.put("startsAt", "2026-11-28T09:00:00+08:00").put("endsAt", "2026-11-29T18:00:00+08:00");
		input.putObject("name").put("zhTW", "效能測試黑客松").put("en", "Benchmark hackathon");
		String id = http
			.graphql("mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { hackathon { id } } }",
					variables, organizer.headers())
			.data()
			.path("createHackathon")
			.path("hackathon")
			.path("id")
			.asString();
		for (String phase : List.of("OPEN_FOR_PROPOSALS", "PITCHING")) {
			ObjectNode move = Http.json();
			move.putObject("input").put("hackathonId", id).put("to", phase);
			http.graphql("mutation($input: ChangeHackathonPhaseInput!) { changeHackathonPhase(input: $input) { "
					+ "hackathon { phase } } }", move, organizer.headers());
		}
	}

	/**
	 * A realistic file: bilingual titles, ~400-character summaries with line breaks,
	 * tags, skills, links.
	 */
	static byte[] csv(int rows, int changedPercent) {
		String[] tags = { "open-government", "environment", "net-zero", "disaster-prevention", "social-welfare",
				"education", "health", "digital-resilience", "culture" };
		String[] skills = { "前端", "Backend", "設計", "GIS", "Data science", "PM", "NLP", "UX" };
		StringBuilder out = new StringBuilder("\uFEFFtitle,proposer,summary,channel,tags,needs,pitch_video_url,"
				+ "slides_url,notes_url,website_url,repository_url,other_urls\r\n");
		for (int i = 0; i < rows; i++) {
			boolean changed = changedPercent > 0 && i % (100 / changedPercent) == 0;
			String summary = ("第 " + i + " 號提案：開放資料與公民參與，讓政府服務更好用。\n" + "Proposal " + i
					+ ": open data, \"civic\" participation, better services. 🙂 ")
				.repeat(3) + (changed ? " (updated)" : "");
			out.append("\"提案 ")
				.append(i)
				.append(" Proposal ")
				.append(i)
				.append("\",")
				.append("Person ")
				.append(i % 300)
				.append(',')
				.append('"')
				.append(summary.replace("\"", "\"\""))
				.append("\",")
				.append("#channel-")
				.append(i % 500)
				.append(',')
				.append(tags[i % tags.length])
				.append(';')
				.append(tags[(i + 3) % tags.length])
				.append(',')
				.append(skills[i % skills.length])
				.append(';')
				.append(skills[(i + 1) % skills.length])
				.append(',')
				.append("https://youtu.be/v")
				.append(i)
				.append(',')
				.append("https://slides.example/")
				.append(i)
				.append(',')
				.append("https://hackmd.io/n")
				.append(i)
				.append(',')
				.append("https://site.example/")
				.append(i)
				.append(',')
				.append("https://github.com/example/p")
				.append(i)
				.append(',')
				.append("https://a.example/")
				.append(i)
				.append(" https://b.example/")
				.append(i)
				.append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static void timeImport(Http http, TestAccounts.Account organizer, String slug, byte[] file, String label)
			throws Exception {
		timeImport(http, organizer, slug, file, label, "");
	}

	static void timeImport(Http http, TestAccounts.Account organizer, String slug, byte[] file, String label,
			String query) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(http.base() + "/api/hackathons/" + slug + "/proposals/import" + query))
			.timeout(Duration.ofMinutes(2))
			.header("Content-Type", "text/csv")
			.header("Authorization", "Bearer " + organizer.secret())
			.POST(HttpRequest.BodyPublishers.ofByteArray(file))
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		long millis = (System.nanoTime() - start) / 1_000_000;
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Import failed: " + response.statusCode() + " " + response.body());
		}
		if (label == null) {
			return;
		}
		JsonNode body = Http.parse(response.body());
		System.out.printf(Locale.ROOT, "%-32s %6d ms  (created %d, updated %d, unchanged %d)%s%n", label, millis,
				body.path("created").asInt(), body.path("updated").asInt(), body.path("unchanged").asInt(),
				(millis < 5000) ? "" : "  OVER THE 5 s TARGET");
	}

	/**
	 * The cursors of every page of 100, so that clients read all pages, not one cached
	 * page.
	 */
	static List<String> cursors(Http http, String slug) {
		List<String> cursors = new ArrayList<>();
		cursors.add(null);
		String after = null;
		for (int page = 0; page < 100; page++) {
			ObjectNode variables = Http.json().put("slug", slug);
			if (after != null) {
				variables.put("after", after);
			}
			JsonNode info = http.graphql(PAGE, variables).data().path("proposals").path("pageInfo");
			if (!info.path("hasNextPage").asBoolean()) {
				break;
			}
			after = info.path("endCursor").asString();
			cursors.add(after);
		}
		return cursors;
	}

	static void measurePages(Http http, String slug, List<String> cursors, int clients, int requests, boolean report)
			throws Exception {
		long[] latencies = new long[requests];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			workers.add(pool.submit(() -> {
				Http own = new Http(http.base());
				for (int i = next.getAndIncrement(); i < requests
						&& System.nanoTime() < deadline; i = next.getAndIncrement()) {
					ObjectNode variables = Http.json().put("slug", slug);
					String cursor = cursors.get(i % cursors.size());
					if (cursor != null) {
						variables.put("after", cursor);
					}
					long t0 = System.nanoTime();
					Http.GraphQlResult result = own.graphql(PAGE, variables);
					latencies[i] = System.nanoTime() - t0;
					if (result.status() != 200 || result.hasErrors()
							|| result.data().path("proposals").path("edges").isEmpty()) {
						failures.incrementAndGet();
					}
				}
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		long elapsed = System.nanoTime() - start;
		pool.shutdown();
		if (!report) {
			return;
		}
		int done = Math.min(requests, next.get());
		long[] measured = Arrays.copyOf(latencies, done);
		Arrays.sort(measured);
		System.out.printf(Locale.ROOT,
				"page of 100, %d clients: %d requests in %.1f s = %.0f req/s; latency p50 %.1f ms, p90 %.1f ms, "
						+ "p99 %.1f ms, max %.1f ms; failures %d%n",
				clients, done, elapsed / 1e9, done / (elapsed / 1e9), percentile(measured, 50),
				percentile(measured, 90), percentile(measured, 99), measured[measured.length - 1] / 1e6,
				failures.get());
	}

	/**
	 * The same page read through the service alone (query, store, mapping to documents),
	 * without GraphQL, HTTP or JSON: tells how much of a page's cost is the store.
	 */
	static void measureServiceLayer(ConfigurableApplicationContext context, String slug, int threads, int requests)
			throws Exception {
		ProposalService service = context.getBean(ProposalService.class);
		Hackathon hackathon = context.getBean(HackathonService.class).requireVisibleBySlug(slug);
		long[] latencies = new long[requests];
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
					long t0 = System.nanoTime();
					Window<Proposal> page = service.list(hackathon, null, ProposalService.ProposalOrder.TITLE,
							ScrollSubrange.create(ScrollPosition.keyset(), 100, true));
					latencies[i] = System.nanoTime() - t0;
					if (page.size() != 100) {
						throw new IllegalStateException("page of " + page.size());
					}
				}
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		long elapsed = System.nanoTime() - start;
		pool.shutdown();
		Arrays.sort(latencies);
		System.out.printf(Locale.ROOT,
				"service layer only (find + mapping of 101 documents), %d threads: %.0f pages/s; p50 %.1f ms, p99 %.1f ms%n",
				threads, requests / (elapsed / 1e9), percentile(latencies, 50), percentile(latencies, 99));
	}

	static double percentile(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	static void deleteQuietly(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted((a, b) -> b.compareTo(a)).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory; the OS cleans it eventually
		}
	}

}
