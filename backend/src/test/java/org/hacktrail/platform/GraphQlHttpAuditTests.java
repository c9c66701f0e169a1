package org.hacktrail.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.hacktrail.support.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL-over-HTTP audit of graphql-http ({@code web/audit/graphql-http-audit.mjs},
 * the npm package a web build installs) against the service as it starts by default:
 * every one of its 13 MUST audits passes. One of them (28B9, a map of variables) asks
 * {@code __type(name:)}, which failed while introspection was off by default.
 */
@ServiceTest
class GraphQlHttpAuditTests {

	static final Path WEB = Path.of("..", "web");

	@LocalServerPort
	int port;

	@Test
	void everyMustAuditPasses() throws Exception {
		assertThat(WEB.resolve("node_modules/graphql-http/package.json"))
			.as("graphql-http is installed by the web build (cd web && npm ci)")
			.exists();
		Process process = new ProcessBuilder("node", "audit/graphql-http-audit.mjs",
				"http://localhost:" + this.port + "/graphql")
			.directory(WEB.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(output).contains("ok    28B9 MUST allow map {variables} parameter when accepting application/json")
			.contains("MUST audits: 13 ok, 0 not ok")
			.doesNotContainPattern("(?m)^(warn |error) \\S+ MUST");
		assertThat(process.exitValue()).as(output).isZero();
	}

}
