package org.hacktrail.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.judging.JudgingApi;
import org.hacktrail.judging.sheet.ScoreSheet;
import org.hacktrail.judging.sheet.SheetEvent;
import org.hacktrail.judging.sheet.SheetStatus;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.StoreCommands;
import org.hacktrail.support.StoreCommands.StoreCommand;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four hot paths (judge panel read, sheet save, page of proposals, ranking read),
 * called through GraphQL with realistic data: every filter they send is one the embedded
 * store serves fast (no {@code $and} wrapper, {@code $in} only alone on {@code _id}), and
 * each costs a fixed number of store round trips, so that an N+1 (a read per proposal,
 * per sheet, per judge) fails here.
 *
 * <p>
 * Data: one hackathon in JUDGING with a REVIEW round of 150 imported proposals, 6 judges,
 * k = 2 (50 proposals per judge, 300 assignments); the first judge's sheets are written
 * through the API, the others' inserted as the service writes them (SUBMITTED). Requests
 * authenticate with API tokens, which costs two lookups (token, user) before any resolver
 * runs: they are counted in the totals below.
 *
 * <p>
 * What these tests found when written: the page of proposals sent an {@code $and} wrapper
 * as soon as a cursor was given (and an {@code $in} on status beside other conditions for
 * a status filter); it now sends one implicit AND with the keyset {@code $or} at the top
 * level, and filters drafts' visibility and several statuses in Java. The ranking read
 * passed the shape rules but read every sheet by an {@code $in} of 30,000 ids, which the
 * embedded store serves one id at a time; it now reads the round's sheets by
 * {@code roundId} with a projection.
 */
@ServiceTest
class HotPathShapeTests {

	static final int PROPOSALS = 150;

	static final int JUDGES = 6;

	/**
	 * Set up once for the class (the context is shared): the hackathon, round and judges.
	 */
	static Fixture fixture;

	record Fixture(JudgingApi.Hackathon hackathon, String roundId, List<TestAccounts.Account> judges,
			TestAccounts.Account organizer) {
	}

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	StoreCommands commands;

	Http http;

	JudgingApi api;

	@BeforeEach
	void setUp() throws Exception {
		this.http = Http.localhost(this.port);
		if (fixture != null) {
			this.api = new JudgingApi(this.http, fixture.organizer());
			return;
		}
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		TestAccounts.Account organizer = accounts.organizer();
		this.api = new JudgingApi(this.http, organizer);
		JudgingApi.Hackathon hackathon = this.api.hackathon("OTHER", "JUDGING", "REVIEW");
		importProposals(hackathon.slug(), organizer);
		String roundId = hackathon.roundIds().get(0);
		List<TestAccounts.Account> judges = new ArrayList<>();
		for (int j = 0; j < JUDGES; j++) {
			TestAccounts.Account judge = accounts.user("hot-path-judge-" + j);
			this.api.judge(hackathon, judge, (j % 2 == 0) ? "PUBLIC" : "PRIVATE");
			judges.add(judge);
		}
		this.api.configureOk(JudgingApi.roundInput(roundId, 2));
		this.api.assignOk(roundId, "3");
		this.api.statusOk(roundId, "OPEN", null);
		// Every judge but the first has submitted every sheet (inserted as the service
		// writes a submission).
		Instant now = Instant.now();
		for (TestAccounts.Account judge : judges.subList(1, judges.size())) {
			List<ScoreSheet> sheets = new ArrayList<>();
			for (String proposal : this.api.assigned(roundId, judge)) {
				Map<String, Double> scores = new TreeMap<>(
						Map.of("impact", (double) (proposal.hashCode() & 7), "feasibility", 5.0));
				sheets.add(new ScoreSheet(ScoreSheet.idOf(roundId, judge.id(), proposal), hackathon.id(), roundId,
						judge.id(), proposal, scores, null, SheetStatus.SUBMITTED,
						List.of(new SheetEvent(now, judge.id(), SheetStatus.DRAFT, SheetStatus.SUBMITTED, null)), now,
						now, now, null));
			}
			this.mongo.insertAll(sheets);
		}
		fixture = new Fixture(hackathon, roundId, judges, organizer);
	}

