package org.hacktrail.platform;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL endpoint over HTTP: conventions of GraphQL-over-HTTP, error codes, and the
 * limits that keep a hostile request from hurting the service.
 */
@ServiceTest
class GraphQlEndpointTests {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
	}

	@Test
	void answersTypenameToAnAnonymousPost() {
		HttpResponse<String> response = this.http.post("/graphql", "application/json", "{\"query\":\"{ __typename }\"}",
				"Accept", "application/graphql-response+json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/graphql-response+json"));
		assertThat(Http.parse(response.body()).path("data").path("__typename").asString()).isEqualTo("Query");
	}

	@Test
	void answersWithPlainJsonWhenAskedFor() {
		HttpResponse<String> response = this.http.post("/graphql", "application/json", "{\"query\":\"{ __typename }\"}",
				"Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
	}

	@Test
	void meIsNullForAnAnonymousCaller() {
		Http.GraphQlResult result = this.http.graphql("{ me { id displayName } }");
		assertThat(result.hasErrors()).isFalse();
		assertThat(result.data().path("me").isNull()).isTrue();
	}

	@Test
	void syntaxErrorsCarryBadUserInput() {
		Http.GraphQlResult result = this.http.graphql("{ me { id ");
		assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.body().toString()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void unknownFieldsCarryBadUserInput() {
		Http.GraphQlResult result = this.http.graphql("{ nothingHere }");
		assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.errorMessage()).contains("nothingHere");
	}

	@Test
	void refusesADepthBombAndStaysHealthy() {
		// project → proposals → project → … nests far deeper than the limit of 12.
		StringBuilder query = new StringBuilder("{ __typename project(id: \"p\") {");
		for (int i = 0; i < 10; i++) {
			query.append(" proposals { project {");
		}
		query.append(" id");
		query.append(" } }".repeat(10));
		query.append(" } }");
		Http.GraphQlResult result = this.http.graphql(query.toString());
		assertThat(result.hasErrors()).isTrue();
		assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.errorMessage()).containsIgnoringCase("depth");
		assertThat(this.http.graphql("{ __typename }").data().path("__typename").asString()).isEqualTo("Query");
	}

	@Test
	void refusesAnIntrospectionBombAndStaysHealthy() {
		// __schema → types → fields → type → ofType → …: introspection is left out of the
		// depth limit (the standard introspection query is 14 deep) and bounded by
		// graphql-java's good-faith check instead.
		StringBuilder query = new StringBuilder("{ __typename a: __schema { types { fields { type");
		for (int i = 0; i < 20; i++) {
			query.append(" { ofType");
		}
		query.append(" { name }");
		query.append(" }".repeat(20));
		query.append(" } } } }");
		Http.GraphQlResult result = this.http.graphql(query.toString());
		assertThat(result.hasErrors()).isTrue();
		assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.errorMessage()).containsIgnoringCase("introspection");
		assertThat(result.data().path("__schema").isMissingNode() || result.data().path("__schema").isNull()).isTrue();

		StringBuilder repeated = new StringBuilder("{");
		for (int i = 0; i < 5; i++) {
			repeated.append(" s").append(i).append(": __schema { types { name } }");
		}
		Http.GraphQlResult many = this.http.graphql(repeated.append(" }").toString());
		assertThat(many.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(this.http.graphql("{ __typename }").data().path("__typename").asString()).isEqualTo("Query");
	}

	@Test
	void refusesAnOversizedBodyWith413() {
		String padding = "x".repeat(600 * 1024);
		HttpResponse<String> response = this.http.post("/graphql", "application/json",
				"{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\"" + padding + "\"}}");
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(Http.parse(response.body()).path("errors").path(0).path("extensions").path("code").asString())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(Http.parse(response.body()).path("message").asString()).contains("larger than the limit");
		assertThat(Http.parse(response.body()).path("requestId").asString()).isNotEmpty();
		assertThat(this.http.graphql("{ __typename }").status()).isEqualTo(200);
	}

	@Test
	void aHugeNumberLiteralIsRefusedWithoutBeingReadAsANumber() {
		// 400,000 digits (a 400 KB body) held a core for 17 s: now over the document's
		// character cap.
		HttpResponse<String> huge = this.http.post("/graphql", "application/json",
				"{\"query\":\"{ hackathons(first: " + "9".repeat(400_000) + ") { edges { node { id } } } }\"}");
		assertThat(huge.statusCode()).isEqualTo(200);
		assertThat(Http.parse(huge.body()).path("errors").path(0).path("extensions").path("code").asString())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(Http.parse(huge.body()).path("errors").path(0).path("message").asString())
			.contains("100,000 characters");
		assertThat(huge.body()).hasSizeLessThan(2_000);

		// Within the character cap, a number is refused by its own length as it is read,
		// never converted or quoted.
		for (String number : new String[] { "9".repeat(90_000), "-" + "1".repeat(60), "1." + "5".repeat(60) + "e10" }) {
			Http.GraphQlResult result = this.http
				.graphql("{ hackathons(first: " + number + ") { edges { node { id } } } }");
			assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
			assertThat(result.errorMessage()).isEqualTo("A number may have at most 50 characters; the one at line 1, "
					+ "column 21 has " + number.length() + ".");
			assertThat(result.body().toString()).hasSizeLessThan(2_000);
		}
		// A number of ordinary length is read as usual (and refused by the page-size
		// rule).
		assertThat(this.http.graphql("{ hackathons(first: " + "1".repeat(50) + ") { edges { node { id } } } }")
			.errorMessage()).doesNotContain("at most 50 characters");
		assertThat(this.http.graphql("{ __typename }").status()).isEqualTo(200);
	}

	@Test
	void introspectionIsOnByDefaultForTheStandardIntrospectionQuery() throws Exception {
		// graphql-js 16's getIntrospectionQuery(), as GraphiQL, codegen and Postman send
		// it: ofType nine deep, 14 levels in all, beyond the depth limit of 12.
		String standard = Files.readString(Path.of("src/test/resources/introspection/standard-query.graphql"));
		Http.GraphQlResult result = this.http.graphql(standard);
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		JsonNode types = result.data().path("__schema").path("types");
		assertThat(types.isArray()).isTrue();
		assertThat(types.valueStream().map((type) -> type.path("name").asString())).contains("Query", "Mutation",
				"Hackathon", "Proposal");
		assertThat(result.data().path("__schema").path("queryType").path("name").asString()).isEqualTo("Query");
	}

	@Test
	void graphiqlIsOffUnlessConfigured() {
		assertThat(this.http.get("/graphiql").statusCode()).isEqualTo(404);
	}

	@Test
	void getIsNotAllowedForGraphQl() {
		assertThat(this.http.get("/graphql?query=%7B__typename%7D").statusCode()).isEqualTo(405);
	}

	@Test
	void everyResponseAndErrorCarriesARequestId() {
		HttpResponse<String> response = this.http.post("/graphql", "application/json",
				"{\"query\":\"{ nothingHere }\"}", "X-Request-Id", "test-request-0001");
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("test-request-0001");
		assertThat(Http.parse(response.body()).path("errors").path(0).path("extensions").path("requestId").asString())
			.isEqualTo("test-request-0001");

		HttpResponse<String> generated = this.http.post("/graphql", "application/json",
				"{\"query\":\"{ __typename }\"}", "X-Request-Id", "bad id with spaces");
		assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(
				(id) -> assertThat(id).isNotEqualTo("bad id with spaces").hasSizeGreaterThanOrEqualTo(8));
	}

	@Test
	void thePanelIsServedUnderAStrictContentSecurityPolicy() {
		HttpResponse<String> response = this.http.get("/");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void healthReportsTheStore() {
		HttpResponse<String> response = this.http.get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Http.parse(response.body()).path("components").path("store").path("status").asString())
			.isEqualTo("UP");
	}

	@Test
	void servesTheWebPanelAtTheRoot() {
		HttpResponse<String> response = this.http.get("/");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<div id=\"root\">").contains("/assets/");
	}

}
