package org.hacktrail.followup;

import org.hacktrail.support.DeployedServiceTest;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anyone can read the open-data licence over GraphQL; it follows the configuration (that
 * of {@link DeployedServiceTest}).
 */
@DeployedServiceTest
class OpenDataLicenceTests {

	@LocalServerPort
	int port;

	@Test
	void anonymousVisitorsReadTheConfiguredLicence() {
		Http.GraphQlResult result = Http.localhost(this.port)
			.graphql("{ openDataLicence { licence url attribution attributionConfigured } }");
		assertThat(result.errorCode()).isNull();
		assertThat(result.data().path("openDataLicence").path("licence").asString()).isEqualTo("ODC-By-1.0");
		assertThat(result.data().path("openDataLicence").path("url").asString())
			.isEqualTo("https://example.org/odc-by");
		assertThat(result.data().path("openDataLicence").path("attribution").asString()).isEqualTo("Example Org");
		assertThat(result.data().path("openDataLicence").path("attributionConfigured").asBoolean()).isTrue();
	}

	@Test
	void thePlaceholderAttributionIsToldFromAConfiguredOne() {
		OpenDataSettings unset = new OpenDataSettings("CC-BY-4.0", null, null, null, null, null);
		assertThat(unset.attribution()).isEqualTo(OpenDataSettings.DEFAULT_PUBLISHER);
		assertThat(new OpenDataLicenceController(unset).openDataLicence().attributionConfigured()).isFalse();
	}

}