	@Test
	void judgePanelReadIsSixReadsByIdWhateverTheNumberOfProposals() {
		TestAccounts.Account judge = fixture.judges().get(1);
		List<StoreCommand> sent = this.commands.assertHotPath(() -> {
			Http.GraphQlResult panel = this.api.myAssignments(fixture.roundId(), judge);
			JsonNode data = JudgingApi.ok(panel, "myAssignments");
			assertThat(data.path("proposals")).hasSize(50);
			assertThat(data.path("submitted").asInt()).isEqualTo(50);
			assertThat(data.path("proposals").get(0).path("proposal").path("title").path("en").asString())
				.startsWith("Proposal ");
		});
		assertThat(names(sent)).as(describe(sent))
			.containsExactlyInAnyOrder(AUTH_AND(
					// the round, the judge record, the judge's work, its sheets ($in by
					// _id), the proposals ($in by _id),
					// the hackathon (the `round` field); the last three run in the order
					// GraphQL resolves fields
					"find judging_rounds", "find judges", "find judge_assignments", "find score_sheets",
					"find proposals", "find hackathons"));
	}

	@Test
	void savingAScoreSheetIsFourRoundTripsEachByIdAndTheVersion() {
		TestAccounts.Account judge = fixture.judges().get(0);
		String proposal = this.api.assigned(fixture.roundId(), judge).get(0);

		List<StoreCommand> first = this.commands.assertHotPath(() -> JudgingApi.ok(
				this.api.save(JudgingApi.sheetInput(fixture.roundId(), proposal, 3.0, null, null), judge),
				"saveScoreSheet"));
		assertThat(names(first)).as(describe(first))
			.containsExactly(
					AUTH_AND("find judging_rounds", "find judges", "find judge_assignments", "insert score_sheets"));

		List<StoreCommand> versioned = this.commands.assertHotPath(() -> {
			JsonNode sheet = JudgingApi
				.ok(this.api.save(JudgingApi.sheetInput(fixture.roundId(), proposal, 4.0, 6.0, 0), judge),
						"saveScoreSheet")
				.path("sheet");
			assertThat(sheet.path("version").asInt()).isEqualTo(1);
		});
		assertThat(names(versioned)).as(describe(versioned))
			.containsExactly(AUTH_AND("find judging_rounds", "find judges", "find judge_assignments",
					"findAndModify score_sheets"));
		// The conditional write names the sheet by id, the version read and the status,
		// as one implicit AND.
		StoreCommand write = versioned.get(versioned.size() - 1);
		assertThat(write.filters()).singleElement()
			.satisfies((filter) -> assertThat(filter.keySet()).containsExactly("_id", "version", "status"));
		// ... and the embedded store answers it from an index with exactly those fields,
		// instead of scanning every
		// sheet of every round (it uses an index only when a query names exactly the
		// index's fields).
		assertThat(this.mongo.indexOps(ScoreSheet.class).getIndexInfo())
			.anySatisfy((index) -> assertThat(index.getIndexFields().stream().map((f) -> f.getKey()))
				.containsExactly("_id", "version", "status"));

		List<StoreCommand> submit = this.commands.assertHotPath(() -> JudgingApi.ok(
				this.api.submit(JudgingApi.sheetInput(fixture.roundId(), proposal, 4.0, 6.0, 1), judge),
				"submitScoreSheet"));
		assertThat(names(submit)).as(describe(submit))
			.containsExactly(AUTH_AND("find judging_rounds", "find judges", "find judge_assignments",
					"findAndModify score_sheets"));
	}

