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
 * {@code scripts/bench load} (not a test): judges saving and submitting while anonymous
 * readers browse, for a bounded time, on loopback, against the service on its default
 * embedded store (H2 file). Prints throughput, p50/p99 latency and errors per kind of
 * request, then checks that every submission acknowledged to a judge is stored exactly
 * once and that no acknowledged save was lost.
 *
 * <p>
 * What a judge does is pluggable ({@link JudgeAction}), and so is what a reader reads
 * ({@link ReaderAction}). The default judge action is {@link ScoreSheets}: each judge of
 * an OPEN round (400 proposals, k = 3, so 6 per judge) works through its assigned sheets
 * — saves a draft, saves again with the version it read, submits with the version it
 * read, then the next sheet; a submission whose answer was lost is retried once and, if
 * still in doubt, the judge reads the sheet back, as a client would. The check counts,
 * per acknowledged submission, the sheets stored for that (round, judge, proposal) that
 * are SUBMITTED with exactly the scores submitted (must be 1), and compares every sheet's
 * stored scores with the last write acknowledged on it (no acknowledged save lost). The
 * default reader action is {@link ResultsPages}: an anonymous visitor reads the published
 * ranking of an earlier hackathon (GraphQL {@code roundRanking}, public after
 * publication) and, every fourth visit, downloads its {@code results.json}. The earlier
 * action pair is still there:
 * {@code --judge-action=proposal-edits --reader-action=proposals} (a judge edits a
 * working proposal and submits new ones; readers page through proposals).
 *
 * <p>
 * Arguments ({@code BENCH_ARGS}):
 * {@code --seconds=60 --judges=200 --readers=1000 --judge-think-ms=10000
 * --reader-think-ms=15000 --backend=h2|memory --judge-action=sheets|proposal-edits
 * --reader-action=results|proposals}. Every simulated person is a thread that sleeps its
 * think time (uniform between half and one and a half times the given mean) between
 * requests: a judge saves about every 10 s while scoring, a reader opens a page about
 * every 15 s, about 87 requests a second offered in all; all stop at the deadline. Rate
 * limits are off: every simulated person shares 127.0.0.1.
 */
public final class LoadBenchmark {

	/**
	 * What a simulated judge does. Implementations must be thread-safe: every judge calls
	 * them.
	 */
	public interface JudgeAction {

		/**
		 * Creates what one judge works on; called once per judge before the clock starts.
		 */
		void prepare(Run run, Judge judge);

		/** Called once after every judge is prepared, before the clock starts. */
		default void ready(Run run, List<Judge> judges) {
		}

		/** Saves a draft (the n-th action of this judge). */
		boolean save(Run run, Judge judge, int n);

		/**
		 * Submits; returns the key of what was acknowledged, null when the service did
		 * not acknowledge it (an error, or no answer even after a retry), or "" when the
		 * judge had nothing left to submit.
		 */
		String submit(Run run, Judge judge, int n);

		/** After the run: how many times each key is stored. */
		Map<String, Long> stored(Run run, Set<String> keys);

		/**
		 * After the run: a description of each judge whose last acknowledged save is not
		 * what is stored.
		 */
		List<String> lostSaves(Run run);

	}

	/**
	 * What a simulated anonymous reader does: one page view, possibly several requests.
	 */
	public interface ReaderAction {

		boolean read(Run run);

	}

	static final Map<String, Function<Run, JudgeAction>> ACTIONS = Map.of("sheets", (run) -> new ScoreSheets(),
			"proposal-edits", (run) -> new ProposalEdits());

	static final Map<String, Function<Run, ReaderAction>> READERS = Map.of("results", ResultsPages::new, "proposals",
			(run) -> new ProposalPages());

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

		/**
		 * One client for every simulated person (as many connections as requests in
		 * flight): bearer auth, no cookies.
		 */
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

