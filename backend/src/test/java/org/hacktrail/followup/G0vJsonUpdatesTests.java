package org.hacktrail.followup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Project;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity check reads each repository's g0v.json (real files, see
 * {@code resources/g0v-json/README.md}) and proposes metadata updates that organizers and
 * the project's team leads accept or dismiss over GraphQL; nothing is applied by itself,
 * a change made since is never overwritten, and a broken file is a problem on its project
 * while the job completes.
 */
@ServiceTest
class G0vJsonUpdatesTests {

	static final String PROJECT = """
			query($id: ID!) { project(id: $id) { name { zhTW en } description { zhTW en } websiteUrl thumbnailUrl
			  metadataUpdates { id field current proposed sourceSha sourceUrl sourceCommit sourceCommittedAt status }
			  g0vJson { found sourceSha sourceCommit status problem } } }""";

	static final String ACCEPT = """
			mutation($id: ID!) { acceptProjectMetadataUpdate(input: {id: $id}) {
			  update { id status } project { name { zhTW en } websiteUrl } } }""";

	static final String DISMISS = """
			mutation($id: ID!) { dismissProjectMetadataUpdate(input: {id: $id}) { update { id status } } }""";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Autowired
	FollowUpTestConfiguration.StubRepositoryApi api;

	@Autowired
	RepositoryActivityClient client;

	Http http;

	TestAccounts.Account organizer;

	TestAccounts.Account lead;

	TestAccounts.Account stranger;

	String owner;

	Project project;

