package org.hacktrail.platform;

import org.hacktrail.support.DeployedServiceTest;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Introspection is on by default (GraphQlEndpointTests); one setting,
 * {@code HACKTRAIL_GRAPHQL_INTROSPECTION=false}, turns it off while the rest of the API
 * answers as before.
 */
@DeployedServiceTest
class IntrospectionSettingTests {

	@LocalServerPort
	int port;

	@Test
	void introspectionCanBeSwitchedOff() {
		Http http = Http.localhost(this.port);
		for (String query : new String[] { "{ __schema { queryType { name } } }",
				"{ __type(name: \"Query\") { name } }" }) {
			Http.GraphQlResult result = http.graphql(query);
			assertThat(result.errorCode()).isEqualTo("FORBIDDEN");
			assertThat(result.errorMessage()).containsIgnoringCase("introspection");
		}
		assertThat(http.graphql("{ __typename me { id } }").hasErrors()).isFalse();
	}

}