		/** An organizer of the service (same user each call, a new API token). */
		public TestAccounts.Account organizer() {
			return (TestAccounts.Account) this.shared.computeIfAbsent("organizer",
					(key) -> new TestAccounts(this.context.getBean(UserDirectory.class),
							this.context.getBean(ApiTokenRepository.class))
						.organizer());
		}

		/**
		 * Sends a GET, timing it under {@code kind}; returns the response, or null on a
		 * transport error.
		 */
		public java.net.http.HttpResponse<String> timedGet(String kind, String path) {
			long started = System.nanoTime();
			try {
				java.net.http.HttpResponse<String> response = this.http.get(path);
				this.stats.record(kind, System.nanoTime() - started, response.statusCode() != 200);
				return response;
			}
			catch (RuntimeException ex) {
				this.stats.record(kind, System.nanoTime() - started, true);
				return null;
			}
		}

		/**
		 * Sends a GraphQL request, timing it under {@code kind}; returns the result, or
		 * null on a transport error.
		 */
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
		String judgeActionName = options.getOrDefault("judge-action", "sheets");
		String readerActionName = options.getOrDefault("reader-action", "results");
		String loadBefore = loadAverage();
		Path dataDir = Files.createTempDirectory("hacktrail-load");
		StoreFileFigures fileFigures = StoreFileFigures.watch(dataDir);
		ConfigurableApplicationContext context = new SpringApplication(HacktrailApplication.class).run(
				"--server.port=0", "--spring.mongodb.uri=", "--hacktrail.store.embedded.backend=" + backend,
				"--hacktrail.store.embedded.data-dir=" + dataDir,
				"--hacktrail.organizers=" + TestAccounts.ORGANIZER_EMAIL, "--hacktrail.rate-limit.enabled=false",
				"--logging.level.root=warn", "--logging.level.de.bwaldvogel=error", "--spring.main.banner-mode=off",
				"--server.tomcat.threads.max=200");
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			TestAccounts accounts = new TestAccounts(context.getBean(UserDirectory.class),
					context.getBean(ApiTokenRepository.class));
			Run run = new Run(context, "http://localhost:" + port,
					hackathon(new Http("http://localhost:" + port), accounts.organizer()));
			if (!ACTIONS.containsKey(judgeActionName) || !READERS.containsKey(readerActionName)) {
				throw new IllegalArgumentException(
						"Judge actions: " + ACTIONS.keySet() + "; reader actions: " + READERS.keySet());
			}
			JudgeAction action = ACTIONS.get(judgeActionName).apply(run);
			ReaderAction reader = READERS.get(readerActionName).apply(run);
			List<Judge> simulated = new ArrayList<>();
			for (int i = 0; i < judges; i++) {
				Judge judge = new Judge(i, accounts.user("load-judge-" + i), new ConcurrentHashMap<>());
				action.prepare(run, judge);
				simulated.add(judge);
			}
			action.ready(run, simulated);
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
						// Save, submit, save, save, submit, ...: a judge saves a sheet a
						// few times and submits it.
						if (n % 3 == 1) {
							String key = action.submit(run, judge, n);
							if (key == null) {
								unacknowledged.incrementAndGet();
							}
							else if (!key.isEmpty()) {
								acknowledged.add(key);
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
			List<String> notOnce = stored.entrySet()
				.stream()
				.filter((e) -> e.getValue() != 1)
				.map((e) -> e.getKey() + " stored " + e.getValue() + "x")
				.toList();
			List<String> lost = action.lostSaves(run);
			print(run, judges, readers, seconds, elapsed, backend, judgeActionName, readerActionName, judgeThink,
					readerThink, acknowledged.size(), once, notOnce, unacknowledged.get(), lost);
			System.out.println("load average before: " + loadBefore + "; after: " + loadAverage()
					+ " (other work on the machine slows every figure above)");
			if (backend.equals("h2")) {
				fileFigures.settle(Duration.ofSeconds(120));
			}
		}
		finally {
			context.close();
			if (backend.equals("h2")) {
				System.out.println(fileFigures.measure());
			}
		}
	}

