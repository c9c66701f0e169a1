package org.hacktrail.hackathon;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hackathons over GraphQL: who may create and change them, validation, DRAFT visibility,
 * the phase rules and cursor pagination.
 */
@ServiceTest
class HackathonTests {

	static final String CREATE = """
			mutation($input: CreateHackathonInput!) {
			  createHackathon(input: $input) {
			    hackathon { id slug name { zhTW en } kind phase timeZone startsAt endsAt outstandingQuota
			      requirePartnerAgencyForFinalist allowMultipleTeams version rounds { id name { en } kind }
			      phaseHistory { from to by reason } }
			  }
			}""";

	static final String CHANGE_PHASE = """
			mutation($input: ChangeHackathonPhaseInput!) {
			  changeHackathonPhase(input: $input) { hackathon { phase version phaseHistory { from to reason } } }
			}""";

	static final String BY_SLUG = "query($slug: String!) { hackathon(slug: $slug) { slug phase phaseHistory { to } } }";

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokenRepository;

	Http http;

	TestAccounts.Account organizer;

	TestAccounts.Account alice;

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokenRepository);
		this.organizer = accounts.organizer();
		this.alice = accounts.user("alice");
	}

	static String slug() {
		return "hk-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static ObjectNode input(String slug, String kind) {
		ObjectNode input = Http.json();
		input.put("slug", slug);
		input.putObject("name").put("zhTW", "零時政府第六十次黑客松").put("en", "g0v hackath60n");
		input.put("kind", kind);
		input.put("startsAt", "2026-11-28T09:00:00+08:00");
		input.put("endsAt", "2026-11-29T18:00:00+08:00");
		input.put("timeZone", "Asia/Taipei");
		return input;
	}

	Http.GraphQlResult create(ObjectNode input, String... headers) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return this.http.graphql(CREATE, variables, headers);
	}

	JsonNode createOk(ObjectNode input) {
		Http.GraphQlResult result = create(input, this.organizer.headers());
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("createHackathon").path("hackathon");
	}

	Http.GraphQlResult changePhase(String id, String to, String reason, TestAccounts.Account who) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("hackathonId", id).put("to", to);
		if (reason != null) {
			input.put("reason", reason);
		}
		return this.http.graphql(CHANGE_PHASE, variables, who.headers());
	}

	@Test
	void organizerCreatesAHackathonWithKindDefaults() {
		JsonNode presidential = createOk(input(slug(), "PRESIDENTIAL"));
		assertThat(presidential.path("phase").asString()).isEqualTo("DRAFT");
		assertThat(presidential.path("outstandingQuota").asInt()).isEqualTo(5);
		assertThat(presidential.path("requirePartnerAgencyForFinalist").asBoolean()).isTrue();
		assertThat(presidential.path("allowMultipleTeams").asBoolean()).isFalse();
		assertThat(presidential.path("startsAt").asString()).isEqualTo("2026-11-28T09:00:00.000+08:00");
		assertThat(presidential.path("name").path("zhTW").asString()).isEqualTo("零時政府第六十次黑客松");
		assertThat(presidential.path("phaseHistory").get(0).path("to").asString()).isEqualTo("DRAFT");
		assertThat(presidential.path("phaseHistory").get(0).path("by").asString()).isEqualTo(this.organizer.id());

		JsonNode community = createOk(input(slug(), "COMMUNITY"));
		assertThat(community.path("outstandingQuota").asInt()).isZero();
		assertThat(community.path("requirePartnerAgencyForFinalist").asBoolean()).isFalse();
		assertThat(community.path("allowMultipleTeams").asBoolean()).isTrue();
	}

	@Test
	void explicitSettingsOverrideTheDefaultsAndRoundsAreKept() {
		ObjectNode input = input(slug(), "PRESIDENTIAL");
		input.put("outstandingQuota", 3).put("requirePartnerAgencyForFinalist", false).put("allowMultipleTeams", true);
		ArrayList<String> kinds = new ArrayList<>(List.of("REVIEW", "PUBLIC_VOTE", "FINAL"));
		var rounds = input.putArray("rounds");
		for (String kind : kinds) {
			rounds.addObject().put("kind", kind).putObject("name").put("en", kind.toLowerCase());
		}
		JsonNode created = createOk(input);
		assertThat(created.path("outstandingQuota").asInt()).isEqualTo(3);
		assertThat(created.path("requirePartnerAgencyForFinalist").asBoolean()).isFalse();
		assertThat(created.path("allowMultipleTeams").asBoolean()).isTrue();
		assertThat(created.path("rounds")).hasSize(3);
		assertThat(created.path("rounds").get(1).path("kind").asString()).isEqualTo("PUBLIC_VOTE");
		assertThat(created.path("rounds").get(0).path("id").asString()).isNotBlank();
	}

	@Test
	void onlyOrganizersCreateHackathons() {
		Http.GraphQlResult anonymous = create(input(slug(), "COMMUNITY"));
		assertThat(anonymous.errorCode()).isEqualTo("UNAUTHENTICATED");
		Http.GraphQlResult user = create(input(slug(), "COMMUNITY"), this.alice.headers());
		assertThat(user.errorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void invalidFieldsAreBadUserInputNamingTheField() {
		assertInvalid(input("Bad Slug!", "COMMUNITY"), "slug");
		assertInvalid(input("ab", "COMMUNITY"), "slug");
		assertInvalid(input("trailing-", "COMMUNITY"), "slug");
		assertInvalid(input(slug(), "COMMUNITY").put("timeZone", "Mars/Olympus"), "timeZone");
		assertInvalid(input(slug(), "COMMUNITY").put("timeZone", "+08:00"), "timeZone");
		assertInvalid(input(slug(), "COMMUNITY").put("endsAt", "2026-11-27T09:00:00+08:00"), "endsAt");
		ObjectNode noName = input(slug(), "COMMUNITY");
		noName.putObject("name").put("zhTW", " ").put("en", "");
		assertInvalid(noName, "name");
		assertInvalid(input(slug(), "COMMUNITY").put("outstandingQuota", -1), "outstandingQuota");
	}

	private void assertInvalid(ObjectNode input, String field) {
		Http.GraphQlResult result = create(input, this.organizer.headers());
		assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("BAD_USER_INPUT");
		assertThat(result.body().path("errors").get(0).path("extensions").path("field").asString()).isEqualTo(field);
	}

	@Test
	void aTakenSlugIsAConflict() {
		String slug = slug();
		createOk(input(slug, "COMMUNITY"));
		Http.GraphQlResult again = create(input(slug, "OTHER"), this.organizer.headers());
		assertThat(again.errorCode()).isEqualTo("CONFLICT");
		assertThat(again.errorMessage()).contains(slug);
	}

	@Test
	void aDraftHackathonIsVisibleToOrganizersOnly() {
		String slug = slug();
		JsonNode created = createOk(input(slug, "COMMUNITY"));
		ObjectNode variables = Http.json().put("slug", slug);
		assertThat(this.http.graphql(BY_SLUG, variables).data().path("hackathon").isNull()).isTrue();
		assertThat(this.http.graphql(BY_SLUG, variables, this.alice.headers()).data().path("hackathon").isNull())
			.isTrue();
		assertThat(this.http.graphql(BY_SLUG, variables, this.organizer.headers())
			.data()
			.path("hackathon")
			.path("slug")
			.asString()).isEqualTo(slug);

		changePhase(created.path("id").asString(), "OPEN_FOR_PROPOSALS", null, this.organizer);
		JsonNode anonymous = this.http.graphql(BY_SLUG, variables).data().path("hackathon");
		assertThat(anonymous.path("phase").asString()).isEqualTo("OPEN_FOR_PROPOSALS");
		assertThat(anonymous.path("phaseHistory").isNull()).as("phase history is for organizers").isTrue();
	}

	@Test
	void phasesMoveOneStepForwardAndBackOnlyWithAReason() {
		String id = createOk(input(slug(), "PRESIDENTIAL")).path("id").asString();
		assertThat(changePhase(id, "OPEN_FOR_PROPOSALS", null, this.organizer).hasErrors()).isFalse();

		Http.GraphQlResult skip = changePhase(id, "JUDGING", null, this.organizer);
		assertThat(skip.errorCode()).isEqualTo("BAD_USER_INPUT");
		JsonNode extensions = skip.body().path("errors").get(0).path("extensions");
		assertThat(extensions.path("from").asString()).isEqualTo("OPEN_FOR_PROPOSALS");
		assertThat(extensions.path("to").asString()).isEqualTo("JUDGING");
		assertThat(skip.errorMessage()).contains("OPEN_FOR_PROPOSALS").contains("JUDGING");

		Http.GraphQlResult backWithoutReason = changePhase(id, "DRAFT", null, this.organizer);
		assertThat(backWithoutReason.errorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(backWithoutReason.body().path("errors").get(0).path("extensions").path("field").asString())
			.isEqualTo("reason");

		Http.GraphQlResult back = changePhase(id, "DRAFT", "Dates were wrong", this.organizer);
		assertThat(back.hasErrors()).isFalse();
		JsonNode history = back.data().path("changeHackathonPhase").path("hackathon").path("phaseHistory");
		assertThat(history).hasSize(3);
		assertThat(history.get(2).path("from").asString()).isEqualTo("OPEN_FOR_PROPOSALS");
		assertThat(history.get(2).path("to").asString()).isEqualTo("DRAFT");
		assertThat(history.get(2).path("reason").asString()).isEqualTo("Dates were wrong");

		assertThat(changePhase(id, "OPEN_FOR_PROPOSALS", null, this.alice).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(changePhase(id, "OPEN_FOR_PROPOSALS", null, this.organizer).hasErrors()).isFalse();
	}

	@Test
	void aStaleExpectedVersionIsAConflict() {
		JsonNode created = createOk(input(slug(), "COMMUNITY"));
		int version = created.path("version").asInt();
		ObjectNode variables = Http.json();
		variables.putObject("input")
			.put("hackathonId", created.path("id").asString())
			.put("to", "OPEN_FOR_PROPOSALS")
			.put("expectedVersion", version + 1);
		assertThat(this.http.graphql(CHANGE_PHASE, variables, this.organizer.headers()).errorCode())
			.isEqualTo("CONFLICT");
		((ObjectNode) variables.get("input")).put("expectedVersion", version);
		assertThat(this.http.graphql(CHANGE_PHASE, variables, this.organizer.headers()).hasErrors()).isFalse();
	}

	@Test
	void roundsAreReplacedKeepingTheIdsGiven() {
		ObjectNode input = input(slug(), "PRESIDENTIAL");
		input.putArray("rounds").addObject().put("kind", "REVIEW").putObject("name").put("zhTW", "初審");
		JsonNode created = createOk(input);
		String roundId = created.path("rounds").get(0).path("id").asString();
		String mutation = """
				mutation($input: SetHackathonRoundsInput!) {
				  setHackathonRounds(input: $input) { hackathon { rounds { id kind name { zhTW en } } } }
				}""";
		ObjectNode variables = Http.json();
		ObjectNode setInput = variables.putObject("input").put("hackathonId", created.path("id").asString());
		var rounds = setInput.putArray("rounds");
		rounds.addObject()
			.put("id", roundId)
			.put("kind", "REVIEW")
			.putObject("name")
			.put("zhTW", "初審")
			.put("en", "Preliminary");
		rounds.addObject().put("kind", "FINAL").putObject("name").put("en", "Final");
		Http.GraphQlResult result = this.http.graphql(mutation, variables, this.organizer.headers());
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		JsonNode saved = result.data().path("setHackathonRounds").path("hackathon").path("rounds");
		assertThat(saved).hasSize(2);
		assertThat(saved.get(0).path("id").asString()).isEqualTo(roundId);
		assertThat(saved.get(0).path("name").path("en").asString()).isEqualTo("Preliminary");

		rounds.addObject().put("id", "no-such-round").put("kind", "FINAL").putObject("name").put("en", "x");
		assertThat(this.http.graphql(mutation, variables, this.organizer.headers()).errorCode())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(this.http.graphql(mutation, variables, this.alice.headers()).errorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void hackathonsArePaginatedWithCursorsAndHideDraftsFromOthers() {
		String kind = "OTHER";
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ObjectNode input = input(slug(), kind);
			input.put("startsAt", "2031-0" + (i + 1) + "-01T09:00:00+08:00")
				.put("endsAt", "2031-0" + (i + 1) + "-02T09:00:00+08:00");
			JsonNode hackathon = createOk(input);
			created.add(hackathon.path("slug").asString());
			if (i % 2 == 0) {
				changePhase(hackathon.path("id").asString(), "OPEN_FOR_PROPOSALS", null, this.organizer);
			}
		}
		String query = """
				query($after: String) {
				  hackathons(kind: OTHER, first: 2, after: $after) {
				    edges { cursor node { slug startsAt } }
				    pageInfo { hasNextPage endCursor }
				  }
				}""";
		List<String> seenByOrganizer = pageThrough(query, this.organizer.headers());
		assertThat(seenByOrganizer).containsSubsequence(created.get(4), created.get(3), created.get(2), created.get(1),
				created.get(0));
		List<String> seenAnonymously = pageThrough(query);
		assertThat(seenAnonymously).contains(created.get(4), created.get(2), created.get(0))
			.doesNotContain(created.get(3), created.get(1));
		assertThat(seenAnonymously).containsSubsequence(created.get(4), created.get(2), created.get(0));

		ObjectNode tooMany = Http.json();
		assertThat(this.http.graphql("{ hackathons(first: 101) { edges { cursor } } }", tooMany).errorCode())
			.isEqualTo("BAD_USER_INPUT");
	}

	private List<String> pageThrough(String query, String... headers) {
		List<String> slugs = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 100; page++) {
			ObjectNode variables = Http.json();
			if (after != null) {
				variables.put("after", after);
			}
			Http.GraphQlResult result = this.http.graphql(query, variables, headers);
			assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
			JsonNode connection = result.data().path("hackathons");
			assertThat(connection.path("edges").size()).isLessThanOrEqualTo(2);
			connection.path("edges").forEach((edge) -> slugs.add(edge.path("node").path("slug").asString()));
			if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
				return slugs;
			}
			after = connection.path("pageInfo").path("endCursor").asString();
		}
		throw new AssertionError("pagination did not end");
	}

	@Test
	void theListIsNarrowedByYearAndByTextInANameSlugOrLocationTakenLiterally() {
		String marker = UUID.randomUUID().toString().substring(0, 6);
		ObjectNode early = input(slug(), "OTHER");
		// 00:30 on 1 January in Taipei is still 2032 in UTC: the year is Taiwan's.
		early.put("startsAt", "2033-01-01T00:30:00+08:00").put("endsAt", "2033-01-02T09:00:00+08:00");
		early.putObject("name").put("zhTW", "市政黑客松 " + marker).put("en", "City Hack (" + marker + ")");
		String inJanuary = createOk(early).path("slug").asString();
		ObjectNode later = input(slug(), "OTHER");
		later.put("startsAt", "2034-05-01T09:00:00+08:00").put("endsAt", "2034-05-02T09:00:00+08:00");
		later.put("location", "Tainan " + marker);
		String inTainan = createOk(later).path("slug").asString();

		assertThat(slugs("year: 2033, search: \"" + marker + "\"")).containsExactly(inJanuary);
		assertThat(slugs("year: 2032, search: \"" + marker + "\"")).isEmpty();
		assertThat(slugs("search: \"" + marker + "\"")).containsExactly(inTainan, inJanuary);
		assertThat(slugs("search: \"tainan " + marker.toUpperCase(java.util.Locale.ROOT) + "\"")).as("case ignored")
			.containsExactly(inTainan);
		assertThat(slugs("search: \"市政黑客松 " + marker + "\"")).containsExactly(inJanuary);
		assertThat(slugs("search: \"hack (" + marker + ")\"")).as("parentheses are text, not a pattern")
			.containsExactly(inJanuary);
		assertThat(slugs("search: \".*" + marker + "\"")).as("nor is .*").isEmpty();
		assertThat(slugs("search: \"" + inTainan + "\"")).containsExactly(inTainan);

		assertThat(this.http.graphql("{ hackathons(year: 1999) { edges { cursor } } }").errorCode())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(this.http.graphql("{ hackathons(search: \"a\\u0000b\") { edges { cursor } } }").errorCode())
			.isEqualTo("BAD_USER_INPUT");
		assertThat(this.http.graphql("{ hackathons(search: \"" + "x".repeat(101) + "\") { edges { cursor } } }")
			.errorCode()).isEqualTo("BAD_USER_INPUT");
	}

	private List<String> slugs(String arguments) {
		Http.GraphQlResult result = this.http.graphql("{ hackathons(" + arguments + ") { edges { node { slug } } } }",
				this.organizer.headers());
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("hackathons").path("edges").findValuesAsString("slug");
	}

	@Test
	void aForgedCursorIsBadUserInput() {
		ObjectNode variables = Http.json().put("after", "bm90LWEtY3Vyc29y");
		Http.GraphQlResult result = this.http
			.graphql("query($after: String) { hackathons(first: 2, after: $after) { edges { cursor } } }", variables);
		assertThat(result.errorCode()).as(result.body().toString()).isEqualTo("BAD_USER_INPUT");
	}

}
