package org.hacktrail.followup;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.identity.ApiTokenRepository;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProposalStatus;
import org.hacktrail.support.CsvFiles;
import org.hacktrail.support.Http;
import org.hacktrail.support.ServiceTest;
import org.hacktrail.support.TestAccounts;
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
 * The open-data export: anyone may download it; it holds published projects only, their
 * published proposals with awards and their verified outcome trail, under the licence,
 * and no personal data beyond public display names.
 */
@ServiceTest
class OpenDataTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenRepository tokens;

	@Test
	void publishedProjectsWithTheirVerifiedTrailAndNothingPersonal() {
		TestAccounts.Account proposer = new TestAccounts(this.users, this.tokens)
			.user(FollowUpFixtures.unique("alice"));
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		Hackathon published = fixtures.hackathon(HackathonKind.PRESIDENTIAL, HackathonPhase.ARCHIVED,
				LocalDate.of(2019, 8, 1), LocalDate.of(2019, 8, 2));
		Hackathon judging = fixtures.hackathon(HackathonKind.PRESIDENTIAL, HackathonPhase.JUDGING,
				LocalDate.of(2020, 8, 1), LocalDate.of(2020, 8, 2));
		Project open = fixtures.project("Open project " + FollowUpFixtures.unique("p"), "https://github.com/o/open",
				"open-data");
		Project unpublished = fixtures.project("Still judged", null);
		Project draft = fixtures.project("Draft only", null);
		fixtures.proposal(published, "Open data portal", proposer.id(), open, 3, List.of("open-data"),
				ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW, ProposalStatus.SHORTLISTED, ProposalStatus.FINALIST,
				ProposalStatus.OUTSTANDING);
		fixtures.proposal(judging, "Open data portal, year two", proposer.id(), open, 3, List.of(),
				ProposalStatus.SUBMITTED);
		fixtures.proposal(judging, "Still judged", null, unpublished, 1, List.of(), ProposalStatus.SUBMITTED);
		fixtures.proposal(published, "Draft only", null, draft, 1, List.of());
		OutcomeMilestone verified = fixtures.milestone(open, MilestoneType.FUNDED, LocalDate.of(2020, 1, 2),
				VerificationState.VERIFIED, "Ministry of Digital Affairs", "1500000", "TWD");
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(verified.id())),
				new Update().set("note", "Call Alice at 0912-345-678").set("reportedBy", proposer.id()),
				FollowUpStates.MILESTONES);
		OutcomeMilestone pending = fixtures.milestone(open, MilestoneType.ADOPTED, LocalDate.of(2020, 6, 1),
				VerificationState.PENDING, "Taipei City", null, null);
		OutcomeMilestone rejected = fixtures.milestone(open, MilestoneType.PILOT, LocalDate.of(2020, 3, 1),
				VerificationState.REJECTED, "Nowhere", null, null);
		fixtures.milestone(unpublished, MilestoneType.FUNDED, LocalDate.of(2021, 1, 2), VerificationState.VERIFIED, "X",
				"1", "TWD");

		Http anonymous = Http.localhost(this.port);
		HttpResponse<String> json = anonymous.get("/api/opendata/projects.json");
		assertThat(json.statusCode()).isEqualTo(200);
		JsonNode body = Http.parse(json.body());
		assertThat(body.path("licence").asString()).isEqualTo("CC-BY-4.0");
		assertThat(body.path("licenceUrl").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
		List<String> ids = body.path("projects").findValuesAsString("id");
		assertThat(ids).contains(open.id()).doesNotContain(unpublished.id(), draft.id());
		JsonNode project = null;
		for (JsonNode candidate : body.path("projects")) {
			if (candidate.path("id").asString().equals(open.id())) {
				project = candidate;
			}
		}
		assertThat(project.path("state").asString()).isEqualTo("FUNDED");
		assertThat(project.path("proposals")).as("the proposal at an unpublished hackathon is left out").hasSize(1);
		assertThat(project.path("proposals").path(0).path("award").asString()).isEqualTo("OUTSTANDING");
		assertThat(project.path("proposals").path(0).path("proposer").asString())
			.isEqualTo(FollowUpFixtures.proposerName("Open data portal", proposer.id()));
		assertThat(project.path("outcomes")).singleElement().satisfies((outcome) -> {
			assertThat(outcome.path("id").asString()).isEqualTo(verified.id());
			assertThat(outcome.path("amount").asString()).isEqualTo("1500000");
			assertThat(outcome.has("note")).isFalse();
		});
		assertThat(json.body()).doesNotContain(pending.id(), rejected.id(), proposer.id(), "0912-345-678",
				proposer.user().email());

		HttpResponse<String> csv = anonymous.get("/api/opendata/projects.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo(String.join(",", OpenDataExport.CSV_COLUMNS));
		String row = lines.stream().filter((line) -> line.startsWith(open.id())).findFirst().orElseThrow();
		assertThat(row).contains(",FUNDED,", published.slug() + ":OUTSTANDING", "2020-01-02", "TWD 1500000",
				",1,CC-BY-4.0");
		assertThat(csv.body()).doesNotContain(unpublished.id(), proposer.id(), "0912-345-678");
	}

	@Test
	void theSpreadsheetFileNeutralisesFormulasAndTheDefaultKeepsThemAsTyped() {
		FollowUpFixtures fixtures = new FollowUpFixtures(this.mongo);
		Hackathon published = fixtures.hackathon(HackathonKind.COMMUNITY, HackathonPhase.ARCHIVED,
				LocalDate.of(2021, 8, 1), LocalDate.of(2021, 8, 2));
		String name = "=HYPERLINK(\"http://evil\",\"click\") " + FollowUpFixtures.unique("p");
		Project project = fixtures.project(name, "https://github.com/o/formula", "open-data");
		fixtures.proposal(published, "+SUM(1,2) idea", null, project, 1, List.of(), ProposalStatus.SUBMITTED);
		Project plain = fixtures.project("Plain = name + with - triggers @ inside", null);
		fixtures.proposal(published, "a=b", null, plain, 1, List.of(), ProposalStatus.SUBMITTED);

		Http anonymous = Http.localhost(this.port);
		HttpResponse<String> asTyped = anonymous.get("/api/opendata/projects.csv");
		HttpResponse<String> safe = anonymous.get("/api/opendata/projects.csv?for=spreadsheet");
		assertThat(safe.statusCode()).isEqualTo(200);
		assertThat(safe.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(asTyped.headers().firstValue("Content-Disposition").orElse("")).contains("hacktrail-projects.csv");
		assertThat(safe.headers().firstValue("Content-Disposition").orElse(""))
			.contains("hacktrail-projects-spreadsheet.csv");
		assertThat(safe.body()).as("a byte order mark for spreadsheet apps").startsWith("\uFEFF");
		assertThat(asTyped.body()).doesNotStartWith("\uFEFF");
		assertThat(safe.body().substring(1).lines().findFirst()).isEqualTo(asTyped.body().lines().findFirst());

		List<CSVRecord> typedRows = CsvFiles.records(asTyped.body());
		List<CSVRecord> safeRows = CsvFiles.records(safe.body());
		assertThat(safeRows).hasSameSizeAs(typedRows);
		for (int i = 0; i < typedRows.size(); i++) {
			for (String column : OpenDataExport.CSV_COLUMNS) {
				assertThat(safeRows.get(i).get(column)).as(column)
					.isEqualTo(CsvFiles.forSpreadsheet(typedRows.get(i).get(column)));
			}
		}
		CSVRecord typed = typedRows.stream()
			.filter((r) -> r.get("project_id").equals(project.id()))
			.findFirst()
			.orElseThrow();
		CSVRecord spreadsheet = safeRows.stream()
			.filter((r) -> r.get("project_id").equals(project.id()))
			.findFirst()
			.orElseThrow();
		assertThat(typed.get("name_en")).isEqualTo(name);
		assertThat(spreadsheet.get("name_en")).isEqualTo("'" + name);
		assertThat(typed.get("proposal_titles")).isEqualTo("+SUM(1,2) idea");
		assertThat(spreadsheet.get("proposal_titles")).isEqualTo("'+SUM(1,2) idea");
		assertThat(spreadsheet.get("repository_url")).isEqualTo("https://github.com/o/formula");
		assertThat(safe.body()).contains(",Plain = name + with - triggers @ inside,").contains(",a=b,");

		HttpResponse<String> refused = anonymous.get("/api/opendata/projects.csv?for=excel");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Http.parse(refused.body()).path("message").asString()).contains("'excel'", "'spreadsheet'");
	}

}
