package org.hacktrail.identity;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import org.hacktrail.platform.SecretTokens;
import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions (demo login), CSRF on cookie-authenticated requests, and API tokens: created,
 * used, revoked, expired, malformed.
 */
@DemoServiceTest
class SessionAndTokenTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	UserDirectory users;

	Http browser;

	@BeforeEach
	void setUp() {
		this.browser = Http.localhost(this.port);
	}

	private void signIn(Http http, String persona) {
		http.get("/api/auth/options");
		HttpResponse<String> login = http.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"" + persona + "\"}");
		assertThat(login.statusCode()).isEqualTo(200);
	}

	@Test
	void demoLoginSignsInAsThePersona() {
		signIn(this.browser, "judge-public");

		JsonNode me = this.browser.graphql("{ me { displayName roles affiliations } }").data().path("me");

		assertThat(me.path("displayName").asString()).contains("Public Sector");
		assertThat(me.path("roles").toString()).contains("JUDGE");
		assertThat(me.path("affiliations").toString()).contains("Ministry of Digital Affairs");
	}

	@Test
	void demoLoginRefusesAnUnknownPersona() {
		this.browser.get("/api/auth/options");
		HttpResponse<String> login = this.browser.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"root\"}");
		assertThat(login.statusCode()).isEqualTo(400);
		assertThat(login.body()).contains("Unknown persona 'root'");
	}

	@Test
	void demoLoginItselfNeedsTheCsrfToken() {
		HttpResponse<String> login = this.browser.post("/api/demo/login", "application/json",
				"{\"persona\":\"organizer\"}");
		assertThat(login.statusCode()).isEqualTo(403);
	}

	@Test
	void aCookieAuthenticatedPostWithoutTheCsrfTokenIsRefused() {
		signIn(this.browser, "proposer");

		HttpResponse<String> forged = this.browser.post("/graphql", "application/json",
				"{\"query\":\"mutation { createApiToken(input: {name: \\\"x\\\"}) { secret } }\"}");

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(Http.parse(forged.body()).path("message").asString()).contains("CSRF");
		assertThat(createToken(this.browser, "with the header").path("secret").asString()).startsWith("ht_");
	}

	@Test
	void aFormPostWithTheSessionCookieIsRefused() {
		signIn(this.browser, "proposer");
		HttpResponse<String> form = this.browser.post("/graphql", "application/x-www-form-urlencoded",
				"query=%7B__typename%7D");
		assertThat(form.statusCode()).isEqualTo(403);
	}

	@Test
	void aTokenCreatedInTheSessionWorksAsBearerAndIsShownOnlyOnce() {
		signIn(this.browser, "organizer");
		JsonNode created = createToken(this.browser, "CI script");
		String secret = created.path("secret").asString();

		Http script = Http.localhost(this.port);
		Http.GraphQlResult me = script.graphql("{ me { displayName roles apiTokens { name prefix active } } }",
				"Authorization", "Bearer " + secret);

		assertThat(me.hasErrors()).isFalse();
		assertThat(me.data().path("me").path("roles").toString()).contains("ORGANIZER");
		JsonNode listed = me.data().path("me").path("apiTokens").path(0);
		assertThat(listed.path("name").asString()).isEqualTo("CI script");
		assertThat(secret).startsWith(listed.path("prefix").asString());
		assertThat(me.response().body()).doesNotContain(secret);
		assertThat(this.tokens.findAll()).noneMatch((token) -> token.tokenHash().contains(secret));
	}

	@Test
	void bearerRequestsNeedNoCsrfToken() {
		signIn(this.browser, "proposer");
		String secret = createToken(this.browser, "automation").path("secret").asString();

		Http script = Http.localhost(this.port);
		HttpResponse<String> response = script.post("/graphql", "application/json",
				"{\"query\":\"mutation { createApiToken(input: {name: \\\"second\\\"}) { token { name } } }\"}",
				"Authorization", "Bearer " + secret);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"second\"");
	}

	@Test
	void aRevokedTokenIsRefusedWith401() {
		signIn(this.browser, "proposer");
		JsonNode created = createToken(this.browser, "to revoke");
		String secret = created.path("secret").asString();
		String id = created.path("token").path("id").asString();

		Http.GraphQlResult revoked = this.browser
			.graphql("mutation { revokeApiToken(input: {id: \"" + id + "\"}) { token { active revokedAt } } }");
		assertThat(revoked.data().path("revokeApiToken").path("token").path("active").asBoolean()).isFalse();

		Http.GraphQlResult refused = Http.localhost(this.port)
			.graphql("{ me { id } }", "Authorization", "Bearer " + secret);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(refused.response().headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("invalid_token"));
	}

	@Test
	void anExpiredTokenIsRefusedWith401() {
		User user = this.users.signIn("test", "expired-" + UUID.randomUUID(), "Expired Ed", null, false);
		String secret = SecretTokens.newSecret("ht_");
		this.tokens.save(new ApiToken(UUID.randomUUID().toString(), user.id(), "old", SecretTokens.hash(secret),
				secret.substring(0, 7), Instant.now().minusSeconds(7200), Instant.now().minusSeconds(60), null));

		Http.GraphQlResult refused = Http.localhost(this.port)
			.graphql("{ me { id } }", "Authorization", "Bearer " + secret);

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.errorCode()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void malformedAndUnknownTokensAreRefusedWith401() {
		Http script = Http.localhost(this.port);
		for (String header : new String[] { "Bearer ", "Bearer not a token", "Bearer ht_unknownunknownunknownunknown",
				"Bearer " + "x".repeat(5000) }) {
			HttpResponse<String> response = script.post("/graphql", "application/json", "{\"query\":\"{ me { id } }\"}",
					"Authorization", header);
			assertThat(response.statusCode()).as(header.substring(0, Math.min(header.length(), 30))).isIn(400, 401);
		}
		assertThat(script.graphql("{ __typename }").status()).isEqualTo(200);
	}

	@Test
	void nobodyCanRevokeSomeoneElsesToken() {
		signIn(this.browser, "organizer");
		String id = createToken(this.browser, "organizer's").path("token").path("id").asString();

		Http other = Http.localhost(this.port);
		signIn(other, "proposer");
		Http.GraphQlResult attempt = other
			.graphql("mutation { revokeApiToken(input: {id: \"" + id + "\"}) { token { active } } }");

		assertThat(attempt.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(this.tokens.findById(id).orElseThrow().revokedAt()).isNull();
	}

	@Test
	void anonymousCallersCannotCreateTokens() {
		Http.GraphQlResult attempt = Http.localhost(this.port)
			.graphql("mutation { createApiToken(input: {name: \"x\"}) { secret } }");
		assertThat(attempt.errorCode()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void tokenInputIsValidated() {
		signIn(this.browser, "proposer");
		Http.GraphQlResult blank = this.browser
			.graphql("mutation { createApiToken(input: {name: \"  \"}) { secret } }");
		assertThat(blank.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(blank.errorMessage()).contains("name");
		Http.GraphQlResult past = this.browser.graphql(
				"mutation { createApiToken(input: {name: \"x\", expiresAt: \"2020-01-01T00:00:00Z\"}) { secret } }");
		assertThat(past.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(past.errorMessage()).contains("future");
	}

	@Test
	void aUserSeesTheirOwnEmail() {
		signIn(this.browser, "proposer");
		JsonNode me = this.browser.graphql("{ me { email } }").data().path("me");
		assertThat(me.path("email").asString()).isEqualTo("proposer@demo.hacktrail.invalid");
	}

	@Test
	void aUserEditsTheirOwnProfileAndAffiliations() {
		signIn(this.browser, "proposer");
		Http.GraphQlResult updated = this.browser.graphql("mutation { updateMyProfile(input: {displayName: \" Pat \", "
				+ "affiliations: [\"g0v\", \" G0V \", \"\", \"Taipei City Government\"]}) { user { displayName affiliations } } }");
		assertThat(updated.hasErrors()).as(updated.body().toString()).isFalse();
		JsonNode user = updated.data().path("updateMyProfile").path("user");
		assertThat(user.path("displayName").asString()).isEqualTo("Pat");
		assertThat(user.path("affiliations").toString()).isEqualTo("[\"g0v\",\"Taipei City Government\"]");

		Http.GraphQlResult invalid = this.browser
			.graphql("mutation { updateMyProfile(input: {displayName: \"\"}) { user { displayName } } }");
		assertThat(invalid.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(this.browser.graphql("{ me { displayName } }").data().path("me").path("displayName").asString())
			.isEqualTo("Pat");
	}

	@Test
	void anonymousCallersCannotEditProfiles() {
		assertThat(Http.localhost(this.port)
			.graphql("mutation { updateMyProfile(input: {displayName: \"x\"}) { user { id } } }")
			.errorCode()).isEqualTo("UNAUTHENTICATED");
	}

	private JsonNode createToken(Http http, String name) {
		Http.GraphQlResult result = http.graphql("mutation { createApiToken(input: {name: \"" + name
				+ "\"}) { secret token { id name prefix active } } }");
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("createApiToken");
	}

}
