package org.hacktrail.identity;

import java.util.List;

import org.hacktrail.support.DeployedServiceTest;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code HACKTRAIL_BOOTSTRAP_TOKEN} makes an organizer service account whose token is
 * that value, idempotently ({@link DeployedServiceTest} sets it).
 */
@DeployedServiceTest
class BootstrapTokenTests {

	static final String SECRET = DeployedServiceTest.BOOTSTRAP_TOKEN;

	@LocalServerPort
	int port;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	ApiTokenRepository tokenRepository;

	@Autowired
	UserRepository users;

	@Test
	void theBootstrapTokenSignsInAsAnOrganizerServiceAccount() {
		Http.GraphQlResult me = Http.localhost(this.port)
			.graphql("{ me { displayName roles } }", "Authorization", "Bearer " + SECRET);
		assertThat(me.data().path("me").path("roles").toString()).contains("ORGANIZER");
		assertThat(me.data().path("me").path("displayName").asString()).isEqualTo("Bootstrap service account");
	}

	@Test
	void runningTheBootstrapAgainCreatesNothingNew() {
		long usersBefore = this.users.count();
		long tokensBefore = this.tokenRepository.count();

		User first = this.tokens.ensureBootstrapToken(SECRET);
		User second = this.tokens.ensureBootstrapToken(SECRET);

		assertThat(second.id()).isEqualTo(first.id());
		assertThat(this.users.count()).isEqualTo(usersBefore);
		assertThat(this.tokenRepository.count()).isEqualTo(tokensBefore);
	}

	@Test
	void aChangedBootstrapValueReplacesThePreviousOne() {
		String rotated = "rotated-bootstrap-secret-9876543210";
		try {
			this.tokens.ensureBootstrapToken(rotated);
			Http http = Http.localhost(this.port);
			assertThat(http.graphql("{ me { id } }", "Authorization", "Bearer " + SECRET).status()).isEqualTo(401);
			assertThat(http.graphql("{ me { id } }", "Authorization", "Bearer " + rotated).data().path("me").isNull())
				.isFalse();
		}
		finally {
			this.tokens.ensureBootstrapToken(SECRET);
		}
	}

	@Test
	void aShortBootstrapValueIsRejected() {
		for (String weak : List.of("short", "only-twenty-three-chars")) {
			assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> this.tokens.ensureBootstrapToken(weak)))
				.hasMessageContaining("at least 24 characters");
		}
	}

}
