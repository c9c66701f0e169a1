package org.hacktrail.platform.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.hacktrail.HacktrailApplication;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.SignedInUser;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.assignment.service.AssignmentService;
import org.hacktrail.judging.assignment.service.JudgeWork;
import org.hacktrail.judging.panel.Judge;
import org.hacktrail.judging.ranking.service.RankingService;
import org.hacktrail.judging.round.JudgingPlan;
import org.hacktrail.judging.round.JudgingRound;
import org.hacktrail.judging.round.RoundService;
import org.hacktrail.judging.sheet.ScoreSheet;
import org.hacktrail.judging.sheet.ScoreSheetService;
import org.hacktrail.judging.sheet.SheetEvent;
import org.hacktrail.judging.sheet.SheetStatus;
import org.hacktrail.proposal.ProposalLookup;
import org.hacktrail.proposal.ProposalService;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

/**
 * {@code scripts/bench store} (not a test): the four hot paths on the embedded store,
 * each beside the raw store operations it needs, done directly with the MongoDB driver in
 * the same run, with the ratio against the goal (service within 2× of raw).
 *
 * <p>
 * Set-up (through GraphQL, as an organizer would): a hackathon in JUDGING with one REVIEW
 * round of 3,000 imported proposals, 200 judges (half PUBLIC, half PRIVATE), a
 * 5-criterion rubric, k = 10 (150 proposals per judge), the round opened. Then 30,000
 * score sheets are inserted with {@link MongoTemplate} — the service's own entity and
 * converter, so the documents are shaped exactly like the ones it writes: SUBMITTED with
 * one history event, except the first judge's, which are DRAFTs (they are the ones saved
 * below).
 *
 * <p>
 * Where the service is measured both ways, the "beans" line calls the same services
 * without HTTP, security filters, GraphQL and JSON: the gap between the two lines is the
 * web layer, the gap between the beans line and raw is mapping and the service's own
 * reads.
 *
 * <p>
 * Measured, one request at a time (a benchmark of cost, not of concurrency; the service
 * and its raw counterpart alternate, so a change in the machine's load hits both):
 * <ul>
 * <li>judge panel read — service: {@code myAssignments} over GraphQL on loopback; raw:
 * the round, the judge record and the judge's work by {@code _id}, then the sheets and
 * the proposals by {@code $in} on {@code _id}, and for the GraphQL line first the two
 * lookups that authenticate the bearer token (the token by its hash, its user by
 * id);</li>
 * <li>sheet save — service: {@code saveScoreSheet} with {@code expectedVersion} over
 * GraphQL; raw: the two token lookups, the three reads by id the rules need (round,
 * judge, work) and the conditional {@code findOneAndUpdate} by {@code _id}, version and
 * status (the beans line: without the token lookups); the write alone is printed for
 * reference, without the goal;</li>
 * <li>page of 100 proposals — service: {@code proposals(first: 100, orderBy: TITLE)}
 * anonymous over GraphQL; raw: one find of the hackathon's non-draft proposals sorted by
 * title, limit 101, without the search copy;</li>
 * <li>ranking read of the 30,000-sheet round — service: {@link RankingService#compute}
 * through the service beans (the ranking itself is cached by input fingerprint after the
 * first call, so what is measured is reading the plan, works, judges and every sheet and
 * building the ranking input, with its fingerprint); raw: the reads it needs — the round,
 * its hackathon and the plan by id, the judges' works by one {@code $in} of ids, the
 * judges, and one find of the round's sheets, streamed, with the same four fields the
 * service reads (judge, proposal, status, scores). Also the sheet read alone
 * ({@code ScoreSheetService.sheetsOf}) beside that last find alone, and, for comparison,
 * the shape the ranking used before, an {@code $in} of sheet ids, measured on 3,000 ids
 * (30,000 in one {@code $in} outlasted the driver's socket timeout on H2).</li>
 * </ul>
 *
 * <p>
 * Arguments ({@code BENCH_ARGS}):
 * {@code --backend=h2|memory --proposals=3000 --judges=200 --k=10 --runs=40
 * --ranking-runs=6 --warm-up-seconds=20}; {@code --only=overhead} measures only the fixed
 * cost of a request (no set-up). Run: {@code scripts/bench store}, or the main class on
 * the test classpath. A full run took 4.5 minutes on two shared cores (load average 7),
 * set-up 1.7 minutes of it; expect about 3 minutes on an idle machine.
 */
public final class StoreBenchmark {

	static final String[] CRITERIA = { "impact", "feasibility", "collaboration", "openness", "team" };

	static final String PANEL = "query($r: ID!) { myAssignments(roundId: $r) { assigned submitted "
			+ "proposals { proposalId proposal { id title { zhTW en } } sheet { id version status scores { criterionId value } } } } }";

	static final String SAVE = "mutation($i: SaveScoreSheetInput!) { saveScoreSheet(input: $i) { sheet { id version status } } }";