	private static void print(Run run, int judges, int readers, int seconds, double elapsed, String backend,
			String judgeAction, String readerAction, long judgeThink, long readerThink, int acknowledged, long once,
			List<String> notOnce, int unacknowledged, List<String> lost) {
		System.out.printf(Locale.ROOT,
				"load benchmark: %d judges (%s, think %d ms) and %d anonymous readers (%s, think %d ms)%n", judges,
				judgeAction, judgeThink, readers, readerAction, readerThink);
		System.out.printf(Locale.ROOT, "for %d s (measured %.1f s) on loopback, embedded store %s, %d cores, Java %s%n",
				seconds, elapsed, backend, Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		System.out.println();
		System.out.printf(Locale.ROOT, "%-20s %9s %9s %8s %9s %9s %9s%n", "request", "count", "per s", "errors",
				"p50 ms", "p99 ms", "max ms");
		long total = 0;
		for (String kind : new java.util.TreeSet<>(run.stats.latencies.keySet())) {
			List<Long> latencies;
			synchronized (run.stats.latencies.get(kind)) {
				latencies = new ArrayList<>(run.stats.latencies.get(kind));
			}
			Collections.sort(latencies);
			total += latencies.size();
			int errors = run.stats.errors.getOrDefault(kind, new AtomicInteger()).get();
			System.out.printf(Locale.ROOT, "%-20s %9d %9.1f %8d %9.1f %9.1f %9.1f%n", kind, latencies.size(),
					latencies.size() / elapsed, errors, percentile(latencies, 0.50), percentile(latencies, 0.99),
					percentile(latencies, 1.0));
		}
		System.out.printf(Locale.ROOT, "%-20s %9d %9.1f%n", "all", total, total / elapsed);
		System.out.println();
		System.out.printf(Locale.ROOT, "submissions acknowledged to judges: %d; stored exactly once: %d%s%n",
				acknowledged, once,
				notOnce.isEmpty() ? "" : "; NOT once: " + notOnce.subList(0, Math.min(10, notOnce.size())));
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
		ObjectNode input = variables.putObject("input")
			.put("slug", slug)
			.put("kind", "PRESIDENTIAL")
			.put("timeZone", "Asia/Taipei")
			.put("startsAt", "2026-12-01T09:00:00+08:00")
			.put("endsAt", "2026-12-02T18:00:00+08:00");
		input.putObject("name").put("en", "Load final");
		String id = http
			.graphql("mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { hackathon { id } } }",
					variables, organizer.headers())
			.data()
			.path("createHackathon")
			.path("hackathon")
			.path("id")
			.asString();
		http.graphql(
				"mutation($id: ID!) { changeHackathonPhase(input: {hackathonId: $id, to: OPEN_FOR_PROPOSALS}) { hackathon { phase } } }",
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
				throw new IllegalArgumentException(
						"Unknown argument "
								+ arg + "; use --name=value (" + Arrays.asList("seconds", "judges", "readers",
										"judge-think-ms", "reader-think-ms", "backend", "judge-action", "reader-action")
								+ ")");
			}
		}
		return options;
	}

	/**
	 * The write load until score sheets exist: each judge edits a working proposal (save:
	 * its summary records the save number) and submits new proposals with unique titles
	 * (submit).
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
			Http.GraphQlResult result = run.timed("judge save", run.http(), UPDATE, variables,
					judge.account().headers());
			boolean ok = result != null && result.status() == 200 && !result.hasErrors();
			if (ok) {
				judge.state().put("acknowledgedSave", "save " + n + " of judge " + judge.index());
			}
			else {
				// A save whose outcome is unknown may or may not be stored; only
				// acknowledged saves are checked.
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
						// The first attempt was stored but its answer was lost: the retry
						// is told so.
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
				org.bson.Document stored = run.mongo()
					.findById(judge.state().get("proposal"), org.bson.Document.class, "proposals");
				String summary = (stored != null && stored.get("summary") instanceof org.bson.Document text)
						? text.getString("en") : null;
				if (!expected.equals(summary)) {
					lost.add("judge " + judge.index() + ": acknowledged '" + expected + "', stored '" + summary + "'");
				}
			}
			return lost;
		}

	}

	/**
	 * An anonymous reader opens the hackathon page: the hackathon and the first page of
	 * its proposals.
	 */
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

