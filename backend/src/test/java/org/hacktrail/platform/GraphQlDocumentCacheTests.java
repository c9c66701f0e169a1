package org.hacktrail.platform;

import java.util.UUID;

import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document sent again is not parsed again, and what a document gets — its data, its
 * validation errors, a refusal by the batching limit — is the same the second time.
 */
@ServiceTest
class GraphQlDocumentCacheTests {

	@LocalServerPort
	int port;

	@Autowired
	GraphQlDocumentCache.Provider documents;

	static String uniqueAlias() {
		return "x" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void aRepeatedDocumentIsParsedOnceAndAnswersTheSame() {
		Http http = Http.localhost(this.port);
		String alias = uniqueAlias();
		String query = "{ " + alias + ": __typename }";
		long before = this.documents.parses();
		Http.GraphQlResult first = http.graphql(query);
		Http.GraphQlResult second = http.graphql(query);
		assertThat(first.data().path(alias).asString()).isEqualTo("Query");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(this.documents.parses() - before).isEqualTo(1);
		// Variables are not part of the cached document: one parse serves every value.
		String withVariable = "query($slug: String!) { " + alias + ": hackathon(slug: $slug) { id } }";
		long beforeVariables = this.documents.parses();
		for (String slug : new String[] { "a-" + alias, "b-" + alias, "c-" + alias }) {
			Http.GraphQlResult result = http.graphql(withVariable, Http.json().put("slug", slug));
			assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
			assertThat(result.data().path(alias).isNull()).isTrue();
		}
		assertThat(this.documents.parses() - beforeVariables).isEqualTo(1);
	}

	@Test
	void validationErrorsAndRefusalsAreTheSameEveryTime() {
		Http http = Http.localhost(this.port);
		String invalid = "{ " + uniqueAlias() + ": noSuchField }";
		Http.GraphQlResult first = http.graphql(invalid);
		Http.GraphQlResult second = http.graphql(invalid);
		assertThat(first.hasErrors()).isTrue();
		assertThat(first.errorMessage()).contains("noSuchField");
		// Each answer carries its own requestId; everything else is the same.
		for (Http.GraphQlResult result : new Http.GraphQlResult[] { first, second }) {
			((tools.jackson.databind.node.ObjectNode) result.body().path("errors").path(0).path("extensions"))
				.remove("requestId");
		}
		assertThat(second.body()).isEqualTo(first.body());

		StringBuilder tooMany = new StringBuilder("{");
		String prefix = uniqueAlias();
		for (int i = 0; i <= 30; i++) {
			tooMany.append(' ').append(prefix).append(i).append(": __typename");
		}
		tooMany.append(" }");
		for (int attempt = 0; attempt < 2; attempt++) {
			Http.GraphQlResult refused = http.graphql(tooMany.toString());
			assertThat(refused.errorCode()).as("attempt " + attempt).isEqualTo("BAD_USER_INPUT");
			assertThat(refused.errorMessage()).contains("30 aliases");
			assertThat(refused.data().isMissingNode() || refused.data().isNull()).isTrue();
		}
	}

}
