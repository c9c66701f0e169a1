package org.hacktrail.platform.audit;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import org.hacktrail.support.DemoServiceTest;
import org.hacktrail.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log: identity events recorded as they happen (sign-in, failed sign-in, role
 * granted, token created and revoked, sign-out), read by organizers only, filtered by
 * type and paginated, and not changeable through the API.
 */
@DemoServiceTest
class AuditLogTests {

	static final String EVENTS = "query($type: AuditEventType, $first: Int, $after: String) { auditEvents(type: $type, "
			+ "first: $first, after: $after) { edges { cursor node { id type at actorId subjectType subjectId address "
			+ "requestId details { key value } } } pageInfo { hasNextPage endCursor } } }";

	@LocalServerPort
	int port;

	private Http signedIn(String persona) {
		Http http = Http.localhost(this.port);
		http.get("/api/auth/options");
		assertThat(http.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"" + persona + "\"}").statusCode())
			.isEqualTo(200);
		return http;
	}

	private List<JsonNode> events(Http http, String type, int first) {
		Http.GraphQlResult result = http.graphql(EVENTS, Http.json().put("type", type).put("first", first));
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return StreamSupport.stream(result.data().path("auditEvents").path("edges").spliterator(), false)
			.map((edge) -> edge.path("node"))
			.toList();
	}

	private static String detail(JsonNode event, String key) {
		for (JsonNode detail : event.path("details")) {
			if (detail.path("key").asString().equals(key)) {
				return detail.path("value").asString();
			}
		}
		return null;
	}

	@Test
	void identityEventsAreRecordedAndOrganizersReadThem() {
		Http organizer = signedIn("organizer");
		String organizerId = organizer.graphql("{ me { id } }").data().path("me").path("id").asString();
		JsonNode token = organizer
			.graphql("mutation { createApiToken(input: {name: \"audit probe\"}) { token { id } } }")
			.data()
			.path("createApiToken")
			.path("token");
		organizer.graphql(
				"mutation { revokeApiToken(input: {id: \"" + token.path("id").asString() + "\"}) { token { id } } }");
		Http failed = Http.localhost(this.port);
		failed.get("/api/auth/options");
		assertThat(
				failed.postJsonWithCsrf("/api/demo/login", "{\"persona\":\"nobody-" + this.port + "\"}").statusCode())
			.isEqualTo(400);
		Http leaving = signedIn("judge-private");
		String judgeId = leaving.graphql("{ me { id } }").data().path("me").path("id").asString();
		assertThat(leaving.postJsonWithCsrf("/logout", "{}").statusCode()).isEqualTo(204);

		assertThat(events(organizer, "SIGN_IN", 100)).anySatisfy((event) -> {
			assertThat(event.path("actorId").asString()).isEqualTo(organizerId);
			assertThat(detail(event, "method")).isEqualTo("demo");
			assertThat(detail(event, "persona")).isEqualTo("organizer");
			assertThat(event.path("address").asString()).isNotEmpty();
			assertThat(event.path("requestId").asString()).isNotEmpty();
		});
		assertThat(events(organizer, "ROLE_GRANTED", 100)).anySatisfy((event) -> {
			assertThat(event.path("subjectId").asString()).isEqualTo(organizerId);
			assertThat(detail(event, "role")).isEqualTo("ORGANIZER");
		});
		assertThat(events(organizer, "TOKEN_CREATED", 100)).anySatisfy((event) -> {
			assertThat(event.path("subjectId").asString()).isEqualTo(token.path("id").asString());
			assertThat(detail(event, "name")).isEqualTo("audit probe");
		});
		List<JsonNode> revoked = events(organizer, "TOKEN_REVOKED", 100);
		assertThat(revoked).allSatisfy((event) -> assertThat(event.path("type").asString()).isEqualTo("TOKEN_REVOKED"));
		assertThat(revoked).anySatisfy(
				(event) -> assertThat(event.path("subjectId").asString()).isEqualTo(token.path("id").asString()));
		assertThat(events(organizer, "SIGN_IN_FAILED", 100))
			.anySatisfy((event) -> assertThat(detail(event, "persona")).isEqualTo("nobody-" + this.port));
		assertThat(events(organizer, "SIGN_OUT", 100))
			.anySatisfy((event) -> assertThat(event.path("actorId").asString()).isEqualTo(judgeId));
	}

	@Test
	void eventsComeNewestFirstAcrossPages() {
		Http organizer = signedIn("organizer");
		for (int i = 0; i < 3; i++) {
			organizer.graphql("mutation { createApiToken(input: {name: \"page " + i + "\"}) { secret } }");
		}
		Http.GraphQlResult first = organizer.graphql(EVENTS, Http.json().put("first", 2));
		JsonNode page = first.data().path("auditEvents");
		assertThat(page.path("edges")).hasSize(2);
		assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		Http.GraphQlResult second = organizer.graphql(EVENTS,
				Http.json().put("first", 2).put("after", page.path("pageInfo").path("endCursor").asString()));
		JsonNode next = second.data().path("auditEvents").path("edges");
		assertThat(next).hasSize(2);
		List<String> times = List.of(page.path("edges").path(0).path("node").path("at").asString(),
				page.path("edges").path(1).path("node").path("at").asString(),
				next.path(0).path("node").path("at").asString(), next.path(1).path("node").path("at").asString());
		assertThat(times).isSortedAccordingTo(
				(a, b) -> java.time.OffsetDateTime.parse(b).compareTo(java.time.OffsetDateTime.parse(a)));
		assertThat(next.path(0).path("node").path("id").asString()).isNotIn(
				page.path("edges").path(0).path("node").path("id").asString(),
				page.path("edges").path(1).path("node").path("id").asString());
	}

	@Test
	void onlyOrganizersReadTheLog() {
		assertThat(signedIn("proposer").graphql(EVENTS).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(Http.localhost(this.port).graphql(EVENTS).errorCode()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void nothingInTheApiChangesTheLog() throws IOException {
		Resource[] schemas = new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls");
		assertThat(schemas).isNotEmpty();
		for (Resource schema : schemas) {
			String text = schema.getContentAsString(StandardCharsets.UTF_8);
			if (schema.getFilename().equals("audit.graphqls")) {
				assertThat(text).doesNotContain("Mutation");
			}
			else {
				assertThat(text).as(schema.getFilename()).doesNotContain("AuditEvent");
			}
		}
		List<String> publicMethods = Arrays.stream(AuditLog.class.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()))
			.map(Method::getName)
			.sorted()
			.toList();
		assertThat(publicMethods).containsExactly("list", "record");
	}

}
