package org.hacktrail.platform;

import java.util.List;
import java.util.UUID;

import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that is wrong in form is refused with BAD_USER_INPUT and a message that names the
 * rule, and changes nothing, in every operation that takes it: dates outside four-digit
 * years, page sizes outside 1 to 100, control characters in any typed text, and names or
 * titles that reorder the text around them or show nothing ({@link FreeText}).
 */
@ServiceTest
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

	/** What no name or title may be or hold; each is refused with the rule it breaks. */
	static final List<String[]> BAD_NAMES = List.of(new String[] { "nul\u0000byte", "control characters (U+0000" },
			new String[] { "bell\u0007", "control characters (U+0007" },
			new String[] { "next line\u0085", "control characters (U+0085" },
			new String[] { "tab\there", "control characters (U+0009" }, new String[] { "two\nlines", "single line" },
			new String[] { "evil\u202Etxt.exe", "reorder the text around them (U+202E" },
			new String[] { "\u2067isolated\u2069", "reorder the text around them (U+2067" },
			new String[] { "\u200B\u200B", "at least one visible character" },
			new String[] { "\u3164", "at least one visible character" },
			new String[] { "\u00A0\u200D\uFEFF", "at least one visible character" });

	/**
	 * Names people do have: emoji sequences (zero-width joiner), marks, CJK,
	 * right-to-left script with its mark.
	 */
	static final List<String> GOOD_NAMES = List.of("Ada 🚀", "👩\u200D💻 coder", "唐鳳", "مرحبا\u200F team", "Zoë");

	private void assertEveryBadNameRefused(String document, java.util.function.Function<String, ObjectNode> variables,
			String[] headers) {
		for (String[] bad : BAD_NAMES) {
			Http.GraphQlResult result = this.http.graphql(document, variables.apply(bad[0]), headers);
			assertThat(result.errorCode()).as(document + " with " + bad[1] + " -> " + result.body())
				.isEqualTo("BAD_USER_INPUT");
			assertThat(result.errorMessage()).as(document + " -> " + result.body()).contains(bad[1]);
		}
	}

	@Test
	void namesAndTitlesRefuseControlReorderingAndInvisibleCharactersEverywhere() {
		String profile = "mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { user { displayName "
				+ "affiliations } } }";
		Http.GraphQlResult named = this.http.graphql(profile, input((i) -> i.put("displayName", "Before")),
				this.user.headers());
		assertThat(named.hasErrors()).as(named.body().toString()).isFalse();
		assertEveryBadNameRefused(profile, (bad) -> input((i) -> i.put("displayName", bad)), this.user.headers());
		assertEveryBadNameRefused(profile, (bad) -> input((i) -> i.putArray("affiliations").add("g0v").add(bad)),
				this.user.headers());
		// Half of a character, escaped in JSON (a client's encoder would turn it into '?'
		// on the way).
		java.net.http.HttpResponse<String> surrogate = this.http.post("/graphql", "application/json",
				"{\"query\":\"mutation($n: String) { updateMyProfile(input: {displayName: $n}) { user { id } } }\","
						+ "\"variables\":{\"n\":\"half \\uD800 a character\"}}",
				this.user.headers());
		assertThat(Http.parse(surrogate.body()).path("errors").path(0).path("message").asString()).as(surrogate.body())
			.contains("lone surrogate U+D800");
		assertThat(this.http.graphql("{ me { displayName affiliations } }", this.user.headers())
			.data()
			.path("me")
			.toString()).isEqualTo("{\"displayName\":\"Before\",\"affiliations\":[]}");
		for (String good : GOOD_NAMES) {
			Http.GraphQlResult result = this.http.graphql(profile, input((i) -> i.put("displayName", good)),
					this.user.headers());
			assertThat(result.data().path("updateMyProfile").path("user").path("displayName").asString())
				.as(result.body().toString())
				.isEqualTo(good);
		}

		assertEveryBadNameRefused("mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }",
				(bad) -> input((i) -> i.put("name", bad)), this.user.headers());

		String createHackathon = "mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { "
				+ "hackathon { id } } }";
		java.util.function.BiFunction<String, String, ObjectNode> hackathon = (name, location) -> input((i) -> {
			i.put("slug", "strict-" + UUID.randomUUID().toString().substring(0, 8))
				.put("kind", "COMMUNITY")
				.put("timeZone", "Asia/Taipei")
				.put("startsAt", "2026-11-28T09:00:00+08:00")
				.put("endsAt", "2026-11-29T18:00:00+08:00")
				.put("location", location);
			i.putObject("name").put("en", name);
		});
		long hackathons = this.mongo.count(new Query(), "hackathons");
		assertEveryBadNameRefused(createHackathon, (bad) -> hackathon.apply(bad, "Taipei"), this.organizer.headers());
		assertEveryBadNameRefused(createHackathon, (bad) -> hackathon.apply("Fine", bad), this.organizer.headers());
		assertThat(this.mongo.count(new Query(), "hackathons")).isEqualTo(hackathons);

		// Proposals: the title, each need; the summary is long text (line breaks and tabs
		// kept, NUL refused).
		String slug = openHackathon();
		String createProposal = "mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { "
				+ "id summary { en } } } }";
		java.util.function.BiFunction<String, String, ObjectNode> proposal = (title, need) -> input((i) -> {
			i.put("hackathonSlug", slug).putArray("needs").add("design").add(need);
			i.putObject("title").put("en", title);
			i.putObject("summary").put("en", "First line\r\n\tindented second line");
		});
		assertEveryBadNameRefused(createProposal, (bad) -> proposal.apply(bad, "java"), this.user.headers());
		assertEveryBadNameRefused(createProposal, (bad) -> proposal.apply("Fine", bad), this.user.headers());
		ObjectNode nulSummary = proposal.apply("Fine", "java");
		((ObjectNode) nulSummary.path("input").path("summary")).put("en", "nul\u0000 in a summary");
		assertThat(this.http.graphql(createProposal, nulSummary, this.user.headers()).errorMessage())
			.contains("summary.en cannot contain control characters (U+0000)");
		Http.GraphQlResult created = this.http.graphql(createProposal, proposal.apply("Fine", "java"),
				this.user.headers());
		assertThat(created.data().path("createProposal").path("proposal").path("summary").path("en").asString())
			.as(created.body().toString())
			.isEqualTo("First line\r\n\tindented second line");
		String proposalId = created.data().path("createProposal").path("proposal").path("id").asString();

		// A team position's title (the skill wanted).
		assertEveryBadNameRefused(
				"mutation($input: OpenTeamPositionInput!) { openTeamPosition(input: $input) { " + "__typename } }",
				(bad) -> input((i) -> i.put("proposalId", proposalId).put("skill", bad)), this.user.headers());

		// Search refuses the same characters, by the same rule.
		assertEveryBadNameRefused(
				"query($slug: String!, $text: String) { proposals(hackathonSlug: $slug, filter: "
						+ "{text: $text}) { edges { node { id } } } }",
				(bad) -> Http.json().put("slug", slug).put("text", bad), this.user.headers());
	}

	private static ObjectNode input(java.util.function.Consumer<ObjectNode> fill) {
		ObjectNode variables = Http.json();
		fill.accept(variables.putObject("input"));
		return variables;
	}

	/** A hackathon open for proposals; returns its slug. */
	private String openHackathon() {
		String id = hackathon();
		Http.GraphQlResult moved = this.http.graphql("mutation { changeHackathonPhase(input: {hackathonId: \"" + id
				+ "\", to: OPEN_FOR_PROPOSALS}) { hackathon { slug } } }", this.organizer.headers());
		assertThat(moved.hasErrors()).as(moved.body().toString()).isFalse();
		return moved.data().path("changeHackathonPhase").path("hackathon").path("slug").asString();
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
		assertRefused(this.http.graphql(
				"mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { " + "secret } }", token,
				this.user.headers()), "four-digit years");
		assertThat(this.tokens.findByUserIdOrderByCreatedAtDesc(this.user.id())).hasSize((int) tokensBefore);

		ObjectNode create = Http.json();
		ObjectNode input = create.putObject("input");
		String slug = "strict-far-" + UUID.randomUUID().toString().substring(0, 8);
		input.put("slug", slug).put("kind", "COMMUNITY").put("timeZone", "Asia/Taipei");
		input.put("startsAt", "2026-11-28T09:00:00+08:00").put("endsAt", "+10000-01-01T00:00:00Z");
		input.putObject("name").put("en", "Far future");
		assertRefused(this.http.graphql(
				"mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { " + "hackathon { id } } }",
				create, this.organizer.headers()), "four-digit years");
		assertThat(this.mongo.count(new Query(Criteria.where("slug").is(slug)), "hackathons")).isZero();

		String id = hackathon();
		assertRefused(
				this.http.graphql("mutation { updateHackathon(input: {id: \"" + id + "\", startsAt: "
						+ "\"0000-12-31T23:59:59Z\"}) { hackathon { id } } }", this.organizer.headers()),
				"four-digit years");
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
				"notifications(first: %d) { edges { node { id } } }",
				"auditEvents(first: %d) { edges { node { id } } }", "jobRuns(first: %d) { id }",
				"outcomeMilestonesToVerify(first: %d) { id }");
		for (String field : fields) {
			for (int size : new int[] { -1, 0, 101 }) {
				Http.GraphQlResult result = this.http.graphql("{ " + field.formatted(size) + " }",
						this.organizer.headers());
				assertThat(result.errorCode()).as(field.formatted(size) + " -> " + result.body())
					.isEqualTo("BAD_USER_INPUT");
				assertThat(result.errorMessage()).as(field.formatted(size))
					.isEqualTo("Page size must be between 1 and 100, was " + size + ".");
				assertThat(result.body().path("errors").path(0).path("extensions").path("field").asString())
					.isEqualTo("first");
			}
			// 100 is a page size (an unknown hackathon is another matter).
			Http.GraphQlResult allowed = this.http.graphql("{ " + field.formatted(100) + " }",
					this.organizer.headers());
			assertThat(allowed.errorCode()).as(field + " -> " + allowed.body()).isIn(null, "NOT_FOUND");
		}
		// As a variable too.
		Http.GraphQlResult variable = this.http
			.graphql("query($n: Int) { hackathons(first: $n) { edges { node { id } } } }", Http.json().put("n", -1));
		assertThat(variable.errorCode()).isEqualTo("BAD_USER_INPUT");
	}

}
