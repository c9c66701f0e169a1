package org.hacktrail.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus against every operation on main ({@link Operations}): hostile
 * text in every free-text and map field, operators where text belongs, {@code $}-prefixed
 * and dotted keys, regular-expression bombs, enormous strings and lists, invalid UTF-8,
 * deeply nested input, and forged ids of other users' objects. Each is refused
 * (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, 4xx) or stored and returned as the plain text it
 * is — never an INTERNAL error or a 5xx — the forged ids change nothing in the store, and
 * the service is healthy afterwards.
 */
@DemoServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

	static final Set<String> ACCEPTABLE = Set.of("BAD_USER_INPUT", "NOT_FOUND", "CONFLICT");

	@LocalServerPort
	int port;

	static Set<String> refusals(Operations.TextOperation operation) {
		Set<String> codes = new java.util.HashSet<>(ACCEPTABLE);
		codes.addAll(operation.alsoRefusedWith());
		return codes;
	}

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	MongoTemplate mongo;

	World world;

	Http http;

	@BeforeAll
	void buildWorld() {
		this.http = Http.localhost(this.port);
		this.world = World.build(this.http, new TestAccounts(this.users, this.tokens), this.mongo);
	}

	private Http.GraphQlResult send(Operations.Actor actor, String document, ObjectNode variables) {
		return this.http.graphql(document, variables, actor.headers(this.world));
	}

	/**
	 * The node at a JSON pointer, where a segment {@code last} is the last element of an
	 * array.
	 */
	static JsonNode at(JsonNode root, String pointer) {
		JsonNode node = root;
		for (String part : pointer.substring(1).split("/")) {
			if (node.isArray()) {
				node = node.path(part.equals("last") ? node.size() - 1 : Integer.parseInt(part));
			}
			else {
				node = node.path(part);
			}
		}
		return node;
	}

	/** Puts {@code value} at a JSON pointer of the variables ({@code /input/needs/0}). */
	static void setAt(ObjectNode root, String pointer, JsonNode value) {
		String[] parts = pointer.substring(1).split("/");
		JsonNode parent = root;
		for (int i = 0; i < parts.length - 1; i++) {
			parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
		}
		String last = parts[parts.length - 1];
		if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), value);
		}
		else {
			((ObjectNode) parent).set(last, value);
		}
	}

	@TestFactory
	Stream<DynamicTest> hostileTextInEveryFieldIsRefusedOrStoredAsPlainText() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Operations.TextOperation operation : Operations.text()) {
			operation.textFields()
				.forEach((field, echo) -> tests.add(DynamicTest.dynamicTest(operation.name() + " " + field, () -> {
					SoftAssertions soft = new SoftAssertions();
					for (HostileInputs.Payload payload : HostileInputs.TEXT) {
						ObjectNode variables = operation.variables().apply(this.world);
						setAt(variables, field, Http.json().stringNode(payload.text()));
						long started = System.nanoTime();
						Http.GraphQlResult result = send(operation.actor(), operation.document(), variables);
						long millis = (System.nanoTime() - started) / 1_000_000;
						String what = payload.name() + " -> " + result.body();
						soft.assertThat(result.status()).as(what).isEqualTo(200);
						soft.assertThat(millis).as(payload.name() + " took").isLessThan(5_000);
						if (result.hasErrors()) {
							soft.assertThat(result.errorCode()).as(what).isIn(refusals(operation));
						}
						else if (!echo.isEmpty()) {
							soft.assertThat(at(result.data(), echo).asString()).as(what).isEqualTo(payload.text());
						}
					}
					soft.assertAll();
					assertHealthy();
				})));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> operatorsInPlaceOfTextAreRefused() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Operations.TextOperation operation : Operations.text()) {
			operation.textFields()
				.keySet()
				.forEach((field) -> tests.add(DynamicTest.dynamicTest(operation.name() + " " + field, () -> {
					for (String operator : List.of("$gt", "$where")) {
						ObjectNode variables = operation.variables().apply(this.world);
						ObjectNode injected = Http.json();
						injected.put(operator, operator.equals("$where") ? "sleep(1000)" : "");
						setAt(variables, field, injected);
						Http.GraphQlResult result = send(operation.actor(), operation.document(), variables);
						if (result.hasErrors()) {
							// An object in place of an ID is read as its text ("{$gt=}"):
							// a lookup of that text
							// finds nothing; any other field must refuse it.
							String message = String.valueOf(result.errorMessage());
							Set<String> codes = new java.util.HashSet<>(operation.alsoRefusedWith());
							codes.add("BAD_USER_INPUT");
							if (message.contains("{" + operator + "=")) {
								codes.add("NOT_FOUND");
							}
							assertThat(result.errorCode()).as(operator + " -> " + result.body()).isIn(codes);
						}
						else if (operation.alsoRefusedWith().contains(Operations.IGNORED)) {
							assertThat(result.body().toString()).as(result.body().toString()).doesNotContain(operator);
						}
						else {
							// An ID variable takes the object as its text: a lookup of
							// that text, which finds nothing.
							assertThat(operation.document()).as(result.body().toString()).startsWith("query");
							result.data()
								.properties()
								.forEach((entry) -> assertThat(entry.getValue().isNull())
									.as(operator + " -> " + result.body())
									.isTrue());
						}
					}
				})));
		}
		return tests.stream();
	}

	@Test
	void dollarPrefixedAndDottedKeysInInputObjectsAreRefused() {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("hackathonSlug", this.world.id("hackathon.slug"));
		input.putObject("title").put("en", "Keys probe").put("$where", "sleep(1000)").put("a.b", "c");
		input.putObject("$set").put("roles", "ORGANIZER");
		Http.GraphQlResult result = send(Operations.Actor.VICTIM,
				"mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id } } }",
				variables);

		assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("BAD_USER_INPUT");
		assertThat(this.mongo.count(new Query(Criteria.where("title.en").is("Keys probe")), "proposals")).isZero();
		// In the document itself, $ and . cannot even form a name.
		assertThat(send(Operations.Actor.VICTIM,
				"mutation { createProposal(input: {hackathonSlug: \"x\", title: {en: "
						+ "\"y\", $where: \"1\"}}) { proposal { id } } }",
				Http.json())
			.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertHealthy();
	}

	@TestFactory
	Stream<DynamicTest> forgedIdsOfOtherUsersObjectsAreRefusedAndChangeNothing() {
		Map<String, List<Document>> before = snapshot();
		List<DynamicTest> tests = new ArrayList<>();
		for (Operations.ForgedOperation operation : Operations.forged()) {
			tests.add(DynamicTest.dynamicTest(operation.name() + " as " + operation.actor(), () -> {
				Http.GraphQlResult result = send(operation.actor(), operation.document(),
						operation.variables().apply(this.world));
				assertThat(result.status()).isEqualTo(200);
				operation.expectation().check(this.world, result);
			}));
		}
		tests.add(DynamicTest.dynamicTest("nothing changed in " + Operations.SNAPSHOT, () -> {
			assertThat(snapshot()).isEqualTo(before);
			assertHealthy();
		}));
		return tests.stream();
	}

	@Test
	void restEndpointsAreRefusedToTheWrongCaller() {
		Map<String, List<Document>> before = snapshot();
		String csv = "title_en,proposer\nPwned,Attacker\n";
		HttpResponse<String> imported = this.http.post(
				"/api/hackathons/" + this.world.id("hackathon.slug") + "/proposals/import", "text/csv; charset=UTF-8",
				csv, this.world.attacker.headers());
		assertThat(imported.statusCode()).isEqualTo(403);
		assertThat(this.http
			.get("/api/hackathons/" + this.world.id("draftHackathon.slug") + "/proposals.csv",
					this.world.attacker.headers())
			.statusCode()).isEqualTo(404);
		HttpResponse<String> exported = this.http.get(
				"/api/hackathons/" + this.world.id("hackathon.slug") + "/proposals.csv", this.world.attacker.headers());
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(exported.body()).contains("Victim's pitch").doesNotContain("Victim's draft");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void restEndpointsOfJudgingAndFollowUpAreRefusedToTheWrongCaller() {
		Map<String, List<Document>> before = snapshot();
		String judging = this.world.id("judging.slug");
		// Results of a round not yet published: nothing, for anyone (the panel's own
		// judges included).
		for (String[] headers : List.of(new String[0], this.world.attacker.headers(), this.world.victim.headers(),
				this.world.peer.headers())) {
			for (String file : List.of("results.json", "results.csv")) {
				HttpResponse<String> results = this.http.get("/api/hackathons/" + judging + "/" + file, headers);
				assertThat(results.statusCode()).as(file + " " + results.body()).isEqualTo(404);
				assertThat(results.body()).doesNotContain("Secret notes").doesNotContain(this.world.victim.id());
			}
		}
		// Published results are everyone's; the judges behind them are pseudonymous.
		for (String file : List.of("results.json", "results.csv")) {
			HttpResponse<String> results = this.http
				.get("/api/hackathons/" + this.world.id("published.slug") + "/" + file);
			assertThat(results.statusCode()).as(file + " " + results.body()).isEqualTo(200);
			assertThat(results.body()).contains(this.world.id("published.proposal"))
				.doesNotContain(this.world.victim.id())
				.doesNotContain(this.world.peer.id())
				.doesNotContain(this.world.victim.user().email())
				.doesNotContain(this.world.victim.user().displayName())
				.doesNotContain(this.world.peer.user().displayName());
		}
		// The statistics were rolled up with the world's hackathons: organizers see them
		// (the PUBLIC view hiding
		// them, in Operations, is then not an empty list by accident).
		JsonNode organizerView = this.world.call(this.world.organizer,
				"{ outcomeStatistics(view: ORGANIZER) { " + "byHackathon { slug } } }", Http.json());
		assertThat(organizerView.toString()).contains(this.world.id("hackathon.slug"));
		// Outcome imports are for organizers: uploading, and reading a run's skipped
		// rows.
		String csv = "project_ref,hackathon_slug,proposal_title,milestone,date,agency,programme,amount,currency,"
				+ "evidence_url,source,note\r\n" + this.world.id("project.public")
				+ ",,,ADOPTED,2026-01-02,Pwned,,,,https://evil.example,,\r\n";
		assertThat(this.http.post("/api/outcomes/import", "text/csv", csv, this.world.attacker.headers()).statusCode())
			.isEqualTo(403);
		assertThat(this.http.post("/api/outcomes/import", "text/csv", csv, this.world.victim.headers()).statusCode())
			.isEqualTo(403);
		assertThat(this.http.post("/api/outcomes/import", "text/csv", csv).statusCode()).isEqualTo(401);
		String errors = "/api/outcomes/import/" + this.world.id("run.import") + "/errors.csv";
		assertThat(this.http.get(errors, this.world.attacker.headers()).statusCode()).isEqualTo(403);
		assertThat(this.http.get(errors, this.world.victim.headers()).statusCode()).isEqualTo(403);
		assertThat(this.http.get(errors).statusCode()).isEqualTo(401);
		HttpResponse<String> own = this.http.get(errors, this.world.organizer.headers());
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("Secret notes of the import");
		// Forged run ids: refused, never a server error.
		for (String runId : List.of("0", "-1", "99999999999999999999", "1%3B%20DROP", "%24where", "..%2F..%2Fetc",
				"1e3", "%7B%22%24gt%22%3A%22%22%7D", "%C3%28", "%FF%FE")) {
			HttpResponse<String> forged = this.http.get("/api/outcomes/import/" + runId + "/errors.csv",
					this.world.organizer.headers());
			assertThat(forged.statusCode()).as(runId + " -> " + forged.body()).isBetween(400, 499);
		}
		// Open data: published projects only, no personal data, no unverified milestones.
		for (String file : List.of("projects.json", "projects.csv")) {
			HttpResponse<String> open = this.http.get("/api/opendata/" + file, this.world.attacker.headers());
			assertThat(open.statusCode()).isEqualTo(200);
			assertThat(open.body()).doesNotContain(this.world.id("project.public"))
				.doesNotContain(this.world.id("project.hidden"))
				.doesNotContain("Secret")
				.doesNotContain(this.world.victim.id())
				.doesNotContain(this.world.victim.user().email());
		}
		// Hostile slugs in the results path (invalid UTF-8 too): 4xx, never a server
		// error.
		for (String slug : List.of("%24where", "a.b.c", "%7B%22%24gt%22%3A%22%22%7D", "(a%2B)%2B%24", "x".repeat(300),
				"%C3%28", "%FF", "%ED%A0%80", "%00")) {
			for (String file : List.of("results.json", "results.csv")) {
				HttpResponse<String> response = this.http.get("/api/hackathons/" + slug + "/" + file);
				assertThat(response.statusCode()).as(slug + " " + response.body()).isBetween(400, 499);
			}
		}
		assertThat(snapshot()).isEqualTo(before);
		assertHealthy();
	}

	@Test
	void hostileCellsInAnOutcomeImportAreStoredAsTextOrSkipped() {
		StringBuilder csv = new StringBuilder("project_ref,hackathon_slug,proposal_title,milestone,date,agency,"
				+ "programme,amount,currency,evidence_url,source,note\r\n");
		int day = 1;
		for (HostileInputs.Payload payload : HostileInputs.TEXT) {
			String cell = "\"" + payload.text().replace("\"", "\"\"") + "\"";
			csv.append(this.world.id("project.public"))
				.append(",,,PILOT,2025-02-")
				.append(String.format("%02d", day++))
				.append(',')
				.append(cell)
				.append(',')
				.append(cell)
				.append(",,,,,")
				.append(cell)
				.append("\r\n");
		}
		HttpResponse<String> uploaded = this.http.post("/api/outcomes/import", "text/csv; charset=UTF-8",
				csv.toString(), this.world.organizer.headers());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
		String runId = Http.parse(uploaded.body()).path("run").path("id").asString();
		this.world.awaitRun(runId);
		JsonNode report = this.world
			.call(this.world.organizer,
					"query($r: ID!) { outcomeImport(runId: $r) { created "
							+ "skipped run { status } errors { row reason } } }",
					Http.json().put("r", runId))
			.path("outcomeImport");
		assertThat(report.path("run").path("status").asString()).as(report.toString()).isEqualTo("COMPLETED");
		assertThat(report.path("created").asInt() + report.path("skipped").asInt()).as(report.toString())
			.isEqualTo(HostileInputs.TEXT.size());
		JsonNode outcomes = this.world
			.call(this.world.organizer,
					"query($p: ID!) { project(id: $p) { outcomes { date " + "agency programme note } } }",
					Http.json().put("p", this.world.id("project.public")))
			.path("project")
			.path("outcomes");
		int stored = 0;
		for (JsonNode outcome : outcomes) {
			if (outcome.path("date").asString().startsWith("2025-02-")) {
				int index = Integer.parseInt(outcome.path("date").asString().substring(8)) - 1;
				String text = HostileInputs.TEXT.get(index).text();
				assertThat(outcome.path("agency").asString()).as(HostileInputs.TEXT.get(index).name()).isEqualTo(text);
				assertThat(outcome.path("note").asString()).as(HostileInputs.TEXT.get(index).name()).isEqualTo(text);
				stored++;
			}
		}
		assertThat(stored).isEqualTo(report.path("created").asInt());
		HttpResponse<String> errors = this.http.get("/api/outcomes/import/" + runId + "/errors.csv",
				this.world.organizer.headers());
		assertThat(errors.statusCode()).isEqualTo(200);
		assertHealthy();
	}

	@Test
	void hostileJsonInAnOutcomeImportIsSkippedOrFailsCleanly() {
		String project = this.world.id("project.public");
		String rows = "[{\"project_ref\": \"" + project + "\", \"milestone\": \"PILOT\", \"date\": \"2025-04-01\", "
				+ "\"agency\": {\"$gt\": \"\"}}, {\"project_ref\": {\"$ne\": null}, \"milestone\": \"PILOT\", "
				+ "\"date\": \"2025-04-02\"}, {\"project_ref\": \"" + project + "\", \"milestone\": \"PILOT\", "
				+ "\"date\": \"2025-04-03\", \"$where\": \"sleep(1000)\", \"agency.$set\": \"x\"}, [\"not\", \"an object\"], "
				+ "{\"project_ref\": \"" + project + "\", \"milestone\": \"PILOT\", \"date\": \"2025-04-04\", "
				+ "\"note\": " + "[".repeat(2_000) + "1" + "]".repeat(2_000) + "}]";
		long milestones = this.mongo.count(new Query(), "outcome_milestones");
		HttpResponse<String> uploaded = this.http.post("/api/outcomes/import", "application/json", rows,
				this.world.organizer.headers());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isIn(202, 400);
		if (uploaded.statusCode() == 202) {
			String runId = Http.parse(uploaded.body()).path("run").path("id").asString();
			this.world.awaitRun(runId);
			JsonNode report = this.world
				.call(this.world.organizer,
						"query($r: ID!) { outcomeImport(runId: $r) { "
								+ "created skipped run { status } errors { row reason } } }",
						Http.json().put("r", runId))
				.path("outcomeImport");
			assertThat(report.path("run").path("status").asString()).as(report.toString()).isIn("COMPLETED", "FAILED");
			assertThat(report.path("created").asInt()).as(report.toString()).isZero();
			assertThat(this.http.get("/api/outcomes/import/" + runId + "/errors.csv", this.world.organizer.headers())
				.statusCode()).isEqualTo(200);
		}
		assertThat(this.mongo.count(new Query(), "outcome_milestones")).isEqualTo(milestones);
		assertHealthy();
	}

	@Test
	void regularExpressionBombsInSearchAreTakenLiterally() {
		for (String bomb : HostileInputs.REGEX_BOMBS) {
			long started = System.nanoTime();
			Http.GraphQlResult result = send(Operations.Actor.ANONYMOUS,
					"query($slug: String!, $text: String) { proposals(hackathonSlug: $slug, filter: {text: $text}) "
							+ "{ edges { node { title { en } summary { en } proposerName } } } }",
					Http.json().put("slug", this.world.id("hackathon.slug")).put("text", bomb));
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
			assertThat(millis).as(bomb).isLessThan(2_000);
			for (JsonNode edge : result.data().path("proposals").path("edges")) {
				assertThat(edge.path("node").toString().toLowerCase()).as(bomb)
					.contains(bomb.toLowerCase().replace("\\", "\\\\").replace("\"", "\\\""));
			}
		}
		// The skill search of teams: a bomb is a skill nobody needs.
		for (String bomb : HostileInputs.REGEX_BOMBS) {
			long started = System.nanoTime();
			Http.GraphQlResult result = send(Operations.Actor.ANONYMOUS,
					"query($slug: String!, $skill: String!) { proposalsNeedingSkill(hackathonSlug: $slug, skill: $skill) "
							+ "{ edges { node { id } } } }",
					Http.json().put("slug", this.world.id("hackathon.slug")).put("skill", bomb));
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(millis).as(bomb).isLessThan(2_000);
			if (result.hasErrors()) {
				assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("BAD_USER_INPUT");
			}
			else {
				assertThat(result.data().path("proposalsNeedingSkill").path("edges")).as(bomb).isEmpty();
			}
		}
		// "(a+)+$" was stored as a title by the text corpus: the search finds it as text,
		// and only it.
		Http.GraphQlResult literal = send(Operations.Actor.ANONYMOUS,
				"query($slug: String!) { proposals(hackathonSlug: $slug, filter: {text: \"(a+)+$\"}) { edges { node { id } } } }",
				Http.json().put("slug", this.world.id("hackathon.slug")));
		assertThat(literal.hasErrors()).isFalse();
		assertHealthy();
	}

	@Test
	void enormousStringsAndListsAreRefused() {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("id", this.world.id("proposal.draft"));
		input.putObject("summary").put("en", "x".repeat(20_000));
		String update = "mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { proposal { id } } }";
		assertThat(send(Operations.Actor.VICTIM, update, variables).errorCode()).isEqualTo("BAD_USER_INPUT");

		((ObjectNode) input.get("summary")).put("en", "x".repeat(600_000));
		HttpResponse<String> tooLarge = this.http.post("/graphql", "application/json",
				Http.json().put("query", update).set("variables", variables).toString(), this.world.victim.headers());
		assertThat(tooLarge.statusCode()).isEqualTo(413);

		input.remove("summary");
		ArrayNode needs = input.putArray("needs");
		for (int i = 0; i < 5_000; i++) {
			needs.add("skill " + i);
		}
		assertThat(send(Operations.Actor.VICTIM, update, variables).errorCode()).isEqualTo("BAD_USER_INPUT");

		assertThat(send(Operations.Actor.ANONYMOUS,
				"query($slug: String!) { proposals(hackathonSlug: $slug, first: "
						+ "1000000) { edges { node { id } } } }",
				Http.json().put("slug", this.world.id("hackathon.slug")))
			.errorCode()).isEqualTo("BAD_USER_INPUT");
		String manyTokens = "{" + " __typename".repeat(20_000) + " }";
		assertThat(send(Operations.Actor.ANONYMOUS, manyTokens, Http.json()).errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(this.mongo.findById(this.world.id("proposal.draft"), Document.class, "proposals")
			.get("needs", List.class)).containsExactly("designer");
		assertHealthy();
	}

	/**
	 * Every text field of every operation gets a string of 100,000 characters, and every
	 * list that holds one gets 5,000 entries: refused (or, for lookups, found nothing)
	 * quickly, never an INTERNAL error, never stored whole.
	 */
	@TestFactory
	Stream<DynamicTest> enormousStringsAndListsInEveryFieldAreRefused() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Operations.TextOperation operation : Operations.text()) {
			operation.textFields()
				.forEach((field, echo) -> tests.add(DynamicTest.dynamicTest(operation.name() + " " + field, () -> {
					String huge = "y".repeat(100_000);
					ObjectNode variables = operation.variables().apply(this.world);
					setAt(variables, field, Http.json().stringNode(huge));
					check(operation, field, variables, huge);
					if (field.endsWith("/0")) {
						ObjectNode listed = operation.variables().apply(this.world);
						ArrayNode many = Http.json().arrayNode();
						for (int i = 0; i < 5_000; i++) {
							many.add("z" + i);
						}
						setAt(listed, field.substring(0, field.length() - 2), many);
						check(operation, field + " (5,000 entries)", listed, "z4999");
					}
				})));
		}
		return tests.stream();
	}

	/**
	 * Lists of input objects (criteria, scores, votes, job parameters, candidates) with
	 * 5,000 entries: refused.
	 */
	@Test
	void enormousListsOfInputObjectsAreRefused() {
		String round = this.world.id("round");
		String round2 = this.world.id("round2");
		Map<String, Operations.Actor> callers = new java.util.LinkedHashMap<>();
		Map<String, ObjectNode> calls = new java.util.LinkedHashMap<>();
		ObjectNode criteria = Http.json();
		ArrayNode criteriaList = criteria.putObject("input").put("roundId", round2).putArray("criteria");
		ObjectNode candidates = Http.json();
		ArrayNode candidateList = candidates.putObject("input").put("roundId", round2).putArray("candidateProposalIds");
		ObjectNode minimums = Http.json();
		ArrayNode minimumList = minimums.putObject("input").put("roundId", round2).putArray("sectorMinimums");
		ObjectNode scores = Http.json();
		ArrayNode scoreList = scores.putObject("input")
			.put("roundId", round)
			.put("proposalId", this.world.id("judging.proposal.2"))
			.putArray("scores");
		ObjectNode votes = Http.json();
		ArrayNode voteList = votes.putObject("input").put("roundId", round).putArray("votes");
		ObjectNode parameters = Http.json();
		ArrayNode parameterList = parameters.putObject("input").put("name", "followUpDue").putArray("parameters");
		for (int i = 0; i < 5_000; i++) {
			ObjectNode criterion = criteriaList.addObject()
				.put("id", "c" + i)
				.put("weight", 1.0)
				.put("scaleMin", 0.0)
				.put("scaleMax", 10.0);
			criterion.putObject("name").put("en", "Criterion " + i);
			candidateList.add("p" + i);
			minimumList.addObject().put("sector", "PUBLIC").put("minimum", 1);
			scoreList.addObject().put("criterionId", "c" + i).put("value", 1.0);
			voteList.addObject().put("proposalId", this.world.id("judging.proposal.1"));
			parameterList.addObject().put("key", "k" + i).put("value", "v");
		}
		calls.put("mutation($input: ConfigureRoundInput!) { configureRound(input: $input) { round { id } } }",
				criteria);
		callers.put("criteria", Operations.Actor.ORGANIZER);
		calls.put(
				"mutation($input: ConfigureRoundInput!) { configureRound(input: $input) { round { candidateProposalIds } } }",
				candidates);
		callers.put("candidates", Operations.Actor.ORGANIZER);
		calls.put(
				"mutation($input: ConfigureRoundInput!) { configureRound(input: $input) { round { sectorMinimums { sector } } } }",
				minimums);
		callers.put("minimums", Operations.Actor.ORGANIZER);
		calls.put("mutation($input: SaveScoreSheetInput!) { saveScoreSheet(input: $input) { sheet { id } } }", scores);
		callers.put("scores", Operations.Actor.VICTIM);
		calls.put("mutation($input: CastBallotInput!) { castBallot(input: $input) { ballot { id } } }", votes);
		callers.put("votes", Operations.Actor.VICTIM);
		calls.put("mutation($input: StartJobInput!) { startJob(input: $input) { run { id } } }", parameters);
		callers.put("parameters", Operations.Actor.ORGANIZER);
		List<Operations.Actor> actors = new ArrayList<>(callers.values());
		int i = 0;
		for (Map.Entry<String, ObjectNode> call : calls.entrySet()) {
			long started = System.nanoTime();
			Http.GraphQlResult result = send(actors.get(i++), call.getKey(), call.getValue());
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(result.errorCode()).as(call.getKey() + " -> " + result.body())
				.isIn("BAD_USER_INPUT", "NOT_FOUND", "CONFLICT");
			assertThat(millis).as(call.getKey() + " took").isLessThan(5_000);
		}
		assertHealthy();
	}

	private void check(Operations.TextOperation operation, String field, ObjectNode variables, String marker) {
		long started = System.nanoTime();
		Http.GraphQlResult result = send(operation.actor(), operation.document(), variables);
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(result.status()).as(field + " -> " + result.body()).isEqualTo(200);
		assertThat(millis).as(field + " took").isLessThan(5_000);
		if (result.hasErrors()) {
			assertThat(result.errorCode()).as(field + " -> " + result.body()).isIn(refusals(operation));
		}
		else {
			// Accepted: only where the text is a lookup or a filter (it comes back
			// nowhere).
			assertThat(result.body().toString()).as(field + " accepted and returned").doesNotContain(marker);
			assertThat(operation.textFields().get(field.replace(" (5,000 entries)", "")))
				.as(field + " was accepted: "
						+ result.body().toString().substring(0, Math.min(300, result.body().toString().length())))
				.isEmpty();
		}
	}

	@Test
	void invalidUtf8IsRefused() throws Exception {
		for (byte[] bad : List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xFF })) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write("{\"query\":\"{ hackathon(slug: \\\"".getBytes(StandardCharsets.US_ASCII));
			body.write(bad);
			body.write("\\\") { id } }\"}".getBytes(StandardCharsets.US_ASCII));
			HttpResponse<String> response = postBytes("/graphql", "application/json", body.toByteArray(),
					new String[0]);
			assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
			assertThat(response.body()).doesNotContain("INTERNAL");
		}
		// A lone surrogate, escaped in JSON, is valid JSON but no text: refused or stored
		// as text, never an error.
		ObjectNode variables = Http.json();
		variables.putObject("input").put("displayName", "half \uD800 surrogate");
		Http.GraphQlResult surrogate = send(Operations.Actor.ATTACKER,
				"mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { user { displayName } } }",
				variables);
		assertThat(surrogate.errorCode()).isIn(null, "BAD_USER_INPUT");

		// An outcome import in another encoding: refused, or its rows skipped; nothing
		// stored, never a crash.
		byte[] outcomes = ("project_ref,hackathon_slug,proposal_title,milestone,date,agency,programme,amount,currency,"
				+ "evidence_url,source,note\r\n" + this.world.id("project.public") + ",,,PILOT,2025-03-01,Agenc\u00ee "
				+ "\u00ff,,,,,,\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		long milestones = this.mongo.count(new Query(), "outcome_milestones");
		HttpResponse<String> outcomeImport = postBytes("/api/outcomes/import", "text/csv", outcomes,
				this.world.organizer.headers());
		assertThat(outcomeImport.statusCode()).as(outcomeImport.body()).isIn(202, 400);
		if (outcomeImport.statusCode() == 202) {
			String runId = Http.parse(outcomeImport.body()).path("run").path("id").asString();
			this.world.awaitRun(runId);
			JsonNode report = this.world
				.call(this.world.organizer,
						"query($r: ID!) { outcomeImport(runId: $r) { " + "created updated run { status } } }",
						Http.json().put("r", runId))
				.path("outcomeImport");
			assertThat(report.path("run").path("status").asString()).as(report.toString()).isIn("COMPLETED", "FAILED");
			assertThat(report.path("created").asInt()).as(report.toString()).isZero();
		}
		assertThat(this.mongo.count(new Query(), "outcome_milestones")).isEqualTo(milestones);

		byte[] csv = "title_en,proposer\nBroken \u00ff,Someone\n".getBytes(StandardCharsets.ISO_8859_1);
		long before = this.mongo.count(new Query(), "proposals");
		HttpResponse<String> imported = postBytes(
				"/api/hackathons/" + this.world.id("hackathon.slug") + "/proposals/import", "text/csv", csv,
				this.world.organizer.headers());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(400);
		assertThat(this.mongo.count(new Query(), "proposals")).isEqualTo(before);
		assertHealthy();
	}

	@Test
	void deeplyNestedInputIsRefused() throws Exception {
		StringBuilder json = new StringBuilder("{\"query\":\"query($v: String) { __typename }\",\"variables\":{\"v\":");
		json.append("{\"a\":".repeat(5_000)).append("1").append("}".repeat(5_000)).append("}}");
		HttpResponse<String> nestedJson = this.http.post("/graphql", "application/json", json.toString());
		assertThat(nestedJson.statusCode()).as(nestedJson.body()).isBetween(400, 499);

		String nestedLiteral = "mutation { createProposal(input: {hackathonSlug: \"x\", title: {en: \"y\"}, needs: "
				+ "[".repeat(3_000) + "\"z\"" + "]".repeat(3_000) + "}) { proposal { id } } }";
		assertThat(send(Operations.Actor.VICTIM, nestedLiteral, Http.json()).errorCode()).isEqualTo("BAD_USER_INPUT");

		String nestedObject = "query { hackathon(slug: \"x\") { id } } fragment F on Query { hackathon(slug: \"x\") "
				+ "{ id } }";
		assertThat(send(Operations.Actor.ANONYMOUS, nestedObject, Http.json()).hasErrors()).isTrue();
		assertHealthy();
	}

	private HttpResponse<String> postBytes(String path, String contentType, byte[] body, String[] headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.http.base() + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Map<String, List<Document>> snapshot() {
		Map<String, List<Document>> collections = new java.util.TreeMap<>();
		for (String collection : Operations.SNAPSHOT) {
			List<Document> documents = new ArrayList<>(this.mongo.findAll(Document.class, collection));
			documents.sort(Comparator.comparing((d) -> String.valueOf(d.get("_id"))));
			collections.put(collection, documents);
		}
		return collections;
	}

	private void assertHealthy() {
		assertThat(this.http.graphql("{ __typename }").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

}
