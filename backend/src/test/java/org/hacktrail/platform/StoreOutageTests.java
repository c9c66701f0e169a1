package org.hacktrail.platform;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.hacktrail.platform.store.EmbeddedStore;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.hacktrail.support.Http;
import org.hacktrail.support.TimingSensitive;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store goes away under a running service and comes back: readiness goes DOWN
 * (liveness stays UP), GraphQL answers UNAVAILABLE and REST 503 within a few seconds
 * instead of hanging, and once the store listens again the service is ready and serving
 * by itself — the signed-in session included, since it lives in the store.
 */
@EmbeddedStoreOnly
@TimingSensitive
@DemoServiceTest
class StoreOutageTests {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedStore store;

	@Test
	void theServiceFailsFastWhileTheStoreIsAwayAndRecoversByItself() throws Exception {
		Http anonymous = Http.localhost(this.port);
		Http browser = Http.localhost(this.port);
		browser.get("/api/auth/options");
		assertThat(browser.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"organizer\"}").statusCode())
			.isEqualTo(200);
		String slug = "outage-" + System.nanoTime();
		Http.GraphQlResult created = browser.graphql("mutation { createHackathon(input: {slug: \"" + slug
				+ "\", name: {en: \"Outage\"}, kind: COMMUNITY, startsAt: \"2026-12-01T09:00:00+08:00\", "
				+ "endsAt: \"2026-12-02T18:00:00+08:00\", timeZone: \"Asia/Taipei\"}) { hackathon { id } } }");
		assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
		assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		this.store.stopListening();
		try {
			await("readiness DOWN", Duration.ofSeconds(15),
					() -> anonymous.get("/actuator/health/readiness").statusCode() == 503);
			HttpResponse<String> readiness = anonymous.get("/actuator/health/readiness");
			assertThat(readiness.body()).contains("DOWN");
			assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

			long started = System.nanoTime();
			Http.GraphQlResult query = anonymous.graphql("{ hackathons(first: 5) { edges { node { slug } } } }");
			long graphQlMillis = (System.nanoTime() - started) / 1_000_000;
			assertThat(query.errorCode()).as(query.body().toString()).isEqualTo("UNAVAILABLE");
			assertThat(graphQlMillis).isLessThan(8_000);

			started = System.nanoTime();
			HttpResponse<String> csv = anonymous.get("/api/hackathons/" + slug + "/proposals.csv");
			long restMillis = (System.nanoTime() - started) / 1_000_000;
			assertThat(csv.statusCode()).isEqualTo(503);
			assertThat(csv.headers().firstValue("Retry-After")).isPresent();
			assertThat(Http.parse(csv.body()).path("code").asString()).isEqualTo("UNAVAILABLE");
			assertThat(restMillis).isLessThan(8_000);

			// A request with a session cookie cannot load its session: 503 with the
			// GraphQL-shaped body.
			Http.GraphQlResult withSession = browser.graphql("{ me { id } }");
			assertThat(withSession.status()).isEqualTo(503);
			assertThat(withSession.errorCode()).isEqualTo("UNAVAILABLE");
		}
		finally {
			this.store.resumeListening();
		}

		await("readiness UP again", Duration.ofSeconds(30),
				() -> anonymous.get("/actuator/health/readiness").statusCode() == 200);
		Http.GraphQlResult after = anonymous.graphql("{ hackathons(first: 100) { edges { node { slug } } } }");
		assertThat(after.hasErrors()).as(after.body().toString()).isFalse();
		assertThat(browser.graphql("{ me { roles } }").data().path("me").path("roles").toString())
			.contains("ORGANIZER");
	}

	static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("Timed out waiting for " + what);
	}

}