	/**
	 * The judge action: 200 judges scoring their assigned sheets in an OPEN round. Set-up
	 * (before the clock): a hackathon in JUDGING with a REVIEW round of 400 imported
	 * proposals and a 3-criterion rubric; each judge is invited and accepts
	 * ({@link #prepare}); then k = 3 assignment and the round opened ({@link #ready}).
	 * Each judge then takes its proposals in order: save (the first without a version,
	 * then with the version read), save, submit with the version read — then the next
	 * proposal. The judge's last known version comes from the answer to its own write;
	 * when an answer is lost (an error, a timeout), it reads the sheet back.
	 */
	static final class ScoreSheets implements JudgeAction {

		static final String[] CRITERIA = { "impact", "feasibility", "openness" };

		static final String SHEET = "id version status scores { criterionId value }";

		static final String SAVE = "mutation($i: SaveScoreSheetInput!) { saveScoreSheet(input: $i) { sheet { " + SHEET
				+ " } } }";

		static final String SUBMIT = "mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { sheet { "
				+ SHEET + " } } }";

		static final String READ = "query($id: ID!) { scoreSheet(id: $id) { " + SHEET + " } }";

		static final int PROPOSALS = 400;

		String hackathonId;

		String roundId;

		/**
		 * Per judge: its assigned proposals, the next one's index, the current sheet's
		 * version (absent: none yet).
		 */
		final Map<Integer, List<String>> work = new ConcurrentHashMap<>();

		/**
		 * Per sheet id: the scores of the last write acknowledged on it, or "unknown"
		 * after a write in doubt.
		 */
		final Map<String, String> lastAcknowledged = new ConcurrentHashMap<>();

		/** Per acknowledged submission (sheet id): the scores submitted. */
		final Map<String, String> submitted = new ConcurrentHashMap<>();

		private synchronized void setUp(Run run) {
			if (this.roundId != null) {
				return;
			}
			org.hacktrail.judging.JudgingApi api = new org.hacktrail.judging.JudgingApi(run.http(), run.organizer());
			org.hacktrail.judging.JudgingApi.Hackathon hackathon = api.hackathon("OTHER", "JUDGING", "REVIEW");
			importProposals(run, hackathon.slug(), PROPOSALS);
			this.hackathonId = hackathon.id();
			this.roundId = hackathon.roundIds().get(0);
		}

		@Override
		public void prepare(Run run, Judge judge) {
			setUp(run);
			org.hacktrail.judging.JudgingApi api = new org.hacktrail.judging.JudgingApi(run.http(), run.organizer());
			api.judge(new org.hacktrail.judging.JudgingApi.Hackathon(this.hackathonId, null, List.of(this.roundId)),
					judge.account(), (judge.index() % 2 == 0) ? "PUBLIC" : "PRIVATE");
		}

		@Override
		public void ready(Run run, List<Judge> judges) {
			org.hacktrail.judging.JudgingApi api = new org.hacktrail.judging.JudgingApi(run.http(), run.organizer());
			ObjectNode input = Http.json().put("roundId", this.roundId).put("judgesPerProposal", 3);
			tools.jackson.databind.node.ArrayNode criteria = input.putArray("criteria");
			for (String criterion : CRITERIA) {
				criteria.addObject()
					.put("id", criterion)
					.put("weight", 1.0)
					.put("scaleMin", 1.0)
					.put("scaleMax", 10.0)
					.putObject("name")
					.put("en", criterion);
			}
			api.configureOk(input);
			api.assignOk(this.roundId, "9");
			api.statusOk(this.roundId, "OPEN", null);
			for (Judge judge : judges) {
				this.work.put(judge.index(), api.assigned(this.roundId, judge.account()));
				judge.state().put("next", "0");
			}
		}

