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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus against every operation on main ({@link Operations}): hostile text in every free-text
 * and map field, operators where text belongs, {@code $}-prefixed and dotted keys, regular-expression bombs,
 * enormous strings and lists, invalid UTF-8, deeply nested input, and forged ids of other users' objects. Each is
 * refused (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, 4xx) or stored and returned as the plain text it is — never an
 * INTERNAL error or a 5xx — the forged ids change nothing in the store, and the service is healthy afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

	static final Set<String> ACCEPTABLE = Set.of("BAD_USER_INPUT", "NOT_FOUND", "CONFLICT");

	@LocalServerPort
	int port;

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
		this.world = World.build(this.http, new TestAccounts(this.users, this.tokens));
	}

	private Http.GraphQlResult send(Operations.Actor actor, String document, ObjectNode variables) {
		return this.http.graphql(document, variables, actor.headers(this.world));
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
			operation.textFields().forEach((field, echo) -> tests.add(DynamicTest.dynamicTest(
					operation.name() + " " + field, () -> {
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
								soft.assertThat(result.errorCode()).as(what).isIn(ACCEPTABLE);
							}
							else if (!echo.isEmpty()) {
								soft.assertThat(result.data().at(echo).asString()).as(what).isEqualTo(payload.text());
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
			operation.textFields().keySet().forEach((field) -> tests.add(DynamicTest.dynamicTest(
					operation.name() + " " + field, () -> {
						for (String operator : List.of("$gt", "$where")) {
							ObjectNode variables = operation.variables().apply(this.world);
							ObjectNode injected = Http.json();
							injected.put(operator, operator.equals("$where") ? "sleep(1000)" : "");
							setAt(variables, field, injected);
							Http.GraphQlResult result = send(operation.actor(), operation.document(), variables);
							if (result.hasErrors()) {
								assertThat(result.errorCode()).as(operator + " -> " + result.body()).isEqualTo("BAD_USER_INPUT");
							}
							else {
								// An ID variable takes the object as its text: a lookup of that text, which finds nothing.
								assertThat(operation.document()).as(result.body().toString()).startsWith("query");
								result.data().properties().forEach((entry) -> assertThat(entry.getValue().isNull())
									.as(operator + " -> " + result.body()).isTrue());
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
				"mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id } } }", variables);

		assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("BAD_USER_INPUT");
		assertThat(this.mongo.count(new Query(Criteria.where("title.en").is("Keys probe")), "proposals")).isZero();
		// In the document itself, $ and . cannot even form a name.
		assertThat(send(Operations.Actor.VICTIM, "mutation { createProposal(input: {hackathonSlug: \"x\", title: {en: "
				+ "\"y\", $where: \"1\"}}) { proposal { id } } }", Http.json()).errorCode()).isEqualTo("BAD_USER_INPUT");
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
		HttpResponse<String> imported = this.http.post("/api/hackathons/" + this.world.id("hackathon.slug")
				+ "/proposals/import", "text/csv; charset=UTF-8", csv, this.world.attacker.headers());
		assertThat(imported.statusCode()).isEqualTo(403);
		assertThat(this.http.get("/api/hackathons/" + this.world.id("draftHackathon.slug") + "/proposals.csv",
				this.world.attacker.headers()).statusCode()).isEqualTo(404);
		HttpResponse<String> exported = this.http.get("/api/hackathons/" + this.world.id("hackathon.slug")
				+ "/proposals.csv", this.world.attacker.headers());
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(exported.body()).contains("Victim's pitch").doesNotContain("Victim's draft");
		assertThat(snapshot()).isEqualTo(before);
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
				assertThat(edge.path("node").toString().toLowerCase()).as(bomb).contains(bomb.toLowerCase()
					.replace("\\", "\\\\")
					.replace("\"", "\\\""));
			}
		}
		// "(a+)+$" was stored as a title by the text corpus: the search finds it as text, and only it.
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
				Http.json().put("query", update).set("variables", variables).toString(),
				this.world.victim.headers());
		assertThat(tooLarge.statusCode()).isEqualTo(413);

		input.remove("summary");
		ArrayNode needs = input.putArray("needs");
		for (int i = 0; i < 5_000; i++) {
			needs.add("skill " + i);
		}
		assertThat(send(Operations.Actor.VICTIM, update, variables).errorCode()).isEqualTo("BAD_USER_INPUT");

		assertThat(send(Operations.Actor.ANONYMOUS, "query($slug: String!) { proposals(hackathonSlug: $slug, first: "
				+ "1000000) { edges { node { id } } } }", Http.json().put("slug", this.world.id("hackathon.slug")))
			.errorCode()).isEqualTo("BAD_USER_INPUT");
		String manyTokens = "{" + " __typename".repeat(20_000) + " }";
		assertThat(send(Operations.Actor.ANONYMOUS, manyTokens, Http.json()).errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(this.mongo.findById(this.world.id("proposal.draft"), Document.class, "proposals")
			.get("needs", List.class)).containsExactly("designer");
		assertHealthy();
	}

	@Test
	void invalidUtf8IsRefused() throws Exception {
		for (byte[] bad : List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xFF })) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write("{\"query\":\"{ hackathon(slug: \\\"".getBytes(StandardCharsets.US_ASCII));
			body.write(bad);
			body.write("\\\") { id } }\"}".getBytes(StandardCharsets.US_ASCII));
			HttpResponse<String> response = postBytes("/graphql", "application/json", body.toByteArray(), new String[0]);
			assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
			assertThat(response.body()).doesNotContain("INTERNAL");
		}
		// A lone surrogate, escaped in JSON, is valid JSON but no text: refused or stored as text, never an error.
		ObjectNode variables = Http.json();
		variables.putObject("input").put("displayName", "half \uD800 surrogate");
		Http.GraphQlResult surrogate = send(Operations.Actor.ATTACKER,
				"mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { user { displayName } } }",
				variables);
		assertThat(surrogate.errorCode()).isIn(null, "BAD_USER_INPUT");

		byte[] csv = "title_en,proposer\nBroken \u00ff,Someone\n".getBytes(StandardCharsets.ISO_8859_1);
		long before = this.mongo.count(new Query(), "proposals");
		HttpResponse<String> imported = postBytes("/api/hackathons/" + this.world.id("hackathon.slug")
				+ "/proposals/import", "text/csv", csv, this.world.organizer.headers());
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