	@BeforeEach
	void setUp() {
		this.http = Http.localhost(this.port);
		TestAccounts accounts = new TestAccounts(this.users, this.tokens);
		this.organizer = accounts.organizer();
		this.lead = accounts.user(FollowUpFixtures.unique("lead"));
		this.stranger = accounts.user(FollowUpFixtures.unique("stranger"));
		this.owner = FollowUpFixtures.unique("cofacts");
		this.project = withRepository(new FollowUpFixtures(this.mongo).outstandingProject("Cofacts", this.lead.id()),
				"https://github.com/" + this.owner + "/rumors-api");
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(this.project.id())),
				new Update().set("name", new LocalizedText("真的假的", "Cofacts"))
					.set("websiteUrl", "https://cofacts.tw/")
					.set("issueAreas", List.of("media-literacy")),
				Project.class);
		this.api.reset();
		this.mongo.remove(new Query(), ActivityCheckState.class);
		this.client.forgetRateLimit();
		String today = LocalDate.now(ZoneId.of("Asia/Taipei")).minusDays(1) + "T08:00:00Z";
		this.api.answer(this.owner + "/rumors-api", FollowUpTestConfiguration.StubRepositoryApi.Answer.pushed(today));
	}

	Project withRepository(Project project, String url) {
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(project.id())),
				new Update().set("repositoryUrl", url), Project.class);
		return project;
	}

	void file(String ownerRepo, String text, String sha) {
		this.api.answer(ownerRepo + "/contents/g0v.json",
				FollowUpTestConfiguration.StubRepositoryApi.Answer.file(ownerRepo, text, sha));
	}

	JsonNode check() throws InterruptedException {
		JsonNode run = JobRuns.run(this.http, this.organizer, "activityCheck", Map.of("force", "true"));
		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
		return run;
	}

	Http.GraphQlResult project(TestAccounts.Account as, String id) {
		return (as != null) ? this.http.graphql(PROJECT, Http.json().put("id", id), as.headers())
				: this.http.graphql(PROJECT, Http.json().put("id", id));
	}

	JsonNode update(JsonNode project, String field) {
		for (JsonNode update : project.path("metadataUpdates")) {
			if (update.path("field").asString().equals(field)) {
				return update;
			}
		}
		throw new AssertionError("No " + field + " update in " + project);
	}

	Http.GraphQlResult decide(String mutation, TestAccounts.Account as, String id) {
		return (as != null) ? this.http.graphql(mutation, Http.json().put("id", id), as.headers())
				: this.http.graphql(mutation, Http.json().put("id", id));
	}

	@Test
	void cofactsFileProposesItsFieldsAndOnlyOrganizersAndLeadsDecideThem() throws Exception {
		file(this.owner + "/rumors-api", G0vJsonFileTests.fixture("cofacts-rumors-api.g0v.json"), "sha-1");
		this.api.answer(this.owner + "/rumors-api/commits", new FollowUpTestConfiguration.StubRepositoryApi.Answer(200,
				Map.of(), "[{\"sha\":\"c0ffee1\",\"commit\":{\"committer\":{\"date\":\"2024-05-01T08:00:00Z\"}}}]"));
		check();

		JsonNode seen = project(this.lead, this.project.id()).data().path("project");
		assertThat(seen.path("g0vJson").path("problem").isNull()).isTrue();
		assertThat(seen.path("g0vJson").path("status").asString()).isEqualTo("Beta");
		assertThat(seen.path("metadataUpdates")).extracting((u) -> u.path("field").asString())
			.containsExactly("NAME_EN", "DESCRIPTION_EN", "DESCRIPTION_ZH", "HOMEPAGE", "THUMBNAIL");
		JsonNode name = update(seen, "NAME_EN");
		assertThat(name.path("current").asString()).isEqualTo("Cofacts");
		assertThat(name.path("proposed").asString()).isEqualTo("cofacts");
		assertThat(name.path("sourceSha").asString()).isEqualTo("sha-1");
		assertThat(name.path("sourceUrl").asString()).endsWith("/rumors-api/blob/main/g0v.json");
		assertThat(name.path("sourceCommit").asString()).isEqualTo("c0ffee1");
		assertThat(name.path("sourceCommittedAt").asString()).startsWith("2024-05-01T08:00");
		assertThat(seen.path("g0vJson").path("sourceCommit").asString()).isEqualTo("c0ffee1");
		assertThat(this.api.requestsFor(this.owner + "/rumors-api/commits")).isEqualTo(1);
		assertThat(update(seen, "DESCRIPTION_EN").path("current").isNull()).isTrue();
		// Nothing applied yet.
		assertThat(seen.path("name").path("en").asString()).isEqualTo("Cofacts");
		assertThat(seen.path("description").isNull()).isTrue();

		// Others do not see them, and may not decide them.
		assertThat(project(this.stranger, this.project.id()).data().path("project").path("metadataUpdates").isNull())
			.isTrue();
		assertThat(project(null, this.project.id()).data().path("project").path("metadataUpdates").isNull()).isTrue();
		String description = update(seen, "DESCRIPTION_ZH").path("id").asString();
		assertThat(decide(ACCEPT, this.stranger, description).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(decide(DISMISS, this.stranger, description).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(decide(ACCEPT, null, description).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(decide(ACCEPT, this.lead, "no-such-update").errorCode()).isEqualTo("NOT_FOUND");
		assertThat(project(this.organizer, this.project.id()).data().path("project").path("description").isNull())
			.as("refusals change nothing")
			.isTrue();

		// The lead accepts the Chinese description: exactly that field changes; twice is
		// harmless.
		Http.GraphQlResult accepted = decide(ACCEPT, this.lead, description);
		assertThat(accepted.errorCode()).as(accepted.body().toString()).isNull();
		assertThat(accepted.data().path("acceptProjectMetadataUpdate").path("update").path("status").asString())
			.isEqualTo("ACCEPTED");
		assertThat(decide(ACCEPT, this.lead, description).errorCode()).isNull();
		JsonNode after = project(this.organizer, this.project.id()).data().path("project");
		assertThat(after.path("description").path("zhTW").asString()).startsWith("開放大眾編輯的闢謠");
		assertThat(after.path("description").path("en").isNull()).isTrue();
		assertThat(after.path("name").path("en").asString()).isEqualTo("Cofacts");
		assertThat(after.path("websiteUrl").asString()).isEqualTo("https://cofacts.tw/");
		assertThat(after.path("metadataUpdates")).extracting((u) -> u.path("field").asString())
			.doesNotContain("DESCRIPTION_ZH");

		// The organizer dismisses the English name: the next check does not propose it
		// again, and a dismissed update cannot be accepted.
		String englishName = update(after, "NAME_EN").path("id").asString();
		assertThat(decide(DISMISS, this.organizer, englishName).errorCode()).isNull();
		assertThat(decide(ACCEPT, this.organizer, englishName).errorCode()).isEqualTo("CONFLICT");
		check();
		assertThat(this.api.requestsFor(this.owner + "/rumors-api/commits")).as("the same file: its commit is known")
			.isEqualTo(1);
		JsonNode again = project(this.organizer, this.project.id()).data().path("project");
		assertThat(again.path("metadataUpdates")).extracting((u) -> u.path("field").asString())
			.containsExactly("DESCRIPTION_EN", "HOMEPAGE", "THUMBNAIL");
		assertThat(again.path("name").path("en").asString()).isEqualTo("Cofacts");
	}

	@Test
	void aFieldChangedSinceTheProposalIsNotOverwritten() throws Exception {
		file(this.owner + "/rumors-api", G0vJsonFileTests.fixture("cofacts-rumors-api.g0v.json"), "sha-1");
		check();
		String homepage = update(project(this.lead, this.project.id()).data().path("project"), "HOMEPAGE").path("id")
			.asString();
		Http.GraphQlResult edited = this.http.graphql(
				"mutation { updateProject(input: {id: \"" + this.project.id()
						+ "\", websiteUrl: \"https://cofacts.tw/new\"}) { project { websiteUrl } } }",
				this.organizer.headers());
		assertThat(edited.errorCode()).as(edited.body().toString()).isNull();

		Http.GraphQlResult refused = decide(ACCEPT, this.lead, homepage);
		assertThat(refused.errorCode()).isEqualTo("CONFLICT");
		assertThat(refused.errorMessage()).contains("'https://cofacts.tw/new'", "'https://cofacts.tw/'",
				"nothing was changed");
		JsonNode after = project(this.lead, this.project.id()).data().path("project");
		assertThat(after.path("websiteUrl").asString()).isEqualTo("https://cofacts.tw/new");
		assertThat(update(after, "HOMEPAGE").path("status").asString()).isEqualTo("PENDING");

		// The next check proposes against the new value; then accepting applies it.
		check();
		JsonNode renewed = update(project(this.lead, this.project.id()).data().path("project"), "HOMEPAGE");
		assertThat(renewed.path("current").asString()).isEqualTo("https://cofacts.tw/new");
		assertThat(decide(ACCEPT, this.lead, renewed.path("id").asString()).errorCode()).isNull();
		assertThat(project(this.lead, this.project.id()).data().path("project").path("websiteUrl").asString())
			.isEqualTo("https://rumors.hacktabl.org/");
	}

	@Test
	void keywordsNamingAKnownTagProposeIssueAreasAndAFileThatIsGoneWithdrawsTheProposals() throws Exception {
		file(this.owner + "/rumors-api", """
				{"author": "MrOrz", "keywords": ["fact-checking", "Open data", "開放政府"]}
				""", "sha-2");
		check();
		JsonNode areas = update(project(this.lead, this.project.id()).data().path("project"), "ISSUE_AREAS");
		assertThat(areas.path("current").asString()).isEqualTo("media-literacy");
		assertThat(areas.path("proposed").asString()).isEqualTo("media-literacy, open-data, open-government");
		assertThat(decide(ACCEPT, this.lead, areas.path("id").asString()).errorCode()).isNull();
		Project stored = this.mongo.findById(this.project.id(), Project.class);
		assertThat(stored.issueAreas()).containsExactly("media-literacy", "open-data", "open-government");

		file(this.owner + "/rumors-api", "{\"author\": \"MrOrz\", \"homepage\": \"https://cofacts.tw/x\"}", "sha-3");
		check();
		assertThat(project(this.lead, this.project.id()).data().path("project").path("metadataUpdates")).hasSize(1);
		this.api.answers.remove(this.owner + "/rumors-api/contents/g0v.json");
		check();
		JsonNode gone = project(this.lead, this.project.id()).data().path("project");
		assertThat(gone.path("metadataUpdates")).isEmpty();
		assertThat(gone.path("g0vJson").path("found").asBoolean()).isFalse();
	}

	@Test
	void theFileHacktrailWritesForAProjectProposesNothingForIt() throws Exception {
		for (LocalizedText name : List.of(new LocalizedText("真的假的", "Cofacts"), new LocalizedText("真的假的", null))) {
			this.mongo.updateFirst(new Query(Criteria.where("_id").is(this.project.id())),
					new Update().set("name", name)
						.set("description", new LocalizedText("闢謠平台。", "Fact-checking."))
						.set("thumbnailUrl", "https://cofacts.tw/logo.png"),
					Project.class);
			java.net.http.HttpResponse<String> written = this.http
				.get("/api/projects/" + this.project.id() + "/g0v.json");
			assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
			assertThat(written.body()).contains("\"description_zh\" : \"闢謠平台。\"",
					"\"thumbnail\" : \"https://cofacts.tw/logo.png\"");
			file(this.owner + "/rumors-api", written.body(), "sha-own");
			check();
			JsonNode project = project(this.lead, this.project.id()).data().path("project");
			assertThat(project.path("g0vJson").path("problem").isNull()).isTrue();
			assertThat(project.path("metadataUpdates")).as(written.body()).isEmpty();
		}
	}

	@Test
	void aBrokenFileIsAProblemOnItsProjectAndTheJobGoesOn() throws Exception {
		String other = FollowUpFixtures.unique("g0v");
		Project site = withRepository(new FollowUpFixtures(this.mongo).outstandingProject("g0vsite", this.lead.id()),
				"https://github.com/" + other + "/g0v.tw");
		this.api.answer(other + "/g0v.tw",
				FollowUpTestConfiguration.StubRepositoryApi.Answer.pushed(LocalDate.now().minusDays(2) + "T00:00:00Z"));
		file(other + "/g0v.tw", G0vJsonFileTests.fixture("sample-g0v.json"), "sha-sample");
		file(this.owner + "/rumors-api", G0vJsonFileTests.fixture("moedict-webkit.g0v.json"), "sha-4");

		JsonNode run = check();
		assertThat(run.path("exitCode").asString()).isEqualTo("COMPLETED");

		JsonNode broken = project(null, site.id()).data().path("project");
		assertThat(broken.path("g0vJson").path("problem").asString())
			.startsWith("g0v.json is not valid JSON at line 14");
		assertThat(project(this.organizer, site.id()).data().path("project").path("metadataUpdates")).isEmpty();
		assertThat(this.mongo.findById(site.id(), ProjectFollowUp.class).lastPushedOn()).as("the push still counts")
			.isNotNull();
		JsonNode moedict = project(this.lead, this.project.id()).data().path("project");
		assertThat(moedict.path("g0vJson").path("problem").isNull()).isTrue();
		assertThat(update(moedict, "THUMBNAIL").path("proposed").asString())
			.isEqualTo("https://pbs.twimg.com/media/BQMX_oGCEAIaAEQ.png");
		assertThat(moedict.path("metadataUpdates")).extracting((u) -> u.path("field").asString())
			.doesNotContain("NAME_ZH", "ISSUE_AREAS");
	}

}