		private String current(Judge judge) {
			List<String> proposals = this.work.get(judge.index());
			int next = Integer.parseInt(judge.state().get("next"));
			return (next < proposals.size()) ? proposals.get(next) : null;
		}

		private ObjectNode input(Judge judge, String proposal, String scores) {
			ObjectNode variables = Http.json();
			ObjectNode input = variables.putObject("i").put("roundId", this.roundId).put("proposalId", proposal);
			tools.jackson.databind.node.ArrayNode list = input.putArray("scores");
			String[] values = scores.split(",");
			for (int c = 0; c < CRITERIA.length; c++) {
				list.addObject().put("criterionId", CRITERIA[c]).put("value", Double.parseDouble(values[c]));
			}
			String version = judge.state().get("version");
			if (version != null) {
				input.put("expectedVersion", Integer.parseInt(version));
			}
			return variables;
		}

		private static String scores(Judge judge, int n) {
			StringBuilder text = new StringBuilder();
			for (int c = 0; c < CRITERIA.length; c++) {
				text.append((c > 0) ? "," : "").append(1 + (n * 7 + c * 3 + judge.index()) % 10).append(".0");
			}
			return text.toString();
		}

		private static String scores(JsonNode sheet) {
			Map<String, String> byCriterion = new java.util.HashMap<>();
			sheet.path("scores")
				.forEach((s) -> byCriterion.put(s.path("criterionId").asString(),
						Double.toString(s.path("value").asDouble())));
			StringBuilder text = new StringBuilder();
			for (int c = 0; c < CRITERIA.length; c++) {
				text.append((c > 0) ? "," : "").append(byCriterion.get(CRITERIA[c]));
			}
			return text.toString();
		}

		/**
		 * Reads the sheet back after a write in doubt: its version (or none), and whether
		 * it is SUBMITTED.
		 */
		private JsonNode readBack(Run run, Judge judge, String sheetId) {
			Http.GraphQlResult result = run.timed("judge read back", run.http(), READ, Http.json().put("id", sheetId),
					judge.account().headers());
			if (result == null || result.status() != 200) {
				return null;
			}
			JsonNode sheet = result.data().path("scoreSheet");
			if (sheet.isNull() || sheet.isMissingNode()) {
				judge.state().remove("version");
			}
			else {
				judge.state().put("version", sheet.path("version").asString());
			}
			return sheet;
		}

		@Override
		public boolean save(Run run, Judge judge, int n) {
			String proposal = current(judge);
			if (proposal == null) {
				return true;
			}
			String sheetId = org.hacktrail.judging.sheet.ScoreSheet.idOf(this.roundId, judge.account().id(), proposal);
			String scores = scores(judge, n);
			Http.GraphQlResult result = run.timed("judge save", run.http(), SAVE, input(judge, proposal, scores),
					judge.account().headers());
			if (result != null && result.status() == 200 && !result.hasErrors()) {
				JsonNode sheet = result.data().path("saveScoreSheet").path("sheet");
				judge.state().put("version", sheet.path("version").asString());
				this.lastAcknowledged.put(sheetId, scores);
				return true;
			}
			// Stored or not, nobody knows: only acknowledged writes are checked; read the
			// version back.
			this.lastAcknowledged.put(sheetId, "unknown");
			readBack(run, judge, sheetId);
			return false;
		}

