package org.hacktrail.platform;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as deployed behind a TLS-terminating proxy: HSTS on secure requests only,
 * rate limits (sign-in per account and per address, API-token failures per address and
 * per token, expensive GraphQL operations and refused documents per user and per address)
 * answered with 429 and Retry-After, the cap on aliases and operations, the Prometheus
 * endpoint for the scrape token and organizers only, the metrics it exposes, and JSON
 * logs that carry the request id. Each test uses its own client address (X-Forwarded-For,
 * honoured with {@code server.forward-headers-strategy=framework}), so that the limits of
 * one test do not touch another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"server.forward-headers-strategy=framework", "hacktrail.rate-limit.enabled=true",
		"hacktrail.rate-limit.sign-in-per-address.capacity=5", "hacktrail.rate-limit.sign-in-per-address.period=1m",
		"hacktrail.rate-limit.sign-in-per-account.capacity=2", "hacktrail.rate-limit.sign-in-per-account.period=1m",
		"hacktrail.rate-limit.token-failures-per-address.capacity=3",
		"hacktrail.rate-limit.token-failures-per-address.period=1m",
		"hacktrail.rate-limit.token-failures-per-token.capacity=2",
		"hacktrail.rate-limit.token-failures-per-token.period=1m", "hacktrail.rate-limit.expensive-per-user.capacity=3",
		"hacktrail.rate-limit.expensive-per-user.period=1m", "hacktrail.rate-limit.expensive-per-address.capacity=5",
		"hacktrail.rate-limit.expensive-per-address.period=1m", "hacktrail.rate-limit.expensive-query-cost=50",
		"hacktrail.metrics.token=" + ProductionSettingsTests.SCRAPE_TOKEN, "logging.structured.format.console=ecs" })
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsTests {

	static final String SCRAPE_TOKEN = "scrape-token-0123456789abcdef";

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		this.accounts = new TestAccounts(this.users, this.tokens);
	}

	private Http client() {
		return Http.localhost(this.port);
	}

	private static String[] from(String address, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "X-Forwarded-For";
		all[1] = address;
		System.arraycopy(headers, 0, all, 2, headers.length);
		return all;
	}

	private static String[] concat(String[] a, String[] b) {
		String[] all = new String[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	private static void assertRateLimited(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 60L));
		assertThat(Http.parse(response.body()).path("code").asString()).isEqualTo("RATE_LIMITED");
	}

	@Test
	void hstsIsSentOnSecureRequestsOnly() {
		HttpResponse<String> secure = client().get("/api/auth/options", "X-Forwarded-Proto", "https");
		assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				(value) -> assertThat(value).contains("max-age=31536000").contains("includeSubDomains"));

		HttpResponse<String> plain = client().get("/api/auth/options");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void signInAttemptsAreLimitedPerAccountAndPerAddress() {
		Http browser = client();
		String address = "203.0.113.10";
		browser.get("/api/auth/options", from(address));
		for (int i = 0; i < 2; i++) {
			assertThat(browser.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"organizer\"}", from(address))
				.statusCode()).isEqualTo(200);
		}
		assertRateLimited(browser.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"organizer\"}", from(address)));

		// Other accounts from the same address, until the address's budget (5 attempts)
		// is spent.
		assertThat(browser.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"judge-public\"}", from(address))
			.statusCode()).isEqualTo(200);
		assertThat(browser.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"judge-private\"}", from(address))
			.statusCode()).isEqualTo(200);
		assertRateLimited(browser.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"proposer\"}", from(address)));

		Http elsewhere = client();
		elsewhere.get("/api/auth/options", from("203.0.113.11"));
		assertThat(elsewhere.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"proposer\"}", from("203.0.113.11"))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void failedApiTokensAreThrottledWhileAValidTokenFromTheSameAddressKeepsWorking() {
		String address = "203.0.113.20";
		TestAccounts.Account organizer = this.accounts.organizer();
		for (int i = 0; i < 25; i++) {
			HttpResponse<String> bad = client().post("/graphql", "application/json", "{\"query\":\"{ me { id } }\"}",
					from(address, "Authorization", "Bearer ht_wrongwrongwrongwrongwrong" + i));
			if (i < 3) {
				assertThat(bad.statusCode()).as(bad.body()).isEqualTo(401);
			}
			else {
				assertRateLimited(bad);
			}
		}
		// The address's guesses are throttled; the organizer's valid token from that
		// address is not.
		for (int i = 0; i < 3; i++) {
			Http.GraphQlResult valid = client().graphql("{ me { id } }", concat(from(address), organizer.headers()));
			assertThat(valid.status()).isEqualTo(200);
			assertThat(valid.data().path("me").path("id").asString()).isEqualTo(organizer.id());
			assertRateLimited(client().post("/graphql", "application/json", "{\"query\":\"{ me { id } }\"}",
					from(address, "Authorization", "Bearer ht_stillwrongstillwrongstill" + i)));
		}
		assertThat(client().get("/api/hackathons/none/proposals.csv", concat(from(address), organizer.headers()))
			.statusCode()).isEqualTo(404);

		// One token that keeps failing is refused from any address, before it is looked
		// up; others are not.
		String replayed = "Bearer ht_replayedreplayedreplayed00";
		for (int i = 0; i < 2; i++) {
			assertThat(client()
				.post("/graphql", "application/json", "{\"query\":\"{ me { id } }\"}",
						from("203.0.113.2" + (2 + i), "Authorization", replayed))
				.statusCode()).isEqualTo(401);
		}
		assertRateLimited(client().post("/graphql", "application/json", "{\"query\":\"{ me { id } }\"}",
				from("203.0.113.24", "Authorization", replayed)));
		assertThat(client()
			.post("/graphql", "application/json", "{\"query\":\"{ me { id } }\"}",
					from("203.0.113.24", "Authorization", "Bearer ht_otherotherotherotherother0"))
			.statusCode()).isEqualTo(401);
		Http.GraphQlResult elsewhere = client().graphql("{ me { id } }",
				concat(from("203.0.113.21"), organizer.headers()));
		assertThat(elsewhere.data().path("me").path("id").asString()).isEqualTo(organizer.id());
	}

	@Test
	void changesAreLimitedPerUserWhileCheapReadsAreNot() {
		TestAccounts.Account user = this.accounts.user("busy-" + UUID.randomUUID());
		String[] headers = concat(from("203.0.113.30"), user.headers());
		for (int i = 0; i < 3; i++) {
			Http.GraphQlResult changed = client().graphql(
					"mutation { updateMyProfile(input: {displayName: \"Busy " + i + "\"}) { user { id } } }", headers);
			assertThat(changed.hasErrors()).as(changed.body().toString()).isFalse();
		}
		HttpResponse<String> refused = client().post("/graphql", "application/json",
				"{\"query\":\"mutation { updateMyProfile(input: {displayName: \\\"Too many\\\"}) { user { id } } }\"}",
				headers);
		assertRateLimited(refused);
		for (int i = 0; i < 5; i++) {
			assertThat(client().graphql("{ me { displayName } }", headers)
				.data()
				.path("me")
				.path("displayName")
				.asString()).isEqualTo("Busy 2");
		}
	}

	@Test
	void expensiveQueriesAreLimitedPerAddressForAnonymousCallers() {
		String[] headers = from("203.0.113.40");
		String expensive = "{ hackathons(first: 100) { edges { node { id slug name { en } } } } }";
		for (int i = 0; i < 5; i++) {
			assertThat(client().graphql(expensive, headers).status()).isEqualTo(200);
		}
		assertRateLimited(client().post("/graphql", "application/json",
				"{\"query\":\"" + expensive.replace("\"", "\\\"") + "\"}", headers));
		assertThat(client().graphql("{ proposalTags { id } }", headers).status()).isEqualTo(200);
	}

	@Test
	void refusedAndInvalidDocumentsCountAgainstTheExpensiveLimit() {
		String[] invalid = from("203.0.113.81");
		for (int i = 0; i < 5; i++) {
			Http.GraphQlResult refused = client().graphql("{ noSuchField" + i + " }", invalid);
			assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("BAD_USER_INPUT");
		}
		assertRateLimited(client().post("/graphql", "application/json", "{\"query\":\"{ noSuchField5 }\"}", invalid));
		assertRateLimited(client().post("/graphql", "application/json", "{\"query\":\"{ noSuchField0 }\"}", invalid));
		// Valid cheap reads still go through, seen before or not.
		assertThat(client().graphql("{ proposalTags { id } }", invalid).hasErrors()).isFalse();
		String unseen = "{ " + "u" + UUID.randomUUID().toString().replace("-", "") + ": __typename }";
		assertThat(client().graphql(unseen, invalid).hasErrors()).isFalse();

		String[] broken = from("203.0.113.82");
		for (int i = 0; i < 5; i++) {
			String body = (i % 2 == 0) ? "{\"query\":\"{ me { id \"}"
					: "{\"query\":\"{ hackathons(first: " + "9".repeat(1_000) + ") { edges { node { id } } } }\"}";
			HttpResponse<String> refused = client().post("/graphql", "application/json", body, broken);
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
			assertThat(Http.parse(refused.body()).path("errors").path(0).path("extensions").path("code").asString())
				.isEqualTo("BAD_USER_INPUT");
		}
		assertRateLimited(client().post("/graphql", "application/json", "{\"query\":\"{ me { id \"}", broken));
		assertThat(client().graphql("{ proposalTags { id } }", from("203.0.113.83")).hasErrors()).isFalse();
	}

	@Test
	void aliasesAndOperationsPerRequestAreCapped() {
		String[] headers = from("203.0.113.50");
		StringBuilder thirty = new StringBuilder("{");
		for (int i = 0; i < 30; i++) {
			thirty.append(" a").append(i).append(": __typename");
		}
		Http.GraphQlResult allowed = client().graphql(thirty + " }", headers);
		assertThat(allowed.hasErrors()).as(allowed.body().toString()).isFalse();

		Http.GraphQlResult tooMany = client().graphql(thirty + " a30: __typename }", headers);
		assertThat(tooMany.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(tooMany.errorMessage()).contains("30 aliases");

		StringBuilder operations = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			operations.append("query Q").append(i).append(" { __typename } ");
		}
		JsonNode body = client()
			.post("/graphql", "application/json",
					Http.json().put("query", operations.toString()).put("operationName", "Q0").toString(), headers)
			.body()
			.transform(Http::parse);
		assertThat(body.path("errors").path(0).path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
		assertThat(body.path("errors").path(0).path("message").asString()).contains("5 operations");
	}

	@Test
	void prometheusIsForTheScrapeTokenAndOrganizersOnly() {
		String[] address = from("203.0.113.60");
		client().post("/graphql", "application/json",
				Http.json()
					.put("query", "query ProbeQuery { proposalTags { id } }")
					.put("operationName", "ProbeQuery")
					.toString(),
				address);
		for (String name : List.of("not a name!", "x".repeat(200))) {
			client().post("/graphql", "application/json",
					Http.json().put("query", "query { __typename }").put("operationName", name).toString(), address);
		}

		assertThat(client().get("/actuator/prometheus", address).statusCode()).isEqualTo(401);
		assertThat(client()
			.get("/actuator/prometheus",
					from("203.0.113.61", "Authorization", "Bearer not-the-scrape-token-0123456789"))
			.statusCode()).isEqualTo(401);
		assertThat(client().get("/actuator/prometheus", concat(address, this.accounts.user("nosy").headers()))
			.statusCode()).isEqualTo(403);
		assertThat(
				client().get("/actuator/prometheus", concat(address, this.accounts.organizer().headers())).statusCode())
			.isEqualTo(200);
		// The scrape token opens the metrics and nothing else.
		assertThat(client()
			.post("/graphql", "application/json", "{\"query\":\"{ me { id } }\"}",
					from("203.0.113.62", "Authorization", "Bearer " + SCRAPE_TOKEN))
			.statusCode()).isEqualTo(401);

		HttpResponse<String> scraped = client().get("/actuator/prometheus",
				from("203.0.113.63", "Authorization", "Bearer " + SCRAPE_TOKEN));
		assertThat(scraped.statusCode()).isEqualTo(200);
		String metrics = scraped.body();
		assertThat(metrics).contains("graphql_request_seconds_count")
			.contains("graphql_operation_name=\"ProbeQuery\"")
			.contains("graphql_operation_name=\"other\"")
			.contains("mongodb_driver_commands_seconds_count")
			.contains("hacktrail_token_failures_total")
			.contains("http_server_requests_seconds_count");
		assertThat(metrics).doesNotContain("not a name!");
		// Spring Security's per-filter observations are switched off (application.yml):
		// they cost a third of a
		// signed-in request. Requests are still timed whole (above).
		assertThat(metrics).doesNotContain("spring_security_filterchains")
			.doesNotContain("spring_security_authentications");
	}

	@Test
	void jsonLogLinesCarryTheRequestId(CapturedOutput output) {
		TestAccounts.Account user = this.accounts.user("logged-" + UUID.randomUUID());
		String requestId = "json-log-probe-" + UUID.randomUUID().toString().substring(0, 8);
		Http.GraphQlResult created = client().graphql(
				"mutation { createApiToken(input: {name: \"log probe\"}) { secret } }",
				concat(from("203.0.113.70", "X-Request-Id", requestId), user.headers()));
		assertThat(created.hasErrors()).as(created.body().toString()).isFalse();

		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains(requestId))
			.map(Http::parse)
			.toList();
		assertThat(lines).isNotEmpty();
		assertThat(lines).anySatisfy((line) -> {
			assertThat(line.path("requestId").asString()).isEqualTo(requestId);
			assertThat(line.path("message").asString()).contains("TOKEN_CREATED");
			assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
		});
	}

}
