package org.hacktrail.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer, whoever produces it — GraphQL's HTTP handler, a REST endpoint,
 * Spring MVC's argument and content-type checks, the servlet container through
 * {@code /error} — is the documented {@link ErrorBody}: a {@code code}, a message, the
 * request id (the same as the {@code X-Request-Id} header), and the same again as
 * {@code errors[0].extensions}; never Spring's default body or a stack trace.
 */
@ServiceTest
class ErrorBodyTests {

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	TestAccounts.Account organizer;

	final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeEach
	void setUp() {
		this.organizer = new TestAccounts(this.users, this.tokens).organizer();
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The documented body, with the request id of the header, and the message returned
	 * for further checks.
	 */
	private static String assertErrorBody(HttpResponse<String> response, int status, String code) {
		String what = response.request().method() + " " + response.request().uri() + " -> " + response.statusCode()
				+ " " + response.body();
		assertThat(response.statusCode()).as(what).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(what)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = Http.parse(response.body());
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(body.path("code").asString()).as(what).isEqualTo(code);
		assertThat(body.path("requestId").asString()).as(what).isEqualTo(requestId);
		assertThat(body.path("message").asString()).as(what).isNotBlank();
		assertThat(body.path("errors").path(0).path("extensions").path("code").asString()).as(what).isEqualTo(code);
		assertThat(body.path("errors").path(0).path("extensions").path("requestId").asString()).as(what)
			.isEqualTo(requestId);
		assertThat(response.body()).as(what)
			.doesNotContain("Exception")
			.doesNotContain("\"trace\"")
			.doesNotContain("\"timestamp\"");
		return body.path("message").asString();
	}

	@Test
	void badRequestsToGraphQlGetTheDocumentedBody() throws Exception {
		assertThat(assertErrorBody(send("POST", "/graphql", "application/json", "{\"query\":"), 400, "BAD_USER_INPUT"))
			.contains("JSON");
		assertErrorBody(send("POST", "/graphql", "application/json", ""), 400, "BAD_USER_INPUT");
		assertErrorBody(
				send("POST", "/graphql", "application/json",
						"{\"query\":\"query($f: Float) { __typename }\",\"variables\":{\"f\":NaN}}"),
				400, "BAD_USER_INPUT");
		assertThat(assertErrorBody(send("POST", "/graphql", "text/plain", "{ __typename }"), 415, "BAD_USER_INPUT"))
			.contains("application/json");
		assertErrorBody(send("POST", "/graphql", null, "{\"query\":\"{ __typename }\"}"), 415, "BAD_USER_INPUT");
		HttpResponse<String> get = send("GET", "/graphql?query=%7B__typename%7D", null, null);
		assertThat(assertErrorBody(get, 405, "BAD_USER_INPUT")).contains("POST");
		// The caller's request id is the one in the body.
		HttpResponse<String> given = send("POST", "/graphql", "application/json", "{", "X-Request-Id",
				"error-body-probe-01");
		assertErrorBody(given, 400, "BAD_USER_INPUT");
		assertThat(Http.parse(given.body()).path("requestId").asString()).isEqualTo("error-body-probe-01");
	}

	@Test
	void badRequestsToRestEndpointsGetTheDocumentedBody() throws Exception {
		String[] auth = this.organizer.headers();
		String slug = "no-such-" + UUID.randomUUID().toString().substring(0, 8);
		String importPath = "/api/hackathons/" + slug + "/proposals/import";
		assertThat(assertErrorBody(send("POST", importPath + "?dryRun=maybe", "text/csv", "title,proposer\r\n", auth),
				400, "BAD_USER_INPUT"))
			.contains("dryRun");
		assertErrorBody(send("POST", importPath, "application/json", "{}", auth), 415, "BAD_USER_INPUT");
		assertErrorBody(send("POST", importPath, null, "title,proposer\r\n", auth), 415, "BAD_USER_INPUT");
		assertErrorBody(send("GET", "/api/no-such-endpoint", null, null, auth), 404, "NOT_FOUND");
		assertErrorBody(send("DELETE", "/api/hackathons/" + slug + "/proposals.csv", null, null, auth), 405,
				"BAD_USER_INPUT");
		assertErrorBody(send("GET", "/api/outcomes/import/abc/errors.csv?for=spreadsheet&for=x", null, null, auth), 400,
				"BAD_USER_INPUT");
	}

	@Test
	void whatReachesSpringsErrorPageGetsTheDocumentedBodyToo() throws Exception {
		// Refused by the firewall before any handler: the container's error dispatch
		// renders it.
		assertErrorBody(send("GET", "/api/hackathons/a;b/results.json", null, null), 400, "BAD_USER_INPUT");
		assertErrorBody(send("GET", "/no-such-page", null, null), 404, "NOT_FOUND");
		assertErrorBody(send("GET", "/error", null, null), 404, "NOT_FOUND");
	}

}