		@Override
		public String submit(Run run, Judge judge, int n) {
			String proposal = current(judge);
			if (proposal == null) {
				return "";
			}
			String sheetId = org.hacktrail.judging.sheet.ScoreSheet.idOf(this.roundId, judge.account().id(), proposal);
			String scores = scores(judge, n);
			ObjectNode variables = input(judge, proposal, scores);
			for (int attempt = 0; attempt < 2; attempt++) {
				Http.GraphQlResult result = run.timed("judge submit", run.http(), SUBMIT, variables,
						judge.account().headers());
				if (result != null && result.status() == 200 && !result.hasErrors()) {
					return acknowledged(judge, sheetId, scores);
				}
			}
			// Two answers lost or refused: the judge reloads the sheet, as the panel
			// would, and sees whether its
			// submission is there (a first attempt stored whose answer was lost makes the
			// retry a refusal).
			JsonNode sheet = readBack(run, judge, sheetId);
			if (sheet != null && "SUBMITTED".equals(sheet.path("status").asString()) && scores.equals(scores(sheet))) {
				return acknowledged(judge, sheetId, scores);
			}
			this.lastAcknowledged.put(sheetId, "unknown");
			return null;
		}

		private String acknowledged(Judge judge, String sheetId, String scores) {
			this.lastAcknowledged.put(sheetId, scores);
			this.submitted.put(sheetId, scores);
			judge.state().put("next", Integer.toString(Integer.parseInt(judge.state().get("next")) + 1));
			judge.state().remove("version");
			return sheetId;
		}

		@Override
		public Map<String, Long> stored(Run run, Set<String> keys) {
			Map<String, Long> counts = new LinkedHashMap<>();
			for (String sheetId : keys) {
				String[] parts = sheetId.split(":", 3);
				// By the natural key (round, judge, proposal), not the id: a duplicate
				// under another id counts.
				List<org.bson.Document> sheets = run.mongo()
					.find(new Query(Criteria.where("roundId")
						.is(parts[0])
						.and("judgeUserId")
						.is(parts[1])
						.and("proposalId")
						.is(parts[2])), org.bson.Document.class, "score_sheets");
				String expected = this.submitted.get(sheetId);
				// Once: one sheet for the pair, SUBMITTED with the scores submitted.
				// Several sheets count as such.
				long matching = sheets.stream()
					.filter((sheet) -> "SUBMITTED".equals(sheet.getString("status"))
							&& expected.equals(storedScores(sheet)))
					.count();
				counts.put(sheetId, (sheets.size() == 1) ? matching : sheets.size());
			}
			return counts;
		}

		private static String storedScores(org.bson.Document sheet) {
			org.bson.Document scores = sheet.get("scores", org.bson.Document.class);
			StringBuilder text = new StringBuilder();
			for (int c = 0; c < CRITERIA.length; c++) {
				Object value = (scores != null) ? scores.get(CRITERIA[c]) : null;
				text.append((c > 0) ? "," : "")
					.append((value instanceof Number number) ? Double.toString(number.doubleValue()) : "null");
			}
			return text.toString();
		}

		@Override
		public List<String> lostSaves(Run run) {
			List<String> lost = new ArrayList<>();
			this.lastAcknowledged.forEach((sheetId, scores) -> {
				if (scores.equals("unknown")) {
					return;
				}
				org.bson.Document stored = run.mongo().findById(sheetId, org.bson.Document.class, "score_sheets");
				String actual = (stored != null) ? storedScores(stored) : "absent";
				if (!scores.equals(actual)) {
					lost.add(sheetId + ": acknowledged " + scores + ", stored " + actual);
				}
			});
			return lost;
		}