	@Test
	void aPageOfOneHundredProposalsIsOneFindWhoeverReadsIt() {
		String page = """
				query($slug: String!, $after: String) {
				  proposals(hackathonSlug: $slug, first: 100, after: $after, orderBy: TITLE) {
				    edges { node { id title { zhTW en } proposerName status linkCount teamSize needs
				      tags { id zhTW en } project { id name { zhTW en } } } }
				    pageInfo { hasNextPage endCursor }
				  }
				}""";
		// Anonymous, first page: the hackathon by slug, one find of the page (projects:
		// none linked, no batch).
		List<StoreCommand> first = new ArrayList<>();
		String[] cursor = new String[1];
		first.addAll(this.commands.assertHotPath(() -> {
			JsonNode proposals = ok(this.http.graphql(page, Http.json().put("slug", fixture.hackathon().slug())),
					"proposals");
			assertThat(proposals.path("edges")).hasSize(100);
			cursor[0] = proposals.path("pageInfo").path("endCursor").asString();
		}));
		assertThat(count(first, "find proposals")).as(describe(first)).isEqualTo(1);
		assertThat(first).as(describe(first)).hasSize(2);

		// Anonymous, the next page (the keyset condition joins the visibility rule).
		List<StoreCommand> second = this.commands.assertHotPath(() -> {
			JsonNode proposals = ok(this.http.graphql(page,
					Http.json().put("slug", fixture.hackathon().slug()).put("after", cursor[0])), "proposals");
			assertThat(proposals.path("edges")).hasSize(PROPOSALS - 100);
		});
		assertThat(count(second, "find proposals")).as(describe(second)).isEqualTo(1);
		assertThat(second).as(describe(second)).hasSize(2);

		// A signed-in judge (who may also see their own drafts), next page; and filtered
		// by two statuses (opening
		// the round moved the proposals to IN_REVIEW).
		TestAccounts.Account judge = fixture.judges().get(2);
		List<StoreCommand> signedIn = this.commands.assertHotPath(() -> {
			JsonNode proposals = ok(this.http.graphql(page,
					Http.json().put("slug", fixture.hackathon().slug()).put("after", cursor[0]), judge.headers()),
					"proposals");
			assertThat(proposals.path("edges")).hasSize(PROPOSALS - 100);
		});
		assertThat(count(signedIn, "find proposals")).as(describe(signedIn)).isEqualTo(1);
		assertThat(signedIn).as(describe(signedIn)).hasSize(AUTH + 2);

		String filtered = page.replace("orderBy: TITLE", "orderBy: TITLE, filter: {status: [IN_REVIEW, DRAFT]}");
		List<StoreCommand> byStatus = this.commands.assertHotPath(() -> {
			JsonNode proposals = ok(
					this.http.graphql(filtered, Http.json().put("slug", fixture.hackathon().slug()), judge.headers()),
					"proposals");
			assertThat(proposals.path("edges")).hasSize(100);
		});
		assertThat(count(byStatus, "find proposals")).as(describe(byStatus)).isEqualTo(1);
	}

	@Test
	void rankingReadsEverySheetOfTheRoundInOneFind() {
		List<StoreCommand> sent = this.commands.assertHotPath(() -> {
			JsonNode ranking = JudgingApi.ok(this.api.ranking(fixture.roundId(), fixture.organizer()), "roundRanking");
			assertThat(ranking.path("summary").path("sheetCount").asInt()).isGreaterThanOrEqualTo(250);
			assertThat(ranking.path("lines")).isNotEmpty();
		});
		assertThat(count(sent, "find score_sheets")).as(describe(sent)).isEqualTo(1);
		// By the round, not an $in of every sheet id: the embedded store looks each id of
		// an $in up on its own (on H2,
		// ~2 s for 3,000 ids against ~0.2 s for one pass over the round's sheets), and a
		// round has tens of thousands.
		StoreCommand sheets = sent.stream().filter((c) -> "score_sheets".equals(c.collection())).findFirst().get();
		assertThat(sheets.filters()).singleElement()
			.satisfies((filter) -> assertThat(filter.keySet()).containsExactly("roundId"));
		assertThat(sheets.command().getDocument("projection").keySet()).doesNotContain("history", "comment");
		assertThat(count(sent, "find proposals")).as(describe(sent)).isLessThanOrEqualTo(1);
		assertThat(sent).as(describe(sent)).hasSizeLessThanOrEqualTo(AUTH + 9);
	}

	// ---- helpers

	/** Two lookups authenticate a bearer token: the token, then its user. */
	static final int AUTH = 2;

	static String[] AUTH_AND(String... rest) {
		String[] all = new String[rest.length + AUTH];
		all[0] = "find api_tokens";
		all[1] = "find users";
		System.arraycopy(rest, 0, all, AUTH, rest.length);
		return all;
	}

	static List<String> names(List<StoreCommand> commands) {
		return commands.stream().map((c) -> c.name() + " " + c.collection()).toList();
	}

	static long count(List<StoreCommand> commands, String name) {
		return names(commands).stream().filter(name::equals).count();
	}

	static String describe(List<StoreCommand> commands) {
		StringBuilder text = new StringBuilder("commands sent:");
		for (StoreCommand command : commands) {
			String json = command.toString();
			text.append("\n  ").append((json.length() > 400) ? json.substring(0, 400) + "…" : json);
		}
		return text.toString();
	}

	static JsonNode ok(Http.GraphQlResult result, String field) {
		return JudgingApi.ok(result, field);
	}

	void importProposals(String slug, TestAccounts.Account organizer) throws Exception {
		StringBuilder csv = new StringBuilder("title,proposer,summary,tags\r\n");
		for (int i = 0; i < PROPOSALS; i++) {
			csv.append("Proposal ")
				.append(1000 + i)
				.append(",Person ")
				.append(i)
				.append(",\"Open data ")
				.append(i)
				.append(" for better services\",education;health\r\n");
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/hackathons/" + slug + "/proposals/import"))
				.header("Content-Type", "text/csv")
				.header("Authorization", "Bearer " + organizer.secret())
				.POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
