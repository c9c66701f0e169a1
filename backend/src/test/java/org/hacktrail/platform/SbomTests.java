package org.hacktrail.platform;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build ships a CycloneDX SBOM of what the application runs with, and only that: test
 * libraries such as the in-process OIDC provider stay out of it.
 */
class SbomTests {

	@Test
	void theBuildProducesACycloneDxSbomOfTheShippedApplication() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/application.cdx.json")) {
			assertThat(in).as("SBOM on the classpath").isNotNull();
			JsonNode sbom = JsonMapper.builder().build().readTree(in);
			assertThat(sbom.path("bomFormat").asString()).isEqualTo("CycloneDX");
			String components = sbom.path("components").toString();
			assertThat(components).contains("\"name\":\"spring-boot\"")
				.contains("\"name\":\"mongodb-driver-sync\"")
				.contains("\"name\":\"mongo-java-server\"");
			assertThat(components).doesNotContain("mock-oauth2-server").doesNotContain("selenium-java");
		}
	}

}