		static void importProposals(Run run, String slug, int count) {
			StringBuilder csv = new StringBuilder("title,proposer\r\n");
			for (int i = 0; i < count; i++) {
				csv.append("提案 ").append(i).append(" Proposal ").append(i).append(",Person ").append(i).append("\r\n");
			}
			java.net.http.HttpResponse<String> response = run.http()
				.post("/api/hackathons/" + slug + "/proposals/import", "text/csv", csv.toString(),
						run.organizer().headers());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Import failed: " + response.statusCode() + " " + response.body());
			}
		}

	}

	/**
	 * An anonymous visitor reads the published results of an earlier hackathon: its
	 * ranking (GraphQL {@code roundRanking}, public once published, with proposal titles)
	 * and, every fourth visit, the open-data file {@code results.json}. Set-up: a
	 * hackathon with a REVIEW round of 30 proposals, 6 judges, k = 3, every sheet
	 * submitted, 5 selected, published.
	 */
	static final class ResultsPages implements ReaderAction {

		static final String RANKING = "query($r: ID!) { roundRanking(roundId: $r) { published outstandingQuota "
				+ "summary { sheetCount judgeCount rankedCount } lines { proposalId rank finalScore inTopN "
				+ "proposal { title { en zhTW } } } selection { proposalIds } } }";

		final String slug;

		final String roundId;

		final AtomicInteger visits = new AtomicInteger();

		ResultsPages(Run run) {
			org.hacktrail.judging.JudgingApi api = new org.hacktrail.judging.JudgingApi(run.http(), run.organizer());
			org.hacktrail.judging.JudgingApi.Hackathon hackathon = api.hackathon("OTHER", "JUDGING", "REVIEW");
			String round = hackathon.roundIds().get(0);
			ScoreSheets.importProposals(run, hackathon.slug(), 30);
			TestAccounts accounts = new TestAccounts(run.context.getBean(UserDirectory.class),
					run.context.getBean(ApiTokenRepository.class));
			List<TestAccounts.Account> judges = new ArrayList<>();
			for (int j = 0; j < 6; j++) {
				TestAccounts.Account judge = accounts.user("results-judge-" + j + "-" + hackathon.slug());
				api.judge(hackathon, judge, (j % 2 == 0) ? "PUBLIC" : "PRIVATE");
				judges.add(judge);
			}
			api.configureOk(org.hacktrail.judging.JudgingApi.roundInput(round, 3).put("cutSize", 5));
			api.assignOk(round, "11");
			api.statusOk(round, "OPEN", null);
			for (int j = 0; j < judges.size(); j++) {
				for (String proposal : api.assigned(round, judges.get(j))) {
					api.score(round, proposal, 1 + Math.floorMod(proposal.hashCode() + j, 10), 5, judges.get(j));
				}
			}
			api.closeLeavingUnsubmittedOut(round);
			List<String> order = new ArrayList<>();
			org.hacktrail.judging.JudgingApi.ok(api.ranking(round, run.organizer()), "roundRanking")
				.path("lines")
				.forEach((line) -> order.add(line.path("proposalId").asString()));
			Http.GraphQlResult selected = api.select(round, order.subList(0, 5), null, null, run.organizer());
			if (selected.hasErrors()) {
				// Proposals tied across the cut: the organizer says how the tie was
				// broken.
				selected = api.select(round, order.subList(0, 5), null, "Load benchmark: the ranking's order.",
						run.organizer());
			}
			org.hacktrail.judging.JudgingApi.ok(selected, "selectProposals");
			org.hacktrail.judging.JudgingApi.ok(api.publish(round, run.organizer()), "publishRound");
			this.slug = hackathon.slug();
			this.roundId = round;
		}

		@Override
		public boolean read(Run run) {
			Http.GraphQlResult result = run.timed("reader ranking", run.http(), RANKING,
					Http.json().put("r", this.roundId));
			boolean ok = result != null && !result.hasErrors()
					&& result.data().path("roundRanking").path("published").asBoolean();
			if (this.visits.incrementAndGet() % 4 == 0) {
				java.net.http.HttpResponse<String> file = run.timedGet("reader results.json",
						"/api/hackathons/" + this.slug + "/results.json");
				ok = ok && file != null && file.statusCode() == 200;
			}
			return ok;
		}

	}

}