	static final String PAGE = """
			query($slug: String!) {
			  proposals(hackathonSlug: $slug, first: 100, orderBy: TITLE) {
			    edges { node { id title { zhTW en } proposerName status linkCount teamSize needs
			      tags { id zhTW en } project { id name { zhTW en } } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	private StoreBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String backend = options.getOrDefault("backend", "h2");
		int proposalCount = Integer.parseInt(options.getOrDefault("proposals", "3000"));
		int judgeCount = Integer.parseInt(options.getOrDefault("judges", "200"));
		int k = Integer.parseInt(options.getOrDefault("k", "10"));
		int runs = Integer.parseInt(options.getOrDefault("runs", "40"));
		int rankingRuns = Integer.parseInt(options.getOrDefault("ranking-runs", "6"));
		warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up-seconds", "20")));
		String loadBefore = loadAverage();
		Path dataDir = Files.createTempDirectory("hacktrail-store-bench");
		StoreFileFigures fileFigures = StoreFileFigures.watch(dataDir);
		ConfigurableApplicationContext context = new SpringApplication(HacktrailApplication.class, ServerTiming.class)
			.run("--server.port=0", "--spring.mongodb.uri=", "--hacktrail.store.embedded.backend=" + backend,
					"--hacktrail.store.embedded.data-dir=" + dataDir,
					"--hacktrail.organizers=" + TestAccounts.ORGANIZER_EMAIL, "--hacktrail.rate-limit.enabled=false",
					"--logging.level.root=warn", "--logging.level.de.bwaldvogel=error",
					"--spring.main.banner-mode=off");
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			Http http = Http.localhost(port);
			TestAccounts accounts = new TestAccounts(context.getBean(UserDirectory.class),
					context.getBean(ApiTokenRepository.class));
			TestAccounts.Account organizer = accounts.organizer();
			MongoTemplate mongo = context.getBean(MongoTemplate.class);
			System.out.printf(Locale.ROOT, "store benchmark: embedded store, %s backend, %d cores, Java %s%n", backend,
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

			// ---- what one request costs before any feature's work: the floor under
			// every GraphQL figure below
			TestAccounts.Account caller = accounts.user("store-bench-caller");
			Op ping = () -> require(ok(http.graphql("{ __typename }")).path("__typename").asString().equals("Query"),
					"typename");
			Op me = () -> require(ok(http.graphql("{ me { id } }", caller.headers())).path("me")
				.path("id")
				.asString()
				.equals(caller.id()), "me");
			// Spring Data stores a String id that looks like an ObjectId as an ObjectId.
			Object callerKey = ObjectId.isValid(caller.id()) ? new ObjectId(caller.id()) : caller.id();
			Op oneFind = () -> require(mongo.getDb().getCollection("users").find(eq("_id", callerKey)).first() != null,
					"user");
			System.out.println("fixed cost of one request (HTTP, filters, GraphQL, JSON), beside one raw find by _id:");
			fixedCost("GraphQL { __typename }, anonymous", ping, runs * 5);
			fixedCost("GraphQL { me { id } }, API token", me, runs * 5);
			fixedCost("raw: 1 find by _id", oneFind, runs * 5);
			System.out.println();
			if ("overhead".equals(options.get("only"))) {
				return;
			}

			// ---- set-up
			long setUp = System.nanoTime();
			String slug = "store-bench-" + Long.toHexString(System.nanoTime());
			String[] created = hackathon(http, organizer, slug);
			String hackathonId = created[0];
			String roundId = created[1];
			importProposals(http, organizer, slug, proposalCount);
			List<TestAccounts.Account> judges = new ArrayList<>();
			for (int j = 0; j < judgeCount; j++) {
				judges.add(accounts.user("store-bench-judge-" + j));
			}
			inParallel(4, judges.size(), (j) -> {
				ObjectNode invite = Http.json();
				invite.putObject("i")
					.put("hackathonId", hackathonId)
					.put("email", judges.get(j).user().email())
					.put("sector", (j % 2 == 0) ? "PUBLIC" : "PRIVATE");
				String token = setUpCall(http, "mutation($i: InviteJudgeInput!) { inviteJudge(input: $i) { token } }",
						invite, organizer)
					.path("inviteJudge")
					.path("token")
					.asString();
				ObjectNode accept = Http.json();
				accept.putObject("i").put("token", token);
				setUpCall(http,
						"mutation($i: AcceptJudgeInvitationInput!) { acceptJudgeInvitation(input: $i) { judge { id } } }",
						accept, judges.get(j));
			});
			ObjectNode configure = Http.json();
			ObjectNode input = configure.putObject("i").put("roundId", roundId).put("judgesPerProposal", k);
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
			setUpCall(http, "mutation($i: ConfigureRoundInput!) { configureRound(input: $i) { round { id } } }",
					configure, organizer);
			ObjectNode assign = Http.json();
			assign.putObject("i").put("roundId", roundId).put("seed", "7");
			setUpCall(http, "mutation($i: AssignJudgesInput!) { assignJudges(input: $i) { round { id } } }", assign,
					organizer);
			ObjectNode open = Http.json();
			open.putObject("i").put("roundId", roundId).put("to", "OPEN");
			setUpCall(http,
					"mutation($i: ChangeRoundStatusInput!) { changeRoundStatus(input: $i) { round { status } } }", open,
					organizer);
			RoundService roundService = context.getBean(RoundService.class);
			JudgingRound round = roundService.requireStored(roundId);
			AssignmentService assignments = context.getBean(AssignmentService.class);
			JudgingPlan plan = roundService.currentPlan(round);
			Map<String, List<String>> works = assignments.works(plan);
			TestAccounts.Account saver = judges.get(0);
			int sheetCount = seedSheets(mongo, round, works, saver.id());
			System.out.printf(Locale.ROOT,
					"set-up: %,d proposals, %d judges, k = %d → %,d assignments; %,d score sheets inserted "
							+ "(SUBMITTED; the first judge's %d DRAFT) in %.1f s%n",
					proposalCount, judgeCount, k, plan.assignmentCount(), sheetCount, works.get(saver.id()).size(),
					(System.nanoTime() - setUp) / 1e9);

			MongoDatabase db = mongo.getDb();
			List<Row> rows = new ArrayList<>();
			System.out.println();
			Row.header();

			// ---- judge panel read
			List<TestAccounts.Account> panelJudges = judges.subList(1, Math.min(judges.size(), 21));
			int[] turn = new int[1];
			Op panelService = () -> {
				TestAccounts.Account judge = panelJudges.get(turn[0] % panelJudges.size());
				JsonNode data = ok(http.graphql(PANEL, Http.json().put("r", roundId), judge.headers()));
				require(data.path("myAssignments").path("proposals").size() == works.get(judge.id()).size(), "panel");
			};
			Op panelRaw = () -> {
				TestAccounts.Account judge = panelJudges.get(turn[0]++ % panelJudges.size());
				rawPanel(db, round, judge.id());
			};
			String panelName = "judge panel read (" + works.get(panelJudges.get(0).id()).size() + " proposals)";
			// Over HTTP the service also authenticates the judge's API token: two more
			// lookups it needs.
			Op panelRawSignedIn = () -> {
				TestAccounts.Account judge = panelJudges.get(turn[0]++ % panelJudges.size());
				rawAuth(db, judge.secret());
				rawPanel(db, round, judge.id());
			};
			rows.add(measureOverHttp(panelName, "GraphQL myAssignments", panelService, "2 auth finds + 5 finds",
					panelRawSignedIn, runs));
			ScoreSheetService sheetService = context.getBean(ScoreSheetService.class);
			ProposalLookup judgingProposals = context.getBean(ProposalLookup.class);
			Op panelBeans = () -> {
				TestAccounts.Account judge = panelJudges.get(turn[0] % panelJudges.size());
				asUser(judge.id(), () -> {
					ScoreSheetService.MyAssignments mine = sheetService.myAssignments(roundId);
					require(judgingProposals
						.byIds(mine.proposals().stream().map(ScoreSheetService.AssignedProposal::proposalId).toList())
						.size() == mine.assigned(), "panel proposals");
				});
			};
			rows.add(measure(panelName, "beans: myAssignments+proposals", panelBeans, "5 finds by _id/$in _id",
					panelRaw, runs));

			// ---- sheet save
			List<String> saverWork = works.get(saver.id());
			Map<String, Long> versions = new TreeMap<>();
			saverWork.forEach((p) -> versions.put(p, 0L));
			int[] saves = new int[2];
			Op saveService = () -> {
				String proposal = saverWork.get(saves[0]++ % (saverWork.size() / 2));
				ObjectNode variables = sheetInput(roundId, proposal, saves[0], versions.get(proposal));
				JsonNode sheet = ok(http.graphql(SAVE, variables, saver.headers())).path("saveScoreSheet")
					.path("sheet");
				versions.put(proposal, sheet.path("version").asLong());
			};
			// The raw side writes the other half of the judge's sheets, so both sides
			// always hold the version.
			Op saveRawWrite = () -> {
				String proposal = saverWork.get(saverWork.size() / 2 + saves[1]++ % (saverWork.size() / 2));
				rawSave(db, ScoreSheet.idOf(roundId, saver.id(), proposal), versions, proposal, saves[1]);
			};
			rows.add(measure("sheet save (versioned)", "GraphQL saveScoreSheet", saveService,
					"the write alone (reference)", saveRawWrite, runs, true, true));
			Op saveRawAll = () -> {
				String proposal = saverWork.get(saverWork.size() / 2 + saves[1]++ % (saverWork.size() / 2));
				rawSaveReads(db, round, saver.id());
				rawSave(db, ScoreSheet.idOf(roundId, saver.id(), proposal), versions, proposal, saves[1]);
			};
			Op saveRawSignedIn = () -> {
				String proposal = saverWork.get(saverWork.size() / 2 + saves[1]++ % (saverWork.size() / 2));
				rawAuth(db, saver.secret());
				rawSaveReads(db, round, saver.id());
				rawSave(db, ScoreSheet.idOf(roundId, saver.id(), proposal), versions, proposal, saves[1]);
			};
			rows.add(measureOverHttp("sheet save (versioned)", "GraphQL saveScoreSheet", saveService,
					"2 auth finds + 3 finds + write", saveRawSignedIn, runs));
			Op saveBeans = () -> {
				String proposal = saverWork.get(saves[0]++ % (saverWork.size() / 2));
				asUser(saver.id(), () -> {
					ScoreSheet sheet = sheetService.save(new ScoreSheetService.SaveScoreSheetInput(roundId, proposal,
							scoreInputs(saves[0]), null, versions.get(proposal).intValue()));
					versions.put(proposal, sheet.version());
				});
			};
			rows.add(measure("sheet save (versioned)", "beans: ScoreSheetService.save", saveBeans,
					"3 finds by _id + that write", saveRawAll, runs));

			// ---- page of 100 proposals
			Op pageService = () -> {
				JsonNode page = ok(http.graphql(PAGE, Http.json().put("slug", slug)));
				require(page.path("proposals").path("edges").size() == 100, "page");
			};
			Op pageRaw = () -> require(rawPage(db, hackathonId) == 101, "raw page");
			rows.add(measureOverHttp("page of 100 proposals", "GraphQL proposals, anonymous", pageService,
					"1 find sort+limit 101", pageRaw, runs));
			ProposalService proposalService = context.getBean(ProposalService.class);
			Hackathon hackathon = context.getBean(HackathonService.class).requireVisibleBySlug(slug);
			Op pageBeans = () -> require(proposalService
				.list(hackathon, null, ProposalService.ProposalOrder.TITLE,
						ScrollSubrange.create(ScrollPosition.keyset(), 100, true))
				.size() == 100, "beans page");
			rows.add(measure("page of 100 proposals", "beans: ProposalService.list", pageBeans, "1 find sort+limit 101",
					pageRaw, runs));

			// ---- ranking read of the round
			RankingService ranking = context.getBean(RankingService.class);
			RoundService rounds = context.getBean(RoundService.class);
			long firstRank = System.nanoTime();
			RankingService.Computed computed = ranking.compute(rounds.require(roundId));
			String firstCompute = String.format(Locale.ROOT,
					"ranking: first compute (ranks, %d bootstrap replicates) "
							+ "%.0f ms; %,d sheets counted; later calls reuse the cached result by input fingerprint%n",
					round.config().bootstrapReplicates(), (System.nanoTime() - firstRank) / 1e6,
					computed.input().sheets().size());
			int expected = sheetCount;
			Op rankingService = () -> require(ranking.compute(rounds.require(roundId)).input().sheets().size() > 0,
					"ranking");
			Op rankingReads = () -> require(rawRanking(db, round) == expected, "raw ranking reads");
			rows.add(measure("ranking read, " + String.format(Locale.ROOT, "%,d", sheetCount) + " sheets",
					"RankingService.compute (beans)", rankingService, "5 finds + 1 find by roundId, streamed",
					rankingReads, rankingRuns));
			Op rankingRaw = () -> require(rawRoundSheets(db, roundId) == expected, "raw sheets");
			ScoreSheetService sheetReader = context.getBean(ScoreSheetService.class);
			Op sheetsBeans = () -> require(sheetReader.sheetsOf(round, works).size() == expected, "sheetsOf");
			rows.add(measure("ranking read, " + String.format(Locale.ROOT, "%,d", sheetCount) + " sheets",
					"beans: sheet read alone (sheetsOf)", sheetsBeans, "1 find by roundId, streamed", rankingRaw,
					rankingRuns));
			// The shape the ranking used before (an $in of every sheet id), for
			// comparison; the embedded store looks
			// each id up on its own, so at 30,000 ids one find outlasted the driver's
			// socket timeout: measured on the
			// first 3,000 ids only.
			Op rankingRawIn = () -> require(rawSheetsById(db, roundId, works, 3000) == Math.min(3000, expected),
					"raw $in");
			Op sheetsBeansAgain = () -> require(sheetReader.sheetsOf(round, works).size() == expected, "sheetsOf");
			rows.add(measure("ranking read, " + String.format(Locale.ROOT, "%,d", sheetCount) + " sheets",
					"beans: sheet read alone (sheetsOf)", sheetsBeansAgain,
					"$in of " + String.format(Locale.ROOT, "%,d", Math.min(3000, expected)) + " sheet _ids (old shape)",
					rankingRawIn, rankingRuns));

			// ---- report (each line was printed as it was measured)
			System.out.printf(Locale.ROOT,
					"%nruns: %d per operation (%d for the ranking read) after %d s of warm-up each, one at a time, "
							+ "service and raw alternating; ratio = service p50 / raw p50%n"
							+ "GraphQL lines: the service's time is the server's, from its first servlet filter until the "
							+ "response is written; \"client p50\" is the same requests as the benchmark's HTTP client "
							+ "saw them%n",
					runs, rankingRuns, warmUp.toSeconds());
			System.out.printf(Locale.ROOT, "JIT compilers busy %.0f %% of the measured time (%.1f of %.1f s)%n",
					100.0 * compilingMillis / (measuredNanos / 1e6), compilingMillis / 1e3, measuredNanos / 1e9);
			System.out.print(firstCompute);
			System.out.println("load average before: " + loadBefore + "; after: " + loadAverage()
					+ " (other work on the machine slows every figure above)");
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
	 * Runs the block signed in as the user (no roles), as a request's security context
	 * would.
	 */
	static void asUser(String userId, Op block) throws Exception {
		SignedInUser principal = () -> userId;
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
		try {
			block.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static List<ScoreSheetService.ScoreInput> scoreInputs(int n) {
		List<ScoreSheetService.ScoreInput> inputs = new ArrayList<>();
		for (int c = 0; c < CRITERIA.length; c++) {
			inputs.add(new ScoreSheetService.ScoreInput(CRITERIA[c], 1.0 + (n + c) % 10 * 0.9));
		}
		return inputs;
	}

	// ---- raw store operations, with the driver alone

	static void rawPanel(MongoDatabase db, JudgingRound round, String userId) {
		Document stored = db.getCollection("judging_rounds").find(eq("_id", round.id())).first();
		Document judge = db.getCollection("judges").find(eq("_id", Judge.idOf(round.hackathonId(), userId))).first();
		Document work = db.getCollection("judge_assignments")
			.find(eq("_id", JudgeWork.idOf(round.planId(), userId)))
			.first();
		require(stored != null && judge != null && work != null, "panel documents");
		List<String> proposals = work.getList("proposalIds", String.class);
		List<String> sheetIds = proposals.stream().map((p) -> ScoreSheet.idOf(round.id(), userId, p)).toList();
		int sheets = 0;
		for (Document ignored : db.getCollection("score_sheets").find(in("_id", sheetIds))) {
			sheets++;
		}
		int found = 0;
		for (Document ignored : db.getCollection("proposals")
			.find(in("_id", proposals))
			.projection(Projections.exclude("searchText"))) {
			found++;
		}
		require(sheets == proposals.size() && found == proposals.size(), "panel counts");
	}

	/**
	 * What authenticating a bearer token costs in the store: the token by the SHA-256 of
	 * the secret (a unique index), then its user by _id, as
	 * {@code ApiTokenService.authenticate} does.
	 */
	static void rawAuth(MongoDatabase db, String secret) throws Exception {
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		Document token = db.getCollection("api_tokens").find(eq("tokenHash", hash)).first();
		require(token != null, "api token");
		String userId = token.getString("userId");
		Object key = ObjectId.isValid(userId) ? new ObjectId(userId) : userId;
		require(db.getCollection("users").find(eq("_id", key)).first() != null, "token's user");
	}

	static void rawSaveReads(MongoDatabase db, JudgingRound round, String userId) {
		require(db.getCollection("judging_rounds").find(eq("_id", round.id())).first() != null, "round");
		require(db.getCollection("judges").find(eq("_id", Judge.idOf(round.hackathonId(), userId))).first() != null,
				"judge");
		require(db.getCollection("judge_assignments")
			.find(eq("_id", JudgeWork.idOf(round.planId(), userId)))
			.first() != null, "work");
	}

	static void rawSave(MongoDatabase db, String sheetId, Map<String, Long> versions, String proposal, int n) {
		long version = versions.get(proposal);
		Document scores = new Document();
		for (int c = 0; c < CRITERIA.length; c++) {
			scores.append(CRITERIA[c], 1.0 + (n + c) % 10 * 0.9);
		}
		Bson filter = new Document("_id", sheetId).append("version", version).append("status", "DRAFT");
		Document saved = db.getCollection("score_sheets")
			.findOneAndUpdate(filter,
					new Document("$set", new Document("scores", scores).append("updatedAt", new Date())).append("$inc",
							new Document("version", 1L)),
					new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		require(saved != null, "raw save of " + sheetId + " at version " + version);
		versions.put(proposal, ((Number) saved.get("version")).longValue());
	}

	static int rawPage(MongoDatabase db, String hackathonId) {
		int count = 0;
		for (Document ignored : db.getCollection("proposals")
			.find(and(eq("hackathonId", hackathonId), ne("status", ProposalStatus.DRAFT.name())))
			.projection(Projections.exclude("searchText"))
			.sort(Sorts.ascending("normalizedTitle", "_id"))
			.limit(101)) {
			count++;
		}
		return count;
	}

	/**
	 * What the ranking reads: the round and its hackathon by id, the current plan by id,
	 * every judge's work (one {@code $in} of ids), the hackathon's judges, then the
	 * round's sheets streamed.
	 */
	static int rawRanking(MongoDatabase db, JudgingRound round) {
		Document stored = db.getCollection("judging_rounds").find(eq("_id", round.id())).first();
		Document hackathon = db.getCollection("hackathons").find(eq("_id", round.hackathonId())).first();
		Document plan = db.getCollection("judging_plans").find(eq("_id", round.planId())).first();
		require(stored != null && hackathon != null && plan != null, "ranking documents");
		List<String> workIds = plan.getList("judgeIds", String.class)
			.stream()
			.map((user) -> JudgeWork.idOf(round.planId(), user))
			.toList();
		int works = 0;
		for (Document ignored : db.getCollection("judge_assignments").find(in("_id", workIds))) {
			works++;
		}
		int judges = 0;
		for (Document ignored : db.getCollection("judges").find(eq("hackathonId", round.hackathonId()))) {
			judges++;
		}
		require(works == workIds.size() && judges >= works, "works and judges");
		return rawRoundSheets(db, round.id());
	}

	/**
	 * The fields the ranking reads of a sheet (ScoreSheetService.sheetsOf): the raw reads
	 * fetch the same.
	 */
	static final Bson RANKED_FIELDS = Projections
		.fields(Projections.include("judgeUserId", "proposalId", "status", "scores"), Projections.excludeId());

	static int rawRoundSheets(MongoDatabase db, String roundId) {
		MongoCollection<Document> sheets = db.getCollection("score_sheets");
		int count = 0;
		try (MongoCursor<Document> cursor = sheets.find(eq("roundId", roundId))
			.projection(RANKED_FIELDS)
			.batchSize(1000)
			.iterator()) {
			while (cursor.hasNext()) {
				cursor.next();
				count++;
			}
		}
		return count;
	}

	static int rawSheetsById(MongoDatabase db, String roundId, Map<String, List<String>> works, int limit) {
		List<String> ids = new ArrayList<>();
		works.forEach((user, proposals) -> proposals.forEach((p) -> {
			if (ids.size() < limit) {
				ids.add(ScoreSheet.idOf(roundId, user, p));
			}
		}));
		int count = 0;
		try (MongoCursor<Document> cursor = db.getCollection("score_sheets")
			.find(in("_id", ids))
			.projection(RANKED_FIELDS)
			.batchSize(1000)
			.iterator()) {
			while (cursor.hasNext()) {
				cursor.next();
				count++;
			}
		}
		return count;
	}

	// ---- set-up

	/**
	 * Inserts a sheet for every assignment, as the service writes them (its entity, its
	 * converter).
	 */
	static int seedSheets(MongoTemplate mongo, JudgingRound round, Map<String, List<String>> works, String draftJudge) {
		Instant now = Instant.now();
		List<ScoreSheet> batch = new ArrayList<>();
		int count = 0;
		for (Map.Entry<String, List<String>> work : works.entrySet()) {
			String judge = work.getKey();
			boolean draft = judge.equals(draftJudge);
			for (String proposal : work.getValue()) {
				Map<String, Double> scores = new TreeMap<>();
				for (int c = 0; c < CRITERIA.length; c++) {
					scores.put(CRITERIA[c], 1.0 + Math.floorMod(proposal.hashCode() + judge.hashCode() + c, 10) * 0.9);
				}
				batch.add(new ScoreSheet(ScoreSheet.idOf(round.id(), judge, proposal), round.hackathonId(), round.id(),
						judge, proposal, scores, draft ? null : "Clear problem statement; the data exists.",
						draft ? SheetStatus.DRAFT : SheetStatus.SUBMITTED,
						draft ? List.of()
								: List.of(new SheetEvent(now, judge, SheetStatus.DRAFT, SheetStatus.SUBMITTED, null)),
						draft ? null : now, now, now, null));
				if (batch.size() == 1000) {
					mongo.insertAll(batch);
					count += batch.size();
					batch.clear();
				}
			}
		}
		mongo.insertAll(batch);
		return count + batch.size();
	}

	static String[] hackathon(Http http, TestAccounts.Account organizer, String slug) throws Exception {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("i");
		input.put("slug", slug).put("kind", "OTHER").put("timeZone", "Asia/Taipei");
		input.put("startsAt", "2026-11-28T09:00:00+08:00").put("endsAt", "2026-11-29T18:00:00+08:00");
		input.putObject("name").put("zhTW", "儲存效能測試").put("en", "Store benchmark");
		input.putArray("rounds").addObject().put("kind", "REVIEW").putObject("name").put("en", "Review");
		JsonNode hackathon = setUpCall(http,
				"mutation($i: CreateHackathonInput!) { createHackathon(input: $i) { "
						+ "hackathon { id rounds { id } } } }",
				variables, organizer)
			.path("createHackathon")
			.path("hackathon");
		String id = hackathon.path("id").asString();
		for (String phase : List.of("OPEN_FOR_PROPOSALS", "PITCHING", "HACKING", "JUDGING")) {
			ObjectNode move = Http.json();
			move.putObject("i").put("hackathonId", id).put("to", phase);
			setUpCall(http,
					"mutation($i: ChangeHackathonPhaseInput!) { changeHackathonPhase(input: $i) { hackathon { phase } } }",
					move, organizer);
		}
		return new String[] { id, hackathon.path("rounds").get(0).path("id").asString() };
	}

	static void importProposals(Http http, TestAccounts.Account organizer, String slug, int count) throws Exception {
		// In files of at most 1,500 rows (the request size limit), as an organizer would.
		for (int from = 0; from < count; from += 1500) {
			StringBuilder csv = new StringBuilder("title,proposer,summary,tags\r\n");
			for (int i = from; i < Math.min(count, from + 1500); i++) {
				csv.append("\"提案 ")
					.append(i)
					.append(" Proposal ")
					.append(i)
					.append("\",Person ")
					.append(i % 300)
					.append(",\"")
					.append(("第 " + i + " 號提案：開放資料與公民參與。Proposal " + i + ": open data, civic participation. ")
						.repeat(3))
					.append("\",education;health\r\n");
			}
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/hackathons/" + slug + "/proposals/import"))
					.timeout(Duration.ofMinutes(5))
					.header("Content-Type", "text/csv")
					.header("Authorization", "Bearer " + organizer.secret())
					.POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8))
					.build(), HttpResponse.BodyHandlers.ofString());
			require(response.statusCode() == 200, "import: " + response.statusCode() + " " + response.body());
		}
	}

	static ObjectNode sheetInput(String roundId, String proposal, int n, long expectedVersion) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("i").put("roundId", roundId).put("proposalId", proposal);
		ArrayNode list = input.putArray("scores");
		for (int c = 0; c < CRITERIA.length; c++) {
			list.addObject().put("criterionId", CRITERIA[c]).put("value", 1.0 + (n + c) % 10 * 0.9);
		}
		input.put("expectedVersion", expectedVersion);
		return variables;
	}

	// ---- measuring

	@FunctionalInterface
	interface Op {

		void run() throws Exception;

	}

	/** One line of the report: p50 and p90 in ms of each side. */
	/**
	 * One line of the table. {@code client} is, for an operation over HTTP, its time as
	 * the benchmark's HTTP client saw it; {@code service} is then the server's own time
	 * ({@link ServerTiming}).
	 */
	record Row(String name, String serviceLabel, double[] service, String rawLabel, double[] raw, boolean isReference,
			double @Nullable [] client) {

		static void header() {
			System.out.printf(Locale.ROOT, "%-32s %-34s %9s %9s   %-37s %9s %9s %7s  %-9s  %s%n", "operation",
					"service", "p50 ms", "p90 ms", "raw driver", "p50 ms", "p90 ms", "ratio", "goal ≤ 2×",
					"client p50");
		}

		void print() {
			double ratio = this.service[0] / this.raw[0];
			System.out.printf(Locale.ROOT, "%-32s %-34s %9.1f %9.1f   %-37s %9.1f %9.1f %6.1f×  %-9s  %s%n", this.name,
					this.serviceLabel, this.service[0], this.service[1], this.rawLabel, this.raw[0], this.raw[1], ratio,
					this.isReference ? "-" : (ratio <= 2.0) ? "within" : "OVER",
					(this.client != null) ? String.format(Locale.ROOT, "%.1f ms", this.client[0]) : "");
		}

	}

	/**
	 * How long each operation is run before it is measured. A fresh JVM serving a Spring
	 * application keeps its JIT compilers busy for thousands of requests; on two cores
	 * they take a core from the request being timed, so a short warm-up measures
	 * compilation, not Hacktrail (an anonymous {@code { __typename }} took 11 ms after
	 * 100 warm-up requests and 1.3 ms after 10,000).
	 */
	static Duration warmUp = Duration.ofSeconds(20);

	/**
	 * JIT compilation time and wall time spent inside the measured loops, for the report.
	 */
	static long measuredNanos;

	static long compilingMillis;

	/**
	 * Warms both up (at least {@link #warmUp}), then runs them alternately {@code runs}
	 * times each.
	 */
	static Row measure(String name, String serviceLabel, Op service, String rawLabel, Op raw, int runs)
			throws Exception {
		return measure(name, serviceLabel, service, rawLabel, raw, runs, false, false);
	}

	/**
	 * As {@link #measure(String, String, Op, String, Op, int)} for an operation over
	 * HTTP: the service side is the server's time for it ({@link ServerTiming}); the
	 * client's is printed beside it.
	 */
	static Row measureOverHttp(String name, String serviceLabel, Op service, String rawLabel, Op raw, int runs)
			throws Exception {
		return measure(name, serviceLabel, service, rawLabel, raw, runs, false, true);
	}

	/**
	 * As {@link #measure(String, String, Op, String, Op, int)}; a reference line (its raw
	 * side is not all the operation needs) is printed without the goal; {@code overHttp}:
	 * see {@link #measureOverHttp(String, String, Op, String, Op, int)}.
	 */
	static Row measure(String name, String serviceLabel, Op service, String rawLabel, Op raw, int runs,
			boolean reference, boolean overHttp) throws Exception {
		long warmUntil = System.nanoTime() + warmUp.toNanos();
		for (int i = 0; i < Math.max(2, runs / 4) || System.nanoTime() < warmUntil; i++) {
			service.run();
			raw.run();
		}
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		long compilingBefore = jit.getTotalCompilationTime();
		long start = System.nanoTime();
		long[] serviceTimes = new long[runs];
		long[] clientTimes = new long[runs];
		long[] rawTimes = new long[runs];
		for (int i = 0; i < runs; i++) {
			ServerTiming.take();
			long t0 = System.nanoTime();
			service.run();
			long t1 = System.nanoTime();
			long server = ServerTiming.take();
			raw.run();
			long t2 = System.nanoTime();
			clientTimes[i] = t1 - t0;
			serviceTimes[i] = overHttp ? server : t1 - t0;
			rawTimes[i] = t2 - t1;
			if (overHttp && server == 0) {
				throw new IllegalStateException(name + ": the operation made no HTTP request");
			}
		}
		measuredNanos += System.nanoTime() - start;
		compilingMillis += jit.getTotalCompilationTime() - compilingBefore;
		Row row = new Row(name, serviceLabel, percentiles(serviceTimes), rawLabel, percentiles(rawTimes), reference,
				overHttp ? percentiles(clientTimes) : null);
		row.print();
		return row;
	}

	/**
	 * Warms up, then runs one operation alone {@code runs} times and prints its p50 and
	 * p90.
	 */
	static void fixedCost(String label, Op op, int runs) throws Exception {
		long warmUntil = System.nanoTime() + warmUp.toNanos();
		for (int i = 0; i < Math.max(2, runs / 4) || System.nanoTime() < warmUntil; i++) {
			op.run();
		}
		long[] times = new long[runs];
		long[] server = new long[runs];
		for (int i = 0; i < runs; i++) {
			ServerTiming.take();
			long t0 = System.nanoTime();
			op.run();
			times[i] = System.nanoTime() - t0;
			server[i] = ServerTiming.take();
		}
		double[] p = percentiles(times);
		double[] inServer = percentiles(server);
		System.out.printf(Locale.ROOT, "  %-40s p50 %6.1f ms   p90 %6.1f ms%s%n", label, p[0], p[1], (inServer[0] > 0)
				? String.format(Locale.ROOT, "   (in the server: p50 %.1f ms, p90 %.1f ms)", inServer[0], inServer[1])
				: "");
	}

	static double[] percentiles(long[] times) {
		long[] sorted = times.clone();
		Arrays.sort(sorted);
		return new double[] { sorted[(sorted.length - 1) / 2] / 1e6,
				sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.9 * sorted.length) - 1)] / 1e6 };
	}

	static final HttpClient SET_UP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/**
	 * A set-up request, with a long timeout: opening a round of 3,000 proposals moves
	 * each through its lifecycle and took more than the test client's 30 s on a loaded
	 * machine.
	 */
	static JsonNode setUpCall(Http http, String query, ObjectNode variables, TestAccounts.Account as) throws Exception {
		ObjectNode body = Http.json().put("query", query);
		body.set("variables", variables);
		HttpResponse<String> response = SET_UP.send(HttpRequest.newBuilder(URI.create(http.base() + "/graphql"))
			.timeout(Duration.ofMinutes(15))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + as.secret())
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode json = Http.parse(response.body());
		if (response.statusCode() != 200 || json.has("errors")) {
			throw new IllegalStateException("Set-up failed: " + response.statusCode() + " " + response.body());
		}
		return json.path("data");
	}

	static JsonNode ok(Http.GraphQlResult result) {
		if (result.status() != 200 || result.hasErrors()) {
			throw new IllegalStateException("GraphQL failed: " + result.status() + " " + result.body());
		}
		return result.data();
	}

	static void require(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Unexpected result: " + what);
		}
	}

	interface Task {

		void run(int index) throws Exception;

	}

	static void inParallel(int threads, int count, Task task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
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
		}
		finally {
			pool.shutdown();
		}
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+", 4)[0];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
			else if (!arg.isBlank()) {
				throw new IllegalArgumentException(
						"Unknown argument " + arg + "; use --name=value (backend, proposals, "
								+ "judges, k, runs, ranking-runs, warm-up-seconds, only=overhead)");
			}
		}
		return options;
	}

}
