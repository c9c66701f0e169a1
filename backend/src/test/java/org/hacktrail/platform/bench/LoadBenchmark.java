package org.hacktrail.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.hacktrail.HacktrailApplication;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@code scripts/bench load} (not a test): judges saving and submitting while anonymous readers browse, for a
 * bounded time, on loopback, against the service on its default embedded store (H2 file). Prints throughput,
 * p50/p99 latency and errors per kind of request, then checks that every submission acknowledged to a judge is
 * stored exactly once and that no acknowledged save was lost.
 *
 * <p>
 * What a judge does is pluggable ({@link JudgeAction}), and so is what a reader reads ({@link ReaderAction}). Until
 * score sheets exist (branch {@code judging}), the judge action is {@link ProposalEdits}: a judge edits a working
 * proposal (save) and now and then submits a new proposal with a unique title (submit; stored exactly once by the
 * unique key on hackathon, proposer and title; a submit that got no answer is retried, as a client would). When
 * judging merges, add a {@code ScoreSheets} action (save a sheet draft, submit it; count sheets per (judge,
 * proposal, round) in its collection) to {@link #ACTIONS} and a reader that queries the published results, then run
 * {@code BENCH_ARGS="--judge-action=sheets --reader-action=results" scripts/bench load}.
 *
 * <p>
 * Arguments ({@code BENCH_ARGS}): {@code --seconds=60 --judges=200 --readers=1000 --judge-think-ms=10000
 * --reader-think-ms=15000 --backend=h2|memory --judge-action=proposal-edits --reader-action=proposals}. Every
 * simulated person is a thread that sleeps its think time (uniform between half and one and a half times the
 * given mean) between requests: a judge saves about every 10 s while scoring, a reader opens a page about every
 * 15 s, about 87 requests a second offered in all; all stop at the deadline. Rate limits are off: every simulated
 * person shares 127.0.0.1.
 */
public final class LoadBenchmark {

	/** What a simulated judge does. Implementations must be thread-safe: every judge calls them. */
	public interface JudgeAction {

		/** Creates what one judge works on; called once per judge before the clock starts. */
		void prepare(Run run, Judge judge);

		/** Saves a draft (the n-th action of this judge). */
		boolean save(Run run, Judge judge, int n);

		/**
		 * Submits; returns the key of what was acknowledged, or null when the service did not acknowledge it (an
		 * error, or no answer even after a retry).
		 */
		String submit(Run run, Judge judge, int n);

		/** After the run: how many times each key is stored. */
		Map<String, Long> stored(Run run, Set<String> keys);

		/** After the run: a description of each judge whose last acknowledged save is not what is stored. */
		List<String> lostSaves(Run run);

	}

	/** What a simulated anonymous reader does: one page view, possibly several requests. */
	public interface ReaderAction {

		boolean read(Run run);

	}

	static final Map<String, Function<Run, JudgeAction>> ACTIONS = Map.of("proposal-edits", (run) -> new ProposalEdits());

	static final Map<String, Function<Run, ReaderAction>> READERS = Map.of("proposals", (run) -> new ProposalPages());

	/** One simulated judge: an account with an API token. */
	public record Judge(int index, TestAccounts.Account account, Map<String, String> state) {
	}

	/** The running service and what the actions share. */
	public static final class Run {

		final ConfigurableApplicationContext context;

		final String base;

		final String slug;

		final Stats stats = new Stats();

		final Map<String, Object> shared = new ConcurrentHashMap<>();

		/** One client for every simulated person (as many connections as requests in flight): bearer auth, no cookies. */
		final Http http;

		Run(ConfigurableApplicationContext context, String base, String slug) {
			this.context = context;
			this.base = base;
			this.slug = slug;
			this.http = new Http(base);
		}

		public Http http() {
			return this.http;
		}

		public String hackathonSlug() {
			return this.slug;
		}

		public MongoTemplate mongo() {
			return this.context.getBean(MongoTemplate.class);
		}

		/** Sends a GraphQL request, timing it under {@code kind}; returns the result, or null on a transport error. */
		public Http.GraphQlResult timed(String kind, Http http, String query, ObjectNode variables, String... headers) {
			long started = System.nanoTime();
			try {
				Http.GraphQlResult result = http.graphql(query, variables, headers);
				this.stats.record(kind, System.nanoTime() - started, result.status() != 200 || result.hasErrors());
				return result;
			}
			catch (RuntimeException ex) {
				this.stats.record(kind, System.nanoTime() - started, true);
				return null;
			}
		}

	}

	/** Latencies and errors by kind of request. */
	static final class Stats {

		final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

		volatile boolean measuring;

		void record(String kind, long nanos, boolean error) {
			if (!this.measuring) {
				return;
			}
			this.latencies.computeIfAbsent(kind, (k) -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
			if (error) {
				this.errors.computeIfAbsent(kind, (k) -> new AtomicInteger()).incrementAndGet();
			}
		}

	}

	private LoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
		int judges = Integer.parseInt(options.getOrDefault("judges", "200"));
		int readers = Integer.parseInt(options.getOrDefault("readers", "1000"));
		long judgeThink = Long.parseLong(options.getOrDefault("judge-think-ms", "10000"));
		long readerThink = Long.parseLong(options.getOrDefault("reader-think-ms", "15000"));
		String backend = options.getOrDefault("backend", "h2");
		String judgeActionName = options.getOrDefault("judge-action", "proposal-edits");
		String readerActionName = options.getOrDefault("reader-action", "proposals");
		String loadBefore = loadAverage();
		Path dataDir = Files.createTempDirectory("hacktrail-load");
		ConfigurableApplicationContext context = new SpringApplication(HacktrailApplication.class).run(
				"--server.port=0", "--spring.mongodb.uri=", "--hacktrail.store.embedded.backend=" + backend,
				"--hacktrail.store.embedded.data-dir=" + dataDir, "--hacktrail.organizers=" + TestAccounts.ORGANIZER_EMAIL,
				"--hacktrail.rate-limit.enabled=false", "--logging.level.root=warn", "--logging.level.de.bwaldvogel=error",
				"--spring.main.banner-mode=off",
				"--server.tomcat.threads.max=200");
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			TestAccounts accounts = new TestAccounts(context.getBean(UserDirectory.class),
					context.getBean(ApiTokenRepository.class));
			Run run = new Run(context, "http://localhost:" + port, hackathon(new Http("http://localhost:" + port),
					accounts.organizer()));
			JudgeAction action = ACTIONS.get(judgeActionName).apply(run);
			ReaderAction reader = READERS.get(readerActionName).apply(run);
			List<Judge> simulated = new ArrayList<>();
			for (int i = 0; i < judges; i++) {
				Judge judge = new Judge(i, accounts.user("load-judge-" + i), new ConcurrentHashMap<>());
				action.prepare(run, judge);
				simulated.add(judge);
			}
			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			AtomicInteger unacknowledged = new AtomicInteger();
			long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
			run.stats.measuring = true;
			long started = System.nanoTime();
			List<Thread> threads = new ArrayList<>();
			for (Judge judge : simulated) {
				threads.add(start("judge-" + judge.index(), () -> {
					pause(ThreadLocalRandom.current().nextLong(Math.max(1, judgeThink)));
					for (int n = 0; System.nanoTime() < deadline; n++) {
						// Save, submit, save, save, submit, ...: a judge saves a sheet a few times and submits it.
						if (n % 3 == 1) {
							String key = action.submit(run, judge, n);
							if (key != null) {
								acknowledged.add(key);
							}
							else {
								unacknowledged.incrementAndGet();
							}
						}
						else {
							action.save(run, judge, n);
						}
						pause(think(judgeThink));
					}
				}));
			}
			for (int i = 0; i < readers; i++) {
				threads.add(start("reader-" + i, () -> {
					pause(ThreadLocalRandom.current().nextLong(Math.max(1, readerThink)));
					while (System.nanoTime() < deadline) {
						reader.read(run);
						pause(think(readerThink));
					}
				}));
			}
			for (Thread thread : threads) {
				thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 30_000);
			}
			double elapsed = (System.nanoTime() - started) / 1e9;
			run.stats.measuring = false;

			Map<String, Long> stored = action.stored(run, acknowledged);
			long once = stored.values().stream().filter((count) -> count == 1).count();
			List<String> notOnce = stored.entrySet().stream().filter((e) -> e.getValue() != 1)
				.map((e) -> e.getKey() + " stored " + e.getValue() + "x").toList();
			List<String> lost = action.lostSaves(run);
			print(run, judges, readers, seconds, elapsed, backend, judgeActionName, readerActionName, judgeThink,
					readerThink, acknowledged.size(), once, notOnce, unacknowledged.get(), lost);
			System.out.println("load average before: " + loadBefore + "; after: " + loadAverage()
					+ " (other work on the machine slows every figure above)");
		}
		finally {
			context.close();
		}
	}

	private static void print(Run run, int judges, int readers, int seconds, double elapsed, String backend,
			String judgeAction, String readerAction, long judgeThink, long readerThink, int acknowledged, long once,
			List<String> notOnce, int unacknowledged, List<String> lost) {
		System.out.printf(Locale.ROOT, "load benchmark: %d judges (%s, think %d ms) and %d anonymous readers (%s, think %d ms)%n",
				judges, judgeAction, judgeThink, readers, readerAction, readerThink);
		System.out.printf(Locale.ROOT, "for %d s (measured %.1f s) on loopback, embedded store %s, %d cores, Java %s%n",
				seconds, elapsed, backend, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		System.out.println();
		System.out.printf(Locale.ROOT, "%-16s %9s %9s %8s %9s %9s %9s%n", "request", "count", "per s", "errors", "p50 ms",
				"p99 ms", "max ms");
		long total = 0;
		for (String kind : new java.util.TreeSet<>(run.stats.latencies.keySet())) {
			List<Long> latencies;
			synchronized (run.stats.latencies.get(kind)) {
				latencies = new ArrayList<>(run.stats.latencies.get(kind));
			}
			Collections.sort(latencies);
			total += latencies.size();
			int errors = run.stats.errors.getOrDefault(kind, new AtomicInteger()).get();
			System.out.printf(Locale.ROOT, "%-16s %9d %9.1f %8d %9.1f %9.1f %9.1f%n", kind, latencies.size(),
					latencies.size() / elapsed, errors, percentile(latencies, 0.50), percentile(latencies, 0.99),
					percentile(latencies, 1.0));
		}
		System.out.printf(Locale.ROOT, "%-16s %9d %9.1f%n", "all", total, total / elapsed);
		System.out.println();
		System.out.printf(Locale.ROOT, "submissions acknowledged to judges: %d; stored exactly once: %d%s%n", acknowledged,
				once, notOnce.isEmpty() ? "" : "; NOT once: " + notOnce.subList(0, Math.min(10, notOnce.size())));
		System.out.printf(Locale.ROOT, "submissions not acknowledged (error or no answer after one retry): %d%n",
				unacknowledged);
		System.out.printf(Locale.ROOT, "acknowledged saves lost: %d%s%n", lost.size(),
				lost.isEmpty() ? "" : " " + lost.subList(0, Math.min(10, lost.size())));
		if (acknowledged == 0) {
			System.out.println("exactly-once check: NOT RUN (no submission was acknowledged: the run was too short or "
					+ "too slow)");
		}
		else {
			System.out.println((notOnce.isEmpty() && lost.isEmpty()) ? "exactly-once check: PASSED"
					: "exactly-once check: FAILED");
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+", 4)[0];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	static double percentile(List<Long> sorted, double p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
	}

	private static String hackathon(Http http, TestAccounts.Account organizer) {
		String slug = "load-" + Long.toHexString(System.nanoTime());
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("slug", slug).put("kind", "PRESIDENTIAL")
			.put("timeZone", "Asia/Taipei").put("startsAt", "2026-12-01T09:00:00+08:00")
			.put("endsAt", "2026-12-02T18:00:00+08:00");
		input.putObject("name").put("en", "Load final");
		String id = http.graphql("mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { hackathon { id } } }",
				variables, organizer.headers()).data().path("createHackathon").path("hackathon").path("id").asString();
		http.graphql("mutation($id: ID!) { changeHackathonPhase(input: {hackathonId: $id, to: OPEN_FOR_PROPOSALS}) { hackathon { phase } } }",
				Http.json().put("id", id), organizer.headers());
		return slug;
	}

	private static long think(long mean) {
		// Uniform between half and one and a half times the mean.
		return (mean <= 0) ? 0 : mean / 2 + ThreadLocalRandom.current().nextLong(mean);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Thread start(String name, Runnable body) {
		Thread thread = new Thread(body, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
			else if (!arg.isBlank()) {
				throw new IllegalArgumentException("Unknown argument " + arg + "; use --name=value ("
						+ Arrays.asList("seconds", "judges", "readers", "judge-think-ms", "reader-think-ms", "backend",
								"judge-action", "reader-action") + ")");
			}
		}
		return options;
	}

	/**
	 * The write load until score sheets exist: each judge edits a working proposal (save: its summary records the
	 * save number) and submits new proposals with unique titles (submit).
	 */
	static final class ProposalEdits implements JudgeAction {

		static final String UPDATE = "mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { proposal { id version } } }";

		static final String CREATE = "mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id } } }";

		@Override
		public void prepare(Run run, Judge judge) {
			ObjectNode variables = Http.json();
			ObjectNode input = variables.putObject("input").put("hackathonSlug", run.hackathonSlug());
			input.putObject("title").put("en", "Working proposal of judge " + judge.index());
			JsonNode created = run.http().graphql(CREATE, variables, judge.account().headers()).data();
			judge.state().put("proposal", created.path("createProposal").path("proposal").path("id").asString());
			judge.state().put("acknowledgedSave", "none");
			judges(run).add(judge);
		}

		@SuppressWarnings("unchecked")
		private static List<Judge> judges(Run run) {
			return (List<Judge>) run.shared.computeIfAbsent("judges",
					(key) -> Collections.synchronizedList(new ArrayList<Judge>()));
		}

		@Override
		public boolean save(Run run, Judge judge, int n) {
			ObjectNode variables = Http.json();
			ObjectNode input = variables.putObject("input").put("id", judge.state().get("proposal"));
			input.putObject("summary").put("en", "save " + n + " of judge " + judge.index());
			Http.GraphQlResult result = run.timed("judge save", run.http(), UPDATE, variables, judge.account().headers());
			boolean ok = result != null && result.status() == 200 && !result.hasErrors();
			if (ok) {
				judge.state().put("acknowledgedSave", "save " + n + " of judge " + judge.index());
			}
			else {
				// A save whose outcome is unknown may or may not be stored; only acknowledged saves are checked.
				judge.state().put("acknowledgedSave", "unknown");
			}
			return ok;
		}

		@Override
		public String submit(Run run, Judge judge, int n) {
			String title = "Submission " + n + " of judge " + judge.index();
			ObjectNode variables = Http.json();
			ObjectNode input = variables.putObject("input").put("hackathonSlug", run.hackathonSlug());
			input.putObject("title").put("en", title);
			for (int attempt = 0; attempt < 2; attempt++) {
				Http.GraphQlResult result = run.timed("judge submit", run.http(), CREATE, variables,
						judge.account().headers());
				if (result != null && result.status() == 200) {
					if (!result.hasErrors()) {
						return title;
					}
					if ("CONFLICT".equals(result.errorCode())) {
						// The first attempt was stored but its answer was lost: the retry is told so.
						return title;
					}
				}
			}
			return null;
		}

		@Override
		public Map<String, Long> stored(Run run, Set<String> keys) {
			Map<String, Long> counts = new LinkedHashMap<>();
			for (String title : keys) {
				counts.put(title, run.mongo().count(new Query(Criteria.where("title.en").is(title)), "proposals"));
			}
			return counts;
		}

		@Override
		public List<String> lostSaves(Run run) {
			List<String> lost = new ArrayList<>();
			for (Judge judge : judges(run)) {
				String expected = judge.state().get("acknowledgedSave");
				if (expected.equals("none") || expected.equals("unknown")) {
					continue;
				}
				org.bson.Document stored = run.mongo().findById(judge.state().get("proposal"), org.bson.Document.class,
						"proposals");
				String summary = (stored != null && stored.get("summary") instanceof org.bson.Document text)
						? text.getString("en") : null;
				if (!expected.equals(summary)) {
					lost.add("judge " + judge.index() + ": acknowledged '" + expected + "', stored '" + summary + "'");
				}
			}
			return lost;
		}

	}

	/** An anonymous reader opens the hackathon page: the hackathon and the first page of its proposals. */
	static final class ProposalPages implements ReaderAction {

		static final String PAGE = "query($slug: String!) { hackathon(slug: $slug) { name { en zhTW } phase } "
				+ "proposals(hackathonSlug: $slug, first: 20) { edges { node { id title { en zhTW } proposerName "
				+ "status tags { id } } } pageInfo { hasNextPage endCursor } } }";

		@Override
		public boolean read(Run run) {
			Http.GraphQlResult result = run.timed("reader page", run.http(), PAGE,
					Http.json().put("slug", run.hackathonSlug()));
			return result != null && !result.hasErrors();
		}

	}

}
