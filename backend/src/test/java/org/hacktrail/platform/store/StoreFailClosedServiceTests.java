package org.hacktrail.platform.store;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hacktrail.HacktrailApplication;
import org.hacktrail.support.EmbeddedStoreOnly;
import org.hacktrail.support.Http;
import org.hacktrail.support.TimingSensitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The whole service on the default store (H2 file) when its file stops taking writes, as
 * an operator met it (the file made immutable after a clean stop): mutations answer
 * UNAVAILABLE with a message a user can act on and change nothing, REST writes answer 503
 * with Retry-After, readiness goes DOWN and the store's health says why (to organizers),
 * reads keep working for anonymous and signed-in users alike, and everything resumes by
 * itself once the file is writable. Needs root (chattr); CI runs as root.
 */
@EmbeddedStoreOnly
@TimingSensitive
class StoreFailClosedServiceTests {

	@TempDir
	Path dataDir;

	@Test
	void aFileThatStopsTakingWritesRefusesChangesKeepsReadsAndComesBack() throws Exception {
		FailClosedTests.assumeRoot();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HacktrailApplication.class)
			.profiles("demo")
			.run("--server.port=0", "--spring.mongodb.uri=", "--hacktrail.store.embedded.backend=h2",
					"--hacktrail.store.embedded.data-dir=" + this.dataDir)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			Http anonymous = Http.localhost(port);
			Http organizer = Http.localhost(port);
			organizer.get("/api/auth/options");
			assertThat(organizer.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"organizer\"}").statusCode())
				.isEqualTo(200);
			assertThat(create(organizer, "before").hasErrors()).isFalse();

			Path file = this.dataDir.resolve("hacktrail.mv.db");
			Process chattr = new ProcessBuilder("chattr", "+i", file.toString()).inheritIO().start();
			assumeThat(chattr.waitFor()).as("chattr works here").isZero();
			try {
				// The first write after the file went read-only fails at its commit; it
				// is never acknowledged.
				Http.GraphQlResult refused = create(organizer, "during");
				assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("UNAVAILABLE");
				assertThat(refused.errorMessage())
					.startsWith("Saving is paused: the server could not write to its disk")
					.contains("reading still works");
				Http.GraphQlResult again = create(organizer, "during-2");
				assertThat(again.errorCode()).isEqualTo("UNAVAILABLE");

				HttpResponse<String> imported = organizer.post("/api/hackathons/before/proposals/import", "text/csv",
						"title,proposer\r\nA,B\r\n", "X-XSRF-TOKEN", organizer.cookie("XSRF-TOKEN").orElseThrow());
				assertThat(imported.statusCode()).isEqualTo(503);
				assertThat(imported.headers().firstValue("Retry-After")).isPresent();
				assertThat(Http.parse(imported.body()).path("code").asString()).isEqualTo("UNAVAILABLE");

				HttpResponse<String> readiness = anonymous.get("/actuator/health/readiness");
				assertThat(readiness.statusCode()).isEqualTo(503);
				assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
				JsonNode store = Http.parse(organizer.get("/actuator/health").body()).path("components").path("store");
				assertThat(store.path("status").asString()).isEqualTo("DOWN");
				assertThat(store.path("details").path("writes").asString()).isEqualTo("refused");
				assertThat(store.path("details").path("reason").asString()).contains("commit").contains("failed");
				assertThat(store.path("details").path("action").asString()).contains("resumes writing by itself");
				// Anonymous callers see the status, not the server's paths.
				assertThat(anonymous.get("/actuator/health").body()).doesNotContain("hacktrail.mv.db");

				// Reads go on, signed in or not, from what is on the disk.
				Http.GraphQlResult list = anonymous.graphql("{ hackathons(first: 100) { edges { node { slug } } } }");
				assertThat(list.hasErrors()).as(list.body().toString()).isFalse();
				assertThat(list.data().path("hackathons").path("edges").size()).isPositive();
				assertThat(slugs(organizer)).contains("before").doesNotContain("during", "during-2");
				Http.GraphQlResult me = organizer.graphql("{ me { roles } }");
				assertThat(me.hasErrors()).as(me.body().toString()).isFalse();
				assertThat(me.data().path("me").path("roles").toString()).contains("ORGANIZER");
			}
			finally {
				new ProcessBuilder("chattr", "-i", file.toString()).inheritIO().start().waitFor();
			}

			FailClosedTests.await("readiness UP again",
					() -> anonymous.get("/actuator/health/readiness").statusCode() == 200);
			Http.GraphQlResult after = create(organizer, "after");
			assertThat(after.hasErrors()).as(after.body().toString()).isFalse();
			assertThat(slugs(organizer)).contains("before", "after").doesNotContain("during", "during-2");
		}
	}

	/** Each of the slugs this test creates that exists, as an organizer sees them. */
	private static List<String> slugs(Http organizer) {
		List<String> found = new ArrayList<>();
		for (String slug : new String[] { "before", "during", "during-2", "after" }) {
			Http.GraphQlResult result = organizer.graphql("{ hackathon(slug: \"" + slug + "\") { slug } }");
			assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
			if (!result.data().path("hackathon").isNull()) {
				found.add(slug);
			}
		}
		return found;
	}

	private static Http.GraphQlResult create(Http organizer, String slug) {
		return organizer.graphql("mutation { createHackathon(input: {slug: \"" + slug
				+ "\", name: {en: \"Fail closed\"}, kind: COMMUNITY, startsAt: \"2026-12-01T09:00:00+08:00\", "
				+ "endsAt: \"2026-12-02T18:00:00+08:00\", timeZone: \"Asia/Taipei\"}) { hackathon { id } } }");
	}

}
