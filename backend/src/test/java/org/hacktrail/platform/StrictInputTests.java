package org.hacktrail.platform;

import java.util.List;
import java.util.UUID;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that is wrong in form is refused with BAD_USER_INPUT and a message that names the rule, before anything
 * runs, in every operation that takes it: dates outside four-digit years, page sizes outside 1 to 100.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictInputTests {

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	MongoTemplate mongo;

	Http http;

	TestAccounts.Account organizer;

	TestAccounts.Account user;

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		this.organizer = accounts.organizer();
		this.user = accounts.user("strict-" + UUID.randomUUID());
	}

	private static void assertRefused(Http.GraphQlResult result, String mentioning) {
		assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.errorMessage()).as(result.body().toString()).contains(mentioning);
		assertThat(result.data().isMissingNode() || result.data().isNull()).as(result.body().toString()).isTrue();
	}

	private String hackathon() {
		String slug = "strict-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input");
		input.put("slug", slug).put("kind", "COMMUNITY").put("timeZone", "Asia/Taipei");
		input.put("startsAt", "2026-11-28T09:00:00+08:00").put("endsAt", "2026-11-29T18:00:00+08:00");
		input.putObject("name").put("en", "Strict input");
		Http.GraphQlResult created = this.http.graphql(
				"mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { hackathon { id } } }",
				variables, this.organizer.headers());
		assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
		return created.data().path("createHackathon").path("hackathon").path("id").asString();
	}

	@Test
	void datesBeyondFourDigitYearsAreBadUserInputInEveryOperation() {
		long tokensBefore = this.tokens.findByUserIdOrderByCreatedAtDesc(this.user.id()).size();
		// As a literal and as a variable.
		assertRefused(this.http.graphql("mutation { createApiToken(input: {name: \"far\", expiresAt: "
				+ "\"+999999999-12-31T23:59:59Z\"}) { secret } }", this.user.headers()), "four-digit years");
		ObjectNode token = Http.json();
		token.putObject("input").put("name", "far").put("expiresAt", "+999999999-12-31T23:59:59Z");
		assertRefused(this.http.graphql("mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { "
				+ "secret } }", token, this.user.headers()), "four-digit years");
		assertThat(this.tokens.findByUserIdOrderByCreatedAtDesc(this.user.id())).hasSize((int) tokensBefore);

		ObjectNode create = Http.json();
		ObjectNode input = create.putObject("input");
		String slug = "strict-far-" + UUID.randomUUID().toString().substring(0, 8);
		input.put("slug", slug).put("kind", "COMMUNITY").put("timeZone", "Asia/Taipei");
		input.put("startsAt", "2026-11-28T09:00:00+08:00").put("endsAt", "+10000-01-01T00:00:00Z");
		input.putObject("name").put("en", "Far future");
		assertRefused(this.http.graphql("mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { "
				+ "hackathon { id } } }", create, this.organizer.headers()), "four-digit years");
		assertThat(this.mongo.count(new Query(Criteria.where("slug").is(slug)), "hackathons")).isZero();

		String id = hackathon();
		assertRefused(this.http.graphql("mutation { updateHackathon(input: {id: \"" + id + "\", startsAt: "
				+ "\"0000-12-31T23:59:59Z\"}) { hackathon { id } } }", this.organizer.headers()), "four-digit years");
		assertRefused(this.http.graphql("mutation { recordOutcomeMilestone(input: {projectId: \"p\", type: PILOT, "
				+ "date: \"+10000-01-01\"}) { created } }", this.organizer.headers()), "four-digit years");

		// The edges of the range are dates like any other.
		Http.GraphQlResult latest = this.http.graphql("mutation { createApiToken(input: {name: \"latest\", "
				+ "expiresAt: \"9999-12-31T23:59:59Z\"}) { token { expiresAt } } }", this.user.headers());
		assertThat(latest.hasErrors()).as(latest.body().toString()).isFalse();
		assertThat(latest.data().path("createApiToken").path("token").path("expiresAt").asString())
			.startsWith("9999-12-31T23:59:59");
	}

	@Test
	void pageSizesOutsideOneToTheMaximumAreRefusedOnEveryPaginatedField() {
		List<String> fields = List.of("hackathons(first: %d) { edges { node { id } } }",
				"proposals(hackathonSlug: \"none\", first: %d) { edges { node { id } } }",
				"proposalsNeedingSkill(hackathonSlug: \"none\", skill: \"java\", first: %d) { edges { node { id } } }",
				"notifications(first: %d) { edges { node { id } } }", "auditEvents(first: %d) { edges { node { id } } }",
				"jobRuns(first: %d) { id }", "outcomeMilestonesToVerify(first: %d) { id }");
		for (String field : fields) {
			for (int size : new int[] { -1, 0, 101 }) {
				Http.GraphQlResult result = this.http.graphql("{ " + field.formatted(size) + " }",
						this.organizer.headers());
				assertThat(result.errorCode()).as(field.formatted(size) + " -> " + result.body()).isEqualTo("BAD_USER_INPUT");
				assertThat(result.errorMessage()).as(field.formatted(size))
					.isEqualTo("Page size must be between 1 and 100, was " + size + ".");
				assertThat(result.body().path("errors").path(0).path("extensions").path("field").asString())
					.isEqualTo("first");
			}
			// 100 is a page size (an unknown hackathon is another matter).
			Http.GraphQlResult allowed = this.http.graphql("{ " + field.formatted(100) + " }", this.organizer.headers());
			assertThat(allowed.errorCode()).as(field + " -> " + allowed.body()).isIn(null, "NOT_FOUND");
		}
		// As a variable too.
		Http.GraphQlResult variable = this.http.graphql("query($n: Int) { hackathons(first: $n) { edges { node { id } } } }",
				Http.json().put("n", -1));
		assertThat(variable.errorCode()).isEqualTo("BAD_USER_INPUT");
	}

}
