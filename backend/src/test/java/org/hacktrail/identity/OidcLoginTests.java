package org.hacktrail.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full authorization-code login with PKCE through an in-process OpenID Connect
 * provider, ending in a {@code me} query that carries only the session cookie.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcLoginTests {

	static final String ISSUER = "test-issuer";

	static final MockOAuth2Server provider = new MockOAuth2Server();

	static {
		provider.start();
	}

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		registry.add("hacktrail.login.oidc.client-id", () -> "hacktrail-test");
		registry.add("hacktrail.login.oidc.client-secret", () -> "not-a-real-secret");
		registry.add("hacktrail.login.oidc.name", () -> "Test Keycloak");
		registry.add("hacktrail.login.oidc.issuer-uri", () -> provider.issuerUrl(ISSUER).toString());
		registry.add("hacktrail.login.oidc.authorization-uri",
				() -> provider.authorizationEndpointUrl(ISSUER).toString());
		registry.add("hacktrail.login.oidc.token-uri", () -> provider.tokenEndpointUrl(ISSUER).toString());
		registry.add("hacktrail.login.oidc.jwk-set-uri", () -> provider.jwksUrl(ISSUER).toString());
		registry.add("hacktrail.login.oidc.user-info-uri", () -> provider.userInfoUrl(ISSUER).toString());
	}

	@AfterAll
	static void stop() {
		provider.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	UserRepository users;

	@Test
	void signsInWithAuthorizationCodeAndPkceThenMeAnswersFromTheSessionCookie() {
		provider
			.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "alice-subject", "JWT", List.of("hacktrail-test"),
					Map.of("name", "Alice Chen 陳愛麗", "email", "alice@example.org", "email_verified", true), 3600));
		Http browser = Http.localhost(this.port);

		Http.GraphQlResult signedIn = login(browser);

		assertThat(signedIn.hasErrors()).isFalse();
		assertThat(signedIn.data().path("me").path("displayName").asString()).isEqualTo("Alice Chen 陳愛麗");
		assertThat(signedIn.data().path("me").path("email").asString()).isEqualTo("alice@example.org");
		assertThat(signedIn.data().path("me").path("roles").isEmpty()).isTrue();
		assertThat(this.users.findByProviderAndSubject("oidc", "alice-subject")).isPresent();
	}

	@Test
	void aVerifiedEmailListedInHacktrailOrganizersGrantsTheOrganizerRole() {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "org-subject", "JWT", List.of("hacktrail-test"),
				Map.of("name", "Olivia Organizer", "email", "organizer@example.org", "email_verified", true), 3600));
		Http browser = Http.localhost(this.port);

		Http.GraphQlResult signedIn = login(browser);

		assertThat(signedIn.data().path("me").path("roles").toString()).contains("ORGANIZER");
	}

	@Test
	void anUnverifiedEmailListedInHacktrailOrganizersGrantsNothing() {
		provider
			.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "mallory-subject", "JWT", List.of("hacktrail-test"),
					Map.of("name", "Mallory", "email", "organizer@example.org", "email_verified", false), 3600));
		Http browser = Http.localhost(this.port);

		Http.GraphQlResult signedIn = login(browser);

		assertThat(signedIn.data().path("me").path("displayName").asString()).isEqualTo("Mallory");
		assertThat(signedIn.data().path("me").path("roles").isEmpty()).isTrue();
	}

	@Test
	void signInOptionsListTheConfiguredProvider() {
		HttpResponse<String> options = Http.localhost(this.port).get("/api/auth/options");
		assertThat(options.statusCode()).isEqualTo(200);
		assertThat(Http.parse(options.body()).path("providers").path(0).path("loginUrl").asString())
			.isEqualTo("/oauth2/authorization/oidc");
		assertThat(Http.parse(options.body()).path("providers").path(0).path("name").asString())
			.isEqualTo("Test Keycloak");
		assertThat(Http.parse(options.body()).path("demo").asBoolean()).isFalse();
	}

	@Test
	void signingOutEndsTheSession() {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "bob-subject", "JWT", List.of("hacktrail-test"),
				Map.of("name", "Bob", "email_verified", false), 3600));
		Http browser = Http.localhost(this.port);
		assertThat(login(browser).data().path("me").path("displayName").asString()).isEqualTo("Bob");

		HttpResponse<String> logout = browser.postJsonWithCsrf("/logout", "{}");

		assertThat(logout.statusCode()).isEqualTo(204);
		assertThat(browser.graphql("{ me { id } }").data().path("me").isNull()).isTrue();
	}

	/**
	 * Walks the redirects a browser would follow and returns {@code me} as seen with the
	 * resulting session.
	 */
	private Http.GraphQlResult login(Http browser) {
		HttpResponse<String> start = browser.get("/oauth2/authorization/oidc");
		assertThat(start.statusCode()).isEqualTo(302);
		URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
		Map<String, List<String>> params = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
		assertThat(params).containsKeys("code_challenge", "state", "nonce");
		assertThat(params.get("code_challenge_method")).containsExactly("S256");

		HttpResponse<String> callback = browser.get(authorize.toString());
		assertThat(callback.statusCode()).isEqualTo(302);
		String redirect = callback.headers().firstValue("Location").orElseThrow();
		assertThat(redirect).startsWith(browser.base() + "/login/oauth2/code/oidc");

		HttpResponse<String> landed = browser.get(redirect);
		assertThat(landed.statusCode()).isEqualTo(302);
		assertThat(landed.headers().firstValue("Location").orElseThrow()).endsWith("/");
		assertThat(browser.cookie("HACKTRAIL_SESSION")).isPresent();

		return browser.graphql("{ me { id displayName email roles } }");
	}

}
