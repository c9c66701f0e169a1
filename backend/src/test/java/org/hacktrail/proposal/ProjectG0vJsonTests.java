package org.hacktrail.proposal;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.hackathon.PhaseChange;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
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
 * A project's g0v.json, checked against the g0v.json specification: the property names,
 * types and enumerations of its schema v1 ({@code schemas/v1.json} of the public
 * repository g0v/g0v.json, the schema awesome-g0v-projects reads; v2 only adds
 * {@code g0v_json} and narrows some types), written down here as the test's expectations.
 */
@ServiceTest
class ProjectG0vJsonTests {

	/** Every property of the g0v.json schema v1. */
	static final Set<String> SPEC_PROPERTIES = Set.of("author", "status", "name", "name_zh", "description",
			"description_zh", "homepage", "thumbnail", "document", "repository", "licenses", "keywords", "audience",
			"products", "partOf", "projects", "contributors", "needs");

	/** The schema's statuses that v1 and v2 both accept (v2 takes lower case only). */
	static final Set<String> SPEC_STATUSES = Set.of("planning", "pre-alpha", "alpha", "beta", "production", "released",
			"archived", "stable", "mature", "inactive", "magic", "other");

	/** {@code repository.type} in the schema. */
	static final Set<String> SPEC_REPOSITORY_TYPES = Set.of("git", "hg", "svn", "cvs", "svk", "other");

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aPublicProjectInTheSpecsFieldsAndNothingPrivate() {
		Hackathon first = hackathon(HackathonPhase.ARCHIVED);
		Hackathon second = hackathon(HackathonPhase.FOLLOW_UP);
		Hackathon draftEvent = hackathon(HackathonPhase.DRAFT);
		Project project = this.mongo.insert(ProposalSeeds.project(UUID.randomUUID().toString(),
				new LocalizedText("零時政府官網", "g0vsite"), "https://github.com/g0v/g0v.tw", "https://g0v.tw/",
				List.of("open-data", "civic-participation"), Instant.parse("2024-01-01T00:00:00Z")));
		proposal(first, project, "零時政府官網", "Ada", new LocalizedText("g0v 官網（舊）", "g0v.tw site (old)"), List.of(),
				Instant.parse("2024-03-02T01:00:00Z"), ProposalStatus.SUBMITTED);
		proposal(second, project, "零時政府官網 2", "Bo", new LocalizedText("g0v 官網", "g0v.tw site"),
				List.of(new ProposalLink(LinkType.NOTES, "https://g0v.hackmd.io/site-notes")),
				Instant.parse("2025-03-02T01:00:00Z"), ProposalStatus.SUBMITTED);
		proposal(second, project, "Secret draft", "Draft Person", LocalizedText.EMPTY, List.of(),
				Instant.parse("2025-03-03T01:00:00Z"));
		proposal(draftEvent, project, "At a draft event", "Hidden Person", LocalizedText.EMPTY, List.of(),
				Instant.parse("2025-04-03T01:00:00Z"), ProposalStatus.SUBMITTED);
		this.mongo.upsert(new Query(Criteria.where("_id").is(project.id())),
				new Update().set("publicState", "ADOPTED").set("state", "INTEGRATED"), "project_followups");

		Http http = Http.localhost(this.port);
		HttpResponse<String> response = http.get("/api/projects/" + project.id() + "/g0v.json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("g0v.json");
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300");
		JsonNode file = Http.parse(response.body());
		List<String> keys = new ArrayList<>(file.propertyNames());
		assertThat(SPEC_PROPERTIES).as("only the spec's properties").containsAll(keys);
		assertThat(file.path("author").asString()).as("required, at least one character").isEqualTo("Ada");
		assertThat(file.path("name").asString()).isEqualTo("g0vsite");
		assertThat(file.path("name_zh").asString()).isEqualTo("零時政府官網");
		assertThat(file.path("description").asString()).isEqualTo("g0v.tw site");
		assertThat(file.path("description_zh").asString()).isEqualTo("g0v 官網");
		assertThat(file.path("homepage").asString()).isEqualTo("https://g0v.tw/");
		assertThat(file.path("document").asString()).isEqualTo("https://g0v.hackmd.io/site-notes");
		assertThat(file.path("repository").path("url").asString()).isEqualTo("https://github.com/g0v/g0v.tw");
		assertThat(SPEC_REPOSITORY_TYPES).contains(file.path("repository").path("type").asString());
		assertThat(file.path("repository").path("type").asString()).isEqualTo("git");
		assertThat(file.path("status").asString()).as("the public state, not the organizers'")
			.isEqualTo("production")
			.isIn(SPEC_STATUSES);
		assertThat(strings(file.path("keywords"))).containsExactly("open-data", "civic-participation");
		assertThat(strings(file.path("contributors"))).containsExactly("Ada", "Bo");
		assertThat(response.body()).doesNotContain("Draft Person", "Hidden Person");
		for (String key : List.of("name", "name_zh", "description", "description_zh", "homepage", "document",
				"author")) {
			assertThat(file.path(key).isString()).as(key + " is a string").isTrue();
		}

		HttpResponse<String> again = http.get("/api/projects/" + project.id() + "/g0v.json");
		assertThat(again.body()).isEqualTo(response.body());
	}

	@Test
	void aChineseOnlyProjectWithoutStateAndProjectsThePublicCannotSee() {
		Hackathon event = hackathon(HackathonPhase.HACKING);
		Project chinese = this.mongo.insert(ProposalSeeds.project(UUID.randomUUID().toString(),
				new LocalizedText("開放國會", null), "https://example.org/svn/parliament", null, List.of(), Instant.now()));
		proposal(event, chinese, "開放國會", "小明", new LocalizedText("讓國會透明", null), List.of(), Instant.now(),
				ProposalStatus.SUBMITTED);
		Http http = Http.localhost(this.port);
		JsonNode file = Http.parse(http.get("/api/projects/" + chinese.id() + "/g0v.json").body());
		assertThat(file.path("name").asString()).as("the schema's name must not be empty").isEqualTo("開放國會");
		assertThat(file.path("name_zh").asString()).isEqualTo("開放國會");
		assertThat(file.has("description")).isFalse();
		assertThat(file.path("description_zh").asString()).isEqualTo("讓國會透明");
		assertThat(file.has("status")).as("no state derived yet").isFalse();
		assertThat(file.path("repository").path("type").asString()).isEqualTo("other");

		Project draftOnly = this.mongo.insert(ProposalSeeds.project(UUID.randomUUID().toString(),
				new LocalizedText(null, "Draft only"), null, null, List.of(), Instant.now()));
		proposal(event, draftOnly, "Draft only", "Someone", LocalizedText.EMPTY, List.of(), Instant.now());
		for (String id : List.of(draftOnly.id(), "no-such-project")) {
			HttpResponse<String> refused = http.get("/api/projects/" + id + "/g0v.json");
			assertThat(refused.statusCode()).as(id).isEqualTo(404);
			JsonNode error = Http.parse(refused.body());
			assertThat(error.path("code").asString()).isEqualTo("NOT_FOUND");
			assertThat(error.path("message").asString()).contains("'" + id + "'");
		}
	}

	@Test
	void anIntegratedServiceTheAgencyRetiredIsNoLongerInProduction() {
		Hackathon event = hackathon(HackathonPhase.FOLLOW_UP);
		Project project = this.mongo.insert(ProposalSeeds.project(UUID.randomUUID().toString(),
				new LocalizedText(null, "Retired service"), null, null, List.of(), Instant.now()));
		proposal(event, project, "Retired service", "Ada", LocalizedText.EMPTY, List.of(), Instant.now(),
				ProposalStatus.SUBMITTED);
		String old = LocalDate.now().minusYears(3).toString();
		List<Document> outcomes = List.of(
				new Document("_id", "m1").append("type", "INTEGRATED_INTO_OPERATIONS")
					.append("date", old)
					.append("verification", "VERIFIED"),
				new Document("_id", "m2").append("type", "SERVICE_RETIRED")
					.append("date", LocalDate.now().minusYears(2).toString())
					.append("verification", "VERIFIED"));
		this.mongo.upsert(new Query(Criteria.where("_id").is(project.id())),
				new Update().set("publicState", "INTEGRATED").set("state", "INTEGRATED").set("outcomes", outcomes),
				"project_followups");
		JsonNode file = Http.parse(Http.localhost(this.port).get("/api/projects/" + project.id() + "/g0v.json").body());
		assertThat(file.path("status").asString()).as("retired two years ago, no sign of the team since")
			.isEqualTo("inactive");
	}

	@Test
	void everyStateMapsToTheSpecsStatusesOrNone() {
		for (ProjectPublicState.State state : ProjectPublicState.State.values()) {
			String status = ProjectG0vJson.status(state);
			if (status != null) {
				assertThat(SPEC_STATUSES).as(state.name()).contains(status);
			}
		}
		assertThat(ProjectPublicState.State.values()).extracting(Enum::name)
			.as("the same states as the follow-up derives")
			.containsExactly("ACTIVE", "DORMANT", "FUNDED", "ADOPTED", "INTEGRATED", "DISCONTINUED");
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((v) -> values.add(v.asString()));
		return values;
	}

	private Hackathon hackathon(HackathonPhase phase) {
		Instant at = Instant.parse("2024-03-01T00:00:00Z");
		String slug = "g0vjson-" + UUID.randomUUID().toString().substring(0, 8);
		return this.mongo.insert(new Hackathon(UUID.randomUUID().toString(), slug, new LocalizedText(null, slug),
				HackathonKind.COMMUNITY, null, at, at.plusSeconds(86_400), "Asia/Taipei", null, phase,
				List.of(new PhaseChange(null, HackathonPhase.DRAFT, at, null, null)), List.of(), 0, false, true, at,
				null, at, null));
	}

	private void proposal(Hackathon hackathon, Project project, String title, String proposer, LocalizedText summary,
			List<ProposalLink> links, Instant at, ProposalStatus... path) {
		this.mongo.insert(ProposalSeeds.proposal(UUID.randomUUID().toString(), hackathon.id(), project.id(),
				LocalizedText.guess(title), summary, proposer, null, List.of(), links, 1, at, List.of(path)));
	}

}
